import type { HubSpotObject } from '../../adapters/hubspot/bundle.ts';
import { compareIds } from './compare-ids.ts';
import type { ObjectType } from './portal-seed.ts';
import type { SandboxChange, WriteSource } from './sandbox-change.ts';
import { currentValue, type HistoryEntry, type StoredObject } from './stored-object.ts';

export type PropertyValues = Readonly<Record<string, string>>;

export interface ObjectStore {
  /** A seed record, as is: its `propertiesWithHistory` become the history, a differing current value is added on top. */
  load(type: ObjectType, object: HubSpotObject): void;
  /** The record (the survivor when `id` was merged away), archived ones only when asked; undefined when none. */
  get(type: ObjectType, id: string, options?: { archived?: boolean }): StoredObject | undefined;
  /** Every record of the type, archived and merged ones included, by id ascending. */
  all(type: ObjectType): StoredObject[];
  create(type: ObjectType, properties: PropertyValues, source: WriteSource): StoredObject;
  /** Writes the values that differ from the current ones (each one a history entry); throws when there is no record. */
  update(type: ObjectType, id: string, properties: PropertyValues, source: WriteSource): StoredObject;
  /** Moves the record to the recycling bin; false when there was none (or it is archived already). */
  archive(type: ObjectType, id: string, source: WriteSource): boolean;
  /** Marks `mergedId` as merged into `primaryId` (its reads answer with the survivor). */
  markMerged(type: ObjectType, mergedId: string, primaryId: string): void;
}

/**
 * A portal's records with their property histories. Ids come from one counter per portal, above every seed id, so
 * newer records have higher ids as in HubSpot (the app keeps "the newest by id"). Every write is reported to `emit`.
 */
export function createObjectStore(now: () => number, emit: (change: SandboxChange) => void): ObjectStore {
  const byType = new Map<ObjectType, Map<string, StoredObject>>();
  let lastId = 1000n;

  const recordsOf = (type: ObjectType) => {
    let records = byType.get(type);
    if (!records) {
      records = new Map();
      byType.set(type, records);
    }
    return records;
  };
  const source = (s: WriteSource) => ({ changeSource: s.sourceType, ...(s.sourceId ? { sourceId: s.sourceId } : {}) });
  const entry = (value: string, at: number, s: WriteSource): HistoryEntry => ({
    value,
    timestamp: new Date(at).toISOString(),
    ...s,
  });

  function load(type: ObjectType, object: HubSpotObject): void {
    const records = recordsOf(type);
    if (records.has(object.id)) throw new Error(`seed: ${type} ${object.id} appears twice`);
    const createdAt = Date.parse(object.createdAt);
    const updatedAt = Date.parse(object.updatedAt);
    const history = new Map<string, HistoryEntry[]>();
    for (const [name, entries] of Object.entries(object.propertiesWithHistory ?? {})) {
      history.set(
        name,
        entries.map((e) => ({ ...e })),
      );
    }
    for (const [name, value] of Object.entries(object.properties)) {
      if (value === null || name === 'hs_object_id' || name === 'hs_lastmodifieddate') continue;
      const past = history.get(name) ?? [];
      if (past[0]?.value !== value) history.set(name, [entry(value, updatedAt, { sourceType: 'CRM_UI' }), ...past]);
    }
    records.set(object.id, {
      type,
      id: object.id,
      createdAt,
      updatedAt,
      archived: object.archived,
      ...(object.archivedAt ? { archivedAt: Date.parse(object.archivedAt) } : {}),
      history,
    });
    const numeric = BigInt(object.id);
    if (numeric > lastId) lastId = numeric;
  }

  function get(type: ObjectType, id: string, options: { archived?: boolean } = {}): StoredObject | undefined {
    let record = recordsOf(type).get(id);
    for (let hops = 0; record?.mergedInto !== undefined && hops < 100; hops++) {
      record = recordsOf(type).get(record.mergedInto);
    }
    if (record === undefined || record.archived !== (options.archived ?? false)) return undefined;
    return record;
  }

  function create(type: ObjectType, properties: PropertyValues, s: WriteSource): StoredObject {
    lastId += 1n;
    const at = now();
    const history = new Map<string, HistoryEntry[]>();
    for (const [name, value] of Object.entries(properties)) {
      if (value !== '') history.set(name, [entry(value, at, s)]);
    }
    const record: StoredObject = { type, id: String(lastId), createdAt: at, updatedAt: at, archived: false, history };
    recordsOf(type).set(record.id, record);
    emit({ objectType: type, objectId: record.id, kind: 'creation', ...source(s), occurredAt: at });
    return record;
  }

  function update(type: ObjectType, id: string, properties: PropertyValues, s: WriteSource): StoredObject {
    const record = get(type, id);
    if (record === undefined) throw new Error(`no ${type} ${id}`);
    const at = now();
    const changed: [string, string][] = [];
    for (const [name, value] of Object.entries(properties)) {
      if (currentValue(record, name) === value || (value === '' && currentValue(record, name) === undefined)) continue;
      record.history.set(name, [entry(value, at, s), ...(record.history.get(name) ?? [])]);
      changed.push([name, value]);
    }
    if (changed.length === 0) return record;
    record.updatedAt = at;
    for (const [propertyName, propertyValue] of changed) {
      emit({
        objectType: type,
        objectId: record.id,
        kind: 'propertyChange',
        propertyName,
        propertyValue,
        ...source(s),
        occurredAt: at,
      });
    }
    return record;
  }

  function archive(type: ObjectType, id: string, s: WriteSource): boolean {
    const record = get(type, id);
    if (record === undefined) return false;
    const at = now();
    record.archived = true;
    record.archivedAt = at;
    record.updatedAt = at;
    emit({ objectType: type, objectId: record.id, kind: 'deletion', ...source(s), occurredAt: at });
    return true;
  }

  function markMerged(type: ObjectType, mergedId: string, primaryId: string): void {
    const record = recordsOf(type).get(mergedId);
    if (record === undefined) throw new Error(`no ${type} ${mergedId}`);
    record.mergedInto = primaryId;
    record.archived = true;
    record.archivedAt = now();
  }

  return {
    load,
    get,
    all: (type) => [...recordsOf(type).values()].sort((a, b) => compareIds(a.id, b.id)),
    create,
    update,
    archive,
    markMerged,
  };
}
