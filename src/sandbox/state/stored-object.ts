import type { HubSpotValueWithTimestamp } from '../../adapters/hubspot/bundle.ts';
import type { ObjectType } from './portal-seed.ts';

/** One past value of a property, as HubSpot lists it in `propertiesWithHistory`. */
export type HistoryEntry = Pick<
  HubSpotValueWithTimestamp,
  'value' | 'timestamp' | 'sourceType' | 'sourceId' | 'sourceLabel' | 'updatedByUserId'
>;

/** A record of a portal. Its properties exist only as their histories: the current value is the newest entry's. */
export interface StoredObject {
  type: ObjectType;
  id: string;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** Set when merged away: reads of this id answer with the surviving record. */
  mergedInto?: string;
  /** property → its values, newest first. */
  history: Map<string, HistoryEntry[]>;
}

/** Properties HubSpot computes for every record and returns with every read. */
export const DEFAULT_READ_PROPERTIES = ['createdate', 'hs_lastmodifieddate', 'hs_object_id'] as const;

/** The current value of a property, computed ones included; undefined when it has none. */
export function currentValue(object: StoredObject, name: string): string | undefined {
  if (name === 'hs_object_id') return object.id;
  if (name === 'hs_lastmodifieddate') return new Date(object.updatedAt).toISOString();
  const stored = object.history.get(name)?.[0]?.value;
  if (stored === undefined && name === 'createdate') return new Date(object.createdAt).toISOString();
  return stored;
}

/** A property's history, newest first, computed ones included ([] when it never had a value). */
export function historyOf(object: StoredObject, name: string): HistoryEntry[] {
  const stored = object.history.get(name);
  if (stored !== undefined && stored.length > 0) return stored.map((entry) => ({ ...entry }));
  const computed = currentValue(object, name);
  if (computed === undefined) return [];
  const at = name === 'hs_lastmodifieddate' ? object.updatedAt : object.createdAt;
  return [{ value: computed, timestamp: new Date(at).toISOString(), sourceType: 'CALCULATED' }];
}

/** Every property name the record has a value for, computed ones included. */
export function propertyNames(object: StoredObject): string[] {
  return [...new Set([...DEFAULT_READ_PROPERTIES, ...object.history.keys()])];
}
