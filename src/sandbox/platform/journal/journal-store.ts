import { randomUUID } from 'node:crypto';
import type { JournalEvent } from './journal-events.ts';

/** HubSpot keeps the journal 3 days: https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide */
export const JOURNAL_RETENTION_MS = 3 * 24 * 60 * 60_000;

export interface JournalEntry {
  /** The entry's offset, a UUID as JournalFetchResponse.currentOffset says. */
  offset: string;
  appId: number;
  portalId: number;
  publishedAt: number;
  events: JournalEvent[];
}

export type After<T> = { found: true; value: T } | { found: false };

/** Each app's journal entries in the order they were published, kept for the retention period. */
export function createJournalStore(options: { now: () => number; retentionMs?: number }) {
  const retention = options.retentionMs ?? JOURNAL_RETENTION_MS;
  let entries: JournalEntry[] = [];
  const prune = () => {
    const horizon = options.now() - retention;
    if (entries.some((e) => e.publishedAt <= horizon)) entries = entries.filter((e) => e.publishedAt > horizon);
  };

  function visible(appId: number, portalId: number | null): JournalEntry[] {
    prune();
    return entries.filter((e) => e.appId === appId && (portalId === null || e.portalId === portalId));
  }

  return {
    add(appId: number, portalId: number, events: JournalEvent[]): JournalEntry {
      prune();
      const entry = { offset: randomUUID(), appId, portalId, publishedAt: options.now(), events };
      entries.push(entry);
      return entry;
    },
    visible,
    /** Up to `count` entries after `offset`; not found when the offset is unknown or expired. */
    after(appId: number, portalId: number | null, offset: string, count: number): After<JournalEntry[]> {
      const list = visible(appId, portalId);
      const at = list.findIndex((e) => e.offset === offset);
      return at < 0 ? { found: false } : { found: true, value: list.slice(at + 1, at + 1 + count) };
    },
    /** The entry with this offset, retained and the app's; else null. */
    get(appId: number | null, offset: string): JournalEntry | null {
      prune();
      return entries.find((e) => e.offset === offset && (appId === null || e.appId === appId)) ?? null;
    },
  };
}

export type JournalStore = ReturnType<typeof createJournalStore>;
