import type { HubSpotWebhookEvent } from '../adapters/hubspot/bundle.ts';
import type { NewInboxEvent } from '../store/store.ts';

/**
 * The inbox row for a webhook event. The store deduplicates on (portal, subscriptionType, objectId, propertyName,
 * occurredAt) because HubSpot's eventId is not unique (DESIGN §7), so each part must tell real events apart while a
 * redelivery of the same event maps to the same key:
 * - generic `object.*` events name the object type only in objectTypeId: it joins the subscription type
 *   (`object.propertyChange:0-2`), or a contact and a company with the same id would collide;
 * - association changes have no objectId: both ends are folded in (`51001-9120000001`), and the association type and
 *   direction (added/removed) take the property slot, as HubSpot sends one event per association type.
 * The event itself is kept whole as the payload: the worker reads it from there.
 */
export function toInboxEvent(event: HubSpotWebhookEvent): NewInboxEvent {
  return {
    portalId: event.portalId,
    subscriptionType: subscriptionKey(event),
    objectId: objectKey(event),
    propertyName: propertyKey(event),
    occurredAt: event.occurredAt,
    payload: event,
  };
}

function subscriptionKey(event: HubSpotWebhookEvent): string {
  const type = event.subscriptionType;
  if (!type.startsWith('object.')) return type;
  if (event.objectTypeId) return `${type}:${event.objectTypeId}`;
  const from = text(event.fromObjectTypeId);
  const to = text(event.toObjectTypeId);
  return from && to ? `${type}:${from}-${to}` : type;
}

function objectKey(event: HubSpotWebhookEvent): string {
  if (event.objectId !== undefined) return String(event.objectId);
  if (event.fromObjectId !== undefined && event.toObjectId !== undefined) {
    return `${event.fromObjectId}-${event.toObjectId}`;
  }
  // Neither an object nor an association: nothing better identifies it than HubSpot's own (non-unique) event id.
  return `event:${event.eventId}`;
}

function propertyKey(event: HubSpotWebhookEvent): string | null {
  if (event.propertyName !== undefined) return event.propertyName;
  if (event.fromObjectId === undefined || event.toObjectId === undefined) return null;
  const type = event.associationTypeId ?? event.associationType ?? '';
  return `association:${type}:${event.associationRemoved ? 'removed' : 'added'}`;
}

/** Fields the event schema does not list (it keeps unknown keys) are read defensively. */
function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
