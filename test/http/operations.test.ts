import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/create-app.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import { createAppMetrics } from '../../src/metrics/create-app-metrics.ts';
import type { Store } from '../../src/store/store.ts';
import { env, fakeOAuth, install, signedFetch, startServer, T0, type TestServer } from './server.ts';

const PORTAL = 24051987;

function event(eventId: number, over: Record<string, unknown> = {}) {
  return {
    eventId,
    subscriptionId: 2901234,
    portalId: PORTAL,
    appId: 5123456,
    occurredAt: T0 - 60_000,
    subscriptionType: 'company.propertyChange',
    attemptNumber: 0,
    objectId: 9120000000 + eventId,
    propertyName: 'name',
    propertyValue: 'Acme Holdings',
    changeSource: 'CRM_UI',
    ...over,
  };
}

/** The test server with metrics over its own store (created inside startServer, hence the late binding). */
async function serverWithMetrics(): Promise<TestServer> {
  let store: Store | undefined;
  const metrics = createAppMetrics({
    inboxStats: () => (store as Store).inboxStats(),
    countDeadLetters: () => (store as Store).countDeadLetters(),
    now: () => T0 + 30_000,
  });
  const server = await startServer({ metrics });
  store = server.store;
  return server;
}

describe('operations routes', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('GET /readyz answers 200 when the store answers, and /healthz stays', async () => {
    const server = await startServer();
    closers.push(() => server.close());
    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  });

  it('GET /readyz answers 503 with a reason when the store call rejects, without the error message', async () => {
    const server = await startServer();
    closers.push(() => server.close());
    const broken: Store = Object.create(server.store);
    broken.getInstallation = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED postgres://app:hunter2@db:5432'), { code: 'ECONNREFUSED' });
    };
    const app = createApp({
      env,
      store: broken,
      logger: createLogger({ level: 'silent' }),
      now: () => T0,
      oauth: fakeOAuth(),
      onInstalled: () => {},
      statusReport: async () => ({}),
    });
    const listening = app.listen(0, '127.0.0.1');
    await once(listening, 'listening');
    closers.push(async () => {
      listening.closeAllConnections();
      await new Promise((resolve) => listening.close(resolve));
    });
    const { port } = listening.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toEqual({ ready: false, reason: 'the store did not answer (ECONNREFUSED)' });
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('GET /readyz uses the readiness dependency when given', async () => {
    const server = await startServer({ readiness: () => Promise.reject(new TypeError('nope')) });
    closers.push(() => server.close());
    const res = await fetch(`${server.base}/readyz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { reason: string }).reason).toBe('the store did not answer (TypeError)');
  });

  it('GET /metrics exposes the webhook counters and inbox gauges after some traffic', async () => {
    const server = await serverWithMetrics();
    closers.push(() => server.close());
    await install(server.store, PORTAL);
    const batch = JSON.stringify([event(1), event(2), event(3, { portalId: 999 })]);
    expect((await signedFetch(server, '/webhooks/hubspot', { body: batch })).status).toBe(200);
    expect((await signedFetch(server, '/webhooks/hubspot', { body: batch })).status).toBe(200); // a redelivery
    expect((await signedFetch(server, '/webhooks/hubspot', { body: '{not json' })).status).toBe(400);
    expect((await signedFetch(server, '/webhooks/hubspot', { body: batch, secret: 'wrong' })).status).toBe(401);
    expect((await signedFetch(server, '/webhooks/hubspot', { body: '[]' })).status).toBe(400);

    const res = await fetch(`${server.base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await res.text();
    expect(text).toContain('# TYPE churn_webhook_events_total counter\n');
    expect(text).toContain('churn_webhook_events_total{outcome="received"} 6\n');
    expect(text).toContain('churn_webhook_events_total{outcome="accepted"} 2\n');
    expect(text).toContain('churn_webhook_events_total{outcome="duplicate"} 2\n');
    expect(text).toContain('churn_webhook_events_total{outcome="ignored"} 2\n');
    expect(text).toContain('churn_webhook_requests_rejected_total{reason="invalid_json"} 1\n');
    expect(text).toContain('churn_webhook_requests_rejected_total{reason="invalid_request"} 1\n');
    expect(text).toMatch(/churn_webhook_requests_rejected_total\{reason="[a-z_]*signature[a-z_]*"\} 1\n/);
    expect(text).toContain('churn_inbox_depth 2\n');
    expect(text).toContain('churn_inbox_lag_seconds 30\n'); // received at T0, scraped at T0 + 30 s
    expect(text).toContain('churn_dead_letters 0\n');
  });

  it('has no /metrics without a metrics dependency', async () => {
    const server = await startServer();
    closers.push(() => server.close());
    expect((await fetch(`${server.base}/metrics`)).status).toBe(404);
  });
});
