import type { Request, RequestHandler, Response } from 'express';
import { formOf } from './form-of.ts';
import { appByClient, type SandboxApp } from './sandbox-app.ts';
import { sendTokenError } from './token-error.ts';
import type { TokenStore } from './token-store.ts';

const GRANTS_2026_09 = ['authorization_code', 'refresh_token'];

/** What a client-credentials token gets when it names no scope: reading the Webhooks Journal. */
const CLIENT_CREDENTIALS_SCOPES = ['developer.webhooks_journal.read'];

/**
 * POST /oauth/2026-09/token (oauth-2026-09.json) and POST /oauth/v1/token (oauth-v1.json): form-encoded
 * authorization_code and refresh_token grants, answering `AccessTokenResponse` (token_use access_token, 30-minute
 * `expires_in`, `hub_id`, `scopes`). v1 also takes client_secret and refresh_token in the query, and the
 * client_credentials grant its spec lists (the Webhooks Journal's token).
 */
export function tokenRoute(options: { store: TokenStore; apps: readonly SandboxApp[]; version: 'v1' | '2026-09' }) {
  const { store, apps, version } = options;
  const grants = version === 'v1' ? ['authorization_code', 'refresh_token', 'client_credentials'] : GRANTS_2026_09;

  const handler: RequestHandler = (req: Request, res: Response) => {
    const form = formOf(req, version === 'v1' ? ['client_secret', 'refresh_token'] : []);
    const grantType = form.grant_type;
    if (!grantType || !grants.includes(grantType)) {
      sendTokenError(res, 'BAD_GRANT_TYPE', `expected one of ${grants.join(', ')}`);
      return;
    }
    const client = appByClient(apps, form.client_id, form.client_secret);
    if ('refused' in client) {
      sendTokenError(res, client.refused);
      return;
    }
    const { app } = client;

    if (grantType === 'authorization_code') {
      if (!form.code || !form.redirect_uri) {
        sendTokenError(res, 'BAD_REQUEST', 'authorization_code needs code and redirect_uri');
        return;
      }
      const code = store.takeCode(form.code);
      if (!code || code.appId !== app.appId) {
        sendTokenError(res, 'BAD_AUTH_CODE');
        return;
      }
      if (code.redirectUri !== form.redirect_uri) {
        sendTokenError(res, 'BAD_REDIRECT_URI');
        return;
      }
      const tokens = store.install(code);
      res.json(tokenBody(tokens.accessToken, tokens.refreshToken, store.accessTtlSeconds, code));
      return;
    }

    if (grantType === 'refresh_token') {
      const refreshed = form.refresh_token ? store.refresh(form.refresh_token, app.appId) : null;
      if (!form.refresh_token || !refreshed) {
        sendTokenError(res, 'BAD_REFRESH_TOKEN');
        return;
      }
      res.json(tokenBody(refreshed.accessToken, form.refresh_token, store.accessTtlSeconds, refreshed));
      return;
    }

    const scopes = form.scope ? form.scope.split(/\s+/).filter(Boolean) : CLIENT_CREDENTIALS_SCOPES;
    res.json({
      token_type: 'bearer',
      access_token: store.clientCredentials(app.appId, scopes),
      expires_in: store.accessTtlSeconds,
      scopes,
      token_use: 'client_credentials',
    });
  };
  return handler;
}

function tokenBody(
  accessToken: string,
  refreshToken: string,
  expiresIn: number,
  grant: { portalId: number; scopes: readonly string[]; userId: number },
) {
  return {
    token_type: 'bearer',
    access_token: accessToken,
    refresh_token: refreshToken,
    expires_in: expiresIn,
    hub_id: grant.portalId,
    user_id: grant.userId,
    scopes: [...grant.scopes],
    token_use: 'access_token',
  };
}
