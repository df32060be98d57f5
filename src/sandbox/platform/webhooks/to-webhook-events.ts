import { objectTypeInfo } from '../object-types.ts';
import { numericId, occurredAtMs, type SandboxChange } from '../sandbox-change.ts';
import type { WebhookSubscription } from './webhook-subscriptions.ts';

/** A webhook event as HubSpot sends it (the app reads it with src/adapters/hubspot/bundle.ts HubSpotWebhookEvent). */
export interface OutgoingWebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  attemptNumber: number;
  [field: string]: unknown;
}

export interface EventContext {
  portalId: number;
  appId: number;
  subscriptions: readonly WebhookSubscription[];
  /** HubSpot's eventId: increasing, and not unique across subscriptions (DESIGN §7). */
  nextEventId: () => number;
}

const CHANGE_FLAGS: Partial<Record<SandboxChange['kind'], string>> = {
  creation: 'CREATED',
  deletion: 'DELETED',
  merge: 'MERGED',
};

/**
 * The events HubSpot would send for a change: one per subscription it matches (legacy `contact.propertyChange` …
 * for contacts, companies, deals and tickets; `object.*` with objectTypeId for the rest; property changes only for
 * the subscribed property), with HubSpot's payload fields
 * (https://developers.hubspot.com/docs/apps/legacy-apps/public-apps/create-and-manage-webhook-subscriptions#webhook-payloads).
 * Changes the app made come out as they are, marked changeSource INTEGRATION with the app's id in sourceId.
 */
export function toWebhookEvents(change: SandboxChange, context: EventContext): OutgoingWebhookEvent[] {
  const type = objectTypeInfo(change.objectType);
  if (!type) return [];
  const legacy = type.legacy ? `${type.singular}.${change.kind}` : null;
  const generic = `object.${change.kind}`;
  const matching = context.subscriptions.filter(
    (sub) =>
      (sub.subscriptionType === legacy || (sub.subscriptionType === generic && sub.objectType === type.singular)) &&
      (change.kind !== 'propertyChange' || sub.propertyName === change.propertyName),
  );
  return matching.map((sub) => {
    const base: OutgoingWebhookEvent = {
      eventId: context.nextEventId(),
      subscriptionId: sub.id,
      portalId: context.portalId,
      appId: context.appId,
      occurredAt: occurredAtMs(change),
      subscriptionType: sub.subscriptionType,
      attemptNumber: 0,
      ...(sub.subscriptionType === generic ? { objectTypeId: type.id } : {}),
      changeSource: change.changeSource,
      ...(change.sourceId === undefined ? {} : { sourceId: change.sourceId }),
    };
    return { ...base, ...details(change, type.singular, sub.subscriptionType === generic) };
  });
}

function details(change: SandboxChange, singular: string, generic: boolean): Record<string, unknown> {
  const objectId = numericId(change.objectId);
  switch (change.kind) {
    case 'propertyChange':
      return { objectId, propertyName: change.propertyName, propertyValue: change.propertyValue ?? '' };
    case 'merge': {
      const merged = change.mergedObjectIds ?? (change.fromObjectId === undefined ? [] : [change.fromObjectId]);
      return {
        objectId,
        changeFlag: CHANGE_FLAGS.merge,
        primaryObjectId: objectId,
        mergedObjectIds: merged.map(numericId),
        newObjectId: objectId,
        numberOfPropertiesMoved: change.numberOfPropertiesMoved ?? 0,
      };
    }
    case 'associationChange': {
      const to = change.toObjectType ? objectTypeInfo(change.toObjectType) : null;
      return {
        ...(to ? { associationType: `${singular}_TO_${to.singular}`.toUpperCase() } : {}),
        ...(change.associationTypeId === undefined
          ? {}
          : {
              associationCategory: change.associationCategory ?? 'HUBSPOT_DEFINED',
              associationTypeId: change.associationTypeId,
            }),
        ...(generic && to ? { fromObjectTypeId: objectTypeInfo(change.objectType)?.id, toObjectTypeId: to.id } : {}),
        fromObjectId: numericId(change.fromObjectId ?? change.objectId),
        toObjectId: change.toObjectId === undefined ? undefined : numericId(change.toObjectId),
        associationRemoved: change.associationRemoved ?? false,
        isPrimaryAssociation: change.isPrimaryAssociation ?? false,
      };
    }
    default:
      return { objectId, changeFlag: CHANGE_FLAGS[change.kind] };
  }
}
