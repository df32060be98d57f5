import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './server.ts';

describe('status, health and the request log', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('answers /healthz with ok', async () => {
    server = await startServer();
    const res = await fetch(`${server.base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("answers /status with the status report's JSON", async () => {
    const report = { portals: [{ portalId: 101, scored: 40, total: 120, finished: false }], inbox: { depth: 3 } };
    server = await startServer({ statusReport: async () => report });
    const res = await fetch(`${server.base}/status`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(report);
  });

  it('answers a failure with 500 "internal error" and logs the stack with the request id', async () => {
    server = await startServer({
      statusReport: async () => {
        throw new Error('no such table: backfill_progress');
      },
    });
    const res = await fetch(`${server.base}/status`);
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id');
    expect(await res.json()).toEqual({ error: 'internal_error', message: 'internal error', requestId });
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        requestId,
        err: expect.objectContaining({ message: 'no such table: backfill_progress', stack: expect.any(String) }),
      }),
    );
  });

  it('answers an unknown route with a JSON 404', async () => {
    server = await startServer();
    const res = await fetch(`${server.base}/nope?x=1`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found', message: 'no route for GET /nope' });
  });

  it('logs one line per request: id, method, path without the query, status, duration', async () => {
    server = await startServer();
    const res = await fetch(`${server.base}/healthz?userEmail=ana%40example.com`);
    const done = server.logs.find((line) => line.msg === 'request done');
    expect(done).toMatchObject({
      requestId: res.headers.get('x-request-id'),
      method: 'GET',
      path: '/healthz',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(server.logs)).not.toContain('example.com');
  });
});
