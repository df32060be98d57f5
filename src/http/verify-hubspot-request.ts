import type { Request } from 'express';
import { publicRequestUrl } from '../sources/hubspot/uri-for-signature.ts';
import { verifyHubSpotSignature } from '../sources/hubspot/verify-signature.ts';
import type { AppDeps } from './app-deps.ts';

/**
 * Checks the v3 signature HubSpot puts on webhook deliveries and on `hubspot.fetch` card requests, over the URL
 * HubSpot called (PUBLIC_BASE_URL + the path and query as received, never the Host header) and the body bytes as
 * received. Throws SignatureError (401). Both client secrets are accepted during a rotation.
 */
export function verifyHubSpotRequest(req: Request, rawBody: Buffer, deps: Pick<AppDeps, 'env' | 'now'>): void {
  const { env } = deps;
  const secrets = [env.HUBSPOT_CLIENT_SECRET];
  if (env.HUBSPOT_PREVIOUS_CLIENT_SECRET) secrets.push(env.HUBSPOT_PREVIOUS_CLIENT_SECRET);
  verifyHubSpotSignature({
    method: req.method,
    publicUrl: publicRequestUrl(env.PUBLIC_BASE_URL, req.originalUrl),
    rawBody,
    headers: req.headers,
    secrets,
    now: deps.now(),
  });
}
