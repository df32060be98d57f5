import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import { createTtlCache } from '../../../../src/adapters/hubspot/client/ttl-cache.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { contractReply, takeContractViolations } from '../../../helpers/hubspot-contract.ts';

const BASE = 'https://api.hubspot.test';
const AT = '2026-11-15T12:00:00.000Z';
const owners = {
  results: [{ id: '77', email: 'sam@example.com', type: 'PERSON', archived: false, createdAt: AT, updatedAt: AT }],
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createTtlCache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads once for concurrent callers of a key and serves the value until its ttl passes', async () => {
    vi.useFakeTimers({ now: Date.parse(AT) });
    const cache = createTtlCache();
    const load = vi.fn(async () => ['owner-77']);

    const [a, b] = await Promise.all([
      cache.cached('portal:1:owners', 60, load),
      cache.cached('portal:1:owners', 60, load),
    ]);
    expect(a).toEqual(['owner-77']);
    expect(b).toBe(a);
    vi.setSystemTime(Date.parse(AT) + 59_000);
    await cache.cached('portal:1:owners', 60, load);
    expect(load).toHaveBeenCalledTimes(1);

    vi.setSystemTime(Date.parse(AT) + 61_000);
    await cache.cached('portal:1:owners', 60, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps keys apart', async () => {
    const cache = createTtlCache();
    await expect(cache.cached('portal:1:owners', 60, async () => 'one')).resolves.toBe('one');
    await expect(cache.cached('portal:2:owners', 60, async () => 'two')).resolves.toBe('two');
  });

  it('does not keep a failed load: every waiting caller sees the error, the next call loads again', async () => {
    const cache = createTtlCache();
    const first = deferred<string>();
    const load = vi.fn(() => first.promise);

    const a = cache.cached('k', 60, load);
    const b = cache.cached('k', 60, load);
    first.reject(new Error('HubSpot down'));
    await expect(a).rejects.toThrow('HubSpot down');
    await expect(b).rejects.toThrow('HubSpot down');
    await expect(cache.cached('k', 60, async () => 'ok')).resolves.toBe('ok');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('turns a load that throws synchronously into a rejection', async () => {
    const cache = createTtlCache();
    const load = (): Promise<string> => {
      throw new Error('bad key');
    };
    await expect(cache.cached('k', 60, load)).rejects.toThrow('bad key');
  });

  it('caches undefined results too', async () => {
    const cache = createTtlCache();
    const load = vi.fn(async () => undefined);
    await cache.cached('k', 60, load);
    await cache.cached('k', 60, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('forgets a deleted key, and does not store a load that was in flight when it was deleted', async () => {
    const cache = createTtlCache();
    const stale = deferred<string>();
    const loading = cache.cached('portal:1:props', 60, () => stale.promise);
    cache.delete('portal:1:props');
    stale.resolve('stale');
    await expect(loading).resolves.toBe('stale');
    await expect(cache.cached('portal:1:props', 60, async () => 'fresh')).resolves.toBe('fresh');
  });

  it('forgets every key of a prefix', async () => {
    const cache = createTtlCache();
    await cache.cached('portal:1:owners', 60, async () => 'a');
    await cache.cached('portal:1:props', 60, async () => 'b');
    await cache.cached('portal:2:owners', 60, async () => 'c');
    cache.deletePrefix('portal:1:');
    await expect(cache.cached('portal:1:owners', 60, async () => 'A')).resolves.toBe('A');
    await expect(cache.cached('portal:1:props', 60, async () => 'B')).resolves.toBe('B');
    await expect(cache.cached('portal:2:owners', 60, async () => 'C')).resolves.toBe('c');
  });
});

describe('createTtlCache over the HubSpot client', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    expect(takeContractViolations()).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());

  it('makes one HTTP call for two concurrent reads of a portal’s owners', async () => {
    const api = createHubSpotApi({
      baseUrl: BASE,
      accessToken: async () => 'token-1',
      limiter: createRateLimiter(),
      logger: createLogger({ level: 'silent' }),
    });
    const cache = createTtlCache();
    const scope = nock(BASE)
      .get('/crm/owners/2026-09')
      .query({ limit: '100' })
      .once()
      .reply(contractReply(200, owners));
    const readOwners = () =>
      cache.cached('portal:1:owners', 300, () =>
        api.request<typeof owners>(1, { method: 'GET', path: '/crm/owners/2026-09', query: { limit: 100 } }),
      );

    const [a, b] = await Promise.all([readOwners(), readOwners()]);
    expect(a).toEqual(owners);
    expect(b).toBe(a);
    expect(scope.isDone()).toBe(true);
  });
});
