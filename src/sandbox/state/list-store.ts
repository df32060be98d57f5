import { conflict } from './state-error.ts';

/** A list (segment) as crm-lists-2026-09.json's PublicObjectList describes it. */
export interface ListRecord {
  listId: string;
  name: string;
  objectTypeId: string;
  processingType: string;
  /** As the creator sent it; only returned when asked (`includeFilters`) and on creation. */
  filterBranch?: unknown;
  listVersion: number;
  processingStatus: string;
  createdAt: number;
  updatedAt: number;
  filtersUpdatedAt: number;
}

export interface ListInput {
  name: string;
  objectTypeId: string;
  processingType: string;
  filterBranch?: unknown;
}

export interface ListStore {
  create(input: ListInput): ListRecord;
  byId(listId: string): ListRecord | undefined;
  /** Names are unique in a portal; HubSpot matches them without regard to case. */
  byName(objectTypeId: string, name: string): ListRecord | undefined;
  all(): ListRecord[];
}

/** A portal's lists. Membership is not computed: the app only creates the list and finds it again by name. */
export function createListStore(now: () => number): ListStore {
  const lists = new Map<string, ListRecord>();
  let lastId = 0;
  const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  return {
    create(input) {
      if ([...lists.values()].some((list) => sameName(list.name, input.name))) {
        throw conflict(`A list named '${input.name}' already exists.`, { context: { name: [input.name] } });
      }
      const at = now();
      lastId += 1;
      const list: ListRecord = {
        listId: String(lastId),
        name: input.name,
        objectTypeId: input.objectTypeId,
        processingType: input.processingType,
        ...(input.filterBranch === undefined ? {} : { filterBranch: structuredClone(input.filterBranch) }),
        listVersion: 1,
        processingStatus: 'COMPLETE',
        createdAt: at,
        updatedAt: at,
        filtersUpdatedAt: at,
      };
      lists.set(list.listId, list);
      return list;
    },
    byId: (listId) => lists.get(listId),
    byName: (objectTypeId, name) =>
      [...lists.values()].find((list) => list.objectTypeId === objectTypeId && sameName(list.name, name)),
    all: () => [...lists.values()],
  };
}
