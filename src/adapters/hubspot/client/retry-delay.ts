import type { HubSpotFailure } from './hubspot-error.ts';

export interface RetryPolicy {
  /** Sends of one request in all, the first included; the last failure is thrown after that many. */
  attempts: number;
  baseDelayMs: number;
  /** Cap of the backoff; a server-imposed wait (Retry-After) longer than this is not waited out in-process. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * How long a 429 without Retry-After blocks, by the body's policyName: the rolling window is 10 s and the search
 * limit is per second (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines).
 */
const POLICY_WINDOW_MS: Record<string, number> = { TEN_SECONDLY_ROLLING: 10_000, SECONDLY: 1_000 };

export interface RetryDelay {
  delayMs: number;
  /** HubSpot imposed the wait (Retry-After or a 429's policy window) rather than our backoff choosing it. */
  imposed: boolean;
}

/**
 * The wait before attempt `attempt + 1`. HubSpot's Retry-After wins, then a 429's policy window; otherwise
 * exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform draw in
 * [0, min(max, base·2^(attempt-1))), so workers that failed together do not retry together.
 */
export function retryDelay(
  failure: HubSpotFailure,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): RetryDelay {
  if (failure.retryAfterMs !== null) return { delayMs: failure.retryAfterMs, imposed: true };
  const window = failure.status === 429 && failure.policyName ? POLICY_WINDOW_MS[failure.policyName] : undefined;
  if (window !== undefined) return { delayMs: window, imposed: true };
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return { delayMs: Math.floor(random() * ceiling), imposed: false };
}
