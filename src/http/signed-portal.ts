import express, { type Request } from 'express';
import type { PortalId } from '../store/store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { verifyHubSpotRequest } from './verify-hubspot-request.ts';

/** A settings document is a few KB; nothing a settings page or card sends comes near this. */
export const EXTENSION_BODY_LIMIT = 64 * 1024;

/** Raw bytes whatever the Content-Type: the v3 signature is over the body exactly as sent. */
export const rawExtensionBody = express.raw({ type: () => true, limit: EXTENSION_BODY_LIMIT, inflate: false });

/**
 * The gate of every `hubspot.fetch` route but the card's GET (which does the same inline): the v3 signature over
 * the URL and body as received (401), then the portal it names must be installed (403). The portal comes from the
 * signed query only, so a request signed for portal A can never reach portal B's data.
 */
export async function signedPortal(
  req: Request,
  deps: Pick<AppDeps, 'env' | 'now' | 'store'>,
  portalOf: (originalUrl: string) => PortalId,
): Promise<{ portalId: PortalId; body: Buffer }> {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  verifyHubSpotRequest(req, body, deps);
  const portalId = portalOf(req.originalUrl);
  if (!(await deps.store.getInstallation(portalId))) {
    throw new HttpError(403, 'not_installed', 'app not installed for this portal: install Churn Signals first');
  }
  return { portalId, body };
}
