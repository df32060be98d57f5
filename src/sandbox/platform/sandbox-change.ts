/**
 * A change in the sandbox's CRM state, as its `onChange((portalId, change) => …)` reports it (src/sandbox/state).
 * The platform turns it into signed webhooks (webhooks/) and Webhooks Journal entries (journal/).
 */
export interface SandboxChange {
  /** `companies`, `contacts`, … (an object type id or singular name is understood too). */
  objectType: string;
  objectId: string | number;
  kind: 'creation' | 'propertyChange' | 'deletion' | 'associationChange' | 'merge';
  propertyName?: string;
  propertyValue?: string | null;
  /** CRM_UI, INTEGRATION, IMPORT, …: what HubSpot puts in `changeSource`. */
  changeSource: string;
  /** For INTEGRATION, the writing app's id as a string; `userId:…` for a user. */
  sourceId?: string;
  fromObjectId?: string | number;
  toObjectId?: string | number;
  associationRemoved?: boolean;
  /** Epoch milliseconds (an ISO string is accepted). */
  occurredAt: number | string;
  // Optional facts HubSpot's association and merge events carry; sent when the state provides them.
  /** The other end's type for an association change: `companies`. */
  toObjectType?: string;
  associationTypeId?: number;
  associationCategory?: string;
  isPrimaryAssociation?: boolean;
  /** For a merge: the ids merged into objectId (else fromObjectId). */
  mergedObjectIds?: readonly (string | number)[];
  numberOfPropertiesMoved?: number;
}

/** Epoch milliseconds of a change. */
export function occurredAtMs(change: Pick<SandboxChange, 'occurredAt'>): number {
  const at = typeof change.occurredAt === 'number' ? change.occurredAt : Date.parse(change.occurredAt);
  if (!Number.isFinite(at)) throw new TypeError(`change.occurredAt is not a time: ${String(change.occurredAt)}`);
  return at;
}

/** HubSpot sends object ids as numbers; the state keeps them as strings. */
export function numericId(id: string | number): number | string {
  const n = typeof id === 'number' ? id : Number(id);
  return Number.isSafeInteger(n) && String(n) === String(id) ? n : id;
}
