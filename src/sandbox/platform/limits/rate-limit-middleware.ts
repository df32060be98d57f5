import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hubspotErrorBody } from '../hubspot-error.ts';
import { bearerToken, type TokenRegistryAuth } from '../oauth/bearer-access.ts';
import { rateLimitPolicy } from './rate-limit-policy.ts';
import { createSlidingWindow, type RateLimit, type SlidingWindow } from './sliding-window.ts';

export type { RateLimit } from './sliding-window.ts';

/** DESIGN §7: marketplace apps get 110 requests per 10 s per installing portal; CRM search 5 per second. */
export const GENERAL_LIMIT: RateLimit = { requests: 110, windowMs: 10_000 };
export const SEARCH_LIMIT: RateLimit = { requests: 5, windowMs: 1_000 };

export interface RateLimitOptions {
  now: () => number;
  auth: Pick<TokenRegistryAuth, 'portalFor'>;
  general?: RateLimit;
  search?: RateLimit;
}

export interface RateLimitMiddleware extends RequestHandler {
  /** Forgets every count (tests, benchmarks between runs). */
  reset(): void;
}

/**
 * HubSpot's rate limits per portal, found from the Bearer token (a request without a valid one goes on to the route,
 * which answers 401). A refused request gets HubSpot's 429 (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines):
 * `errorType: RATE_LIMIT`, `policyName` TEN_SECONDLY_ROLLING or SECONDLY, category RATE_LIMITS, and Retry-After.
 * Counted responses carry X-HubSpot-RateLimit-Interval-Milliseconds, -Max and -Remaining; search responses carry
 * none (HubSpot's search endpoints do not send them), and OAuth calls have no daily limit, hence no -Daily headers.
 */
export function rateLimitMiddleware(options: RateLimitOptions): RateLimitMiddleware {
  const general = options.general ?? GENERAL_LIMIT;
  const search = options.search ?? SEARCH_LIMIT;
  const windows = new Map<string, SlidingWindow>();
  const windowOf = (portalId: number, policy: 'ten-secondly' | 'search') => {
    const key = `${portalId}:${policy}`;
    let window = windows.get(key);
    if (!window) {
      window = createSlidingWindow(policy === 'search' ? search : general);
      windows.set(key, window);
    }
    return window;
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const policy = rateLimitPolicy(req.method, req.path);
    const token = policy === 'exempt' ? null : bearerToken(req);
    const access = token ? options.auth.portalFor(token) : null;
    if (policy === 'exempt' || !access) {
      next();
      return;
    }
    const limit = policy === 'search' ? search : general;
    const taken = windowOf(access.portalId, policy).take(options.now());
    if (policy === 'ten-secondly') {
      res.set('X-HubSpot-RateLimit-Interval-Milliseconds', String(limit.windowMs));
      res.set('X-HubSpot-RateLimit-Max', String(limit.requests));
      res.set('X-HubSpot-RateLimit-Remaining', String(taken.ok ? taken.remaining : 0));
    }
    if (taken.ok) {
      next();
      return;
    }
    const policyName = policy === 'search' ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING';
    const body = hubspotErrorBody('RATE_LIMITS', `You have reached your ${policyName.toLowerCase()} limit.`, {
      errorType: 'RATE_LIMIT',
      policyName,
      groupName: `publicapi:oauth:${access.appId}:${access.portalId}`,
    });
    res
      .status(429)
      .set('Retry-After', String(Math.max(1, Math.ceil(taken.retryAfterMs / 1000))))
      .set('X-HubSpot-Correlation-Id', body.correlationId)
      .json(body);
  };
  return Object.assign(middleware, { reset: () => windows.clear() });
}
