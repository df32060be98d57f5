import { randomBytes, randomUUID } from 'node:crypto';

/** HubSpot's access tokens live 30 minutes (`expires_in` 1800): https://developers.hubspot.com/docs/api-reference/latest/authentication/oauth-tokens/guide */
export const ACCESS_TOKEN_TTL_MS = 30 * 60_000;
/** How long an authorization code can be exchanged (RFC 6749 §4.1.2 recommends at most 10 minutes). */
export const CODE_TTL_MS = 10 * 60_000;
/** Expired access tokens are still recognised this long, so a late call hears "expired" rather than "unknown". */
const EXPIRED_MEMORY_MS = 60 * 60_000;

export interface Grant {
  portalId: number;
  appId: number;
  scopes: readonly string[];
  hubDomain: string;
  userId: number;
}

export interface CodeEntry extends Grant {
  redirectUri: string;
  expiresAt: number;
}

export interface AccessEntry {
  /** Null for a client-credentials token, which acts for the app rather than in a portal. */
  portalId: number | null;
  appId: number;
  scopes: readonly string[];
  hubDomain: string | null;
  userId: number | null;
  use: 'access_token' | 'client_credentials';
  issuedAt: number;
  expiresAt: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export interface LifecycleEvent {
  action: 'APP_INSTALL' | 'APP_UNINSTALL';
  portalId: number;
  appId: number;
  occurredAt: number;
}

/**
 * The OAuth state of the sandbox: authorization codes, installs, access and refresh tokens. HubSpot's refresh tokens
 * do not rotate (a refresh answers the same one) and stop working when the app is uninstalled from the portal.
 */
export function createTokenStore(options: { now: () => number; accessTokenTtlMs?: number; codeTtlMs?: number }) {
  const { now } = options;
  const accessTtl = options.accessTokenTtlMs ?? ACCESS_TOKEN_TTL_MS;
  const codeTtl = options.codeTtlMs ?? CODE_TTL_MS;
  const codes = new Map<string, CodeEntry>();
  const access = new Map<string, AccessEntry>();
  const refresh = new Map<string, Grant>();
  const installs = new Map<string, Grant & { installedAt: number }>();
  const listeners = new Set<(event: LifecycleEvent) => void>();
  const key = (portalId: number, appId: number) => `${portalId}:${appId}`;

  function emit(event: LifecycleEvent): void {
    for (const listener of listeners) listener(event);
  }

  function issueAccess(entry: Omit<AccessEntry, 'issuedAt' | 'expiresAt'>): string {
    const at = now();
    for (const [token, old] of access) if (old.expiresAt + EXPIRED_MEMORY_MS < at) access.delete(token);
    const token = randomBytes(32).toString('base64url');
    access.set(token, { ...entry, issuedAt: at, expiresAt: at + accessTtl });
    return token;
  }

  const accessFor = (grant: Grant) => issueAccess({ ...grant, use: 'access_token', scopes: [...grant.scopes] });

  return {
    accessTtlSeconds: Math.round(accessTtl / 1000),

    issueCode(grant: Grant & { redirectUri: string }): string {
      const code = randomUUID();
      codes.set(code, { ...grant, expiresAt: now() + codeTtl });
      return code;
    },

    /** The code's grant, once: a code is single-use. Null when unknown, used or expired. */
    takeCode(code: string): CodeEntry | null {
      const entry = codes.get(code);
      codes.delete(code);
      return entry && now() < entry.expiresAt ? entry : null;
    },

    /** Installs the app in the portal (APP_INSTALL the first time) and issues its tokens. */
    install(grant: Grant): IssuedTokens {
      const k = key(grant.portalId, grant.appId);
      const existing = installs.get(k);
      installs.set(k, { ...grant, scopes: [...grant.scopes], installedAt: existing?.installedAt ?? now() });
      if (!existing) emit({ action: 'APP_INSTALL', portalId: grant.portalId, appId: grant.appId, occurredAt: now() });
      const refreshToken = `na1-${randomUUID()}`;
      refresh.set(refreshToken, { ...grant, scopes: [...grant.scopes] });
      return { accessToken: accessFor(grant), refreshToken, expiresInSeconds: Math.round(accessTtl / 1000) };
    },

    /** A fresh access token for a refresh token of `appId`; null when it is unknown, another app's or revoked. */
    refresh(refreshToken: string, appId: number): (Grant & { accessToken: string }) | null {
      const grant = refresh.get(refreshToken);
      if (!grant || grant.appId !== appId) return null;
      return { ...grant, accessToken: accessFor(grant) };
    },

    clientCredentials(appId: number, scopes: readonly string[]): string {
      return issueAccess({ portalId: null, appId, scopes, hubDomain: null, userId: null, use: 'client_credentials' });
    },

    /** The access token's entry, expired ones included (check expiresAt); null when unknown or revoked. */
    accessEntry(token: string): AccessEntry | null {
      return access.get(token) ?? null;
    },

    refreshEntry(token: string): Grant | null {
      return refresh.get(token) ?? null;
    },

    installedApps(portalId: number): number[] {
      return [...installs.values()].filter((i) => i.portalId === portalId).map((i) => i.appId);
    },

    isInstalled(portalId: number, appId: number): boolean {
      return installs.has(key(portalId, appId));
    },

    /** Removes the install and revokes its access and refresh tokens (APP_UNINSTALL); false when not installed. */
    uninstall(portalId: number, appId: number): boolean {
      if (!installs.delete(key(portalId, appId))) return false;
      const ours = (e: { portalId: number | null; appId: number }) => e.portalId === portalId && e.appId === appId;
      for (const [token, entry] of access) if (ours(entry)) access.delete(token);
      for (const [token, entry] of refresh) if (ours(entry)) refresh.delete(token);
      emit({ action: 'APP_UNINSTALL', portalId, appId, occurredAt: now() });
      return true;
    },

    onLifecycle(listener: (event: LifecycleEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type TokenStore = ReturnType<typeof createTokenStore>;
