import type { HubSpotWebhookEvent } from '../bundle.ts';
import type { AppSubscription } from './app-subscriptions.ts';
import type { JournalEvent } from './journal-file.ts';

/**
 * HubSpot's object type ids and the singular names webhook subscriptions use; contacts, companies, deals and tickets
 * also have the legacy `<singular>.<event>` subscription types
 * (https://developers.hubspot.com/docs/api-reference/latest/crm/understanding-the-crm#object-type-ids).
 */
export const OBJECT_TYPES: Readonly<Record<string, { singular: string; legacy: boolean }>> = {
  '0-1': { singular: 'contact', legacy: true },
  '0-2': { singular: 'company', legacy: true },
  '0-3': { singular: 'deal', legacy: true },
  '0-5': { singular: 'ticket', legacy: true },
  '0-19': { singular: 'feedback_submission', legacy: false },
  '0-27': { singular: 'task', legacy: false },
  '0-46': { singular: 'note', legacy: false },
  '0-47': { singular: 'meeting', legacy: false },
  '0-48': { singular: 'call', legacy: false },
  '0-49': { singular: 'email', legacy: false },
};

/** The journal's actions, as the webhook subscription types name them. */
const KINDS: Readonly<Record<string, string>> = {
  CREATE: 'creation',
  UPDATE: 'propertyChange',
  DELETE: 'deletion',
  MERGE: 'merge',
  ASSOCIATION_ADDED: 'associationChange',
  ASSOCIATION_REMOVED: 'associationChange',
};

const CHANGE_FLAGS: Readonly<Record<string, string>> = { creation: 'CREATED', deletion: 'DELETED', merge: 'MERGED' };

export interface JournalEventContext {
  /** HUBSPOT_APP_ID: HubSpot puts it on every event of the app's subscriptions. */
  appId: number;
  subscriptions: readonly AppSubscription[];
  /** The entry the event came from: kept on the event (`journalOffset`) for the logs. */
  offset: string;
}

/**
 * The webhook events HubSpot sends for a change recorded in the journal: one per subscription of the app it matches
 * (legacy `contact.propertyChange` …, or `object.*` with objectTypeId; property changes only for a subscribed
 * property), with the webhook payload's fields. The inbox's key (src/http/to-inbox-event.ts: portal, subscription
 * type, object, property, occurredAt) then comes out the same as the delivered event's, so an event that came both
 * ways is stored once. The journal carries no eventId or subscriptionId (and HubSpot's eventId is not unique
 * anyway, DESIGN §7): both are 0. App lifecycle events are not CRM changes and give none.
 */
export function journalToWebhookEvents(event: JournalEvent, context: JournalEventContext): HubSpotWebhookEvent[] {
  const kind = KINDS[event.action];
  const typeId = event.type === 'ASSOCIATION' ? event.fromObjectTypeId : event.objectTypeId;
  const type = typeId === undefined ? undefined : OBJECT_TYPES[typeId];
  if (!kind || !type || typeId === undefined) return [];
  const legacy = type.legacy ? `${type.singular}.${kind}` : null;
  const generic = `object.${kind}`;
  const matching = (propertyName: string | null) =>
    context.subscriptions.filter(
      (sub) =>
        (sub.subscriptionType === legacy || (sub.subscriptionType === generic && sub.objectType === type.singular)) &&
        (propertyName === null || sub.propertyName === propertyName),
    );
  const base = (sub: AppSubscription) => ({
    eventId: 0,
    subscriptionId: 0,
    portalId: event.portalId,
    appId: context.appId,
    occurredAt: event.occurredAt,
    subscriptionType: sub.subscriptionType,
    attemptNumber: 0,
    ...(sub.subscriptionType === generic ? { objectTypeId: typeId } : {}),
    ...(event.changeSource === undefined ? {} : { changeSource: event.changeSource }),
    ...(event.sourceId === undefined ? {} : { sourceId: event.sourceId }),
    journalOffset: context.offset,
  });

  if (kind === 'propertyChange') {
    return (event.propertyChanges ?? []).flatMap((change) =>
      matching(change.propertyName).map((sub) => ({
        ...base(sub),
        objectId: event.objectId,
        propertyName: change.propertyName,
        propertyValue: change.newValue ?? '',
      })),
    );
  }
  return matching(null).map((sub) => ({
    ...base(sub),
    ...details(event, kind, type.singular, sub.subscriptionType === generic),
  }));
}

function details(event: JournalEvent, kind: string, singular: string, generic: boolean): Partial<HubSpotWebhookEvent> {
  if (kind === 'associationChange') {
    const to = event.toObjectTypeId === undefined ? undefined : OBJECT_TYPES[event.toObjectTypeId];
    return {
      ...(to ? { associationType: `${singular}_TO_${to.singular}`.toUpperCase() } : {}),
      ...(event.associationTypeId === undefined
        ? {}
        : {
            associationCategory: event.associationCategory ?? 'HUBSPOT_DEFINED',
            associationTypeId: event.associationTypeId,
          }),
      ...(generic && to ? { fromObjectTypeId: event.fromObjectTypeId, toObjectTypeId: event.toObjectTypeId } : {}),
      fromObjectId: event.fromObjectId,
      toObjectId: event.toObjectId,
      associationRemoved: event.action === 'ASSOCIATION_REMOVED',
      isPrimaryAssociation: event.isPrimary ?? false,
    };
  }
  if (kind === 'merge') {
    return {
      objectId: event.objectId,
      changeFlag: CHANGE_FLAGS.merge,
      primaryObjectId: event.objectId,
      mergedObjectIds: event.mergedObjectIds ?? [],
      newObjectId: event.objectId,
    };
  }
  return { objectId: event.objectId, changeFlag: CHANGE_FLAGS[kind] };
}
