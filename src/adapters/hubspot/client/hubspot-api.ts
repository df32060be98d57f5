import { Client } from '@hubspot/api-client';
import type { Logger } from 'pino';
import type { AppMetrics } from '../../../metrics/create-app-metrics.ts';
import type { PortalId } from '../../../store/store.ts';
import { classifyNetworkError, classifyResponse } from './classify-failure.ts';
import { HubSpotApiError, type HubSpotFailure } from './hubspot-error.ts';
import { rateLimitKind } from './rate-limit-kind.ts';
import type { RateLimiter, RequestKind } from './rate-limiter.ts';
import { DEFAULT_RETRY, type RetryPolicy, retryDelay } from './retry-delay.ts';

export type QueryValue = string | number | boolean | readonly (string | number)[] | undefined;

export interface HubSpotRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** From the API root, with its dated version: `/crm/objects/2026-09/companies/batch/read`. No query here. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Arrays repeat the parameter (`properties=a&properties=b`), OpenAPI's form/explode style HubSpot's specs declare. */
  query?: Record<string, QueryValue>;
  /** The limit the request counts against; by default read off the method and path (rate-limit-kind.ts). */
  kind?: RequestKind;
  /**
   * False for a create: after a 5xx or a lost connection HubSpot may have applied it, and sending it again would
   * make a duplicate. Such a request is retried only on 429 (refused before any work); the caller's own dedupe
   * (task ledger + search) settles the rest. Default true.
   */
  idempotent?: boolean;
}

export interface HubSpotApi {
  /**
   * Sends the request for the portal and resolves with the parsed JSON body (undefined when empty). Rejects with a
   * HubSpotApiError once the failure is not retryable or `retry.attempts` sends failed.
   */
  request<T>(portalId: PortalId, request: HubSpotRequest): Promise<T>;
  /** Drops the portal's SDK client (and the token it holds), e.g. when the app is uninstalled. */
  forget(portalId: PortalId): void;
}

export interface HubSpotApiOptions {
  /** HUBSPOT_API_BASE_URL: https://api.hubapi.com, or a local HubSpot-compatible server. */
  baseUrl: string;
  /** The portal's current access token; asked before every send, so keep it cached (ttl-cache) on the caller's side. */
  accessToken: (portalId: PortalId) => Promise<string>;
  limiter: RateLimiter;
  logger: Pick<Logger, 'warn' | 'debug'>;
  retry?: Partial<RetryPolicy>;
  /**
   * Called once per request after a 401, before one more send: refresh (or re-read) the token there. Without it a
   * 401 is thrown at once. Its own error (say, the refresh says the app was uninstalled) propagates as is.
   */
  onTokenRejected?: (portalId: PortalId) => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** [0, 1), for the backoff's jitter. */
  random?: () => number;
  /** Counts every send by the status HubSpot answered (`network` when none came back). */
  metrics?: Pick<AppMetrics, 'hubspotCalls'>;
}

type Outcome = { ok: true; value: unknown; status: number } | { ok: false; failure: HubSpotFailure; cause?: unknown };

/**
 * Every HubSpot call of the app goes through here, over HTTP with @hubspot/api-client 14's `apiRequest` (DESIGN §7:
 * its generated APIs still call v3/v4 paths, the app calls the dated `2026-09` ones). Retries, Retry-After and the
 * per-portal limiter are ours, so the SDK's own are off (`numberOfApiCallRetries: 0`, no `limiterOptions`).
 * `apiRequest` resolves with the fetch Response whatever its status, and rejects only when no answer came back.
 */
export function createHubSpotApi(options: HubSpotApiOptions): HubSpotApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const { limiter, logger } = options;
  const clients = new Map<PortalId, { token: string; client: Client }>();

  /**
   * One SDK client per portal, replaced when its token changes. The SDK keeps its decorators in a process-wide
   * singleton that each `new Client` overwrites: any Client built elsewhere must also leave retries and limiter off.
   */
  function clientFor(portalId: PortalId, token: string): Client {
    const cached = clients.get(portalId);
    if (cached?.token === token) return cached.client;
    const client = new Client({ accessToken: token, basePath: baseUrl, numberOfApiCallRetries: 0 });
    clients.set(portalId, { token, client });
    return client;
  }

  async function send(portalId: PortalId, request: HubSpotRequest): Promise<Outcome> {
    const token = await options.accessToken(portalId);
    const qs = queryOf(request.query);
    let response: Response;
    let text: string;
    try {
      response = await clientFor(portalId, token).apiRequest({
        method: request.method,
        path: request.path,
        ...(request.body === undefined ? {} : { body: request.body }),
        // The SDK builds the query with `new URLSearchParams(qs)`: handing it one keeps repeated keys.
        ...(qs ? { qs: qs as unknown as Record<string, string> } : {}),
      });
      text = await response.text();
    } catch (error) {
      return { ok: false, failure: classifyNetworkError(error), cause: error };
    }
    if (!response.ok) return { ok: false, failure: classifyResponse(response.status, response.headers, text, now()) };
    if (text === '') return { ok: true, value: undefined, status: response.status };
    try {
      return { ok: true, value: JSON.parse(text), status: response.status };
    } catch {
      // Not the SyntaxError as cause: its message quotes the start of the body.
      return { ok: false, failure: invalidResponse(response.status) };
    }
  }

  async function request<T>(portalId: PortalId, request: HubSpotRequest): Promise<T> {
    if (!request.path.startsWith('/') || request.path.includes('?')) {
      throw new TypeError(`HubSpot request path must start with / and carry no query (use query): ${request.path}`);
    }
    const kind = request.kind ?? rateLimitKind(request.method, request.path);
    let tokenRefreshed = false;
    for (let attempt = 1; ; attempt++) {
      await limiter.acquire(portalId, kind);
      const outcome = await send(portalId, request);
      options.metrics?.hubspotCalls.inc({ status: statusLabel(outcome) });
      if (outcome.ok) return outcome.value as T;

      const { failure } = outcome;
      const context = { portalId, method: request.method, path: request.path, baseUrl, attempts: attempt };
      const fail = () =>
        new HubSpotApiError(failure, context, outcome.cause === undefined ? {} : { cause: outcome.cause });
      const facts = { portalId, method: request.method, path: request.path, attempt, ...summary(failure) };

      if (
        failure.kind === 'token_rejected' &&
        options.onTokenRejected &&
        !tokenRefreshed &&
        attempt < policy.attempts
      ) {
        tokenRefreshed = true;
        logger.warn(facts, 'HubSpot rejected the access token; refreshing it once');
        clients.delete(portalId);
        await options.onTokenRejected(portalId);
        continue;
      }
      const mayRepeat = request.idempotent !== false || failure.status === 429;
      if (!failure.retryable || !mayRepeat || attempt >= policy.attempts) throw fail();

      const { delayMs, imposed } = retryDelay(failure, attempt, policy, random);
      // A 429 is about the whole portal: hold all its requests, this one included (it waits in acquire).
      if (failure.status === 429) limiter.pause(portalId, now() + delayMs);
      if (imposed && delayMs > policy.maxDelayMs) throw fail();
      logger.warn({ ...facts, delayMs }, 'HubSpot call failed; retrying');
      if (failure.status !== 429) await sleep(delayMs);
    }
  }

  return {
    request,
    forget: (portalId) => {
      clients.delete(portalId);
    },
  };
}

function statusLabel(outcome: Outcome): string {
  if (outcome.ok) return String(outcome.status);
  return outcome.failure.status === null ? 'network' : String(outcome.failure.status);
}

function queryOf(query: Record<string, QueryValue> | undefined): URLSearchParams | null {
  if (!query) return null;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else params.append(name, String(value));
  }
  return params.size > 0 ? params : null;
}

function summary(failure: HubSpotFailure) {
  const { status, category, policyName, correlationId, retryAfterMs } = failure;
  return { status, category, policyName, correlationId, retryAfterMs };
}

function invalidResponse(status: number): HubSpotFailure {
  return {
    kind: 'invalid_response',
    status,
    category: null,
    subCategory: null,
    policyName: null,
    correlationId: null,
    requiredScopes: [],
    retryable: false,
    retryAfterMs: null,
  };
}
