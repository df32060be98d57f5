import type { Logger } from 'pino';
import type { JournalReader } from '../adapters/hubspot/journal/create-journal-reader.ts';
import { JournalOffsetExpiredError } from '../adapters/hubspot/journal/journal-offset-expired-error.ts';
import type { Instant } from '../core/time.ts';
import { isOwnWrite } from '../http/is-own-write.ts';
import { toInboxEvent } from '../http/to-inbox-event.ts';
import type { PortalId, Store } from '../store/store.ts';

/** Entries read per call (the journal's batch reads take up to 1,000; each entry is a file to download). */
export const JOURNAL_PAGE_SIZE = 100;
/** HubSpot keeps journal entries 3 days: https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide */
export const JOURNAL_RETENTION_MS = 3 * 24 * 60 * 60_000;
/**
 * Stored instead of an offset when the journal held nothing for the portal: `earliest:<epoch ms>`. Every entry the
 * journal has later is newer, so the next catch-up reads from the earliest; past the retention it counts as expired.
 */
const EMPTY_JOURNAL = 'earliest:';

export interface CatchUpDeps {
  store: Pick<Store, 'getInstallation' | 'getJournalOffset' | 'setJournalOffset' | 'enqueue'>;
  logger: Logger;
  now: () => Instant;
  journal: JournalReader;
  /** HUBSPOT_APP_ID: the app's own writes come back in the journal too, and are dropped like their webhooks. */
  appId: number;
  /** The reconciliation (a re-score of every company: backfillPortal), for what an expired offset can no longer replay. */
  reconcile(portalId: PortalId): Promise<unknown>;
  /** Deletes the portal's tokens and data: the same purge as every uninstall (OAuth.uninstall). */
  purge(portalId: PortalId): Promise<unknown>;
  pageSize?: number;
  /** Checked between pages: stop() of the server does not wait for a long replay. */
  signal?: AbortSignal;
}

export interface CatchUpReport {
  /**
   * `started`: no offset yet, the latest was stored (nothing to replay); `caught_up`: read up to the latest entry;
   * `reconciled`: the offset had expired, the portal was re-scored; `uninstalled`: an APP_UNINSTALL was read and the portal
   * purged; `not_installed`: nothing to do.
   */
  outcome: 'started' | 'caught_up' | 'reconciled' | 'uninstalled' | 'not_installed';
  entries: number;
  /** Events stored in the inbox now, and those it already had (delivered as webhooks, or read before a crash). */
  accepted: number;
  duplicates: number;
}

/**
 * Catches one portal up through the Webhooks Journal (DESIGN §7: the way to catch up after downtime, and the only
 * source of uninstall events). From the stored offset, every newer entry is read a page at a time; its changes go
 * into the inbox through the intake's own mapping (toInboxEvent), deduplicated with the webhooks that did arrive,
 * and only then is the page's last offset stored: a crash in between re-reads the page, which dedupes to nothing.
 */
export async function catchUpPortal(deps: CatchUpDeps, portalId: PortalId): Promise<CatchUpReport> {
  const { store, journal } = deps;
  const log = deps.logger.child({ portalId, job: 'journal-catch-up' });
  const report: CatchUpReport = { outcome: 'caught_up', entries: 0, accepted: 0, duplicates: 0 };
  const installation = await store.getInstallation(portalId);
  if (!installation) return { ...report, outcome: 'not_installed' };

  /** Where a portal starts when nothing can be replayed: after the latest entry, or the "empty" marker. */
  const startAtLatest = async () => {
    const at = deps.now();
    const latest = await journal.latest(portalId);
    return { offset: latest ?? `${EMPTY_JOURNAL}${at}` };
  };
  const reconcile = async (offset: string) => {
    log.warn(
      { offset },
      'journal offset expired: the changes since cannot be replayed; re-scoring every company of the portal',
    );
    // The latest is read before the re-score: whatever happens during it is read next round (and deduped).
    const start = await startAtLatest();
    await deps.reconcile(portalId);
    await store.setJournalOffset(portalId, start.offset);
    log.info({ offset: start.offset }, 'journal catch-up restarts from the latest entry after the re-score');
    return { ...report, outcome: 'reconciled' as const };
  };

  const stored = await store.getJournalOffset(portalId);
  if (stored === null) {
    const start = await startAtLatest();
    await store.setJournalOffset(portalId, start.offset);
    log.info({ offset: start.offset }, 'journal catch-up starts at the latest entry');
    return { ...report, outcome: 'started' };
  }
  let after: string | null = stored;
  if (stored.startsWith(EMPTY_JOURNAL)) {
    if (deps.now() - Number(stored.slice(EMPTY_JOURNAL.length)) >= JOURNAL_RETENTION_MS) return reconcile(stored);
    after = null;
  }

  const pageSize = deps.pageSize ?? JOURNAL_PAGE_SIZE;
  for (;;) {
    if (deps.signal?.aborted) break;
    let entries: Awaited<ReturnType<JournalReader['read']>>;
    try {
      entries = await journal.read(portalId, after, pageSize);
    } catch (error) {
      if (error instanceof JournalOffsetExpiredError) return reconcile(stored);
      throw error;
    }
    const last = entries.at(-1);
    if (!last) break;
    const uninstall = entries.find((e) => e.uninstalledAt !== null && e.uninstalledAt >= installation.installedAt);
    if (uninstall) {
      // An uninstall older than the installation was followed by a reinstall: that one is ignored.
      await deps.purge(portalId);
      log.info({ offset: uninstall.offset }, 'the journal says the app was uninstalled: the portal was purged');
      return { ...report, entries: report.entries + entries.length, outcome: 'uninstalled' };
    }
    const events = entries
      .flatMap((e) => e.events)
      .filter((e) => e.portalId === portalId && !isOwnWrite(e, deps.appId));
    const { accepted, duplicates } = events.length > 0 ? await store.enqueue(events.map(toInboxEvent)) : NOTHING;
    after = last.offset;
    await store.setJournalOffset(portalId, after);
    report.entries += entries.length;
    report.accepted += accepted;
    report.duplicates += duplicates;
    if (entries.length < pageSize) break;
  }
  if (report.entries > 0) {
    log.info(
      { ...report, offset: after },
      `journal catch-up: ${report.entries} entries read, ${report.accepted} new events queued`,
    );
  }
  return report;
}

const NOTHING = { accepted: 0, duplicates: 0 };
