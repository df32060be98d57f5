import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimitPolicy } from '../sandbox/platform/limits/rate-limit-policy.ts';

export interface CallCounts {
  /** Calls counted against the 110 / 10 s limit. */
  general: number;
  /** CRM searches (5 / s). */
  search: number;
  /** OAuth, Webhooks Journal and other calls HubSpot does not limit. */
  exempt: number;
  /** Answers 429 Too Many Requests. */
  throttled: number;
}

export interface CallCounter extends RequestHandler {
  counts(): CallCounts;
}

/** Counts the calls the sandbox answers by HubSpot's rate-limit policy: what the backfill costs a real portal. */
export function countCalls(): CallCounter {
  const counts: CallCounts = { general: 0, search: 0, exempt: 0, throttled: 0 };
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const policy = rateLimitPolicy(req.method, req.path);
    if (policy === 'ten-secondly') counts.general++;
    else if (policy === 'search') counts.search++;
    else counts.exempt++;
    res.on('finish', () => {
      if (res.statusCode === 429) counts.throttled++;
    });
    next();
  };
  return Object.assign(middleware, { counts: () => ({ ...counts }) });
}

/**
 * The least time HubSpot's limits allow for these calls: every 110 general calls past the first window cost 10 s,
 * every 5 searches past the first second cost 1 s.
 */
export function rateLimitFloorMs(counts: Pick<CallCounts, 'general' | 'search'>): number {
  const windows = (calls: number, per: number) => Math.max(0, Math.ceil(calls / per) - 1);
  return Math.max(windows(counts.general, 110) * 10_000, windows(counts.search, 5) * 1_000);
}
