import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createHubSpotApi } from '../adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../adapters/hubspot/client/rate-limiter.ts';
import { createTtlCache } from '../adapters/hubspot/client/ttl-cache.ts';
import { appJournalReader } from '../adapters/hubspot/journal/app-journal-reader.ts';
import { appJournalSubscriptions } from '../adapters/hubspot/journal/app-journal-subscriptions.ts';
import { createOAuth } from '../adapters/hubspot/oauth/create-oauth.ts';
import { provisionPortal } from '../adapters/hubspot/provision/provision-portal.ts';
import type { AppEnv } from '../config/env.ts';
import { createApp } from '../http/create-app.ts';
import { createLogger } from '../log/create-logger.ts';
import { createAppMetrics } from '../metrics/create-app-metrics.ts';
import { backfillPortal } from '../pipeline/backfill-portal.ts';
import type { PipelineDeps } from '../pipeline/pipeline-deps.ts';
import { DEFAULT_INBOX_OPTIONS } from '../pipeline/process-inbox.ts';
import { DEFAULT_MIN_TICK_INTERVAL_MS, runWorker } from '../pipeline/run-worker.ts';
import { scoreCompanies } from '../pipeline/score-companies.ts';
import { sweepPortal } from '../pipeline/sweep-portal.ts';
import { unfinishedBackfills } from '../pipeline/unfinished-backfills.ts';
import { SIGNALS } from '../signals/index.ts';
import { hubspotCrm } from './hubspot-crm.ts';
import { openStore } from './open-store.ts';
import { startJournalCatchUp } from './start-journal-catch-up.ts';
import { statusReport } from './status-report.ts';
import { tenantConfigSource } from './tenant-config-source.ts';

const SWEEP_EVERY_MS = 24 * 60 * 60_000;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Wires the parts (DESIGN §5) and starts them: HTTP intake, the inbox worker, the daily sweep, the journal catch-up.
 */
export async function startServer(env: AppEnv, options: { pollMs?: number } = {}): Promise<RunningServer> {
  const logger = createLogger({ level: env.LOG_LEVEL });
  const store = await openStore(env.DATABASE_URL, env.ENCRYPTION_KEY);
  const now = Date.now;
  const cache = createTtlCache();
  // One process: counted here. Several on PostgreSQL: counted in the database, so together they keep the limit.
  const limiter = createRateLimiter(store.sharedRateSlots ? { ledger: store.sharedRateSlots } : {});
  const metrics = createAppMetrics({
    inboxStats: () => store.inboxStats(),
    countDeadLetters: () => store.countDeadLetters(),
    rateLimiterStats: () => limiter.stats(),
    now,
  });
  // The journal holds only what the app subscribed to: each portal's subscriptions are made at install and start.
  const journalSubscriptions =
    env.JOURNAL_CATCH_UP_MINUTES > 0 ? appJournalSubscriptions({ env, logger, now, metrics }) : null;
  let forget: (portalId: number) => void = () => {};
  const onUninstalled = (portalId: number) => {
    forget(portalId);
    void journalSubscriptions?.remove(portalId);
  };
  const oauth = createOAuth({ env, store, logger, cache, onUninstalled });
  const api = createHubSpotApi({
    baseUrl: env.HUBSPOT_API_BASE_URL,
    accessToken: (portalId) => oauth.accessToken(portalId),
    onTokenRejected: (portalId) => oauth.onTokenRejected(portalId),
    limiter,
    logger,
    metrics,
  });
  forget = (portalId) => api.forget(portalId);
  // Each portal's settings page document (the product's defaults until an admin saves it), cached briefly.
  const configs = tenantConfigSource({ store, logger, signals: SIGNALS, now });
  const configFor = configs.configFor;
  const crm = hubspotCrm({ api, cache, store, logger, now, configFor });
  const pipeline: PipelineDeps = { store, logger, now, ...crm, configFor, metrics };
  // What happened while the app was down, and uninstalls: from the Webhooks Journal, at start and every few minutes.
  const journal = startJournalCatchUp({
    everyMs: env.JOURNAL_CATCH_UP_MINUTES * 60_000,
    listPortalIds: () => store.listPortalIds(),
    // The subscriptions a portal lacks first (a failure is retried next round; a restart finds them, creates nothing).
    beforeRound: async (portalIds) => journalSubscriptions?.ensure(portalIds),
    logger,
    deps: {
      store,
      logger,
      now,
      appId: env.HUBSPOT_APP_ID,
      journal: appJournalReader({ env, logger, now, metrics }),
      // More than the journal's 3 days missed: every company is re-scored (a backfill, with progress on /status), not
      // only the daily sweep's candidates, which cover the signals of absence and none of the missed events.
      reconcile: (portalId) => backfillPortal(pipeline, portalId),
      purge: (portalId) => oauth.uninstall(portalId),
    },
  });

  const provisionAndBackfill = (portalId: number) => {
    void (async () => {
      // Marked unfinished first: if the process stops before the backfill finishes, the next start resumes it.
      await store.setBackfillProgress({ portalId, scored: 0, total: 0, startedAt: now() });
      const report = await provisionPortal(api, portalId, logger);
      logger.info({ ...report, portalId }, 'portal provisioned');
      await backfillPortal(pipeline, portalId);
    })().catch((error) => {
      logger.error(
        { err: error, portalId },
        'install follow-up failed: reinstall the app, or check /status and the logs',
      );
    });
  };
  const onInstalled = (portalId: number) => {
    // Where the portal's catch-up starts: from the install on, downtime loses nothing.
    void journal.catchUp(portalId);
    void journalSubscriptions?.ensure([portalId], { again: true });
    provisionAndBackfill(portalId);
  };
  // A settings save: drop the cached config so the re-score uses what was just saved, then score every company.
  const rescorePortal = (portalId: number) => {
    configs.forget(portalId);
    void backfillPortal(pipeline, portalId).catch((error) => {
      logger.error(
        { err: error, portalId },
        're-scoring the portal after a settings save failed: companies get the new settings as they are next scored',
      );
    });
  };
  const recalculate = async (portalId: number, companyId: string) => {
    await scoreCompanies(pipeline, portalId, new Map([[companyId, []]]));
  };
  const app = createApp({
    env,
    store,
    logger,
    now,
    oauth,
    onInstalled,
    statusReport: () => statusReport(store, limiter),
    metrics,
    // A primary-key read: the cheapest call that still goes to the database.
    readiness: async () => void (await store.getInstallation(0)),
    rescorePortal,
    recalculate,
  });
  const server = app.listen(env.PORT);
  await once(server, 'listening');
  const worker = runWorker(pipeline, {
    ...DEFAULT_INBOX_OPTIONS,
    leaseMs: env.INBOX_LEASE_SECONDS * 1_000,
    workerId: `worker-${randomUUID()}`,
    pollMs: options.pollMs ?? 500,
    minTickIntervalMs: DEFAULT_MIN_TICK_INTERVAL_MS,
  });
  const sweep = setInterval(() => {
    void (async () => {
      for (const portalId of await store.listPortalIds()) await sweepPortal(pipeline, portalId);
    })().catch((error) => logger.error({ err: error }, 'daily sweep failed; it runs again tomorrow'));
  }, SWEEP_EVERY_MS);
  sweep.unref();
  for (const portalId of await unfinishedBackfills(store)) {
    logger.warn({ portalId }, 'resuming a backfill the last run did not finish (it stopped or failed mid-way)');
    provisionAndBackfill(portalId);
  }
  const { port } = server.address() as AddressInfo;
  logger.info({ port, publicUrl: env.PUBLIC_BASE_URL }, 'Churn Signals is listening');

  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      clearInterval(sweep);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await journal.stop();
      await store.close();
      logger.info('stopped');
    },
  };
}
