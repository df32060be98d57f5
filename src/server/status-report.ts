import type { RateLimiter } from '../adapters/hubspot/client/rate-limiter.ts';
import type { Store } from '../store/store.ts';

/** GET /status: per-portal backfill progress (companies scored / total), the inbox, dead letters, rate-limit waits. */
export async function statusReport(store: Store, limiter: RateLimiter) {
  const [progress, inbox, deadLetters] = await Promise.all([
    store.listBackfillProgress(),
    store.inboxStats(),
    store.countDeadLetters(),
  ]);
  return {
    portals: progress.map((p) => ({
      portalId: p.portalId,
      backfill: {
        scored: p.scored,
        total: p.total,
        done: p.finishedAt != null,
        startedAt: new Date(p.startedAt).toISOString(),
        finishedAt: p.finishedAt == null ? null : new Date(p.finishedAt).toISOString(),
      },
    })),
    inbox,
    deadLetters,
    rateLimit: limiter.stats(),
  };
}
