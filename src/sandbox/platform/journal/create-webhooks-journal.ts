import type { Router } from 'express';
import type { LifecycleEvent } from '../oauth/token-store.ts';
import type { SandboxChange } from '../sandbox-change.ts';
import { changeJournalEvent, lifecycleJournalEvent } from './journal-events.ts';
import { journalRoutes } from './journal-routes.ts';
import { createJournalStore, type JournalEntry } from './journal-store.ts';

export type { JournalEvent } from './journal-events.ts';
export type { JournalEntry } from './journal-store.ts';

export interface WebhooksJournalOptions {
  now: () => number;
  /** The app behind a client-credentials token (the token registry's appFor). */
  appFor: (token: string) => { appId: number } | null;
  /** The apps installed in a portal (the token registry's installedApps): only they see its changes. */
  installedApps: (portalId: number) => number[];
  retentionMs?: number;
}

export interface WebhooksJournal {
  /** A state change listener: `state.onChange(journal.record)`. */
  record(portalId: number, change: SandboxChange): void;
  /** A lifecycle listener: `registry.onLifecycle(journal.recordLifecycle)` (APP_INSTALL, APP_UNINSTALL). */
  recordLifecycle(event: LifecycleEvent): void;
  /** The journal's read operations and its files. Mount at the root of the sandbox. */
  router: Router;
  /** The retained entries an app can read, oldest first. */
  entries(appId: number, portalId?: number): JournalEntry[];
}

/**
 * The Webhooks Journal (webhooks-journal-2026-03.json): every change and app lifecycle event, kept 3 days, read by
 * offset. DESIGN §7: the way to catch up after downtime, and the only source of uninstall events.
 */
export function createWebhooksJournal(options: WebhooksJournalOptions): WebhooksJournal {
  const store = createJournalStore({
    now: options.now,
    ...(options.retentionMs === undefined ? {} : { retentionMs: options.retentionMs }),
  });
  return {
    record(portalId, change) {
      const event = changeJournalEvent(portalId, change);
      if (!event) return;
      for (const appId of options.installedApps(portalId)) store.add(appId, portalId, [event]);
    },
    recordLifecycle(event) {
      store.add(event.appId, event.portalId, [lifecycleJournalEvent(event)]);
    },
    router: journalRoutes({ store, now: options.now, appFor: options.appFor }),
    entries: (appId, portalId) => store.visible(appId, portalId ?? null),
  };
}
