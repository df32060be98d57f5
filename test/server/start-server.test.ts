import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHURN_PROPERTIES } from '../../src/adapters/hubspot/provision/churn-properties.ts';
import { HIGH_RISK_LIST_NAME } from '../../src/adapters/hubspot/provision/provision-list.ts';
import { type AppEnv, loadEnv } from '../../src/config/env.ts';
import { ValidationError } from '../../src/core/validation-error.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import { signHubSpotRequest } from '../../src/sources/hubspot/sign-request.ts';
import { hsObject } from '../adapters/hubspot/build.ts';
import { caught } from '../helpers/caught.ts';
import { FakeHubSpotPortal, until } from '../helpers/fake-hubspot-portal.ts';
import { takeContractViolations } from '../helpers/hubspot-contract.ts';
import { createScratchDatabase } from '../helpers/postgres.ts';

const PUBLIC_BASE_URL = 'https://churn.example.com';
const PORTAL = 62515;
const VALID = {
  HUBSPOT_CLIENT_ID: 'client-id-start',
  HUBSPOT_CLIENT_SECRET: 'client-secret-start',
  HUBSPOT_APP_ID: '5123456',
  HUBSPOT_API_BASE_URL: 'https://api.hubspot.test',
  HUBSPOT_AUTH_BASE_URL: 'https://app.hubspot.test',
  PUBLIC_BASE_URL,
  PORT: '0',
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  LOG_LEVEL: 'silent',
  // The fake portal has no Webhooks Journal (test/pipeline/catch-up-*.test.ts prove the catch-up on the sandbox).
  JOURNAL_CATCH_UP_MINUTES: '0',
};

const dirs: string[] = [];
const running: RunningServer[] = [];

/** A valid environment with its own database file; the server is stopped after the test. */
async function start(over: Record<string, string> = {}): Promise<{ server: RunningServer; env: AppEnv }> {
  const dir = mkdtempSync(join(tmpdir(), 'churn-start-'));
  dirs.push(dir);
  const env = loadEnv({ ...VALID, DATABASE_URL: join(dir, 'churn.sqlite'), ...over });
  const server = await startServer(env, { pollMs: 20 });
  running.push(server);
  return { server, env };
}

async function stop(server: RunningServer) {
  running.splice(running.indexOf(server), 1);
  await server.stop();
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(takeContractViolations()).toEqual([]);
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('startServer', () => {
  it('answers /healthz and /status, refuses an unsigned webhook, and stops: the port closes', async () => {
    const { server } = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    const unsigned = await fetch(`${server.url}/webhooks/hubspot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(unsigned.status).toBe(401);

    const status = await fetch(`${server.url}/status`);
    expect(status.status).toBe(200);
    expect(status.headers.get('cache-control')).toBe('no-store');
    expect(await status.json()).toEqual({
      portals: [],
      inbox: { depth: 0, leased: 0, oldestOccurredAt: null, oldestReceivedAt: null },
      deadLetters: 0,
      rateLimit: { waits: 0, waitedMs: 0 },
    });

    await expect(stop(server)).resolves.toBeUndefined();
    // A new TCP connection (fetch's pool may still hold a kept-alive socket the server has just closed), made
    // without nock, whose socket interception would accept any connection.
    const port = Number(new URL(server.url).port);
    nock.restore();
    const refused = await new Promise((resolve) => {
      connect(port, '127.0.0.1')
        .once('connect', () => resolve('connected'))
        .once('error', resolve);
    }).finally(() => nock.activate());
    expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('lets a webhook in flight finish before it stops: the request is answered, not failed on a closed store', async () => {
    const { server, env } = await start();
    const body = JSON.stringify([
      {
        eventId: 1,
        subscriptionId: 2,
        portalId: 404,
        appId: 5123456,
        occurredAt: Date.now(),
        subscriptionType: 'company.creation',
        attemptNumber: 0,
        objectId: 9,
      },
    ]);
    const url = `${PUBLIC_BASE_URL}/webhooks/hubspot`;
    const signed = signHubSpotRequest({
      method: 'POST',
      url,
      rawBody: body,
      secret: env.HUBSPOT_CLIENT_SECRET,
      timestamp: Date.now(),
    });
    let stopped: Promise<void> = Promise.resolve();
    nock.restore(); // a real client: nock's would not say when the server has the headers (100 Continue)
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const { port } = new URL(server.url);
      const headers = {
        ...signed,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      };
      const req = request({
        host: '127.0.0.1',
        port,
        path: '/webhooks/hubspot',
        method: 'POST',
        headers,
        agent: false,
      });
      req.once('error', reject).once('response', (res) => {
        let text = '';
        res
          .on('data', (chunk) => {
            text += chunk;
          })
          .once('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      // The server has read the headers: the request is in flight when stop() is called; the body follows.
      req.once('continue', () => {
        stopped = stop(server);
        req.end(body);
      });
    }).finally(() => nock.activate());
    await stopped;
    expect(answer).toEqual({ status: 200, text: JSON.stringify({ accepted: 0, duplicates: 0, ignored: 1 }) });
  });

  it('keeps its data in DATABASE_URL: a restart on the same file finds it, a wrong ENCRYPTION_KEY is refused', async () => {
    const { server, env } = await start();
    await stop(server);
    const again = await startServer(env, { pollMs: 20 });
    running.push(again);
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    await stop(again);
    const otherKey = { ...env, ENCRYPTION_KEY: Buffer.alloc(32, 4).toString('base64') };
    await expect(startServer(otherKey)).rejects.toThrow('ENCRYPTION_KEY is not the key the tokens in');
  });

  it('refuses an invalid environment with loadEnv’s ValidationError, naming each variable', () => {
    const { ENCRYPTION_KEY: _, ...noKey } = VALID;
    const error = caught(
      () => loadEnv({ ...noKey, PUBLIC_BASE_URL: 'churn.example.com', PORT: '70000' }),
      ValidationError,
    );
    expect(error.issues.map((i) => i.path).sort()).toEqual(['ENCRYPTION_KEY', 'PORT', 'PUBLIC_BASE_URL']);
    expect(error.message).toContain('openssl rand -base64 32');
  });

  it('runs on PostgreSQL when DATABASE_URL is a postgres:// URL, and says so when it cannot connect', async () => {
    const db = await createScratchDatabase();
    try {
      const { server } = await start({ DATABASE_URL: db.url });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await stop(server);
    } finally {
      await db.drop();
    }
    await expect(start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/churn' })).rejects.toThrow(
      /cannot connect to the PostgreSQL database/,
    );
  });
});

describe('install through OAuth', () => {
  it('exchanges the code, provisions the portal, backfills every company and reports it on /status', async () => {
    const fake = new FakeHubSpotPortal({ portalId: PORTAL });
    const companies = ['9140000001', '9140000002', '9140000003'];
    fake.add(
      'companies',
      ...companies.map((id, i) => hsObject(id, { name: `Company ${i}`, lifecyclestage: 'customer' })),
    );
    fake.serve();
    const { server } = await start();

    const install = await fetch(`${server.url}/oauth/hubspot/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get('location') ?? '');
    expect(authorize.origin + authorize.pathname).toBe('https://app.hubspot.test/oauth/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(VALID.HUBSPOT_CLIENT_ID);
    const state = authorize.searchParams.get('state') ?? '';
    expect(state).toMatch(/^[\w-]{40,}$/);

    // HubSpot sends the admin back with a code and the state.
    const callback = `${server.url}/oauth/hubspot/callback?code=code-from-hubspot&state=${state}`;
    const installed = await fetch(callback);
    expect(installed.status).toBe(200);
    expect(await installed.text()).toContain(`Churn Signals is installed for portal ${PORTAL}`);
    const [exchange] = fake.callsTo('POST', '/oauth/2026-09/token');
    expect(Object.fromEntries(new URLSearchParams(String(exchange?.body)))).toMatchObject({
      grant_type: 'authorization_code',
      code: 'code-from-hubspot',
      client_id: VALID.HUBSPOT_CLIENT_ID,
      redirect_uri: `${PUBLIC_BASE_URL}/oauth/hubspot/callback`,
    });

    const backfill = await until('the backfill to finish', async () => {
      const status = (await (await fetch(`${server.url}/status`)).json()) as {
        portals: { portalId: number; backfill: { scored: number; total: number; done: boolean } }[];
      };
      const portal = status.portals.find((p) => p.portalId === PORTAL);
      return portal?.backfill.done ? portal.backfill : null;
    });
    expect(backfill).toMatchObject({ scored: 3, total: 3 });

    expect([...fake.groups.keys()]).toContain('churn_signals');
    expect(CHURN_PROPERTIES.every((p) => fake.properties.get(p.name)?.groupName === 'churn_signals')).toBe(true);
    expect([...fake.lists.values()].map((l) => l.name)).toEqual([HIGH_RISK_LIST_NAME]);
    for (const id of companies) {
      expect(fake.get('companies', id)?.properties).toMatchObject({ churn_risk_level: 'low', churn_risk_score: '0' });
    }
    // Every API call carried the token of the code exchange.
    const api = fake.calls.filter((c) => !c.path.startsWith('/oauth/'));
    expect(new Set(api.map((c) => c.authorization))).toEqual(new Set(['Bearer fake-access-1']));
    expect(fake.unhandled).toEqual([]);

    // The state was used: the same callback again is refused.
    const replay = await fetch(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('expired or was already used');
  }, 30_000);
});
