import type { Logger } from 'pino';
import type { HubSpotWebhookEvent } from '../adapters/hubspot/bundle.ts';
import type { InboxEvent, PortalId } from '../store/store.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { scoreCompanies } from './score-companies.ts';

export interface InboxOptions {
  workerId: string;
  /**
   * Events claimed per tick: a burst becomes one round of batched reads per portal. Large, so that a debounced
   * backlog of one busy portal (200 ev/s × the 2 s debounce) is one claim: a smaller claim re-reads the same
   * companies tick after tick and spends the portal's rate limit on it (benchmark 2 stalled on exactly that).
   */
  batchSize: number;
  /** How long a claim holds its events; renewed while they are processed, so a crashed worker's come back after it. */
  leaseMs: number;
  /** Attempts before an event is dead-lettered with its last error. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt. */
  retryBaseMs: number;
}

export const DEFAULT_INBOX_OPTIONS: Omit<InboxOptions, 'workerId'> = {
  batchSize: 5_000,
  leaseMs: 30_000,
  maxAttempts: 8,
  retryBaseMs: 5_000,
};

export interface TickReport {
  claimed: number;
  acked: number;
  retried: number;
  deadLettered: number;
}

/** One worker tick: claim due events, score the companies they touch per portal, then ack, retry or dead-letter. */
export async function processInbox(deps: PipelineDeps, options: InboxOptions): Promise<TickReport> {
  const report: TickReport = { claimed: 0, acked: 0, retried: 0, deadLettered: 0 };
  const events = await deps.store.claim({
    limit: options.batchSize,
    leaseMs: options.leaseMs,
    now: deps.now(),
    workerId: options.workerId,
  });
  report.claimed = events.length;
  const heartbeat = renewWhileProcessing(deps, options, events);
  try {
    await processClaimed(deps, options, events, report);
  } finally {
    heartbeat.stop();
  }
  return report;
}

/**
 * Renews the leases of the claimed events not yet settled every third of a lease, so a tick may outlast its lease
 * (a big backlog, HubSpot's rate limit) and the lease can stay short: after a crash the dead worker's events come
 * back within one lease (INBOX_LEASE_SECONDS), not after a long worst-case allowance.
 */
function renewWhileProcessing(deps: PipelineDeps, options: InboxOptions, events: readonly InboxEvent[]) {
  const ids = events.map((e) => e.id);
  const timer = setInterval(() => {
    deps.store
      .renewLeases({ ids, workerId: options.workerId, until: deps.now() + options.leaseMs })
      .catch((error: unknown) => {
        deps.logger.warn({ err: error }, 'renewing the inbox leases failed; retrying in a third of a lease');
      });
  }, options.leaseMs / 3);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function processClaimed(
  deps: PipelineDeps,
  options: InboxOptions,
  events: readonly InboxEvent[],
  report: TickReport,
): Promise<void> {
  for (const [portalId, portalEvents] of groupByPortal(events)) {
    const ids = portalEvents.map((e) => e.id);
    const log = deps.logger.child({ portalId, inboxEventIds: ids.slice(0, 20) });
    if (!(await deps.store.getInstallation(portalId))) {
      const dropped = await deps.store.ack(ids);
      report.acked += dropped;
      deps.metrics?.inboxEvents.inc({ outcome: 'dropped' }, dropped);
      log.warn(
        { events: ids.length },
        'dropped events of a portal that is not installed (uninstalled since they arrived)',
      );
      continue;
    }
    try {
      const payloads = portalEvents.map((e) => e.payload as HubSpotWebhookEvent);
      const companies = await deps.reader.companiesForEvents(portalId, payloads);
      const scored = await scoreCompanies(deps, portalId, companies);
      const processed = await deps.store.ack(ids);
      report.acked += processed;
      deps.metrics?.inboxEvents.inc({ outcome: 'processed' }, processed);
      log.info({ events: ids.length, companies: companies.size, ...scored }, 'events processed');
    } catch (error) {
      const outcome = await settleFailure(deps, portalEvents, error, options, log);
      report.retried += outcome.retried;
      report.deadLettered += outcome.deadLettered;
      const counted = deps.metrics?.inboxEvents;
      counted?.inc({ outcome: 'failed' }, portalEvents.length);
      counted?.inc({ outcome: 'retried' }, outcome.retried);
      counted?.inc({ outcome: 'dead_lettered' }, outcome.deadLettered);
    }
  }
}

function groupByPortal(events: readonly InboxEvent[]): Map<PortalId, InboxEvent[]> {
  const groups = new Map<PortalId, InboxEvent[]>();
  for (const event of events) {
    const group = groups.get(event.portalId);
    if (group) group.push(event);
    else groups.set(event.portalId, [event]);
  }
  return groups;
}

interface FailureLike {
  message?: string;
  retryable?: boolean;
  retryAfterMs?: number | null;
}

/** Retryable failures (429, 5xx, network) come back later with backoff; the rest, or too many, go to dead letters. */
async function settleFailure(
  deps: PipelineDeps,
  events: readonly InboxEvent[],
  error: unknown,
  options: InboxOptions,
  log: Logger,
): Promise<{ retried: number; deadLettered: number }> {
  const failure = (error ?? {}) as FailureLike;
  const reason = failure.message ?? String(error);
  const retryable = failure.retryable !== false && !(error instanceof TypeError) && !(error instanceof RangeError);
  let retried = 0;
  let deadLettered = 0;
  for (const event of events) {
    const attempts = event.attempts + 1;
    if (!retryable || attempts >= options.maxAttempts) {
      if (await deps.store.deadLetter(event.id, `after ${attempts} attempt(s): ${reason}`)) deadLettered++;
      continue;
    }
    const backoff = options.retryBaseMs * 2 ** (attempts - 1);
    const notBefore = deps.now() + Math.max(backoff, failure.retryAfterMs ?? 0);
    if ((await deps.store.retry(event.id, { error: reason, notBefore })) !== null) retried++;
  }
  const level = deadLettered > 0 ? 'error' : 'warn';
  log[level](
    { err: error, retried, deadLettered },
    deadLettered > 0 ? 'events dead-lettered: see GET /status and the reason' : 'events will be retried',
  );
  return { retried, deadLettered };
}
