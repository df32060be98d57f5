import type { PortalId } from '../../../store/store.ts';

/** `search` requests (POST .../search) count against both the general and the search limit. */
export type RequestKind = 'default' | 'search';

export interface RateLimit {
  requests: number;
  windowMs: number;
}

export interface RateLimiterOptions {
  /** Every request of a portal; HubSpot's marketplace-app limit is 110 per rolling 10 s per installing portal. */
  general?: RateLimit;
  /** Search requests of a portal, on top of `general`: 5 per second. */
  search?: RateLimit;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimiterStats {
  /** Acquisitions that had to wait for a slot or a pause. */
  waits: number;
  waitedMs: number;
}

export interface RateLimiter {
  /** Resolves when the portal has a free slot for `kind`; callers of one portal are served first come, first served. */
  acquire(portalId: PortalId, kind?: RequestKind): Promise<void>;
  /** Holds every request of the portal until `untilMs` (epoch ms), e.g. for a 429's Retry-After. */
  pause(portalId: PortalId, untilMs: number): void;
  stats(): RateLimiterStats;
}

// DESIGN §7: the SDK's bottleneck limiter is process-wide and ignores Retry-After, hence one of these per portal.
export const HUBSPOT_GENERAL_LIMIT: RateLimit = { requests: 110, windowMs: 10_000 };
export const HUBSPOT_SEARCH_LIMIT: RateLimit = { requests: 5, windowMs: 1_000 };

interface Waiter {
  kind: RequestKind;
  since: number;
  waited: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface PortalState {
  /** Grant times inside the general window, oldest first. */
  granted: number[];
  searchGranted: number[];
  pausedUntil: number;
  queue: Waiter[];
  draining: boolean;
}

/**
 * A sliding-log limiter per portal: a slot is free when fewer than `requests` grants fall in the last `windowMs`.
 * One drain loop per portal serves its queue in order and sleeps exactly until the head's slot frees (no polling).
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const general = options.general ?? HUBSPOT_GENERAL_LIMIT;
  const search = options.search ?? HUBSPOT_SEARCH_LIMIT;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const portals = new Map<PortalId, PortalState>();
  const totals: RateLimiterStats = { waits: 0, waitedMs: 0 };

  function stateOf(portalId: PortalId): PortalState {
    let state = portals.get(portalId);
    if (!state) {
      state = { granted: [], searchGranted: [], pausedUntil: 0, queue: [], draining: false };
      portals.set(portalId, state);
    }
    return state;
  }

  /** Milliseconds until `kind` may go at `at`; 0 when it may go now. */
  function waitFor(state: PortalState, kind: RequestKind, at: number): number {
    let until = Math.max(state.pausedUntil, freeAt(state.granted, general, at));
    if (kind === 'search') until = Math.max(until, freeAt(state.searchGranted, search, at));
    return Math.max(0, until - at);
  }

  async function drain(state: PortalState): Promise<void> {
    state.draining = true;
    try {
      for (let head = state.queue[0]; head; head = state.queue[0]) {
        const wait = waitFor(state, head.kind, now());
        if (wait > 0) {
          head.waited = true;
          await sleep(wait);
          continue;
        }
        state.queue.shift();
        const at = now();
        state.granted.push(at);
        if (head.kind === 'search') state.searchGranted.push(at);
        if (head.waited) {
          totals.waits += 1;
          totals.waitedMs += at - head.since;
        }
        head.resolve();
      }
    } catch (error) {
      for (const waiter of state.queue.splice(0)) waiter.reject(error);
    } finally {
      state.draining = false;
    }
  }

  return {
    acquire(portalId, kind = 'default') {
      const state = stateOf(portalId);
      return new Promise<void>((resolve, reject) => {
        state.queue.push({ kind, since: now(), waited: false, resolve, reject });
        if (!state.draining) void drain(state);
      });
    },
    pause(portalId, untilMs) {
      const state = stateOf(portalId);
      state.pausedUntil = Math.max(state.pausedUntil, untilMs);
    },
    stats: () => ({ ...totals }),
  };
}

/** When the next grant fits in `limit`, pruning grants that left the window; `at` when one fits already. */
function freeAt(granted: number[], limit: RateLimit, at: number): number {
  while (granted.length > 0 && (granted[0] as number) + limit.windowMs <= at) granted.shift();
  if (granted.length < limit.requests) return at;
  return (granted[granted.length - limit.requests] as number) + limit.windowMs;
}
