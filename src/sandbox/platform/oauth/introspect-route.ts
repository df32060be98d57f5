import type { Request, RequestHandler, Response } from 'express';
import { formOf } from './form-of.ts';
import { appByClient, type SandboxApp } from './sandbox-app.ts';
import { sendTokenError } from './token-error.ts';
import type { TokenStore } from './token-store.ts';

/**
 * POST /oauth/2026-09/token/introspect (oauth-2026-09.json: `TokenInfoResponseBaseIF`, `active` required): the
 * portal, app, user and scopes behind a token of the calling app. Unknown, expired, revoked or another app's tokens
 * are `{ active: false }` (RFC 7662 §2.2: nothing more is said about them).
 * https://developers.hubspot.com/docs/api-reference/latest/authentication/oauth-tokens/token-introspect
 */
export function introspectRoute(options: { store: TokenStore; apps: readonly SandboxApp[]; now: () => number }) {
  const { store, apps, now } = options;
  const handler: RequestHandler = (req: Request, res: Response) => {
    const form = formOf(req);
    const client = appByClient(apps, form.client_id, form.client_secret);
    if ('refused' in client) {
      sendTokenError(res, client.refused);
      return;
    }
    if (!form.token) {
      sendTokenError(res, 'BAD_REQUEST', 'token is required');
      return;
    }
    const { app } = client;
    const common = { client_id: app.clientId, app_id: app.appId };

    const access = store.accessEntry(form.token);
    if (access && access.appId === app.appId && now() < access.expiresAt && form.token_type_hint !== 'refresh_token') {
      res.json({
        active: true,
        token_type: 'access_token',
        token_use: access.use,
        ...common,
        ...(access.portalId === null ? {} : { hub_id: access.portalId }),
        ...(access.hubDomain === null ? {} : { hub_domain: access.hubDomain }),
        ...(access.userId === null ? {} : { user_id: access.userId }),
        scopes: [...access.scopes],
        iat: Math.floor(access.issuedAt / 1000),
        exp: Math.floor(access.expiresAt / 1000),
      });
      return;
    }
    const refresh = store.refreshEntry(form.token);
    if (refresh && refresh.appId === app.appId && form.token_type_hint !== 'access_token') {
      res.json({
        active: true,
        token_type: 'refresh_token',
        ...common,
        hub_id: refresh.portalId,
        hub_domain: refresh.hubDomain,
        user_id: refresh.userId,
        scopes: [...refresh.scopes],
      });
      return;
    }
    res.json({ active: false });
  };
  return handler;
}
