import { Router } from 'express';
import type { LifecycleEvent } from '../oauth/token-store.ts';
import type { SandboxChange } from '../sandbox-change.ts';
import { changeJournalEvent, type JournalEvent, lifecycleJournalEvent } from './journal-events.ts';
import { journalRoutes } from './journal-routes.ts';
import { createJournalStore, type JournalEntry } from './journal-store.ts';
import { parseSubscriptionRequest, type RequestProblem } from './subscription-request.ts';
import { subscriptionRoutes } from './subscription-routes.ts';
import { createSubscriptionStore, type JournalSubscription, portalOf } from './subscription-store.ts';

export type { JournalEvent } from './journal-events.ts';
export type { JournalEntry } from './journal-store.ts';
export type { JournalSubscription } from './subscription-store.ts';

export interface WebhooksJournalOptions {
  now: () => number;
  /** The app behind a client-credentials token, with its scopes (the token registry's appFor). */
  appFor: (token: string) => { appId: number; scopes?: readonly string[] } | null;
  /** The apps installed in a portal (the token registry's installedApps): only they see its changes. */
  installedApps: (portalId: number) => number[];
  retentionMs?: number;
}

export interface WebhooksJournal {
  /** A state change listener: `state.onChange(journal.record)`. */
  record(portalId: number, change: SandboxChange): void;
  /** A lifecycle listener: `registry.onLifecycle(journal.recordLifecycle)` (APP_INSTALL, APP_UNINSTALL). */
  recordLifecycle(event: LifecycleEvent): void;
  /**
   * Creates or updates a subscription of the app, as POST /webhooks-journal/subscriptions/2026-03 does (tests use it
   * directly); throws naming each problem of an invalid one.
   */
  subscribe(appId: number, request: unknown): JournalSubscription;
  /** The app's subscriptions. */
  subscriptions(appId: number): JournalSubscription[];
  /** The journal's read operations, its files and the subscription operations. Mount at the root of the sandbox. */
  router: Router;
  /** The retained entries an app can read, oldest first. */
  entries(appId: number, portalId?: number): JournalEntry[];
}

/**
 * The Webhooks Journal (webhooks-journal-2026-03.json): the changes and app lifecycle events an app's journal
 * subscriptions ask for, kept 3 days, read by offset. DESIGN §7: the way to catch up after downtime, and the only
 * source of uninstall events. As in HubSpot, nothing is recorded for an app without a subscription covering it
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide: "the subscriptions that drive
 * which events appear in the journal").
 */
export function createWebhooksJournal(options: WebhooksJournalOptions): WebhooksJournal {
  const store = createJournalStore({
    now: options.now,
    ...(options.retentionMs === undefined ? {} : { retentionMs: options.retentionMs }),
  });
  const subscriptions = createSubscriptionStore({ now: options.now });
  const add = (appId: number, event: JournalEvent) => {
    if (subscriptions.covers(appId, event)) store.add(appId, event.portalId, [event]);
  };

  function subscribe(
    appId: number,
    body: unknown,
  ): { subscription: JournalSubscription } | { problems: RequestProblem[] } {
    const parsed = parseSubscriptionRequest(body);
    if ('problems' in parsed) return parsed;
    const { request } = parsed;
    if (request.subscriptionType === 'LIST_MEMBERSHIP') {
      return {
        problems: [
          { in: 'subscriptionType', message: 'LIST_MEMBERSHIP subscriptions are not implemented by the sandbox' },
        ],
      };
    }
    const portalId = portalOf(request);
    if (portalId !== null && !options.installedApps(portalId).includes(appId)) {
      return {
        problems: [{ in: 'portalId', message: `portalId: app ${appId} is not installed in portal ${portalId}` }],
      };
    }
    return { subscription: subscriptions.upsert(appId, request) };
  }

  const router = Router();
  router.use(journalRoutes({ store, now: options.now, appFor: options.appFor }));
  router.use(
    subscriptionRoutes({
      appFor: options.appFor,
      subscribe,
      list: (appId) => subscriptions.list(appId),
      get: (appId, id) => subscriptions.get(appId, id),
      unsubscribe: (appId, id) => subscriptions.delete(appId, id),
      unsubscribePortal: (appId, portalId) => void subscriptions.deletePortal(appId, portalId),
    }),
  );

  return {
    record(portalId, change) {
      const event = changeJournalEvent(portalId, change);
      if (!event) return;
      for (const appId of options.installedApps(portalId)) add(appId, event);
    },
    recordLifecycle(event) {
      add(event.appId, lifecycleJournalEvent(event));
    },
    subscribe(appId, request) {
      const result = subscribe(appId, request);
      if ('problems' in result) {
        throw new Error(`invalid journal subscription: ${result.problems.map((p) => p.message).join('; ')}`);
      }
      return result.subscription;
    },
    subscriptions: (appId) => subscriptions.list(appId),
    router,
    entries: (appId, portalId) => store.visible(appId, portalId ?? null),
  };
}
