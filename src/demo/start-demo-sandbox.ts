import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox } from '../sandbox/create-sandbox.ts';
import type { DemoPortalSeed } from '../sandbox/demo/demo-seed.ts';
import { generateDemoPortal } from '../sandbox/demo/generate-demo-portal.ts';
import { createPlatform, type Platform } from '../sandbox/platform/create-platform.ts';
import type { SandboxApp } from '../sandbox/platform/oauth/create-token-registry.ts';
import type { DeliveryFaults } from '../sandbox/platform/webhooks/plan-deliveries.ts';
import { createSandboxState, type SandboxState } from '../sandbox/state/sandbox-state.ts';
import { type CallCounter, countCalls } from './count-calls.ts';

export interface DemoSandbox {
  url: string;
  state: SandboxState;
  platform: Platform;
  portalId: number;
  /** The portal as generated, before the app or the timeline touched it. */
  seed: DemoPortalSeed;
  calls: CallCounter;
  stop(): Promise<void>;
}

export interface DemoSandboxOptions {
  seed: number;
  portalId: number;
  app: SandboxApp;
  /** Where the app receives webhooks: `<PUBLIC_BASE_URL>/webhooks/hubspot`. */
  webhookTarget: string;
  now?: () => number;
  /** Duplicated and reordered webhook deliveries (the faults proof); none by default. */
  deliveryFaults?: DeliveryFaults;
  /** What sends the webhooks (default: the global fetch), e.g. one that records each delivery and its answer. */
  webhookFetch?: typeof fetch;
}

/**
 * The HubSpot the demo runs against, on 127.0.0.1 and a free port: the generated demo portal, the app registered
 * with its OAuth settings, its authorize page approving installs into the demo portal, HubSpot's rate limits on,
 * and the portal's changes sent to the app as signed webhooks.
 */
export async function startDemoSandbox(options: DemoSandboxOptions): Promise<DemoSandbox> {
  const now = options.now ?? Date.now;
  const state = createSandboxState({ now });
  const seed = generateDemoPortal({ seed: options.seed, now: now(), portalId: options.portalId });
  state.loadPortal(seed);
  const platform = createPlatform({
    now,
    apps: [options.app],
    installPortal: { portalId: options.portalId },
    webhooks: [
      {
        appId: options.app.appId,
        targetUrl: options.webhookTarget,
        ...(options.deliveryFaults ? { faults: options.deliveryFaults } : {}),
        ...(options.webhookFetch ? { fetch: options.webhookFetch } : {}),
      },
    ],
  });
  const unsubscribe = state.onChange(platform.onChange);
  const calls = countCalls();
  const app = createSandbox({ state, auth: platform.auth, middleware: [calls, ...platform.middleware] });
  const server: Server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    platform,
    portalId: options.portalId,
    seed,
    calls,
    async stop() {
      unsubscribe();
      platform.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
