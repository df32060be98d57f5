import type { LifecycleEvent } from '../oauth/token-store.ts';
import { objectTypeInfo } from '../object-types.ts';
import { numericId, occurredAtMs, type SandboxChange } from '../sandbox-change.ts';

/**
 * An event in a journal file. The specs only say a journal entry has a `url` to "the file for the associated journal
 * data"; the file's shape here follows HubSpot's journal guide as far as it is public: the subscription type
 * (OBJECT, ASSOCIATION, APP_LIFECYCLE_EVENT), the action (CREATE, UPDATE, DELETE, MERGE, ASSOCIATION_ADDED,
 * ASSOCIATION_REMOVED, APP_INSTALL, APP_UNINSTALL), the portal, when, and what changed.
 * https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide
 */
export interface JournalEvent {
  type: 'OBJECT' | 'ASSOCIATION' | 'APP_LIFECYCLE_EVENT';
  action: string;
  portalId: number;
  /** Epoch milliseconds. */
  occurredAt: number;
  [field: string]: unknown;
}

const ACTIONS: Record<Exclude<SandboxChange['kind'], 'associationChange'>, string> = {
  creation: 'CREATE',
  propertyChange: 'UPDATE',
  deletion: 'DELETE',
  merge: 'MERGE',
};

/** The journal's record of a CRM change; null for an object type the sandbox does not know. */
export function changeJournalEvent(portalId: number, change: SandboxChange): JournalEvent | null {
  const type = objectTypeInfo(change.objectType);
  if (!type) return null;
  const source = {
    changeSource: change.changeSource,
    ...(change.sourceId === undefined ? {} : { sourceId: change.sourceId }),
  };
  const occurredAt = occurredAtMs(change);
  if (change.kind === 'associationChange') {
    const to = change.toObjectType ? objectTypeInfo(change.toObjectType) : null;
    return {
      type: 'ASSOCIATION',
      action: change.associationRemoved ? 'ASSOCIATION_REMOVED' : 'ASSOCIATION_ADDED',
      portalId,
      occurredAt,
      fromObjectTypeId: type.id,
      fromObjectId: numericId(change.fromObjectId ?? change.objectId),
      ...(to ? { toObjectTypeId: to.id } : {}),
      ...(change.toObjectId === undefined ? {} : { toObjectId: numericId(change.toObjectId) }),
      ...(change.associationTypeId === undefined
        ? {}
        : {
            associationTypeId: change.associationTypeId,
            associationCategory: change.associationCategory ?? 'HUBSPOT_DEFINED',
          }),
      isPrimary: change.isPrimaryAssociation ?? false,
      ...source,
    };
  }
  return {
    type: 'OBJECT',
    action: ACTIONS[change.kind],
    portalId,
    occurredAt,
    objectTypeId: type.id,
    objectId: numericId(change.objectId),
    ...(change.kind === 'propertyChange'
      ? { propertyChanges: [{ propertyName: change.propertyName, newValue: change.propertyValue ?? '' }] }
      : {}),
    ...(change.kind === 'merge' && change.fromObjectId !== undefined
      ? { mergedObjectIds: (change.mergedObjectIds ?? [change.fromObjectId]).map(numericId) }
      : {}),
    ...source,
  };
}

export function lifecycleJournalEvent(event: LifecycleEvent): JournalEvent {
  return {
    type: 'APP_LIFECYCLE_EVENT',
    action: event.action,
    portalId: event.portalId,
    appId: event.appId,
    occurredAt: event.occurredAt,
  };
}
