import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { loadEnv } from '../../src/config/env.ts';
import { readAppStatus } from '../../src/demo/app-status.ts';
import { type CallCounter, countCalls } from '../../src/demo/count-calls.ts';
import { demoApp } from '../../src/demo/demo-app.ts';
import { freePort } from '../../src/demo/free-port.ts';
import { installThroughOAuth } from '../../src/demo/install-through-oauth.ts';
import { createSandbox } from '../../src/sandbox/create-sandbox.ts';
import { createPlatform, type Platform } from '../../src/sandbox/platform/create-platform.ts';
import type { SandboxApp } from '../../src/sandbox/platform/oauth/create-token-registry.ts';
import type { PortalSeed } from '../../src/sandbox/state/portal-seed.ts';
import type { PortalState } from '../../src/sandbox/state/portal-state.ts';
import { createSandboxState, type SandboxState } from '../../src/sandbox/state/sandbox-state.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';

export interface BenchStack {
  app: SandboxApp;
  server: RunningServer;
  sandboxUrl: string;
  state: SandboxState;
  portal: PortalState;
  platform: Platform;
  /** HubSpot calls the sandbox answered, by rate-limit policy. */
  calls: CallCounter;
  /** When the OAuth install began (epoch ms). */
  installedAt: number;
  stop(): Promise<void>;
}

/**
 * The sandbox holding `seed` (HubSpot's rate limits on, webhooks signed and sent to the app) and the real app
 * (startServer) on `databaseUrl`, installed into the portal through OAuth; everything on 127.0.0.1.
 * The install starts the app's provisioning and backfill; this does not wait for them.
 */
export async function startBenchStack(options: {
  seed: PortalSeed;
  databaseUrl: string;
  /** The worker's poll when the inbox is empty (the app's default 500 ms). */
  pollMs?: number;
}): Promise<BenchStack> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const app = demoApp(appUrl);
  const portalId = options.seed.portalId;
  const state = createSandboxState();
  const portal = state.loadPortal(options.seed);
  const platform = createPlatform({
    now: Date.now,
    apps: [app],
    installPortal: { portalId },
    webhooks: [{ appId: app.appId, targetUrl: `${appUrl}/webhooks/hubspot` }],
  });
  const unsubscribe = state.onChange(platform.onChange);
  const calls = countCalls();
  const sandbox = createSandbox({ state, auth: platform.auth, middleware: [calls, ...platform.middleware] });
  const sandboxServer = sandbox.listen(0, '127.0.0.1');
  await once(sandboxServer, 'listening');
  const sandboxUrl = `http://127.0.0.1:${(sandboxServer.address() as AddressInfo).port}`;
  const stopSandbox = async () => {
    unsubscribe();
    platform.close();
    sandboxServer.closeAllConnections();
    await new Promise<void>((resolve) => sandboxServer.close(() => resolve()));
  };
  let server: RunningServer;
  try {
    const env = loadEnv({
      HUBSPOT_CLIENT_ID: app.clientId,
      HUBSPOT_CLIENT_SECRET: app.clientSecret,
      HUBSPOT_APP_ID: String(app.appId),
      HUBSPOT_API_BASE_URL: sandboxUrl,
      HUBSPOT_AUTH_BASE_URL: sandboxUrl,
      PUBLIC_BASE_URL: appUrl,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    });
    server = await startServer(env, options.pollMs === undefined ? {} : { pollMs: options.pollMs });
  } catch (error) {
    await stopSandbox();
    throw error;
  }
  const installedAt = Date.now();
  try {
    await installThroughOAuth(server.url);
  } catch (error) {
    await server.stop();
    await stopSandbox();
    throw error;
  }
  return {
    app,
    server,
    sandboxUrl,
    state,
    portal,
    platform,
    calls,
    installedAt,
    async stop() {
      await server.stop();
      await stopSandbox();
    },
  };
}

/** Until the portal's backfill is done; returns when it finished (epoch ms, as the poll saw it). */
export async function backfillDone(stack: BenchStack, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await readAppStatus(stack.server.url);
    if (status.portals.some((p) => p.portalId === stack.portal.portalId && p.backfill.done)) return Date.now();
    if (Date.now() > deadline) throw new Error(`the backfill did not finish in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Until the sandbox has sent everything and the app's inbox is empty, a whole round without a new event. */
export async function quiet(stack: BenchStack, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const sent = () => [...stack.platform.senders.values()].reduce((n, s) => n + s.stats().events, 0);
  for (;;) {
    await stack.platform.idle();
    const before = sent();
    const status = await readAppStatus(stack.server.url);
    if (status.inbox.depth === 0) {
      await stack.platform.idle();
      if (sent() === before) return;
    }
    if (Date.now() > deadline) throw new Error(`the app was not quiet after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
