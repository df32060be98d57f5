import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import express from 'express';
import { benchPortal } from './bench-portal.ts';
import type { StoreKind } from './bench-store.ts';
import type { IngestLoadInput, IngestLoadResult } from './ingest-load.ts';
import { percentile } from './percentile.ts';
import { backfillDone, startBenchStack } from './start-bench-stack.ts';

export interface IngestSide {
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failed: number;
  /** Events the answers counted as stored (app) or parsed (bare): every event sent, when all went well. */
  accepted: number;
}

export interface IngestResult {
  store: StoreKind;
  batchSize: number;
  concurrency: number;
  durationMs: number;
  app: IngestSide;
  bare: IngestSide;
  /** App events/s over bare events/s. */
  ratio: number;
}

const PORTAL_ID = 24_060_101;

/** Runs the load in a worker thread, so client and servers each have a core. */
function runLoad(input: IngestLoadInput): Promise<IngestLoadResult> {
  const worker = new Worker(new URL('./ingest-load.ts', import.meta.url), { workerData: input });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { result?: IngestLoadResult; error?: string }) => {
      void worker.terminate();
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'the load worker failed'));
    });
    worker.once('error', reject);
  });
}

function side(result: IngestLoadResult): IngestSide {
  return {
    eventsPerSecond: Math.round(result.events / (result.elapsedMs / 1000)),
    p50Ms: percentile(result.latenciesMs, 50),
    p99Ms: percentile(result.latenciesMs, 99),
    requests: result.requests,
    failed: result.failed,
    accepted: result.accepted,
  };
}

/**
 * Benchmark 1: signed batches into the real app's /webhooks/hubspot (portal installed and backfilled, the worker
 * asleep on a long poll so it does not compete; every event stored durably in the inbox before the 200) against a
 * bare express endpoint in the same process that only parses the JSON, with the same load.
 */
export async function ingestBench(
  store: StoreKind,
  databaseUrl: string,
  options: { durationMs: number; concurrency: number; batchSize: number },
): Promise<IngestResult> {
  const stack = await startBenchStack({
    seed: benchPortal({ portalId: PORTAL_ID, companies: 20, contactsPerCompany: 2, now: Date.now() }),
    databaseUrl,
    pollMs: 10 * 60_000,
  });
  const bareApp = express();
  bareApp.post('/webhooks/hubspot', express.json({ limit: '1mb' }), (req, res) => {
    res.json({ accepted: Array.isArray(req.body) ? req.body.length : 0, duplicates: 0, ignored: 0 });
  });
  const bare = bareApp.listen(0, '127.0.0.1');
  await once(bare, 'listening');
  try {
    await backfillDone(stack, 120_000);
    const appUrl = `${stack.server.url}/webhooks/hubspot`;
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/webhooks/hubspot`;
    const load = (url: string, runId: number, durationMs: number): IngestLoadInput => ({
      url,
      signedUrl: appUrl,
      secret: stack.app.clientSecret,
      portalId: PORTAL_ID,
      appId: stack.app.appId,
      concurrency: options.concurrency,
      batchSize: options.batchSize,
      durationMs,
      maxRequests: 50_000,
      runId,
    });
    // Warm-up (JIT, connections, the database's first pages), then the measured runs.
    await runLoad(load(appUrl, 1, 1_000));
    await runLoad(load(bareUrl, 2, 1_000));
    const appResult = await runLoad(load(appUrl, 3, options.durationMs));
    const bareResult = await runLoad(load(bareUrl, 4, options.durationMs));
    const appSide = side(appResult);
    const bareSide = side(bareResult);
    return {
      store,
      batchSize: options.batchSize,
      concurrency: options.concurrency,
      durationMs: options.durationMs,
      app: appSide,
      bare: bareSide,
      ratio: appSide.eventsPerSecond / bareSide.eventsPerSecond,
    };
  } finally {
    bare.closeAllConnections();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await stack.stop();
  }
}
