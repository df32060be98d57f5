export type OAuthErrorCode =
  /** The callback's state is missing, unknown, expired or already used (CSRF protection). */
  | 'invalid_state'
  /** HubSpot refused the authorization code: expired, already exchanged, or for another redirect URI. */
  | 'invalid_code'
  /** The returnTo asked for is not a path on this app (an open redirect otherwise). */
  | 'invalid_return_to'
  /** HubSpot refused the app's own credentials: HUBSPOT_CLIENT_ID / HUBSPOT_CLIENT_SECRET. */
  | 'invalid_client'
  /** The token endpoint failed (5xx, network) or answered something unreadable: try again later. */
  | 'token_endpoint';

/**
 * An install or token exchange that failed. `status` is what the route answers; the message says what the admin or
 * operator does next and never carries a code, token, secret or HubSpot's response body.
 */
export class OAuthError extends Error {
  override name = 'OAuthError';
  readonly code: OAuthErrorCode;
  readonly status: number;
  /** HubSpot's correlationId when it answered one: quote it to HubSpot support. */
  readonly correlationId: string | null;

  constructor(code: OAuthErrorCode, message: string, options: { correlationId?: string | null; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = STATUS[code];
    this.correlationId = options.correlationId ?? null;
  }
}

const STATUS: Record<OAuthErrorCode, number> = {
  invalid_state: 400,
  invalid_code: 400,
  invalid_return_to: 400,
  invalid_client: 500,
  token_endpoint: 502,
};
