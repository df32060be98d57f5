import type { Response } from 'express';
import type { PortalState } from '../state/portal-state.ts';
import { integrationSource, type WriteSource } from '../state/sandbox-change.ts';

/** What the authentication step found for the request: the token's portal and app. */
export interface RequestAuth {
  portal: PortalState;
  appId: number;
}

export function setAuth(res: Response, auth: RequestAuth): void {
  res.locals.sandboxAuth = auth;
}

export function portalOf(res: Response): PortalState {
  return (res.locals.sandboxAuth as RequestAuth).portal;
}

/** Writes with an app's token are the app's: HubSpot marks them INTEGRATION with the app id. */
export function sourceOf(res: Response): WriteSource {
  return integrationSource((res.locals.sandboxAuth as RequestAuth).appId);
}
