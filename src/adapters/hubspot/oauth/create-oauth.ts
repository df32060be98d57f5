import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { AppEnv } from '../../../config/env.ts';
import type { Instant } from '../../../core/time.ts';
import type { PortalId, Store } from '../../../store/store.ts';
import { createTtlCache, type TtlCache } from '../client/ttl-cache.ts';
import { authorizeUrl, redirectUri } from './authorize-url.ts';
import { OAuthError } from './oauth-error.ts';
import { OPTIONAL_SCOPE_NAMES, REQUIRED_SCOPE_NAMES } from './scopes.ts';
import { toOAuthError } from './to-oauth-error.ts';
import { createTokenEndpoint } from './token-endpoint.ts';
import { createTokenKeeper } from './token-keeper.ts';

/** How long an install link's CSRF state stays valid. */
export const STATE_TTL_MS = 10 * 60_000;
export { REFRESH_AHEAD_MS, REFRESH_RETRY_MS } from './token-keeper.ts';

export interface OAuthOptions {
  env: Pick<
    AppEnv,
    'HUBSPOT_CLIENT_ID' | 'HUBSPOT_CLIENT_SECRET' | 'HUBSPOT_API_BASE_URL' | 'HUBSPOT_AUTH_BASE_URL' | 'PUBLIC_BASE_URL'
  >;
  store: Pick<
    Store,
    'createOAuthState' | 'consumeOAuthState' | 'saveInstallation' | 'getInstallation' | 'updateTokens' | 'purgePortal'
  >;
  logger: Pick<Logger, 'info' | 'warn'>;
  fetch?: typeof fetch;
  now?: () => Instant;
  /** Shared with the rest of the server, so an uninstall clears every `portal:<id>:` key at once. */
  cache?: TtlCache;
  /** After a portal's data was purged: drop what others hold for it (the API client's `forget`). */
  onUninstalled?: (portalId: PortalId) => void;
}

export interface InstallResult {
  portalId: PortalId;
  /** From token introspection; null when the token response named the portal itself. */
  hubDomain: string | null;
  /** What the installing user granted. */
  scopes: string[];
  /** Where authorizeUrl was asked to send the admin afterwards. */
  returnTo: string | null;
}

export interface OAuth {
  /** HubSpot's install URL with the app's scopes and a fresh single-use CSRF state. */
  authorizeUrl(returnTo?: string | null): Promise<string>;
  /** The callback: checks the state, exchanges the code, stores the tokens. OAuthError (status 400 ...) otherwise. */
  completeInstall(params: { code?: string | null; state?: string | null }): Promise<InstallResult>;
  /** A token valid for a few minutes more at least; PortalUninstalledError when the portal has no installation. */
  accessToken(portalId: PortalId): Promise<string>;
  /** HubSpot answered 401 with the current token: refresh it now (the API client's onTokenRejected). */
  onTokenRejected(portalId: PortalId): Promise<void>;
  /** Deletes the portal's tokens and data (an uninstall event, or the admin uninstalling); true when it was installed. */
  uninstall(portalId: PortalId): Promise<boolean>;
}

/**
 * The app's side of HubSpot's OAuth (https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/oauth/working-with-oauth):
 * install with a CSRF state, code exchange, tokens kept fresh (token-keeper.ts), uninstall.
 */
export function createOAuth(options: OAuthOptions): OAuth {
  const { env, store, logger } = options;
  const now = options.now ?? Date.now;
  const cache = options.cache ?? createTtlCache();
  const tokens = createTokenEndpoint({
    baseUrl: env.HUBSPOT_API_BASE_URL,
    clientId: env.HUBSPOT_CLIENT_ID,
    clientSecret: env.HUBSPOT_CLIENT_SECRET,
    fetch: options.fetch ?? globalThis.fetch,
  });
  const callback = redirectUri(env.PUBLIC_BASE_URL);
  const installUrl = `${env.PUBLIC_BASE_URL.replace(/\/+$/, '')}/oauth/hubspot/install`;
  const errors = { callback, installUrl, apiBaseUrl: env.HUBSPOT_API_BASE_URL };

  async function uninstall(portalId: PortalId): Promise<boolean> {
    const existed = await store.purgePortal(portalId);
    cache.deletePrefix(`portal:${portalId}:`);
    options.onUninstalled?.(portalId);
    logger.info({ portalId, existed }, 'HubSpot portal uninstalled: its tokens and data were deleted');
    return existed;
  }

  const keeper = createTokenKeeper({ store, tokens, cache, logger, now, purge: uninstall, errors });

  return {
    async authorizeUrl(returnTo) {
      if (returnTo != null && !isLocalPath(returnTo)) {
        throw new OAuthError('invalid_return_to', 'returnTo must be a path on this app, e.g. /status.');
      }
      const state = randomBytes(32).toString('base64url');
      await store.createOAuthState({ state, expiresAt: now() + STATE_TTL_MS, returnTo: returnTo ?? null });
      return authorizeUrl({
        authBaseUrl: env.HUBSPOT_AUTH_BASE_URL,
        clientId: env.HUBSPOT_CLIENT_ID,
        redirectUri: callback,
        scopes: REQUIRED_SCOPE_NAMES,
        optionalScopes: OPTIONAL_SCOPE_NAMES,
        state,
      });
    },

    async completeInstall({ code, state }) {
      const consumed = state ? await store.consumeOAuthState(state, now()) : false;
      if (!consumed) {
        throw new OAuthError(
          'invalid_state',
          `This install link has expired or was already used (each works once, for 10 minutes). Start the install again at ${installUrl}.`,
        );
      }
      if (!code) {
        throw new OAuthError(
          'invalid_code',
          `HubSpot sent no authorization code. Start the install again at ${installUrl}.`,
        );
      }
      let grant: Awaited<ReturnType<typeof tokens.exchangeCode>>;
      let info: { hubId: number; hubDomain: string | null; scopes: string[] | null };
      try {
        grant = await tokens.exchangeCode(code, callback);
        info =
          grant.hubId === null
            ? await tokens.introspect(grant.accessToken)
            : { hubId: grant.hubId, hubDomain: null, scopes: grant.scopes };
      } catch (error) {
        throw toOAuthError(error, 'install', errors);
      }
      const portalId = info.hubId;
      const scopes = grant.scopes ?? info.scopes ?? [...REQUIRED_SCOPE_NAMES];
      const expiresAt = now() + grant.expiresInSeconds * 1000;
      await store.saveInstallation({
        portalId,
        accessToken: grant.accessToken,
        refreshToken: grant.refreshToken,
        expiresAt,
        scopes,
        hubDomain: info.hubDomain,
        installedAt: now(),
      });
      keeper.remember(portalId, { accessToken: grant.accessToken, expiresAt });
      logger.info({ portalId, scopes: scopes.length }, 'HubSpot app installed');
      return { portalId, hubDomain: info.hubDomain, scopes, returnTo: consumed.returnTo };
    },

    accessToken: keeper.accessToken,
    onTokenRejected: keeper.onTokenRejected,
    uninstall,
  };
}

/** `/status`, not `//evil.example` nor `https://...`: the callback redirects there. */
function isLocalPath(value: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(value);
}
