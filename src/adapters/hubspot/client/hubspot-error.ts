import type { PortalId } from '../../../store/store.ts';

/**
 * What went wrong, in the terms a caller acts on: retry later, refresh the token, reinstall with scopes, fix a bug.
 * `daily_limit` is a 429 whose policyName is DAILY: retrying before the account's midnight cannot help.
 */
export type HubSpotErrorKind =
  | 'rate_limited'
  | 'daily_limit'
  | 'server_error'
  | 'network'
  | 'token_rejected'
  | 'missing_scopes'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_request'
  | 'invalid_response';

/** One failed attempt, as read from HubSpot's answer (or the lack of one). */
export interface HubSpotFailure {
  kind: HubSpotErrorKind;
  /** The HTTP status; null when no answer came back. */
  status: number | null;
  /** HubSpot's error category (VALIDATION_ERROR, RATE_LIMITS, MISSING_SCOPES ...), or the network error code. */
  category: string | null;
  subCategory: string | null;
  /** From a 429 body: TEN_SECONDLY_ROLLING, SECONDLY, DAILY ... */
  policyName: string | null;
  /** Quote it to HubSpot support: it finds the request in their logs. */
  correlationId: string | null;
  /** Scopes HubSpot says the call needs (403 MISSING_SCOPES). */
  requiredScopes: string[];
  retryable: boolean;
  /** From the Retry-After header, in milliseconds; null when absent or unreadable. */
  retryAfterMs: number | null;
}

export interface HubSpotRequestContext {
  portalId: PortalId;
  method: string;
  /** The path without its query: queries carry property names and filter values, never needed to fix a failure. */
  path: string;
  baseUrl: string;
  attempts: number;
}

/**
 * A HubSpot call that failed for good. The message says what to do; it never carries the token or any body
 * (HubSpot's own error messages can quote record values), only HubSpot's category, policy and correlation id.
 */
export class HubSpotApiError extends Error {
  override name = 'HubSpotApiError';
  readonly kind: HubSpotErrorKind;
  readonly status: number | null;
  readonly category: string | null;
  readonly subCategory: string | null;
  readonly policyName: string | null;
  readonly correlationId: string | null;
  readonly requiredScopes: readonly string[];
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;
  readonly portalId: PortalId;
  readonly method: string;
  readonly path: string;
  /** How many times the request was sent before giving up (the worker dead-letters with this). */
  readonly attempts: number;

  constructor(failure: HubSpotFailure, context: HubSpotRequestContext, options?: { cause?: unknown }) {
    super(describe(failure, context), options);
    this.kind = failure.kind;
    this.status = failure.status;
    this.category = failure.category;
    this.subCategory = failure.subCategory;
    this.policyName = failure.policyName;
    this.correlationId = failure.correlationId;
    this.requiredScopes = failure.requiredScopes;
    this.retryable = failure.retryable;
    this.retryAfterMs = failure.retryAfterMs;
    this.portalId = context.portalId;
    this.method = context.method;
    this.path = context.path;
    this.attempts = context.attempts;
  }
}

function describe(f: HubSpotFailure, c: HubSpotRequestContext): string {
  const what = `HubSpot ${c.method} ${c.path} for portal ${c.portalId} failed`;
  const status = f.status === null ? `no response (${f.category ?? 'network error'})` : `${f.status}`;
  const tags = [f.category && f.status !== null ? f.category : null, f.subCategory, f.policyName]
    .filter((t): t is string => Boolean(t))
    .join(', ');
  const tries = c.attempts === 1 ? '1 attempt' : `${c.attempts} attempts`;
  const ids = f.correlationId ? `, correlationId ${f.correlationId}` : '';
  return `${what}: ${status}${tags ? ` ${tags}` : ''} after ${tries}${ids}. ${advice(f, c)}`;
}

function advice(f: HubSpotFailure, c: HubSpotRequestContext): string {
  switch (f.kind) {
    case 'rate_limited':
      return `HubSpot kept answering 429 (rate limit); the portal's requests are paused, retry later.`;
    case 'daily_limit':
      return `The portal's daily API limit is used up; it resets at midnight in the account's time zone.`;
    case 'server_error':
      return `HubSpot failed on its side; retry later, and quote the correlationId to HubSpot support if it persists.`;
    case 'network':
      return `Could not reach HubSpot at ${c.baseUrl}: check the network and HUBSPOT_API_BASE_URL, then retry.`;
    case 'token_rejected':
      return `The access token was rejected: refresh it; if the refresh fails, the app must be reinstalled in portal ${c.portalId}.`;
    case 'missing_scopes': {
      const scopes = f.requiredScopes.length > 0 ? ` (${f.requiredScopes.join(', ')})` : '';
      return `The app lacks a scope this call needs${scopes}: add it to the app's scopes and reinstall the app in portal ${c.portalId}.`;
    }
    case 'forbidden':
      return `HubSpot refused access: check the app's scopes and the installing user's permissions in portal ${c.portalId}.`;
    case 'not_found':
      return 'The record or endpoint does not exist (a deleted or merged record, or a wrong path).';
    case 'conflict':
      return 'HubSpot reports a conflict with existing data (e.g. a property or record that already exists).';
    case 'invalid_request':
      return `HubSpot rejected the request as invalid: a bug in what the app sent; look the correlationId up in the app's HubSpot logs.`;
    case 'invalid_response':
      return 'HubSpot answered with a body that is not JSON (a proxy in between, or a wrong HUBSPOT_API_BASE_URL?).';
  }
}
