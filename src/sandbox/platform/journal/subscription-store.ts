import type { JournalEvent } from './journal-events.ts';
import { LIFECYCLE_EVENT_TYPES, type SubscriptionUpsertRequest } from './subscription-request.ts';

/** A journal subscription of an app, as the sandbox keeps it. */
export interface JournalSubscription {
  id: number;
  appId: number;
  request: SubscriptionUpsertRequest;
  createdAt: number;
  updatedAt: number;
}

/** Where the sandbox starts numbering subscription ids (HubSpot's are int64). */
const FIRST_ID = 60_001_000;

/**
 * The apps' Webhooks Journal subscriptions: what each app asked the journal to record. "Create or update" replaces
 * the app's subscription of the same type, portal and object type (or event type): the sandbox's reading of the
 * upsert, whose key the docs do not give.
 */
export function createSubscriptionStore(options: { now: () => number }) {
  let nextId = FIRST_ID;
  let subscriptions: JournalSubscription[] = [];

  return {
    /** Creates the subscription, or updates the app's one with the same key; the stored subscription. */
    upsert(appId: number, request: SubscriptionUpsertRequest): JournalSubscription {
      const at = options.now();
      const existing = subscriptions.find((s) => s.appId === appId && keyOf(s.request) === keyOf(request));
      if (existing) {
        existing.request = request;
        existing.updatedAt = at;
        return existing;
      }
      const created = { id: nextId++, appId, request, createdAt: at, updatedAt: at };
      subscriptions.push(created);
      return created;
    },
    list(appId: number): JournalSubscription[] {
      return subscriptions.filter((s) => s.appId === appId);
    },
    get(appId: number, id: number): JournalSubscription | null {
      return subscriptions.find((s) => s.appId === appId && s.id === id) ?? null;
    },
    delete(appId: number, id: number): boolean {
      const before = subscriptions.length;
      subscriptions = subscriptions.filter((s) => !(s.appId === appId && s.id === id));
      return subscriptions.length < before;
    },
    /** Deletes the app's subscriptions for the portal; how many there were. */
    deletePortal(appId: number, portalId: number): number {
      const before = subscriptions.length;
      subscriptions = subscriptions.filter((s) => !(s.appId === appId && portalOf(s.request) === portalId));
      return before - subscriptions.length;
    },
    /** Whether one of the app's subscriptions asks for the event. */
    covers(appId: number, event: JournalEvent): boolean {
      return subscriptions.some((s) => s.appId === appId && subscriptionCovers(s.request, event));
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;

function keyOf(request: SubscriptionUpsertRequest): string {
  switch (request.subscriptionType) {
    case 'APP_LIFECYCLE_EVENT':
      return `${request.subscriptionType}:${request.eventTypeId}`;
    case 'LIST_MEMBERSHIP':
      return `${request.subscriptionType}:${request.portalId}:${[...request.listIds].sort().join(',')}`;
    default:
      return `${request.subscriptionType}:${request.portalId}:${request.objectTypeId}`;
  }
}

export function portalOf(request: SubscriptionUpsertRequest): number | null {
  return 'portalId' in request ? request.portalId : null;
}

/** The event is of the subscription's portal, type and actions, and of its objects, types and properties if it names some. */
function subscriptionCovers(request: SubscriptionUpsertRequest, event: JournalEvent): boolean {
  if (request.subscriptionType === 'APP_LIFECYCLE_EVENT') {
    const eventTypeId = LIFECYCLE_EVENT_TYPES[event.action as keyof typeof LIFECYCLE_EVENT_TYPES];
    return event.type === 'APP_LIFECYCLE_EVENT' && eventTypeId === request.eventTypeId;
  }
  if (request.portalId !== event.portalId || !(request.actions as readonly string[]).includes(event.action)) {
    return false;
  }
  const anyOf = (wanted: readonly unknown[], value: unknown) => wanted.length === 0 || wanted.includes(value);
  switch (request.subscriptionType) {
    case 'OBJECT':
      if (event.type === 'ASSOCIATION') {
        return event.fromObjectTypeId === request.objectTypeId && anyOf(request.objectIds, event.fromObjectId);
      }
      return (
        event.type === 'OBJECT' &&
        event.objectTypeId === request.objectTypeId &&
        anyOf(request.objectIds, event.objectId) &&
        (event.action !== 'UPDATE' || changedProperties(event).some((name) => anyOf(request.properties, name)))
      );
    case 'ASSOCIATION':
      return (
        event.type === 'ASSOCIATION' &&
        event.fromObjectTypeId === request.objectTypeId &&
        anyOf(request.objectIds, event.fromObjectId) &&
        anyOf(request.associatedObjectTypeIds, event.toObjectTypeId)
      );
    default:
      // GDPR_PRIVACY_DELETION and LIST_MEMBERSHIP: the sandbox records no such events.
      return false;
  }
}

function changedProperties(event: JournalEvent): string[] {
  const changes = event.propertyChanges;
  return Array.isArray(changes) ? changes.map((c: { propertyName: string }) => c.propertyName) : [];
}
