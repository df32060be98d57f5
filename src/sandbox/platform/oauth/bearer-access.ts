import type { Request } from 'express';
import type { TokenStore } from './token-store.ts';

export interface PortalAccess {
  portalId: number;
  appId: number;
}

export interface AuthFailure {
  /** INVALID_AUTHENTICATION or EXPIRED_AUTHENTICATION, HubSpot's 401 categories. */
  category: string;
  message: string;
}

export interface TokenRegistryAuth {
  /** The portal and app an access token acts for; null when it is missing, unknown, expired or revoked. */
  portalFor(token: string): PortalAccess | null;
  /** Why a token was refused, in the words HubSpot's 401 answers use. */
  authFailure(token: string | null): AuthFailure;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(req: Pick<Request, 'get'>): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ?? null;
}

export function tokenAuth(store: TokenStore, now: () => number): TokenRegistryAuth {
  return {
    portalFor(token) {
      const entry = store.accessEntry(token);
      if (entry?.use !== 'access_token' || entry.portalId === null || now() >= entry.expiresAt) return null;
      return { portalId: entry.portalId, appId: entry.appId };
    },
    authFailure(token) {
      const entry = token ? store.accessEntry(token) : null;
      if (entry && now() >= entry.expiresAt) {
        const minutes = Math.max(1, Math.round((now() - entry.expiresAt) / 60_000));
        return {
          category: 'EXPIRED_AUTHENTICATION',
          message: `The OAuth token used to make this call expired ${minutes} minute(s) ago.`,
        };
      }
      return {
        category: 'INVALID_AUTHENTICATION',
        message: token
          ? 'The OAuth token used to make this call is not valid: unknown, revoked, or not an access token for a portal.'
          : 'Authentication credentials not found. This API supports OAuth 2.0 authentication: send Authorization: Bearer <access token>.',
      };
    },
  };
}
