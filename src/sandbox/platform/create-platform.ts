import type { RequestHandler } from 'express';
import { createWebhooksJournal, type WebhooksJournal } from './journal/create-webhooks-journal.ts';
import { type FaultConfig, type FaultMiddleware, faultMiddleware } from './limits/fault-middleware.ts';
import { type RateLimit, type RateLimitMiddleware, rateLimitMiddleware } from './limits/rate-limit-middleware.ts';
import {
  createTokenRegistry,
  type InstallPortal,
  type SandboxApp,
  type TokenRegistry,
} from './oauth/create-token-registry.ts';
import type { SandboxChange } from './sandbox-change.ts';
import {
  createWebhookSender,
  type WebhookSender,
  type WebhookSenderOptions,
} from './webhooks/create-webhook-sender.ts';

/** Where an app's webhooks go, and how: the sender's options but the ones the platform fills in. */
export type AppWebhooks = { appId: number; targetUrl: string } & Omit<
  WebhookSenderOptions,
  'appId' | 'targetUrl' | 'clientSecret' | 'now' | 'deliverFor'
>;

export interface PlatformOptions {
  now: () => number;
  apps: readonly SandboxApp[];
  installPortal?: InstallPortal | null;
  /** Per app whose webhooks are delivered. */
  webhooks?: readonly AppWebhooks[];
  /** HubSpot's limits by default; false turns them off. */
  limits?: { general?: RateLimit; search?: RateLimit } | false;
  /** No faults by default; configure them later with `faults.configure`. */
  faults?: FaultConfig;
}

export interface Platform {
  /** For createSandbox({ auth }): which portal and app a Bearer token acts for. */
  auth: TokenRegistry;
  /**
   * For createSandbox({ middleware }), in this order: fault injection, rate limits, then the OAuth, uninstall and
   * Webhooks Journal routes (express routers are request handlers: they pass on what they do not serve).
   */
  middleware: RequestHandler[];
  /** The state's change listener: `state.onChange(platform.onChange)` feeds the journal and the webhooks. */
  onChange(portalId: number, change: SandboxChange): void;
  registry: TokenRegistry;
  journal: WebhooksJournal;
  faults: FaultMiddleware;
  rateLimits: RateLimitMiddleware | null;
  senders: ReadonlyMap<number, WebhookSender>;
  /** Every sender idle: nothing queued, no delivery or retry pending. */
  idle(): Promise<void>;
  close(): void;
}

/** The sandbox's platform edges wired together: OAuth, limits, faults, the Webhooks Journal and webhooks out. */
export function createPlatform(options: PlatformOptions): Platform {
  const { now, apps } = options;
  const registry = createTokenRegistry({ now, apps, installPortal: options.installPortal ?? null });
  const journal = createWebhooksJournal({
    now,
    appFor: (token) => registry.appFor(token),
    installedApps: (portalId) => registry.installedApps(portalId),
  });
  registry.onLifecycle(journal.recordLifecycle);
  const faults = faultMiddleware(options.faults ?? { enabled: false, rules: [] });
  const rateLimits =
    options.limits === false ? null : rateLimitMiddleware({ now, auth: registry, ...(options.limits ?? {}) });

  const senders = new Map<number, WebhookSender>();
  for (const hooks of options.webhooks ?? []) {
    const app = apps.find((a) => a.appId === hooks.appId);
    if (!app) throw new Error(`webhooks for app ${hooks.appId}, which is not among the sandbox's apps`);
    senders.set(
      app.appId,
      createWebhookSender({
        ...hooks,
        clientSecret: app.clientSecret,
        now,
        deliverFor: (portalId) => registry.isInstalled(portalId, app.appId),
      }),
    );
  }

  return {
    auth: registry,
    middleware: [faults, ...(rateLimits ? [rateLimits] : []), registry.router, journal.router],
    onChange(portalId, change) {
      journal.record(portalId, change);
      for (const sender of senders.values()) sender.enqueue(portalId, change);
    },
    registry,
    journal,
    faults,
    rateLimits,
    senders,
    async idle() {
      await Promise.all([...senders.values()].map((s) => s.idle()));
    },
    close() {
      for (const sender of senders.values()) sender.close();
    },
  };
}
