import express, { Router } from 'express';
import { authorizeRoute, type InstallPortal } from './authorize-route.ts';
import { type PortalAccess, type TokenRegistryAuth, tokenAuth } from './bearer-access.ts';
import { introspectRoute } from './introspect-route.ts';
import type { SandboxApp } from './sandbox-app.ts';
import { tokenRoute } from './token-route.ts';
import { createTokenStore, type IssuedTokens, type LifecycleEvent } from './token-store.ts';
import { uninstallRoute } from './uninstall-route.ts';

export type { InstallPortal } from './authorize-route.ts';
export type { PortalAccess } from './bearer-access.ts';
export type { SandboxApp } from './sandbox-app.ts';
export type { LifecycleEvent } from './token-store.ts';

export interface TokenRegistryOptions {
  now: () => number;
  apps: readonly SandboxApp[];
  /** The portal the authorize page installs into; null or absent refuses installs until setInstallPortal. */
  installPortal?: InstallPortal | null;
  accessTokenTtlMs?: number;
  codeTtlMs?: number;
}

export interface TokenRegistry extends TokenRegistryAuth {
  /** The OAuth pages and endpoints, and the uninstall endpoint. Mount at the root of the sandbox. */
  router: Router;
  /** The app a client-credentials token acts for (the Webhooks Journal's callers), and its scopes; null otherwise. */
  appFor(token: string): { appId: number; scopes: readonly string[] } | null;
  installedApps(portalId: number): number[];
  isInstalled(portalId: number, appId: number): boolean;
  /** Installs without the browser flow (tests, benchmarks): the tokens a code exchange would give. */
  install(portalId: number, appId: number, scopes?: readonly string[]): IssuedTokens;
  /** The portal's admin uninstalls the app in HubSpot: its tokens stop working, APP_UNINSTALL is recorded. */
  uninstall(portalId: number, appId: number): boolean;
  onLifecycle(listener: (event: LifecycleEvent) => void): () => void;
  setInstallPortal(portal: InstallPortal | null): void;
}

/** HubSpot's OAuth for the sandbox: which token acts for which portal, and the endpoints that hand tokens out. */
export function createTokenRegistry(options: TokenRegistryOptions): TokenRegistry {
  const { now, apps } = options;
  const store = createTokenStore({
    now,
    ...(options.accessTokenTtlMs === undefined ? {} : { accessTokenTtlMs: options.accessTokenTtlMs }),
    ...(options.codeTtlMs === undefined ? {} : { codeTtlMs: options.codeTtlMs }),
  });
  const auth = tokenAuth(store, now);
  let installPortal = options.installPortal ?? null;

  const form = express.urlencoded({ extended: false });
  const router = Router();
  router.get('/oauth/authorize', authorizeRoute({ store, apps, installPortal: () => installPortal }));
  router.post('/oauth/2026-09/token', form, tokenRoute({ store, apps, version: '2026-09' }));
  router.post('/oauth/v1/token', form, tokenRoute({ store, apps, version: 'v1' }));
  router.post('/oauth/2026-09/token/introspect', form, introspectRoute({ store, apps, now }));
  router.delete('/appinstalls/2026-09/external-install', uninstallRoute({ store, auth }));

  return {
    router,
    portalFor: (token): PortalAccess | null => auth.portalFor(token),
    authFailure: (token) => auth.authFailure(token),
    appFor(token) {
      const entry = store.accessEntry(token);
      return entry && entry.use === 'client_credentials' && now() < entry.expiresAt
        ? { appId: entry.appId, scopes: entry.scopes }
        : null;
    },
    installedApps: (portalId) => store.installedApps(portalId),
    isInstalled: (portalId, appId) => store.isInstalled(portalId, appId),
    install(portalId, appId, scopes) {
      const app = apps.find((a) => a.appId === appId);
      if (!app) throw new Error(`no sandbox app ${appId}: register it in createTokenRegistry({ apps })`);
      return store.install({
        portalId,
        appId,
        scopes: scopes ?? [...(app.scopes ?? ['oauth']), ...(app.optionalScopes ?? [])],
        hubDomain: `demo-${portalId}.hubspot.test`,
        userId: 1_000_001,
      });
    },
    uninstall: (portalId, appId) => store.uninstall(portalId, appId),
    onLifecycle: (listener) => store.onLifecycle(listener),
    setInstallPortal(portal) {
      installPortal = portal;
    },
  };
}
