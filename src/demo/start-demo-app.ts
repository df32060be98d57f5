import { loadEnv } from '../config/env.ts';
import type { SandboxApp } from '../sandbox/platform/oauth/create-token-registry.ts';
import { type RunningServer, startServer } from '../server/start-server.ts';

export interface DemoAppOptions {
  /** The port the app listens on: its PUBLIC_BASE_URL is http://127.0.0.1:<port>. */
  port: number;
  app: SandboxApp;
  sandboxUrl: string;
  /** DATABASE_URL: a SQLite file path or a postgres:// URL (src/server/open-store.ts). */
  databasePath: string;
  /** 32 bytes, base64: the key the app encrypts tokens with (the demo makes a fresh one per run). */
  encryptionKey: string;
  /** Default silent: the demo's own lines are the output; LOG_LEVEL=info shows the app's logs (on stdout). */
  logLevel?: string;
}

/**
 * The real app (the same startServer as `churn-signals serve`), configured as a developer would configure it for a
 * HubSpot portal, with the sandbox's URLs for HubSpot's API and authorize page, and its own database.
 */
export async function startDemoApp(options: DemoAppOptions): Promise<RunningServer> {
  return startServer(loadEnv(demoAppEnv(options)), { pollMs: 100 });
}

/** The environment `churn-signals serve` reads (src/config/env.ts), e.g. to run the demo app as a child process. */
export function demoAppEnv(options: DemoAppOptions): Record<string, string> {
  return {
    HUBSPOT_CLIENT_ID: options.app.clientId,
    HUBSPOT_CLIENT_SECRET: options.app.clientSecret,
    HUBSPOT_APP_ID: String(options.app.appId),
    HUBSPOT_API_BASE_URL: options.sandboxUrl,
    HUBSPOT_AUTH_BASE_URL: options.sandboxUrl,
    PUBLIC_BASE_URL: `http://127.0.0.1:${options.port}`,
    PORT: String(options.port),
    DATABASE_URL: options.databasePath,
    ENCRYPTION_KEY: options.encryptionKey,
    LOG_LEVEL: options.logLevel ?? 'silent',
  };
}
