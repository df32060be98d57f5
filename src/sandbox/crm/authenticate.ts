import type { RequestHandler } from 'express';
import type { SandboxState } from '../state/sandbox-state.ts';
import { errorBody } from './http-error.ts';
import { setAuth } from './request-context.ts';

/** Whose access token a Bearer token is: the OAuth token registry answers this (null: unknown, expired, revoked). */
export interface SandboxAuth {
  portalFor(token: string): { portalId: number; appId: number } | null;
}

/**
 * The CRM APIs take an OAuth access token as `Authorization: Bearer …`; without a valid one HubSpot answers 401
 * INVALID_AUTHENTICATION (https://developers.hubspot.com/docs/faq/api-error-responses). A valid token's portal is
 * created empty if the sandbox holds no such portal yet.
 */
export function authenticate(auth: SandboxAuth, state: SandboxState): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const found = token === undefined ? null : auth.portalFor(token);
    if (found === null) {
      const message =
        token === undefined
          ? 'Authentication credentials not found. This API supports OAuth 2.0 authentication: send the access token as Authorization: Bearer <token>.'
          : 'The OAuth access token is not valid: it expired, was revoked, or was never issued. Refresh it and try again.';
      res.status(401).json(errorBody('INVALID_AUTHENTICATION', message));
      return;
    }
    setAuth(res, { portal: state.ensurePortal(found.portalId), appId: found.appId });
    next();
  };
}
