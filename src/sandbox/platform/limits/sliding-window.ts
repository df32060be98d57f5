export interface RateLimit {
  requests: number;
  windowMs: number;
}

/**
 * A sliding log: a request fits when fewer than `requests` were let through in the last `windowMs` (HubSpot's
 * limits are rolling windows: policy TEN_SECONDLY_ROLLING).
 */
export function createSlidingWindow(limit: RateLimit) {
  const log: number[] = [];
  const prune = (at: number) => {
    while (log.length > 0 && (log[0] as number) + limit.windowMs <= at) log.shift();
  };
  return {
    /** Records the request and says how many remain, or refuses it and says when the next one fits. */
    take(at: number): { ok: true; remaining: number } | { ok: false; retryAfterMs: number } {
      prune(at);
      if (log.length < limit.requests) {
        log.push(at);
        return { ok: true, remaining: limit.requests - log.length };
      }
      return { ok: false, retryAfterMs: (log[log.length - limit.requests] as number) + limit.windowMs - at };
    },
  };
}

export type SlidingWindow = ReturnType<typeof createSlidingWindow>;
