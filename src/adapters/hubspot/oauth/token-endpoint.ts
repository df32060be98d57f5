import { z } from 'zod';

/**
 * HubSpot's OAuth token endpoints on the dated path. The v1 ones (/oauth/v1/token, /oauth/v1/access-tokens/{token})
 * are deprecated and go away on 2027-02-16, and put secrets in the query or path
 * (https://developers.hubspot.com/changelog/v1-oauth-api-deprecation); the dated ones take everything in a
 * form-encoded body (specs: oauth-2026-09.json). These are not CRM calls, so plain fetch rather than the API client.
 */
export const TOKEN_PATH = '/oauth/2026-09/token';
export const INTROSPECT_PATH = '/oauth/2026-09/token/introspect';
/** Only oauth-v1.json lists the client_credentials grant (the Webhooks Journal's token); the dated spec does not. */
export const CLIENT_CREDENTIALS_PATH = '/oauth/v1/token';
const TIMEOUT_MS = 15_000;

export interface TokenGrant {
  accessToken: string;
  refreshToken: string | null;
  expiresInSeconds: number;
  /** The portal, when HubSpot says (it does since 2025-08, for codes and refreshes alike); else introspect. */
  hubId: number | null;
  scopes: string[] | null;
}

export interface TokenInfo {
  hubId: number;
  hubDomain: string | null;
  scopes: string[] | null;
}

/**
 * Why the endpoint said no. `invalid_grant`: the code or refresh token is no good (for a refresh token: the app was
 * uninstalled or its access revoked). `invalid_client`: our client id or secret. `redirect_uri`: the callback URL
 * does not match the app's. `unavailable`: 5xx, 429, network, or an answer we cannot read: worth retrying later.
 * `rejected`: any other refusal.
 */
export type TokenFailureKind = 'invalid_grant' | 'invalid_client' | 'redirect_uri' | 'unavailable' | 'rejected';

export class TokenEndpointError extends Error {
  override name = 'TokenEndpointError';
  readonly kind: TokenFailureKind;
  readonly status: number | null;
  readonly correlationId: string | null;

  constructor(kind: TokenFailureKind, status: number | null, correlationId: string | null, options?: ErrorOptions) {
    super(
      `HubSpot's token endpoint failed: ${kind}${status === null ? ' (no response)' : ` (HTTP ${status})`}`,
      options,
    );
    this.kind = kind;
    this.status = status;
    this.correlationId = correlationId;
  }
}

export interface TokenEndpointOptions {
  /** HUBSPOT_API_BASE_URL. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  fetch: typeof fetch;
}

const Grant = z.object({
  access_token: z.string().min(1),
  // Required for a code; a refresh may leave it out, and then the one sent stays valid.
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().int().positive(),
  hub_id: z.number().int().positive().optional(),
  scopes: z.array(z.string()).optional(),
});

const Introspection = z.object({
  active: z.boolean(),
  hub_id: z.number().int().positive().optional(),
  hub_domain: z.string().optional(),
  scopes: z.array(z.string()).optional(),
});

/** RFC 6749 `error` since HubSpot's standardised errors; the older `status` (BAD_REFRESH_TOKEN ...) is kept beside it. */
const ErrorBody = z.object({
  error: z.string().optional(),
  status: z.string().optional(),
  correlationId: z.string().optional(),
});

export function createTokenEndpoint(options: TokenEndpointOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const client = { client_id: options.clientId, client_secret: options.clientSecret };

  async function post(path: string, form: Record<string, string>): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        // A hung token endpoint would hold the install callback and every API call waiting for a token.
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new TokenEndpointError('unavailable', null, null, { cause: error });
    }
    const body = parseJson(text);
    if (!response.ok) {
      const parsed = ErrorBody.safeParse(body);
      const facts = parsed.success ? parsed.data : {};
      throw new TokenEndpointError(classify(response.status, facts), response.status, facts.correlationId ?? null);
    }
    return body;
  }

  function grant(body: unknown): TokenGrant {
    const parsed = Grant.safeParse(body);
    if (!parsed.success) throw new TokenEndpointError('unavailable', 200, null);
    const { access_token, refresh_token, expires_in, hub_id, scopes } = parsed.data;
    return {
      accessToken: access_token,
      refreshToken: refresh_token ?? null,
      expiresInSeconds: expires_in,
      hubId: hub_id ?? null,
      scopes: scopes ?? null,
    };
  }

  return {
    async exchangeCode(code: string, redirectUri: string): Promise<TokenGrant & { refreshToken: string }> {
      const form = { grant_type: 'authorization_code', ...client, redirect_uri: redirectUri, code };
      const tokens = grant(await post(TOKEN_PATH, form));
      if (tokens.refreshToken === null) throw new TokenEndpointError('unavailable', 200, null);
      return { ...tokens, refreshToken: tokens.refreshToken };
    },
    async refresh(refreshToken: string): Promise<TokenGrant> {
      return grant(await post(TOKEN_PATH, { grant_type: 'refresh_token', ...client, refresh_token: refreshToken }));
    },
    /**
     * The app's own token, for no portal: what the Webhooks Journal takes, with its `developer.webhooks_journal.*`
     * scopes (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide).
     */
    async clientCredentials(scopes: readonly string[]): Promise<TokenGrant> {
      const form = { grant_type: 'client_credentials', ...client, scope: scopes.join(' ') };
      return grant(await post(CLIENT_CREDENTIALS_PATH, form));
    },
    /** The portal behind an access token (https://developers.hubspot.com/docs/api-reference/latest/authentication/oauth-tokens/token-introspect). */
    async introspect(accessToken: string): Promise<TokenInfo> {
      const body = await post(INTROSPECT_PATH, { ...client, token: accessToken, token_type_hint: 'access_token' });
      const parsed = Introspection.safeParse(body);
      if (!parsed.success || !parsed.data.active || parsed.data.hub_id === undefined) {
        throw new TokenEndpointError('unavailable', 200, null);
      }
      const { hub_id, hub_domain, scopes } = parsed.data;
      return { hubId: hub_id, hubDomain: hub_domain ?? null, scopes: scopes ?? null };
    },
  };
}

export type TokenEndpoint = ReturnType<typeof createTokenEndpoint>;

function classify(status: number, body: { error?: string | undefined; status?: string | undefined }): TokenFailureKind {
  if (status === 429 || status >= 500) return 'unavailable';
  if (body.error === 'invalid_client' || body.status === 'BAD_CLIENT_ID' || body.status === 'BAD_CLIENT_SECRET') {
    return 'invalid_client';
  }
  if (body.status === 'BAD_REDIRECT_URI') return 'redirect_uri';
  if (body.error === 'invalid_grant' || body.status === 'BAD_REFRESH_TOKEN' || body.status === 'BAD_AUTH_CODE') {
    return 'invalid_grant';
  }
  return 'rejected';
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
