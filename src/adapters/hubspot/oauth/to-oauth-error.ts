import { OAuthError } from './oauth-error.ts';
import { TokenEndpointError } from './token-endpoint.ts';

export interface OAuthErrorContext {
  /** The redirect URI the app sends. */
  callback: string;
  /** Where an admin starts the install again. */
  installUrl: string;
  apiBaseUrl: string;
}

/**
 * A token endpoint failure in the terms of whoever acts on it: the admin (start again), the operator (credentials,
 * PUBLIC_BASE_URL) or nobody (try later). Anything but a TokenEndpointError is a bug and is rethrown as is.
 */
export function toOAuthError(error: unknown, during: 'install' | 'refresh', context: OAuthErrorContext): OAuthError {
  if (!(error instanceof TokenEndpointError)) throw error;
  const { correlationId } = error;
  const quote = correlationId ? ` (HubSpot correlationId ${correlationId})` : '';
  const options = { correlationId, cause: error };
  switch (error.kind) {
    case 'invalid_client':
      return new OAuthError(
        'invalid_client',
        `HubSpot refused the app's client credentials${quote}: check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET against the app's Auth settings.`,
        options,
      );
    case 'redirect_uri':
      return new OAuthError(
        'invalid_client',
        `HubSpot says the redirect URL ${context.callback} is not the app's${quote}: make PUBLIC_BASE_URL match the redirect URL in the app's Auth settings.`,
        options,
      );
    case 'invalid_grant':
    case 'rejected':
      if (during === 'install') {
        return new OAuthError(
          'invalid_code',
          `HubSpot did not accept the authorization code (it works once, for a few minutes)${quote}. Start the install again at ${context.installUrl}.`,
          options,
        );
      }
      break;
    case 'unavailable':
      break;
  }
  const status = error.status === null ? 'no response' : `HTTP ${error.status}`;
  return new OAuthError(
    'token_endpoint',
    `HubSpot's token endpoint at ${context.apiBaseUrl} failed (${status})${quote}; try again in a few minutes.`,
    options,
  );
}
