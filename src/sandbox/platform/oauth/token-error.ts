import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

/**
 * The token endpoints' refusals: HubSpot's older `status` codes (BAD_REFRESH_TOKEN …) beside the RFC 6749 §5.2
 * `error` of its standardised OAuth errors, in the specs' Error shape (message, correlationId, category required).
 * All are 400, as HubSpot answers them: https://developers.hubspot.com/docs/api-reference/latest/authentication/oauth-tokens/guide
 */
const KINDS = {
  BAD_GRANT_TYPE: { error: 'unsupported_grant_type', message: 'grant_type is missing or not supported here' },
  BAD_REQUEST: { error: 'invalid_request', message: 'a required parameter is missing' },
  BAD_CLIENT_ID: { error: 'invalid_client', message: 'missing or unknown client id' },
  BAD_CLIENT_SECRET: { error: 'invalid_client', message: 'missing or invalid client secret' },
  BAD_AUTH_CODE: { error: 'invalid_grant', message: 'missing, expired or already used auth code' },
  BAD_REDIRECT_URI: { error: 'invalid_grant', message: 'redirect_uri does not match the one the code was issued for' },
  BAD_REFRESH_TOKEN: { error: 'invalid_grant', message: 'missing or invalid refresh token' },
} as const;

export type TokenErrorKind = keyof typeof KINDS;

export function tokenErrorBody(kind: TokenErrorKind, detail?: string) {
  const { error, message } = KINDS[kind];
  const text = detail ? `${message}: ${detail}` : message;
  return {
    status: kind,
    message: text,
    correlationId: randomUUID(),
    category: kind,
    error,
    error_description: text,
  };
}

export function sendTokenError(res: Response, kind: TokenErrorKind, detail?: string): void {
  res.status(400).json(tokenErrorBody(kind, detail));
}
