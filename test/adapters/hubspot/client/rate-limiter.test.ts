import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createRateLimiter,
  HUBSPOT_GENERAL_LIMIT,
  type RequestKind,
} from '../../../../src/adapters/hubspot/client/rate-limiter.ts';

const WINDOW = HUBSPOT_GENERAL_LIMIT.windowMs;

const T0 = 1_000_000;

/** A fake clock the limiter sleeps on: a sleep advances it at once, so nothing waits for real. */
function fakeClock() {
  let clock = T0;
  const sleeps: number[] = [];
  return {
    now: () => clock,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      // After the callbacks already due have run, as a real timer would be: they see the time they were released at.
      await new Promise((resolve) => setImmediate(resolve));
      clock += ms;
    },
    sleeps,
  };
}

/** Acquires `count` slots concurrently and returns the (fake) time each was granted, in grant order. */
async function grants(
  limiter: ReturnType<typeof createRateLimiter>,
  now: () => number,
  count: number,
  portalId = 1,
  kind: RequestKind = 'default',
): Promise<number[]> {
  const at: number[] = [];
  await Promise.all(Array.from({ length: count }, () => limiter.acquire(portalId, kind).then(() => at.push(now()))));
  return at;
}

describe('createRateLimiter', () => {
  it('lets 110 requests of a portal through in a window and holds the 111th until the window rolls', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(clock);

    const at = await grants(limiter, clock.now, 111);
    expect(at.slice(0, 110).every((t) => t === T0)).toBe(true);
    expect(at[110]).toBe(T0 + WINDOW);
    expect(clock.sleeps).toEqual([WINDOW]);
    expect(limiter.stats()).toEqual({ waits: 1, waitedMs: WINDOW });
  });

  it('rolls the window request by request rather than resetting it', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ ...clock, general: { requests: 3, windowMs: 10_000 } });

    await limiter.acquire(1);
    await clock.sleep(4_000);
    await grants(limiter, clock.now, 2);
    // The window holds grants at T0, T0+4s, T0+4s: the next slot frees when the first leaves, at T0+10s.
    const [next, after] = await grants(limiter, clock.now, 2);
    expect(next).toBe(T0 + 10_000);
    expect(after).toBe(T0 + 14_000);
  });

  it('limits searches to 5 per second, outside the general limit (the specs exempt search from ten-secondly)', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(clock);

    const at = await grants(limiter, clock.now, 11, 1, 'search');
    expect(at).toEqual([...Array(5).fill(T0), ...Array(5).fill(T0 + 1000), T0 + 2000]);
    // The general window is untouched: 110 go at once, the 111th waits a window.
    const general = await grants(limiter, clock.now, 111);
    expect(general.filter((t) => t === T0 + 2000)).toHaveLength(110);
    expect(general[110]).toBe(T0 + 2000 + WINDOW);
  });

  it('lets exempt calls through with a full window and ahead of queued calls, but not through a pause', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ ...clock, general: { requests: 1, windowMs: 10_000 } });
    const order: string[] = [];

    await limiter.acquire(1);
    const queued = limiter.acquire(1).then(() => order.push('default'));
    await limiter.acquire(1, 'exempt').then(() => order.push('exempt'));
    await queued;
    expect(order).toEqual(['exempt', 'default']);

    limiter.pause(1, clock.now() + 3_000);
    const pausedAt = clock.now();
    await limiter.acquire(1, 'exempt');
    expect(clock.now()).toBe(pausedAt + 3_000);
  });

  it('keeps portals independent: one portal’s full window does not hold another’s requests', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(clock);

    await grants(limiter, clock.now, 110, 1);
    const other = await grants(limiter, clock.now, 110, 2);
    expect(other.every((t) => t === T0)).toBe(true);
    expect(clock.sleeps).toEqual([]);
  });

  it('serves a portal’s requests first come, first served', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ ...clock, general: { requests: 1, windowMs: 1_000 } });
    const order: string[] = [];

    await Promise.all(
      (['a', 'b', 'c', 'd'] as const).map((name, i) =>
        limiter.acquire(7, i === 1 ? 'search' : 'default').then(() => order.push(name)),
      ),
    );
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  it('passes a pause on to a shared ledger, so the other processes hold too', async () => {
    const clock = fakeClock();
    const paused: [number, number][] = [];
    const ledger = {
      take: async () => 0,
      pause: async (portalId: number, delayMs: number) => void paused.push([portalId, delayMs]),
    };
    createRateLimiter({ ...clock, ledger }).pause(3, T0 + 4_000);
    expect(paused).toEqual([[3, 4_000]]);
  });

  it('holds a paused portal until the pause ends, and only that portal', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(clock);

    limiter.pause(1, T0 + 2_000);
    limiter.pause(1, T0 + 500); // an earlier end never shortens a pause
    const [paused] = await grants(limiter, clock.now, 1, 1);
    expect(paused).toBe(T0 + 2_000);

    limiter.pause(1, clock.now() + 1_000);
    const [free] = await grants(limiter, clock.now, 1, 2);
    expect(free).toBe(T0 + 2_000);
    expect(limiter.stats()).toEqual({ waits: 1, waitedMs: 2_000 });
  });

  it('extends a wait already under way when a pause comes in meanwhile', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ ...clock, general: { requests: 1, windowMs: 1_000 } });
    await limiter.acquire(1);

    const waiting = limiter.acquire(1).then(() => clock.now());
    limiter.pause(1, T0 + 3_000);
    await expect(waiting).resolves.toBe(T0 + 3_000);
  });
});

describe('createRateLimiter with real timers (faked by vitest)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits on one timer, not by polling, and releases the request when it fires', async () => {
    vi.useFakeTimers({ now: T0 });
    const limiter = createRateLimiter({ general: { requests: 2, windowMs: 10_000 } });
    await limiter.acquire(1);
    await limiter.acquire(1);

    let granted = false;
    const third = limiter.acquire(1).then(() => {
      granted = true;
    });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(granted).toBe(false);
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(1);
    await third;
    expect(granted).toBe(true);
    expect(limiter.stats()).toEqual({ waits: 1, waitedMs: 10_000 });
  });
});
