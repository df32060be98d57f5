import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHubSpotApi, type HubSpotApiOptions } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { HubSpotApiError } from '../../../../src/adapters/hubspot/client/hubspot-error.ts';
import { createRateLimiter, type RateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { contractReply } from '../../../helpers/hubspot-contract.ts';
import { useStrictNock } from '../../../helpers/strict-nock.ts';

const BASE = 'https://api.hubspot.test';
const T0 = Date.parse('2026-11-15T12:00:00.000Z');
const AT = '2026-11-15T12:00:00.000Z';
const CORRELATION_ID = 'c033cdaa-2c40-4a64-ae48-b4cec88dad24';
const TOKENS: Record<number, string> = { 101: 'token-of-portal-101', 202: 'token-of-portal-202' };
const BATCH_READ = '/crm/objects/2026-09/companies/batch/read';
const batchReadBody = { inputs: [{ id: '9001' }], properties: ['name'], propertiesWithHistory: [] };
const batchReadResult = {
  status: 'COMPLETE',
  results: [{ id: '9001', properties: { name: 'Acme' }, createdAt: AT, updatedAt: AT, archived: false }],
  requestedAt: AT,
  startedAt: AT,
  completedAt: AT,
};

function hubspotError(category: string, extra: Record<string, unknown> = {}) {
  return { status: 'error', message: 'Something about the request', correlationId: CORRELATION_ID, category, ...extra };
}

const rateLimitBody = hubspotError('RATE_LIMITS', {
  message: 'You have reached your ten_secondly_rolling limit.',
  errorType: 'RATE_LIMIT',
  policyName: 'TEN_SECONDLY_ROLLING',
});

/** A fake clock both the limiter and the client sleep on: sleeping advances it, nothing waits for real. */
function harness(overrides: Partial<HubSpotApiOptions> = {}) {
  let clock = T0;
  const sleeps: number[] = [];
  const now = () => clock;
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    // After the callbacks already due have run, as a real timer would be: they see the time they were released at.
    await new Promise((resolve) => setImmediate(resolve));
    clock += ms;
  };
  const inner = createRateLimiter({ now, sleep });
  const pauses: [number, number][] = [];
  const limiter: RateLimiter = {
    acquire: inner.acquire,
    stats: inner.stats,
    pause(portalId, untilMs) {
      pauses.push([portalId, untilMs]);
      inner.pause(portalId, untilMs);
    },
  };
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(line) } });
  const api = createHubSpotApi({
    baseUrl: `${BASE}/`,
    accessToken: async (portalId) => TOKENS[portalId] ?? 'no-token',
    limiter,
    logger,
    sleep,
    now,
    random: () => 0.5,
    ...overrides,
  });
  return { api, limiter, sleeps, pauses, logs, now };
}

function bearer(portalId: number) {
  return { reqheaders: { authorization: `Bearer ${TOKENS[portalId]}` } };
}

async function rejection(promise: Promise<unknown>): Promise<HubSpotApiError> {
  await expect(promise).rejects.toBeInstanceOf(HubSpotApiError);
  return promise.catch((error: HubSpotApiError) => error) as Promise<HubSpotApiError>;
}

useStrictNock();

describe('createHubSpotApi: requests', () => {
  it('sends each portal’s request to the dated path with that portal’s Bearer token, and parses the answer', async () => {
    const { api } = harness();
    nock(BASE, bearer(101))
      .post(BATCH_READ, batchReadBody)
      .query({ archived: 'false' })
      .reply(contractReply(200, batchReadResult));
    nock(BASE, bearer(202)).post(BATCH_READ, batchReadBody).reply(contractReply(200, batchReadResult));

    const read = (portalId: number, query?: Record<string, boolean>) =>
      api.request<typeof batchReadResult>(portalId, { method: 'POST', path: BATCH_READ, body: batchReadBody, query });
    await expect(read(101, { archived: false })).resolves.toEqual(batchReadResult);
    await expect(read(202)).resolves.toEqual(batchReadResult);
  });

  it('repeats array query parameters (form, explode) and leaves out undefined ones', async () => {
    const { api } = harness();
    const company = {
      id: '9001',
      properties: { name: 'Acme', domain: 'acme.test' },
      createdAt: AT,
      updatedAt: AT,
      archived: false,
    };
    nock(BASE)
      .get('/crm/objects/2026-09/companies/9001')
      .query((q) => JSON.stringify(q) === JSON.stringify({ properties: ['name', 'domain'] }))
      .reply(contractReply(200, company));

    const got = await api.request(101, {
      method: 'GET',
      path: '/crm/objects/2026-09/companies/9001',
      query: { properties: ['name', 'domain'], idProperty: undefined },
    });
    expect(got).toEqual(company);
  });

  it('resolves an empty answer (204) with undefined', async () => {
    const { api } = harness();
    nock(BASE).delete('/crm/objects/2026-09/tasks/77').reply(contractReply(204));
    await expect(
      api.request(101, { method: 'DELETE', path: '/crm/objects/2026-09/tasks/77' }),
    ).resolves.toBeUndefined();
  });

  it('refuses a path that carries its own query', async () => {
    const { api } = harness();
    await expect(api.request(101, { method: 'GET', path: '/crm/owners/2026-09?limit=1' })).rejects.toThrow(
      'carry no query (use query)',
    );
  });
});

describe('createHubSpotApi: retries', () => {
  it('retries a 429 after its Retry-After, pausing the portal’s limiter for that long', async () => {
    const { api, limiter, sleeps, pauses, logs, now } = harness();
    const sentAt: number[] = [];
    const stamped = (body: unknown) => () => {
      sentAt.push(now());
      return body;
    };
    nock(BASE)
      .post(BATCH_READ)
      .reply(contractReply(429, stamped(rateLimitBody), { 'Retry-After': '2' }))
      .post(BATCH_READ)
      .reply(contractReply(200, stamped(batchReadResult)));

    await expect(api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody })).resolves.toEqual(
      batchReadResult,
    );
    expect(sentAt).toEqual([T0, T0 + 2000]);
    expect(pauses).toEqual([[101, T0 + 2000]]);
    expect(sleeps).toEqual([2000]);
    expect(limiter.stats()).toEqual({ waits: 1, waitedMs: 2000 });
    const retryLog = JSON.parse(logs.find((line) => line.includes('retrying')) ?? '{}');
    expect(retryLog).toMatchObject({ portalId: 101, status: 429, policyName: 'TEN_SECONDLY_ROLLING', delayMs: 2000 });
  });

  it('waits out the policy’s window when a 429 has no Retry-After (search: one second)', async () => {
    const { api, pauses } = harness();
    const search = { after: '0', filterGroups: [], limit: 200, properties: ['name'], sorts: [] };
    const secondly = hubspotError('RATE_LIMITS', { errorType: 'RATE_LIMIT', policyName: 'SECONDLY' });
    nock(BASE)
      .post('/crm/objects/2026-09/companies/search')
      .reply(contractReply(429, secondly))
      .post('/crm/objects/2026-09/companies/search')
      .reply(contractReply(200, { total: 0, results: [] }));

    const found = api.request(101, {
      method: 'POST',
      path: '/crm/objects/2026-09/companies/search',
      body: search,
      kind: 'search',
    });
    await expect(found).resolves.toEqual({ total: 0, results: [] });
    expect(pauses).toEqual([[101, T0 + 1000]]);
  });

  it('retries a 502 with jittered exponential backoff, then succeeds', async () => {
    const { api, sleeps, pauses } = harness({ retry: { baseDelayMs: 400 } });
    nock(BASE)
      .post(BATCH_READ)
      .reply(contractReply(502, hubspotError('BAD_GATEWAY')))
      .post(BATCH_READ)
      .reply(contractReply(502, hubspotError('BAD_GATEWAY')))
      .post(BATCH_READ)
      .reply(contractReply(200, batchReadResult));

    await expect(api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody })).resolves.toEqual(
      batchReadResult,
    );
    // random() = 0.5 of 400·2^0, then of 400·2^1.
    expect(sleeps).toEqual([200, 400]);
    expect(pauses).toEqual([]);
  });

  it('does not repeat a non-idempotent create after a 5xx (HubSpot may have applied it), but does after a 429', async () => {
    const { api } = harness();
    nock(BASE)
      .post(BATCH_READ)
      .reply(contractReply(502, hubspotError('BAD_GATEWAY')));
    const once = api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody, idempotent: false });
    await expect(once).rejects.toMatchObject({ status: 502, attempts: 1 });

    nock(BASE)
      .post(BATCH_READ)
      .reply(contractReply(429, rateLimitBody, { 'Retry-After': '1' }))
      .post(BATCH_READ)
      .reply(contractReply(200, batchReadResult));
    const throttled = api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody, idempotent: false });
    await expect(throttled).resolves.toEqual(batchReadResult);
  });

  it('retries a connection reset', async () => {
    const { api } = harness();
    nock(BASE)
      .post(BATCH_READ)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .post(BATCH_READ)
      .reply(contractReply(200, batchReadResult));
    await expect(api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody })).resolves.toEqual(
      batchReadResult,
    );
  });

  it('gives up after `attempts` 503s with an error that says how many', async () => {
    const { api, sleeps } = harness({ retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 150 } });
    nock(BASE)
      .post(BATCH_READ)
      .times(3)
      .reply(contractReply(503, hubspotError('SERVICE_UNAVAILABLE')));

    const error = await rejection(api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody }));
    expect(error).toMatchObject({ kind: 'server_error', status: 503, attempts: 3, retryable: true, portalId: 101 });
    expect(error.message).toContain('after 3 attempts');
    expect(sleeps).toEqual([50, 75]);
  });

  it('gives up on a network failure after `attempts` tries, naming the base URL to check', async () => {
    const { api } = harness({ retry: { attempts: 2 } });
    const reset = Object.assign(new Error('read ETIMEDOUT'), { code: 'ETIMEDOUT' });
    nock(BASE).get('/crm/owners/2026-09').times(2).replyWithError(reset);

    const error = await rejection(api.request(101, { method: 'GET', path: '/crm/owners/2026-09' }));
    expect(error).toMatchObject({ kind: 'network', status: null, category: 'ETIMEDOUT', attempts: 2, retryable: true });
    expect(error.message).toContain(`Could not reach HubSpot at ${BASE}`);
  });

  it('does not wait in-process for a Retry-After longer than maxDelayMs: it throws, with the portal paused', async () => {
    const { api, pauses, sleeps } = harness({ retry: { maxDelayMs: 30_000 } });
    nock(BASE)
      .post(BATCH_READ)
      .reply(contractReply(429, rateLimitBody, { 'Retry-After': '120' }));

    const error = await rejection(api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody }));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 120_000, attempts: 1 });
    expect(pauses).toEqual([[101, T0 + 120_000]]);
    expect(sleeps).toEqual([]);
  });
});

describe('createHubSpotApi: failures that are not retried', () => {
  it('throws a 400 at once with its status, category and correlationId, and no token or body in the message', async () => {
    const { api, logs } = harness();
    const invalid = hubspotError('VALIDATION_ERROR', { message: 'Property values were not valid: jane@acme.test' });
    nock(BASE).post(BATCH_READ).reply(contractReply(400, invalid));

    const error = await rejection(api.request(101, { method: 'POST', path: BATCH_READ, body: batchReadBody }));
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      category: 'VALIDATION_ERROR',
      correlationId: CORRELATION_ID,
      retryable: false,
      attempts: 1,
      method: 'POST',
      path: BATCH_READ,
    });
    expect(error.message).toContain(`HubSpot POST ${BATCH_READ} for portal 101 failed: 400 VALIDATION_ERROR`);
    for (const leak of [TOKENS[101] as string, 'jane@acme.test', '9001']) {
      expect(error.message).not.toContain(leak);
      expect(logs.join('')).not.toContain(leak);
    }
  });

  it('tells the operator to reinstall with the missing scopes on a 403 MISSING_SCOPES', async () => {
    const { api } = harness();
    const missing = hubspotError('MISSING_SCOPES', {
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: ['crm.objects.owners.read'] },
        },
      ],
    });
    nock(BASE).get('/crm/owners/2026-09').reply(contractReply(403, missing));

    const error = await rejection(api.request(101, { method: 'GET', path: '/crm/owners/2026-09' }));
    expect(error).toMatchObject({ kind: 'missing_scopes', status: 403, requiredScopes: ['crm.objects.owners.read'] });
    expect(error.message).toContain(
      "(crm.objects.owners.read): add it to the app's scopes and reinstall the app in portal 101",
    );
  });

  it('does not retry a 200 whose body is not JSON, and does not quote that body', async () => {
    const { api } = harness();
    // Deliberately outside HubSpot's contract: what a captive proxy or a wrong base URL answers.
    nock(BASE)
      .get('/crm/owners/2026-09')
      .reply(200, '<html>Sign in to the proxy</html>', { 'Content-Type': 'text/html' });

    const error = await rejection(api.request(101, { method: 'GET', path: '/crm/owners/2026-09' }));
    expect(error).toMatchObject({ kind: 'invalid_response', status: 200, retryable: false, attempts: 1 });
    expect(error.message).not.toContain('proxy</html>');
    expect(error.cause).toBeUndefined();
  });

  it('does not retry a 429 of the DAILY policy', async () => {
    const { api, pauses } = harness();
    const daily = hubspotError('RATE_LIMITS', { errorType: 'RATE_LIMIT', policyName: 'DAILY' });
    nock(BASE).get('/crm/owners/2026-09').reply(contractReply(429, daily));

    const error = await rejection(api.request(101, { method: 'GET', path: '/crm/owners/2026-09' }));
    expect(error).toMatchObject({ kind: 'daily_limit', retryable: false, policyName: 'DAILY', attempts: 1 });
    expect(pauses).toEqual([]);
  });

  it('throws a 401 at once as token_rejected when the caller has no refresh hook', async () => {
    const { api } = harness();
    nock(BASE)
      .get('/crm/owners/2026-09')
      .reply(contractReply(401, hubspotError('INVALID_AUTHENTICATION')));

    const error = await rejection(api.request(101, { method: 'GET', path: '/crm/owners/2026-09' }));
    expect(error).toMatchObject({ kind: 'token_rejected', status: 401, retryable: false, attempts: 1 });
    expect(error.message).toContain('refresh it');
  });

  it('after a 401, lets the caller refresh the token once and resends with the new one', async () => {
    const tokens: Record<number, string> = { 101: 'stale-token' };
    const refreshed: number[] = [];
    const { api } = harness({
      accessToken: async (portalId) => tokens[portalId] as string,
      onTokenRejected: async (portalId) => {
        refreshed.push(portalId);
        tokens[portalId] = 'fresh-token';
      },
    });
    const owners = { results: [] };
    nock(BASE, { reqheaders: { authorization: 'Bearer stale-token' } })
      .get('/crm/owners/2026-09')
      .times(1)
      .reply(contractReply(401, hubspotError('EXPIRED_AUTHENTICATION')));
    nock(BASE, { reqheaders: { authorization: 'Bearer fresh-token' } })
      .get('/crm/owners/2026-09')
      .reply(contractReply(200, owners));

    await expect(api.request(101, { method: 'GET', path: '/crm/owners/2026-09' })).resolves.toEqual(owners);
    expect(refreshed).toEqual([101]);
  });

  it('refreshes only once: a second 401 is thrown', async () => {
    const { api } = harness({ onTokenRejected: async () => {} });
    nock(BASE)
      .get('/crm/owners/2026-09')
      .times(2)
      .reply(contractReply(401, hubspotError('INVALID_AUTHENTICATION')));

    const error = await rejection(api.request(101, { method: 'GET', path: '/crm/owners/2026-09' }));
    expect(error).toMatchObject({ kind: 'token_rejected', attempts: 2 });
  });
});
