import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { hubspotErrorBody } from '../hubspot-error.ts';
import { seededRandom } from '../seeded-random.ts';

export interface FaultRule {
  /** Which paths: a glob (`*` within a segment, `**` across) or a RegExp; all when absent. */
  path?: string | RegExp;
  /** Which methods (any case); all when absent. */
  methods?: readonly string[];
  // Shares of the matching requests, each in [0, 1], together at most 1: one draw per request picks the fault.
  /** Answered 429 (policy TEN_SECONDLY_ROLLING), as if the portal's limit were hit. */
  rateLimit?: number;
  /** Answered with a 5xx from `serverErrorStatuses`. */
  serverError?: number;
  /** Answered normally after `delayMs`. */
  slow?: number;
  /** The connection is destroyed without an answer. */
  drop?: number;
  serverErrorStatuses?: readonly number[];
  delayMs?: number;
}

export interface FaultConfig {
  /** The same seed and the same requests give the same faults. */
  seed?: number;
  /** Default true; false lets everything through. */
  enabled?: boolean;
  /** The first rule matching a request applies. */
  rules: readonly FaultRule[];
}

export type FaultKind = 'rateLimit' | 'serverError' | 'slow' | 'drop';

export interface FaultMiddleware extends RequestHandler {
  /** Replaces the configuration at runtime (and reseeds). */
  configure(config: FaultConfig): void;
  /** Faults injected since the last configure, by kind. */
  stats(): Record<FaultKind, number>;
}

const DEFAULT_STATUSES = [500, 502, 503, 504];
const DEFAULT_DELAY_MS = 2_000;

/**
 * Fault injection for tests and benchmarks: a configurable share of 429s, 5xx answers, slow answers and dropped
 * connections, scoped by path and method, deterministic for a seed and switchable at runtime. Mount it before the
 * rate limits and the routes, so an injected fault costs the portal nothing.
 */
export function faultMiddleware(
  initial: FaultConfig,
  options: { sleep?: (ms: number) => Promise<void> } = {},
): FaultMiddleware {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let config = validated(initial);
  let random = seededRandom(config.seed ?? 1);
  let counts = zero();

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const rule = config.enabled === false ? undefined : config.rules.find((r) => matches(r, req));
    const fault = rule ? pick(rule, random()) : null;
    if (!rule || !fault) {
      next();
      return;
    }
    counts[fault] += 1;
    switch (fault) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'slow':
        sleep(rule.delayMs ?? DEFAULT_DELAY_MS).then(() => next(), next);
        return;
      case 'rateLimit': {
        const body = hubspotErrorBody('RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', {
          errorType: 'RATE_LIMIT',
          policyName: 'TEN_SECONDLY_ROLLING',
        });
        res.status(429).set('Retry-After', '1').json(body);
        return;
      }
      case 'serverError': {
        const statuses = rule.serverErrorStatuses ?? DEFAULT_STATUSES;
        const status = statuses[Math.floor(random() * statuses.length)] ?? 500;
        res.status(status).json(hubspotErrorBody('INTERNAL_ERROR', `injected fault: HTTP ${status}`));
        return;
      }
    }
  };

  return Object.assign(middleware, {
    configure(next: FaultConfig) {
      config = validated(next);
      random = seededRandom(config.seed ?? 1);
      counts = zero();
    },
    stats: () => ({ ...counts }),
  });
}

function zero(): Record<FaultKind, number> {
  return { rateLimit: 0, serverError: 0, slow: 0, drop: 0 };
}

const KINDS: readonly FaultKind[] = ['drop', 'rateLimit', 'serverError', 'slow'];

function pick(rule: FaultRule, draw: number): FaultKind | null {
  let edge = 0;
  for (const kind of KINDS) {
    edge += rule[kind] ?? 0;
    if (draw < edge) return kind;
  }
  return null;
}

function matches(rule: FaultRule, req: Request): boolean {
  if (rule.methods && !rule.methods.some((m) => m.toUpperCase() === req.method)) return false;
  if (rule.path === undefined) return true;
  const pattern = typeof rule.path === 'string' ? globToRegExp(rule.path) : rule.path;
  return pattern.test(req.path);
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${body}$`);
}

function validated(config: FaultConfig): FaultConfig {
  for (const rule of config.rules) {
    const shares = KINDS.map((kind) => rule[kind] ?? 0);
    if (shares.some((s) => !(s >= 0 && s <= 1)) || shares.reduce((a, b) => a + b, 0) > 1 + 1e-9) {
      throw new RangeError(`fault shares must each be in [0, 1] and add up to at most 1: ${JSON.stringify(rule)}`);
    }
  }
  return config;
}
