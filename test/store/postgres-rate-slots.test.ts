import { afterAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/adapters/hubspot/client/rate-limiter.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import type { RateLimit, Store } from '../../src/store/store.ts';
import { createScratchDatabase, postgresUnavailable, type ScratchDatabase } from '../helpers/postgres.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const unavailable = await postgresUnavailable();

/** The most grants that fall in any window of `windowMs` (grant times sorted). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe.skipIf(unavailable !== null)('PostgreSQL rate slots: one HubSpot limit for several processes', () => {
  const stores: Store[] = [];
  let database: ScratchDatabase;

  afterAll(async () => {
    for (const store of stores) await store.close();
    await database?.drop();
  });

  /** A server process's store (its own pool) on the shared database. */
  async function process_(): Promise<Store> {
    const store = await openPostgresStore({ url: database.url, encryptionKey: KEY });
    stores.push(store);
    return store;
  }

  it('grants a portal at most `requests` per window across three processes, and the rest as the window rolls', async () => {
    database = await createScratchDatabase();
    const limit: RateLimit = { requests: 6, windowMs: 600 };
    const processes = [await process_(), await process_(), await process_()];
    const limiters = processes.map((store) => {
      const ledger = store.sharedRateSlots;
      if (!ledger) throw new Error('the PostgreSQL store must share its rate slots');
      return createRateLimiter({ ledger, general: limit });
    });

    const granted: number[] = [];
    await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 8 }, () => limiter.acquire(42).then(() => granted.push(Date.now()))),
      ),
    );

    expect(granted).toHaveLength(24);
    // Client-side times trail the database's by a few ms; a window 50 ms shorter absorbs that without hiding a breach.
    expect(busiestWindow(granted, limit.windowMs - 50)).toBeLessThanOrEqual(limit.requests);
    // Another portal is counted apart: it has its whole window though portal 42 just used its own.
    const ledger = processes[1]?.sharedRateSlots;
    for (let i = 0; i < limit.requests; i++) expect(await ledger?.take(43, 'general', limit)).toBe(0);
    expect(await ledger?.take(43, 'general', limit)).toBeGreaterThan(0);
  });

  it('holds every process when one of them pauses a portal (a 429), and only that portal', async () => {
    const [first, second] = stores;
    const limit = { requests: 100, windowMs: 1_000 };
    await first?.sharedRateSlots?.pause?.(77, 60_000);
    await first?.sharedRateSlots?.pause?.(77, 1_000); // a shorter pause never cuts a longer one
    const wait = await second?.sharedRateSlots?.take(77, 'general', limit);
    expect(wait).toBeGreaterThan(58_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await second?.sharedRateSlots?.take(78, 'general', limit)).toBe(0);
  });

  it('keeps searches in their own window', async () => {
    const [store] = stores;
    const ledger = store?.sharedRateSlots;
    if (!ledger) throw new Error('the PostgreSQL store must share its rate slots');
    const limit = { requests: 2, windowMs: 60_000 };
    expect(await ledger.take(7, 'search', limit)).toBe(0);
    expect(await ledger.take(7, 'search', limit)).toBe(0);
    const wait = await ledger.take(7, 'search', limit);
    expect(wait).toBeGreaterThan(59_000);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(await ledger.take(7, 'general', limit)).toBe(0);
  });
});
