import type { Logger } from 'pino';
import type { Instant } from '../../../core/time.ts';
import type { PortalId, Store } from '../../../store/store.ts';
import type { TtlCache } from '../client/ttl-cache.ts';
import { PortalUninstalledError } from './portal-uninstalled-error.ts';
import { type OAuthErrorContext, toOAuthError } from './to-oauth-error.ts';
import { type TokenEndpoint, TokenEndpointError } from './token-endpoint.ts';

/** Access tokens live 30 minutes (DESIGN §7, `expires_in`); refresh when fewer than 5 remain. */
export const REFRESH_AHEAD_MS = 5 * 60_000;
/** After a refresh failed for a passing reason, the still-valid token is used this long before trying again. */
export const REFRESH_RETRY_MS = 30_000;
/** How long a token read from the store is trusted before reading it again (another instance may have refreshed it). */
const TOKEN_CACHE_SECONDS = 60;

export interface TokenKeeperOptions {
  store: Pick<Store, 'getInstallation' | 'updateTokens'>;
  tokens: Pick<TokenEndpoint, 'refresh'>;
  cache: TtlCache;
  logger: Pick<Logger, 'info' | 'warn'>;
  now: () => Instant;
  /** Deletes the portal's tokens and data: called when HubSpot refuses the refresh token. */
  purge: (portalId: PortalId) => Promise<unknown>;
  errors: OAuthErrorContext;
}

interface CachedToken {
  accessToken: string;
  expiresAt: Instant;
  /** Refresh once this instant is past: REFRESH_AHEAD_MS before expiry, or sooner after a failed refresh. */
  refreshAt: Instant;
}

export const tokenKey = (portalId: PortalId) => `portal:${portalId}:access-token`;

/**
 * Each portal's access token, kept in memory (node-cache, through TtlCache) and refreshed ahead of `expires_in`.
 * The store stays the source of truth: a stale entry is re-read from it before HubSpot is asked.
 */
export function createTokenKeeper(options: TokenKeeperOptions) {
  const { store, tokens, cache, logger, now } = options;
  const refreshing = new Map<PortalId, Promise<CachedToken>>();

  function remember(portalId: PortalId, token: { accessToken: string; expiresAt: Instant; refreshAt?: Instant }) {
    const entry: CachedToken = { refreshAt: token.expiresAt - REFRESH_AHEAD_MS, ...token };
    cache.delete(tokenKey(portalId));
    void cache.cached(tokenKey(portalId), TOKEN_CACHE_SECONDS, async () => entry);
    return entry;
  }

  async function installationOf(portalId: PortalId) {
    const installation = await store.getInstallation(portalId);
    if (installation) return installation;
    cache.delete(tokenKey(portalId));
    throw new PortalUninstalledError(portalId, { purged: false });
  }

  /** One refresh per portal at a time: every caller waiting for a token shares it. */
  function refresh(portalId: PortalId, force: boolean): Promise<CachedToken> {
    const pending = refreshing.get(portalId);
    if (pending) return pending;
    const run = refreshNow(portalId, force).finally(() => {
      if (refreshing.get(portalId) === run) refreshing.delete(portalId);
    });
    refreshing.set(portalId, run);
    return run;
  }

  async function refreshNow(portalId: PortalId, force: boolean): Promise<CachedToken> {
    const installation = await installationOf(portalId);
    const { accessToken, expiresAt } = installation;
    if (!force && now() < expiresAt - REFRESH_AHEAD_MS) return remember(portalId, { accessToken, expiresAt });
    let grant: Awaited<ReturnType<TokenEndpoint['refresh']>>;
    try {
      grant = await tokens.refresh(installation.refreshToken);
    } catch (error) {
      if (error instanceof TokenEndpointError && error.kind === 'invalid_grant') {
        // HubSpot revokes an app's refresh tokens when the portal uninstalls it (or an admin revokes its access).
        logger.warn({ portalId, correlationId: error.correlationId }, 'HubSpot refused the refresh token; purging');
        await options.purge(portalId);
        throw new PortalUninstalledError(portalId, { purged: true });
      }
      const failure = toOAuthError(error, 'refresh', options.errors);
      // A passing failure while the current token still works: keep using it, try again a little later.
      if (!force && failure.code === 'token_endpoint' && now() < expiresAt) {
        logger.warn({ portalId, err: failure }, 'HubSpot token refresh failed; using the current token a while longer');
        return remember(portalId, { accessToken, expiresAt, refreshAt: Math.min(expiresAt, now() + REFRESH_RETRY_MS) });
      }
      throw failure;
    }
    const renewed = { accessToken: grant.accessToken, expiresAt: now() + grant.expiresInSeconds * 1000 };
    const refreshToken = grant.refreshToken ?? installation.refreshToken;
    if (!(await store.updateTokens(portalId, { ...renewed, refreshToken }))) {
      // Uninstalled while the refresh was in flight: the token must not come back.
      cache.delete(tokenKey(portalId));
      throw new PortalUninstalledError(portalId, { purged: false });
    }
    logger.info({ portalId, expiresAt: new Date(renewed.expiresAt).toISOString() }, 'HubSpot access token refreshed');
    return remember(portalId, renewed);
  }

  return {
    remember,
    /** A token valid for a few minutes more at least; PortalUninstalledError when the portal has no installation. */
    async accessToken(portalId: PortalId): Promise<string> {
      const token = await cache.cached(tokenKey(portalId), TOKEN_CACHE_SECONDS, async () => {
        const { accessToken, expiresAt } = await installationOf(portalId);
        return { accessToken, expiresAt, refreshAt: expiresAt - REFRESH_AHEAD_MS };
      });
      if (now() < token.refreshAt) return token.accessToken;
      return (await refresh(portalId, false)).accessToken;
    },
    /** HubSpot answered 401 with the current token: refresh now, whatever its expiry says. */
    async onTokenRejected(portalId: PortalId): Promise<void> {
      await refresh(portalId, true);
    },
  };
}

export type TokenKeeper = ReturnType<typeof createTokenKeeper>;
