import type { Logger } from 'pino';
import type { AppEnv } from '../config/env.ts';
import type { AppMetrics } from '../metrics/create-app-metrics.ts';
import type { PortalId, Store } from '../store/store.ts';

/** The OAuth flow the install routes drive; src/adapters/hubspot/oauth/ implements it. */
export interface OAuthFlow {
  /** HubSpot's authorize URL with the app's scopes and a fresh single-use CSRF state. */
  authorizeUrl(returnTo?: string): Promise<string>;
  /**
   * Checks the state, exchanges the code and stores the installation. Fails with an error carrying an HTTP `status`
   * (e.g. 400 for an unknown, expired or reused state) when the admin has to start again.
   */
  completeInstall(input: { code: string; state: string }): Promise<{ portalId: PortalId }>;
}

export const DEFAULT_DEBOUNCE_MS = 2_000;

/** What the HTTP server needs; the server only moves requests in and answers out (processing lives elsewhere). */
export interface AppDeps {
  env: Pick<AppEnv, 'PUBLIC_BASE_URL' | 'HUBSPOT_CLIENT_SECRET' | 'HUBSPOT_PREVIOUS_CLIENT_SECRET' | 'HUBSPOT_APP_ID'>;
  store: Pick<
    Store,
    | 'getInstallation'
    | 'enqueue'
    | 'getAccountState'
    | 'getTenantSettings'
    | 'saveTenantSettings'
    | 'snooze'
    | 'activeSnoozes'
  >;
  logger: Logger;
  /** Epoch milliseconds: the signature window is checked against it. */
  now: () => number;
  oauth: OAuthFlow;
  /** Starts provisioning and the backfill of a portal just installed; not awaited, so it must handle its own errors. */
  onInstalled: (portalId: PortalId) => void;
  /** How long an accepted event waits before the worker may claim it, so a burst is processed as one. */
  debounceMs?: number;
  /** What GET /status answers: per-portal backfill progress, inbox depth. */
  statusReport: () => Promise<object>;
  /** Counters the routes increment and GET /metrics exposes; without it there is no /metrics. */
  metrics?: AppMetrics;
  /** GET /readyz: resolves when the store answers; a primary-key read of `store` by default. */
  readiness?: () => Promise<void>;
  /**
   * Re-scores every company of the portal with its settings as just saved (PUT /settings/hubspot). Not awaited, so it
   * must handle its own errors; without it a save takes effect as companies are next scored.
   */
  rescorePortal?: (portalId: PortalId) => void;
  /**
   * Re-reads and re-scores one company now (the card's "Recalculate now", and after a snooze). Without it the card's
   * recalculate answers 503 and a snooze takes effect at the company's next scoring.
   */
  recalculate?: (portalId: PortalId, companyId: string) => Promise<void>;
}
