import type { RateLimiterStats } from '../adapters/hubspot/client/rate-limiter.ts';
import type { Instant } from '../core/time.ts';
import type { InboxStats } from '../store/store.ts';
import { type Counter, createMetrics, type MetricsRegistry } from './create-metrics.ts';

export interface AppMetrics {
  /** outcome: received | accepted | duplicate | ignored (events of valid, signed batches). */
  webhookEvents: Counter;
  /** reason: the error code answered (invalid_signature, invalid_json, invalid_request, body_too_large, …). */
  webhookRejections: Counter;
  /** outcome: processed | dropped | failed | retried | dead_lettered (the worker, per inbox event). */
  inboxEvents: Counter;
  /** status: the HTTP status HubSpot answered, or `network` when no answer came back. */
  hubspotCalls: Counter;
  registry: MetricsRegistry;
}

export interface AppMetricsSources {
  inboxStats: () => Promise<InboxStats>;
  countDeadLetters: () => Promise<number>;
  /** The HubSpot rate limiter's own totals, when there is one (the server's; not the HTTP-only tests'). */
  rateLimiterStats?: () => RateLimiterStats;
  now: () => Instant;
}

const labelled = (name: string, values: readonly string[]) => values.map((value) => ({ [name]: value }));

/** The app's metrics (issue 6, Operations); the store-backed ones are read when Prometheus scrapes. */
export function createAppMetrics(sources: AppMetricsSources): AppMetrics {
  const registry = createMetrics();
  // The three inbox gauges are read in the same scrape: one store call between them.
  let inflight: Promise<InboxStats> | null = null;
  const inboxStats = () => {
    inflight ??= sources.inboxStats().finally(() => {
      inflight = null;
    });
    return inflight;
  };
  const webhookEvents = registry.counter(
    'churn_webhook_events_total',
    'Webhook events received in signed, valid batches, by what became of them.',
    labelled('outcome', ['received', 'accepted', 'duplicate', 'ignored']),
  );
  const webhookRejections = registry.counter(
    'churn_webhook_requests_rejected_total',
    'Webhook requests refused, by reason (the error code answered).',
    [],
  );
  const inboxEvents = registry.counter(
    'churn_inbox_events_total',
    'Inbox events handled by the worker, by outcome.',
    labelled('outcome', ['processed', 'dropped', 'failed', 'retried', 'dead_lettered']),
  );
  const hubspotCalls = registry.counter('churn_hubspot_calls_total', 'HubSpot API calls sent, by answer status.', []);

  registry.collect('churn_inbox_depth', 'Inbox events not yet acknowledged nor dead-lettered.', 'gauge', async () => {
    const stats = await inboxStats();
    return [{ value: stats.depth }];
  });
  registry.collect('churn_inbox_leased', 'Inbox events under a live worker lease.', 'gauge', async () => {
    const stats = await inboxStats();
    return [{ value: stats.leased }];
  });
  registry.collect(
    'churn_inbox_lag_seconds',
    'Age of the oldest inbox event not yet acknowledged (now - its receivedAt); 0 when the inbox is empty.',
    'gauge',
    async () => {
      const { oldestReceivedAt } = await inboxStats();
      const lag = oldestReceivedAt === null ? 0 : Math.max(0, sources.now() - oldestReceivedAt) / 1000;
      return [{ value: lag }];
    },
  );
  registry.collect('churn_dead_letters', 'Events in the dead letters (see GET /status).', 'gauge', async () => [
    { value: await sources.countDeadLetters() },
  ]);
  const limiter = sources.rateLimiterStats;
  if (limiter) {
    registry.collect(
      'churn_hubspot_rate_limit_waits_total',
      'HubSpot calls that waited for the per-portal rate limit or a 429 pause.',
      'counter',
      () => [{ value: limiter().waits }],
    );
    registry.collect(
      'churn_hubspot_rate_limit_wait_seconds_total',
      'Time HubSpot calls spent waiting for the per-portal rate limit or a 429 pause.',
      'counter',
      () => [{ value: limiter().waitedMs / 1000 }],
    );
  }
  return { webhookEvents, webhookRejections, inboxEvents, hubspotCalls, registry };
}
