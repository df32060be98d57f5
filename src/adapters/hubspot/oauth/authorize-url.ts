export interface AuthorizeUrlParts {
  /** HUBSPOT_AUTH_BASE_URL, e.g. https://app.hubspot.com. */
  authBaseUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  optionalScopes: readonly string[];
  state: string;
}

/**
 * HubSpot's install URL: `/oauth/authorize` with client_id, redirect_uri, scope and optional_scope (each
 * space-separated) and state (https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide). Encoded with
 * encodeURIComponent as HubSpot's own example does, so spaces travel as %20, not as the form encoding's `+`.
 */
export function authorizeUrl(parts: AuthorizeUrlParts): string {
  const query: [string, string][] = [
    ['client_id', parts.clientId],
    ['redirect_uri', parts.redirectUri],
    ['scope', parts.scopes.join(' ')],
  ];
  if (parts.optionalScopes.length > 0) query.push(['optional_scope', parts.optionalScopes.join(' ')]);
  query.push(['state', parts.state]);
  const qs = query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `${parts.authBaseUrl.replace(/\/+$/, '')}/oauth/authorize?${qs}`;
}

/** The callback HubSpot redirects to; the same string must go with the code exchange. */
export function redirectUri(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/oauth/hubspot/callback`;
}
