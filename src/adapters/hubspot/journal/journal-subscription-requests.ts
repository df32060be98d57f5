import type { PortalId } from '../../../store/store.ts';
import type { AppSubscription } from './app-subscriptions.ts';
import { OBJECT_TYPES } from './journal-to-webhook-events.ts';

/** The app lifecycle event type of an uninstall (webhooks-2026-09.json, AppLifecycleEventSubscriptionUpsertRequest). */
export const APP_UNINSTALL_EVENT_TYPE = '4-1916193';

/** The SubscriptionUpsertRequest kinds of webhooks-journal-2026-03.json the app creates. */
export type JournalSubscriptionRequest =
  | {
      subscriptionType: 'OBJECT';
      portalId: PortalId;
      objectTypeId: string;
      actions: string[];
      objectIds: number[];
      properties: string[];
    }
  | {
      subscriptionType: 'ASSOCIATION';
      portalId: PortalId;
      objectTypeId: string;
      actions: string[];
      objectIds: number[];
      associatedObjectTypeIds: string[];
    }
  | { subscriptionType: 'APP_LIFECYCLE_EVENT'; eventTypeId: string; properties: string[] };

/**
 * The app's uninstall subscription: the journal is the only place HubSpot reports an uninstall. It belongs to the
 * app, not to a portal (the request has no portalId).
 */
export const UNINSTALL_SUBSCRIPTION: JournalSubscriptionRequest = {
  subscriptionType: 'APP_LIFECYCLE_EVENT',
  eventTypeId: APP_UNINSTALL_EVENT_TYPE,
  properties: [],
};

/** The journal action of each webhook event, in the order the requests list them. */
const ACTIONS: Readonly<Record<string, string>> = {
  creation: 'CREATE',
  propertyChange: 'UPDATE',
  deletion: 'DELETE',
  merge: 'MERGE',
  restore: 'RESTORE',
};
const ACTION_ORDER = Object.values(ACTIONS);

/**
 * Webhook events with no journal subscription of their own: every privacy deletion also triggers the contact's
 * deletion event (https://developers.hubspot.com/changelog/now-live-webhooks-now-support-privacy-compliant-contact-deletions),
 * which the contact's OBJECT subscription journals; GDPR_DELETE events would not be read (journal-to-webhook-events.ts).
 */
const NOT_JOURNALED = new Set(['privacyDeletion']);

const SINGULAR_TO_ID = new Map(Object.entries(OBJECT_TYPES).map(([id, type]) => [type.singular, id]));

/**
 * The portal's journal subscriptions for the app's webhook subscriptions (webhooks/webhooks-hsmeta.json), so the
 * journal holds what the webhooks deliver: one OBJECT subscription per object type with its actions and the
 * properties of its property changes, and one ASSOCIATION subscription per `<type>.associationChange`, to every type
 * the app knows. objectIds is empty (no object singled out). Throws for a subscription type it cannot map: a new
 * entry in the hsmeta file needs its journal counterpart here.
 */
export function journalSubscriptionRequests(
  portalId: PortalId,
  subscriptions: readonly AppSubscription[],
): JournalSubscriptionRequest[] {
  const objects = new Map<string, { actions: Set<string>; properties: Set<string>; anyProperty: boolean }>();
  const associations = new Set<string>();
  for (const sub of subscriptions) {
    const [prefix = '', event = ''] = sub.subscriptionType.split('.');
    const typeId = SINGULAR_TO_ID.get(prefix === 'object' ? (sub.objectType ?? '') : prefix);
    const action = ACTIONS[event];
    if (NOT_JOURNALED.has(event)) continue;
    if (!typeId || (!action && event !== 'associationChange')) {
      const named = sub.objectType ? ` (objectType ${sub.objectType})` : '';
      throw new Error(
        `webhooks/webhooks-hsmeta.json subscribes to ${sub.subscriptionType}${named}, which has no Webhooks Journal ` +
          'subscription: add its object type or event to src/adapters/hubspot/journal/journal-subscription-requests.ts',
      );
    }
    if (!action) {
      associations.add(typeId);
      continue;
    }
    const object = objects.get(typeId) ?? { actions: new Set(), properties: new Set(), anyProperty: false };
    objects.set(typeId, object);
    object.actions.add(action);
    if (event === 'propertyChange') {
      if (sub.propertyName === undefined) object.anyProperty = true;
      else object.properties.add(sub.propertyName);
    }
  }
  const allTypes = Object.keys(OBJECT_TYPES);
  return [
    ...[...objects].map(([objectTypeId, object]) => ({
      subscriptionType: 'OBJECT' as const,
      portalId,
      objectTypeId,
      actions: ACTION_ORDER.filter((a) => object.actions.has(a)),
      objectIds: [],
      properties: object.anyProperty ? [] : [...object.properties],
    })),
    ...[...associations].map((objectTypeId) => ({
      subscriptionType: 'ASSOCIATION' as const,
      portalId,
      objectTypeId,
      actions: ['ASSOCIATION_ADDED', 'ASSOCIATION_REMOVED'],
      objectIds: [],
      associatedObjectTypeIds: allTypes,
    })),
  ];
}
