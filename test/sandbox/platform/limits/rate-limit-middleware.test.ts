import type { Request, Response } from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rateLimitMiddleware } from '../../../../src/sandbox/platform/limits/rate-limit-middleware.ts';
import { call, type Served, serve } from '../serve.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const PORTALS: Record<string, { portalId: number; appId: number }> = {
  'token-a': { portalId: 101, appId: 9 },
  'token-b': { portalId: 202, appId: 9 },
};
const GET_COMPANY = '/crm/objects/2026-09/companies/9120000001';
const SEARCH = '/crm/objects/2026-09/companies/search';
const SEARCH_BODY = { filterGroups: [], properties: ['name'], sorts: [], after: '0', limit: 10 };

let clock: number;
let served: Served;
let limiter: ReturnType<typeof rateLimitMiddleware>;

beforeEach(async () => {
  clock = T0;
  limiter = rateLimitMiddleware({ now: () => clock, auth: { portalFor: (token) => PORTALS[token] ?? null } });
  // Stands for the CRM routes: every request that gets through is answered 299, so the limiter's answers stand out.
  served = await serve(limiter, (_req: Request, res: Response) => {
    res.status(299).end();
  });
});
afterEach(() => served.close());

const get = (token: string) => call(served.base, 'GET', GET_COMPANY, { token, contract: false });

describe('rateLimitMiddleware', () => {
  it('lets 110 requests of a portal through in 10 s, then answers HubSpot’s 429 until the window rolls', async () => {
    for (let i = 1; i <= 110; i++) {
      const res = await get('token-a');
      expect(res.status).toBe(299);
      if (i === 1 || i === 110) {
        expect(res.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
        expect(res.headers.get('x-hubspot-ratelimit-max')).toBe('110');
        expect(res.headers.get('x-hubspot-ratelimit-remaining')).toBe(String(110 - i));
      }
      clock += 50;
    }
    const refused = await call(served.base, 'GET', GET_COMPANY, { token: 'token-a' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      category: 'RATE_LIMITS',
      groupName: 'publicapi:oauth:9:101',
    });
    // The first request leaves the window 10 s after it was let in: 10 s − 110 × 50 ms from now.
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');

    expect((await get('token-b')).status).toBe(299);
    clock = T0 + 10_000;
    expect((await get('token-a')).status).toBe(299);
  });

  it('limits search to 5 per second apart from the ten-secondly count, without the rate limit headers', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await call(served.base, 'POST', SEARCH, { token: 'token-a', json: SEARCH_BODY, contract: false });
      expect(res.status).toBe(299);
      expect(res.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    }
    const refused = await call(served.base, 'POST', SEARCH, { token: 'token-a', json: SEARCH_BODY });
    expect(refused).toMatchObject({ status: 429, body: { policyName: 'SECONDLY', errorType: 'RATE_LIMIT' } });
    expect(refused.headers.get('retry-after')).toBe('1');

    const after = await get('token-a');
    expect(after.headers.get('x-hubspot-ratelimit-remaining')).toBe('109');
    clock += 1_000;
    expect(
      (await call(served.base, 'POST', SEARCH, { token: 'token-a', json: SEARCH_BODY, contract: false })).status,
    ).toBe(299);
  });

  it('does not count exempt operations, nor requests without a portal token, and resets on demand', async () => {
    for (let i = 0; i < 120; i++) {
      const read = '/crm/associations/2026-09/companies/contacts/batch/read';
      expect(
        (await call(served.base, 'POST', read, { token: 'token-a', json: { inputs: [] }, contract: false })).status,
      ).toBe(299);
      expect((await get('unknown')).status).toBe(299);
    }
    for (let i = 0; i < 110; i++) await get('token-a');
    expect((await get('token-a')).status).toBe(429);
    limiter.reset();
    expect((await get('token-a')).status).toBe(299);
  });
});
