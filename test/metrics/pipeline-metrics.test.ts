import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/create-logger.ts';
import { createAppMetrics } from '../../src/metrics/create-app-metrics.ts';
import type { PipelineDeps } from '../../src/pipeline/pipeline-deps.ts';
import { DEFAULT_INBOX_OPTIONS, processInbox } from '../../src/pipeline/process-inbox.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { install, T0 } from '../http/server.ts';

describe('inbox metrics', () => {
  it('counts events dropped, failed, retried and dead-lettered by the worker', async () => {
    const now = () => T0;
    const store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 7), now });
    await install(store, 1);
    const metrics = createAppMetrics({
      inboxStats: () => store.inboxStats(),
      countDeadLetters: () => store.countDeadLetters(),
      now,
    });
    const failing = async () => {
      throw Object.assign(new Error('HubSpot 503'), { retryable: true });
    };
    const deps = {
      store,
      logger: createLogger({ level: 'silent' }),
      now,
      reader: { companiesForEvents: failing },
      writer: {},
      configFor: failing,
      metrics,
    } as unknown as PipelineDeps;
    const row = (portalId: number, objectId: number) => ({
      portalId,
      subscriptionType: 'company.propertyChange',
      objectId,
      occurredAt: T0 - 1_000,
      payload: {},
    });
    await store.enqueue([row(1, 1), row(1, 2), row(2, 3)]); // portal 2 is not installed
    const options = { ...DEFAULT_INBOX_OPTIONS, workerId: 'w', maxAttempts: 2, retryBaseMs: 0 };
    await processInbox(deps, options); // portal 1: fails, retried; portal 2: dropped
    await processInbox(deps, options); // portal 1: fails again, dead-lettered

    const text = await metrics.registry.render();
    expect(text).toContain('churn_inbox_events_total{outcome="dropped"} 1\n');
    expect(text).toContain('churn_inbox_events_total{outcome="failed"} 4\n');
    expect(text).toContain('churn_inbox_events_total{outcome="retried"} 2\n');
    expect(text).toContain('churn_inbox_events_total{outcome="dead_lettered"} 2\n');
    expect(text).toContain('churn_inbox_events_total{outcome="processed"} 0\n');
    expect(text).toContain('churn_dead_letters 2\n');
    expect(text).toContain('churn_inbox_depth 0\n');
    await store.close();
  });
});
