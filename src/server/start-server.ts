import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createHubSpotApi } from '../adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../adapters/hubspot/client/rate-limiter.ts';
import { createTtlCache } from '../adapters/hubspot/client/ttl-cache.ts';
import { createOAuth } from '../adapters/hubspot/oauth/create-oauth.ts';
import { provisionPortal } from '../adapters/hubspot/provision/provision-portal.ts';
import type { AppEnv } from '../config/env.ts';
import { createApp } from '../http/create-app.ts';
import { createLogger } from '../log/create-logger.ts';
import { createAppMetrics } from '../metrics/create-app-metrics.ts';
import { backfillPortal } from '../pipeline/backfill-portal.ts';
import type { PipelineDeps } from '../pipeline/pipeline-deps.ts';
import { DEFAULT_INBOX_OPTIONS } from '../pipeline/process-inbox.ts';
import { runWorker } from '../pipeline/run-worker.ts';
import { scoreCompanies } from '../pipeline/score-companies.ts';
import { sweepPortal } from '../pipeline/sweep-portal.ts';
import { SIGNALS } from '../signals/index.ts';
import { hubspotCrm } from './hubspot-crm.ts';
import { openStore } from './open-store.ts';
import { statusReport } from './status-report.ts';
import { tenantConfigSource } from './tenant-config-source.ts';

const SWEEP_EVERY_MS = 24 * 60 * 60_000;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Wires the parts (DESIGN §5) and starts them: HTTP intake, the inbox worker, the daily sweep. */
export async function startServer(env: AppEnv, options: { pollMs?: number } = {}): Promise<RunningServer> {
  const logger = createLogger({ level: env.LOG_LEVEL });
  const store = await openStore(env.DATABASE_URL, env.ENCRYPTION_KEY);
  const now = Date.now;
  const cache = createTtlCache();
  const limiter = createRateLimiter();
  const metrics = createAppMetrics({
    inboxStats: () => store.inboxStats(),
    countDeadLetters: () => store.countDeadLetters(),
    rateLimiterStats: () => limiter.stats(),
    now,
  });
  let forget: (portalId: number) => void = () => {};
  const oauth = createOAuth({ env, store, logger, cache, onUninstalled: (portalId) => forget(portalId) });
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

  const onInstalled = (portalId: number) => {
    void (async () => {
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
    workerId: `worker-${randomUUID()}`,
    pollMs: options.pollMs ?? 500,
  });
  const sweep = setInterval(() => {
    void (async () => {
      for (const portalId of await store.listPortalIds()) await sweepPortal(pipeline, portalId);
    })().catch((error) => logger.error({ err: error }, 'daily sweep failed; it runs again tomorrow'));
  }, SWEEP_EVERY_MS);
  sweep.unref();
  const { port } = server.address() as AddressInfo;
  logger.info({ port, publicUrl: env.PUBLIC_BASE_URL }, 'Churn Signals is listening');

  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      clearInterval(sweep);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await store.close();
      logger.info('stopped');
    },
  };
}
