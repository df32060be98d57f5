import type { PortalId } from '../../../store/store.ts';
import { memorySlotLedger, type RateLimit, type RateSlotLedger } from './rate-slot-ledger.ts';

export type { RateLimit, RateSlotLedger } from './rate-slot-ledger.ts';

/**
 * Which of a portal's limits a request counts against (rate-limit-kind.ts reads it off the operation): `default` the
 * general 110 / 10 s, `search` only the 5 / s of CRM search, `exempt` neither (the operations HubSpot's specs mark
 * `x-hubspot-rate-limit-exemptions: ["ten-secondly"]`, e.g. association batch reads). A pause holds all three.
 */
export type RequestKind = 'default' | 'search' | 'exempt';

export interface RateLimiterOptions {
  /** Every request of a portal; HubSpot's marketplace-app limit is 110 per rolling 10 s per installing portal. */
  general?: RateLimit;
  /** Search requests of a portal (not counted in `general`): 5 per second. */
  search?: RateLimit;
  /**
   * Where grants are counted. Default: in this process. Several processes serving the same portals pass one ledger
   * they share (the PostgreSQL store's), so that together they stay under the portal's limit.
   */
  ledger?: RateSlotLedger;
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
// The window is a little longer than HubSpot's 10 s: a call is granted here before HubSpot counts it on arrival, so an
// exact 10 s lets the 111th call land inside HubSpot's window now and then (the backfill benchmark saw 7 × 429 in
// 255 calls); 250 ms costs 2.5% of the throughput and saves the 429s and their back-off.
export const HUBSPOT_GENERAL_LIMIT: RateLimit = { requests: 110, windowMs: 10_250 };
export const HUBSPOT_SEARCH_LIMIT: RateLimit = { requests: 5, windowMs: 1_000 };

interface Waiter {
  kind: 'default' | 'search';
  since: number;
  waited: boolean;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface PortalState {
  pausedUntil: number;
  queue: Waiter[];
  draining: boolean;
}

/**
 * A sliding-log limiter per portal: a slot is free when fewer than `requests` grants fall in the last `windowMs`
 * (counted by the ledger). One drain loop per portal serves its queue in order and sleeps exactly until the head's
 * slot frees, as the ledger tells (no polling).
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const general = options.general ?? HUBSPOT_GENERAL_LIMIT;
  const search = options.search ?? HUBSPOT_SEARCH_LIMIT;
  const now = options.now ?? Date.now;
  const ledger = options.ledger ?? memorySlotLedger(now);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const portals = new Map<PortalId, PortalState>();
  const totals: RateLimiterStats = { waits: 0, waitedMs: 0 };

  function stateOf(portalId: PortalId): PortalState {
    let state = portals.get(portalId);
    if (!state) {
      state = { pausedUntil: 0, queue: [], draining: false };
      portals.set(portalId, state);
    }
    return state;
  }

  async function drain(portalId: PortalId, state: PortalState): Promise<void> {
    state.draining = true;
    try {
      for (let head = state.queue[0]; head; head = state.queue[0]) {
        let wait = state.pausedUntil - now();
        if (wait <= 0) {
          const isSearch = head.kind === 'search';
          wait = await ledger.take(portalId, isSearch ? 'search' : 'general', isSearch ? search : general);
        }
        if (wait > 0) {
          head.waited = true;
          await sleep(wait);
          continue;
        }
        state.queue.shift();
        if (head.waited) {
          totals.waits += 1;
          totals.waitedMs += now() - head.since;
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
      // Exempt calls take no slot, so they do not queue behind calls waiting for one; only a pause holds them.
      if (kind === 'exempt') return state.pausedUntil > now() ? sleep(state.pausedUntil - now()) : Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        state.queue.push({ kind, since: now(), waited: false, resolve, reject });
        if (!state.draining) void drain(portalId, state);
      });
    },
    pause(portalId, untilMs) {
      const state = stateOf(portalId);
      state.pausedUntil = Math.max(state.pausedUntil, untilMs);
      // The other processes on a shared ledger hold too, rather than each meeting its own 429. Best effort: a
      // failure leaves this process paused and the others finding out from HubSpot.
      ledger.pause?.(portalId, untilMs - now()).catch(() => {});
    },
    stats: () => ({ ...totals }),
  };
}
