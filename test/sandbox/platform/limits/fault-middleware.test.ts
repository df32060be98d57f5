import type { Request, Response } from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { type FaultConfig, faultMiddleware } from '../../../../src/sandbox/platform/limits/fault-middleware.ts';
import { call, type Served, serve } from '../serve.ts';

const COMPANY = '/crm/objects/2026-09/companies/9120000001';
const OWNERS = '/crm/owners/2026-09';

let served: Served | undefined;
afterEach(() => served?.close());

async function start(config: FaultConfig, sleeps: number[] = []) {
  const faults = faultMiddleware(config, {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  // Stands for the CRM routes: whatever gets through is answered 299.
  served = await serve(faults, (_req: Request, res: Response) => {
    res.status(299).end();
  });
  return { faults, base: served.base };
}

async function statuses(base: string, path: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await call(base, 'GET', path, { contract: false })).status);
  return out;
}

describe('faultMiddleware', () => {
  it('answers HubSpot’s 429 and error bodies for the configured shares, the same for the same seed', async () => {
    const config = { seed: 42, rules: [{ path: '/crm/**', rateLimit: 0.2, serverError: 0.2 }] };
    const { faults, base } = await start(config);
    const first = await statuses(base, COMPANY, 200);
    const counts = faults.stats();
    expect(first.filter((s) => s === 429).length).toBe(counts.rateLimit);
    expect(first.filter((s) => s >= 500).length).toBe(counts.serverError);
    expect(counts.rateLimit).toBeGreaterThan(20);
    expect(counts.rateLimit).toBeLessThan(60);
    expect(counts.serverError).toBeGreaterThan(20);
    expect(counts.serverError).toBeLessThan(60);

    faults.configure(config);
    expect(await statuses(base, COMPANY, 200)).toEqual(first);
    faults.configure({ ...config, seed: 43 });
    expect(await statuses(base, COMPANY, 200)).not.toEqual(first);
  });

  it('gives the injected answers HubSpot’s shapes', async () => {
    const { faults, base } = await start({ rules: [{ rateLimit: 1 }] });
    const limited = await call(base, 'GET', COMPANY);
    expect(limited).toMatchObject({
      status: 429,
      body: { errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' },
    });
    expect(limited.headers.get('retry-after')).toBe('1');

    faults.configure({ rules: [{ serverError: 1, serverErrorStatuses: [503] }] });
    expect(await call(base, 'GET', COMPANY)).toMatchObject({ status: 503, body: { status: 'error' } });
  });

  it('drops the connection without an answer', async () => {
    const { base } = await start({ rules: [{ drop: 1 }] });
    await expect(fetch(base + COMPANY)).rejects.toThrow(/fetch failed/);
  });

  it('answers slow requests after the configured delay', async () => {
    const sleeps: number[] = [];
    const { base } = await start({ rules: [{ slow: 1, delayMs: 1500 }] }, sleeps);
    expect((await call(base, 'GET', COMPANY, { contract: false })).status).toBe(299);
    expect(sleeps).toEqual([1500]);
  });

  it('is scoped by path and method, and switches off at runtime', async () => {
    const { faults, base } = await start({
      rules: [{ path: '/crm/objects/*/companies/*', methods: ['get'], rateLimit: 1 }],
    });
    expect(await statuses(base, COMPANY, 1)).toEqual([429]);
    expect(await statuses(base, OWNERS, 1)).toEqual([299]);
    expect((await call(base, 'PATCH', COMPANY, { json: {}, contract: false })).status).toBe(299);

    faults.configure({ enabled: false, rules: [{ rateLimit: 1 }] });
    expect(await statuses(base, COMPANY, 3)).toEqual([299, 299, 299]);
  });

  it('refuses shares that do not add up', () => {
    expect(() => faultMiddleware({ rules: [{ rateLimit: 0.7, drop: 0.5 }] })).toThrow(RangeError);
    expect(() => faultMiddleware({ rules: [{ slow: -0.1 }] })).toThrow(/in \[0, 1\]/);
  });
});
