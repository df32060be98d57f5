import type { Request, RequestHandler, Response } from 'express';
import { sendHubSpotError } from '../hubspot-error.ts';
import type { TokenRegistryAuth } from './bearer-access.ts';
import { bearerToken } from './bearer-access.ts';
import type { TokenStore } from './token-store.ts';

/**
 * DELETE /appinstalls/2026-09/external-install (app-uninstalls-2026-09.json): the app uninstalls itself from the
 * portal its access token belongs to. 204 with no body; the portal's tokens for the app stop working at once and an
 * APP_UNINSTALL lifecycle event is recorded (the Webhooks Journal reports it).
 */
export function uninstallRoute(options: { store: TokenStore; auth: TokenRegistryAuth }): RequestHandler {
  const { store, auth } = options;
  return (req: Request, res: Response) => {
    const token = bearerToken(req);
    const access = token ? auth.portalFor(token) : null;
    if (!access) {
      const failure = auth.authFailure(token);
      sendHubSpotError(res, 401, failure.category, failure.message);
      return;
    }
    store.uninstall(access.portalId, access.appId);
    res.status(204).end();
  };
}
