import type { HubSpotObject, HubSpotOwner, HubSpotValueWithTimestamp } from '../../adapters/hubspot/bundle.ts';
import { ASSOCIATED_READS, companyReadSpec } from '../../adapters/hubspot/live/read-plan.ts';
import { DEFAULT_MAPPINGS } from '../../core/mappings.ts';
import type { DemoPortalSeed, ObjectType, SeedAssociation } from './demo-seed.ts';

/** One past value, oldest-first lists of these are turned into HubSpot's newest-first history. */
export type Change = [value: string | null, at: number, source?: Source];

export interface Source {
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
}

export interface AddOptions {
  /** When the record was created (createdate). */
  at: number;
  /** Past values per property, oldest first; the last one should be the current value. */
  history?: Record<string, Change[]>;
}

export interface PortalBuilder {
  readonly now: number;
  add(type: ObjectType, properties: Record<string, string | null>, options: AddOptions): HubSpotObject;
  associate(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): void;
  /** Records a change of a property at `at` in its history; the property takes the newest value. */
  change(object: HubSpotObject, property: string, value: string | null, at: number, source?: Source): void;
  addOwner(owner: HubSpotOwner): void;
  /** The finished seed: history for every property the app reads with history, times and ids consistent. */
  seed(): DemoPortalSeed;
}

// HubSpot hands out ids per object type; engagements (emails, calls, meetings, notes, tasks) share one sequence.
const ID_BASE: Record<ObjectType, number> = {
  companies: 29_100_000_000,
  contacts: 51_200_000,
  deals: 37_800_000_000,
  tickets: 4_460_000_000,
  emails: 62_300_000_000,
  calls: 62_300_000_000,
  meetings: 62_300_000_000,
  notes: 62_300_000_000,
  tasks: 62_300_000_000,
  feedback_submissions: 734_000_000,
};

const CRM_UI: Source = { sourceType: 'CRM_UI' };

/** The properties the app asks with `propertiesWithHistory`: HubSpot keeps a history for them from the first value. */
function historyProperties(): Map<ObjectType, readonly string[]> {
  const out = new Map<ObjectType, readonly string[]>();
  out.set('companies', companyReadSpec(DEFAULT_MAPPINGS).propertiesWithHistory);
  for (const read of ASSOCIATED_READS) out.set(read.objectType as ObjectType, read.propertiesWithHistory);
  return out;
}

export function nextIdAfter(type: ObjectType, ids: Iterable<string>): string {
  let max = ID_BASE[type];
  for (const id of ids) max = Math.max(max, Number(id));
  return String(max + 1);
}

export function createPortalBuilder(portalId: number, now: number): PortalBuilder {
  const objects = new Map<ObjectType, HubSpotObject[]>();
  const associations: SeedAssociation[] = [];
  const owners: HubSpotOwner[] = [];
  const counters = new Map<number, number>();
  const iso = (at: number) => new Date(at).toISOString();
  const entry = (value: string, at: number, source: Source = CRM_UI): HubSpotValueWithTimestamp => ({
    value,
    timestamp: iso(at),
    ...source,
  });

  return {
    now,
    add(type, properties, { at, history }) {
      const base = ID_BASE[type];
      const n = (counters.get(base) ?? 0) + 1;
      counters.set(base, n);
      const id = String(base + n);
      const object: HubSpotObject = {
        id,
        properties: { ...properties, hs_object_id: id, createdate: iso(at), hs_lastmodifieddate: iso(at) },
        createdAt: iso(at),
        updatedAt: iso(at),
        archived: false,
      };
      for (const [name, changes] of Object.entries(history ?? {})) {
        object.propertiesWithHistory ??= {};
        // HubSpot records a cleared value as ''.
        object.propertiesWithHistory[name] = changes
          .map(([value, when, source]) => entry(value ?? '', when, source))
          .reverse();
        const latest = changes.at(-1);
        if (latest) object.properties[name] = latest[0];
      }
      const list = objects.get(type) ?? [];
      list.push(object);
      objects.set(type, list);
      return object;
    },
    associate(fromType, fromId, toType, toId) {
      associations.push({ fromType, fromId, toType, toId });
    },
    change(object, property, value, at, source) {
      object.propertiesWithHistory ??= {};
      // HubSpot lists history newest first; the newest entry is the current value.
      const current = object.properties[property];
      const list = [...(object.propertiesWithHistory[property] ?? [])];
      // A value set at creation is the first entry of the history.
      if (list.length === 0 && current != null && current !== '')
        list.push(entry(current, Date.parse(object.createdAt)));
      let i = 0;
      while (i < list.length && Date.parse((list[i] as HubSpotValueWithTimestamp).timestamp) > at) i++;
      list.splice(i, 0, entry(value ?? '', at, source));
      object.propertiesWithHistory[property] = list;
      if (i === 0) object.properties[property] = value;
    },
    addOwner(owner) {
      owners.push(owner);
    },
    seed() {
      const withHistory = historyProperties();
      const out: DemoPortalSeed['objects'] = {};
      for (const [type, list] of objects) {
        for (const object of list) finish(object, withHistory.get(type) ?? [], entry);
        out[type] = list;
      }
      return { portalId, owners, objects: out, associations };
    },
  };
}

/** Gives every read-with-history property its first value, and sets updatedAt to the latest change. */
function finish(
  object: HubSpotObject,
  historyNames: readonly string[],
  entry: (value: string, at: number, source?: Source) => HubSpotValueWithTimestamp,
): void {
  const created = Date.parse(object.createdAt);
  let latest = created;
  for (const name of historyNames) {
    const value = object.properties[name];
    if (value == null || value === '' || object.propertiesWithHistory?.[name]) continue;
    object.propertiesWithHistory ??= {};
    object.propertiesWithHistory[name] = [entry(value, created)];
  }
  for (const changes of Object.values(object.propertiesWithHistory ?? {})) {
    for (const change of changes) latest = Math.max(latest, Date.parse(change.timestamp));
  }
  const updatedAt = new Date(latest).toISOString();
  object.updatedAt = updatedAt;
  object.properties.hs_lastmodifieddate = updatedAt;
}
