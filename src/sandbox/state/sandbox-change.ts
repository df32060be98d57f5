import type { ObjectType } from './portal-seed.ts';

/**
 * Who made a write, as HubSpot records it in a property's history and in webhook events' `changeSource`/`sourceId`:
 * a write through the API with an app's token is `INTEGRATION` with the app id as sourceId (src/http/is-own-write.ts);
 * a user in HubSpot is `CRM_UI`.
 */
export interface WriteSource {
  sourceType: string;
  sourceId?: string;
  sourceLabel?: string;
  updatedByUserId?: number;
}

/** A user editing in HubSpot: what scripted changes (the demo timeline, tests) use unless they say otherwise. */
export const CRM_UI: WriteSource = { sourceType: 'CRM_UI' };

/** A write made through the API with the token of app `appId`. */
export function integrationSource(appId: number): WriteSource {
  return { sourceType: 'INTEGRATION', sourceId: String(appId) };
}

export type ChangeKind = 'creation' | 'propertyChange' | 'deletion' | 'associationChange' | 'merge';

/**
 * One change of a portal's data, as the webhooks sender turns it into a HubSpot event. An association change is
 * reported once per direction (contact → company and company → contact), as HubSpot sends one event per subscribed
 * side. A merge is reported on the surviving record.
 */
export interface SandboxChange {
  objectType: ObjectType;
  objectId: string;
  kind: ChangeKind;
  propertyName?: string;
  propertyValue?: string;
  changeSource: string;
  sourceId?: string;
  fromObjectId?: string;
  toObjectId?: string;
  /** associationChange: the other end's type, and the HubSpot-defined type id of this direction. */
  toObjectType?: ObjectType;
  associationTypeId?: number;
  associationRemoved?: boolean;
  /** associationChange: whether this is the primary-company association. */
  isPrimaryAssociation?: boolean;
  /** merge: the records merged into `objectId` (which is also primaryObjectId). */
  mergedObjectIds?: string[];
  primaryObjectId?: string;
  /** Epoch milliseconds. */
  occurredAt: number;
}

export type ChangeListener = (portalId: number, change: SandboxChange) => void;
