import type { HubSpotErrorKind, HubSpotFailure } from './hubspot-error.ts';

/**
 * Reads a non-2xx answer. HubSpot's error body (https://developers.hubspot.com/docs/faq/api-error-responses) has
 * optional `category`, `subCategory`, `correlationId`, `errors[].context`; a 429 adds `policyName` and `errorType`
 * (https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines). Every field may be missing.
 */
export function classifyResponse(status: number, headers: Headers, bodyText: string, now: number): HubSpotFailure {
  const body = parseObject(bodyText);
  const category = text(body?.category);
  const policyName = text(body?.policyName);
  const kind = kindOf(status, category, policyName);
  return {
    kind,
    status,
    category,
    subCategory: text(body?.subCategory),
    policyName,
    correlationId: text(body?.correlationId) ?? headers.get('x-hubspot-correlation-id'),
    requiredScopes: kind === 'missing_scopes' ? requiredScopes(body) : [],
    retryable: kind === 'rate_limited' || kind === 'server_error',
    retryAfterMs: parseRetryAfter(headers.get('retry-after'), now),
  };
}

/** Network codes worth another try; anything else thrown by fetch (a malformed URL) is a configuration error. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** A request that got no answer: fetch rejects with TypeError('fetch failed') whose `cause` holds the socket error. */
export function classifyNetworkError(error: unknown): HubSpotFailure {
  const code = errorCode(error) ?? errorCode((error as { cause?: unknown } | null)?.cause);
  const fetchFailed = error instanceof TypeError && error.message === 'fetch failed';
  return {
    kind: 'network',
    status: null,
    category: code ?? (fetchFailed ? 'fetch failed' : ((error as Error | null)?.name ?? 'error')),
    subCategory: null,
    policyName: null,
    correlationId: null,
    requiredScopes: [],
    retryable: fetchFailed || (code !== null && TRANSIENT_CODES.has(code)),
    retryAfterMs: null,
  };
}

/** Retry-After is delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function kindOf(status: number, category: string | null, policyName: string | null): HubSpotErrorKind {
  if (status === 429) return policyName === 'DAILY' ? 'daily_limit' : 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status === 401) return 'token_rejected';
  if (status === 403) return category === 'MISSING_SCOPES' ? 'missing_scopes' : 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  return 'invalid_request';
}

/** Scope names from `context.requiredGranularScopes` (or `missingScopes`), top level or in `errors[]`. */
function requiredScopes(body: Record<string, unknown> | null): string[] {
  const contexts = [body?.context, ...(Array.isArray(body?.errors) ? body.errors : []).map((e) => e?.context)];
  const scopes = new Set<string>();
  for (const context of contexts) {
    if (typeof context !== 'object' || context === null) continue;
    for (const key of ['requiredGranularScopes', 'requiredScopes', 'missingScopes']) {
      const list = (context as Record<string, unknown>)[key];
      if (Array.isArray(list)) for (const scope of list) if (typeof scope === 'string') scopes.add(scope);
    }
  }
  return [...scopes];
}

function parseObject(bodyText: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(bodyText);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}
