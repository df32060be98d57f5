import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { AppDeps, OAuthFlow } from '../../src/http/app-deps.ts';
import { createApp } from '../../src/http/create-app.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import { signHubSpotRequest } from '../../src/sources/hubspot/sign-request.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { PortalId, Store } from '../../src/store/store.ts';

export const T0 = Date.parse('2026-11-20T10:00:00.000Z');
export const SECRET = 'client-secret-2026-11';
export const OLD_SECRET = 'client-secret-2026-05';
export const APP_ID = 5123456;
export const PUBLIC_BASE_URL = 'https://churn.example.com';

export const env: AppDeps['env'] = {
  PUBLIC_BASE_URL,
  HUBSPOT_CLIENT_SECRET: SECRET,
  HUBSPOT_PREVIOUS_CLIENT_SECRET: OLD_SECRET,
  HUBSPOT_APP_ID: APP_ID,
};

export interface TestServer {
  base: string;
  store: Store;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  installed: PortalId[];
  close(): Promise<void>;
}

/** A real server on an ephemeral port, with a real in-memory SQLite store and a clock fixed at T0. */
export async function startServer(over: Partial<Omit<AppDeps, 'store' | 'logger'>> = {}): Promise<TestServer> {
  const now = () => T0;
  const store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 7), now });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (line: string) => logs.push(JSON.parse(line)) },
  });
  const installed: PortalId[] = [];
  const app = createApp({
    env,
    store,
    logger,
    now,
    oauth: fakeOAuth(),
    onInstalled: (portalId) => installed.push(portalId),
    statusReport: async () => ({ portals: [], inbox: { depth: 0 } }),
    ...over,
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    store,
    logs,
    installed,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

export function fakeOAuth(over: Partial<OAuthFlow> = {}): OAuthFlow {
  return {
    authorizeUrl: async () => 'https://app.hubspot.com/oauth/authorize?client_id=abc&state=s1',
    completeInstall: async () => ({ portalId: 101 }),
    ...over,
  };
}

export async function install(store: Store, portalId: PortalId): Promise<void> {
  await store.saveInstallation({
    portalId,
    accessToken: `access-${portalId}`,
    refreshToken: `refresh-${portalId}`,
    expiresAt: T0 + 30 * 60_000,
    scopes: ['crm.objects.companies.read'],
    installedAt: T0,
  });
}

export interface SignedOptions {
  method?: string;
  body?: string | Buffer;
  secret?: string;
  /** X-HubSpot-Request-Timestamp; 1 s before T0 by default. */
  at?: number;
  /** Sign this path (and query) instead of the one requested: a tampered URL. */
  signedPath?: string;
  /** Send this body instead of the one signed: a tampered body. */
  sentBody?: string;
  headers?: Record<string, string>;
}

/**
 * Calls `path` on the test server signed as HubSpot signs it: over PUBLIC_BASE_URL + path, the URL HubSpot calls in
 * production, while the request goes to 127.0.0.1 (as behind a proxy).
 */
export function signedFetch(server: TestServer, path: string, options: SignedOptions = {}): Promise<Response> {
  const method = options.method ?? 'POST';
  const body = options.body ?? '';
  const headers = signHubSpotRequest({
    method,
    url: PUBLIC_BASE_URL + (options.signedPath ?? path),
    rawBody: body,
    secret: options.secret ?? SECRET,
    timestamp: options.at ?? T0 - 1_000,
  });
  return fetch(server.base + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers, ...options.headers },
    // A Buffer is a valid body for Node's fetch; the DOM typing (lib dom, for cards/) only lacks SharedArrayBuffer views.
    ...(method === 'GET' ? {} : { body: (options.sentBody ?? body) as BodyInit }),
  });
}
