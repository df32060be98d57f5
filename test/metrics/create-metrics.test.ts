import { describe, expect, it } from 'vitest';
import { createAppMetrics } from '../../src/metrics/create-app-metrics.ts';
import { createMetrics } from '../../src/metrics/create-metrics.ts';
import type { InboxStats } from '../../src/store/store.ts';

describe('createMetrics', () => {
  it('renders counters in the Prometheus text format, label values escaped', async () => {
    const registry = createMetrics();
    const plain = registry.counter('app_starts_total', 'Starts.\nOne per process.');
    const byReason = registry.counter('app_refusals_total', 'Refusals by reason.', []);
    plain.inc();
    byReason.inc({ reason: 'bad "quote" \\ and\nline' }, 2);
    byReason.inc({ reason: 'invalid_json' });
    byReason.inc({ reason: 'invalid_json' });
    expect(await registry.render()).toBe(
      [
        '# HELP app_starts_total Starts.\\nOne per process.',
        '# TYPE app_starts_total counter',
        'app_starts_total 1',
        '# HELP app_refusals_total Refusals by reason.',
        '# TYPE app_refusals_total counter',
        'app_refusals_total{reason="bad \\"quote\\" \\\\ and\\nline"} 2',
        'app_refusals_total{reason="invalid_json"} 2',
        '',
      ].join('\n'),
    );
  });

  it('exposes initial label sets at 0 and sorts label names', async () => {
    const registry = createMetrics();
    const counter = registry.counter('x_total', 'X.', [{ b: '1', a: '2' }]);
    counter.inc({ a: '2', b: '1' }, 3);
    expect(await registry.render()).toContain('x_total{a="2",b="1"} 3\n');
  });

  it('refuses a counter going down, invalid names and a name registered twice', () => {
    const registry = createMetrics();
    const counter = registry.counter('ok_total', 'Ok.');
    expect(() => counter.inc({}, -1)).toThrow(RangeError);
    expect(() => registry.counter('ok_total', 'Again.')).toThrow(/twice/);
    expect(() => registry.counter('bad-name', 'Bad.')).toThrow(/invalid metric name/);
    expect(() => counter.inc({ 'bad-label': 'x' })).toThrow(/invalid label name/);
  });

  it('leaves out a collected family whose read fails, and says which', async () => {
    const registry = createMetrics();
    registry.counter('kept_total', 'Kept.');
    registry.collect('broken', 'Broken.', 'gauge', async () => {
      throw new Error('database is down');
    });
    const failed: string[] = [];
    const text = await registry.render((name) => failed.push(name));
    expect(text).toContain('kept_total 0');
    expect(text).not.toContain('broken');
    expect(failed).toEqual(['broken']);
  });
});

describe('createAppMetrics', () => {
  it('reads queue depth, lag and dead letters at scrape time, with one inbox call per scrape', async () => {
    let calls = 0;
    const stats: InboxStats = { depth: 7, leased: 2, oldestOccurredAt: 1_000, oldestReceivedAt: 10_000 };
    const metrics = createAppMetrics({
      inboxStats: async () => {
        calls++;
        return stats;
      },
      countDeadLetters: async () => 3,
      rateLimiterStats: () => ({ waits: 4, waitedMs: 2_500 }),
      now: () => 25_000,
    });
    metrics.webhookEvents.inc({ outcome: 'received' }, 5);
    const text = await metrics.registry.render();
    expect(calls).toBe(1);
    expect(text).toContain('churn_inbox_depth 7\n');
    expect(text).toContain('churn_inbox_leased 2\n');
    expect(text).toContain('churn_inbox_lag_seconds 15\n');
    expect(text).toContain('churn_dead_letters 3\n');
    expect(text).toContain('churn_hubspot_rate_limit_waits_total 4\n');
    expect(text).toContain('churn_hubspot_rate_limit_wait_seconds_total 2.5\n');
    expect(text).toContain('churn_webhook_events_total{outcome="received"} 5\n');
    expect(text).toContain('churn_webhook_events_total{outcome="accepted"} 0\n');
    expect(text).toContain('# TYPE churn_hubspot_rate_limit_waits_total counter\n');
  });

  it('reports a lag of 0 when the inbox is empty', async () => {
    const metrics = createAppMetrics({
      inboxStats: async () => ({ depth: 0, leased: 0, oldestOccurredAt: null, oldestReceivedAt: null }),
      countDeadLetters: async () => 0,
      now: () => 25_000,
    });
    const text = await metrics.registry.render();
    expect(text).toContain('churn_inbox_lag_seconds 0\n');
    expect(text).not.toContain('rate_limit');
  });
});
