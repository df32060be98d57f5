import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { signHubSpotRequest } from '../../src/sources/hubspot/sign-request.ts';

export interface IngestLoadInput {
  /** Where to POST (the server's own address). */
  url: string;
  /** The URL the signature is made over: the app's PUBLIC_BASE_URL + /webhooks/hubspot. */
  signedUrl: string;
  secret: string;
  portalId: number;
  appId: number;
  /** Requests in flight at once, each on its own kept-alive connection. */
  concurrency: number;
  batchSize: number;
  durationMs: number;
  /** Upper bound on requests, whatever the time. */
  maxRequests: number;
  /** Makes every event of this run unique (the inbox deduplicates redeliveries). */
  runId: number;
}

export interface IngestLoadResult {
  requests: number;
  events: number;
  failed: number;
  /** Events the answers said were stored (the app) or parsed (the bare endpoint). */
  accepted: number;
  elapsedMs: number;
  /** Per acknowledged request, send to last byte of the answer. */
  latenciesMs: number[];
}

/**
 * Signed webhook batches POSTed back to back by `concurrency` loops over kept-alive connections, until the time or
 * the request count runs out. Runs in a worker thread, so the load does not share the server's event loop.
 */
export async function ingestLoad(input: IngestLoadInput): Promise<IngestLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });
  const target = new URL(input.url);
  const latenciesMs: number[] = [];
  let sent = 0;
  let events = 0;
  let failed = 0;
  let accepted = 0;
  let eventId = 1;
  const started = performance.now();
  const deadline = started + input.durationMs;

  const body = () => {
    const occurredAt = Date.now();
    const batch = Array.from({ length: input.batchSize }, () => {
      const id = eventId++;
      return {
        eventId: id,
        subscriptionId: 1,
        portalId: input.portalId,
        appId: input.appId,
        occurredAt: occurredAt - (id % 1000),
        subscriptionType: 'company.propertyChange',
        attemptNumber: 0,
        objectId: input.runId * 10_000_000 + id,
        propertyName: 'numberofemployees',
        propertyValue: String(id % 500),
        changeSource: 'CRM_UI',
        sourceId: 'userId:9120341',
      };
    });
    return JSON.stringify(batch);
  };

  const post = (rawBody: string) =>
    new Promise<{ status: number; accepted: number }>((resolve, reject) => {
      const headers = signHubSpotRequest({
        method: 'POST',
        url: input.signedUrl,
        rawBody,
        secret: input.secret,
        timestamp: Date.now(),
      });
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(rawBody) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            let accepted = 0;
            try {
              accepted = Number((JSON.parse(Buffer.concat(chunks).toString()) as { accepted?: number }).accepted ?? 0);
            } catch {}
            resolve({ status, accepted });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(rawBody);
    });

  const loop = async () => {
    while (performance.now() < deadline && sent < input.maxRequests) {
      sent++;
      const rawBody = body();
      const start = performance.now();
      const answer = await post(rawBody).catch(() => ({ status: 0, accepted: 0 }));
      if (answer.status >= 200 && answer.status < 300) {
        latenciesMs.push(performance.now() - start);
        events += input.batchSize;
        accepted += answer.accepted;
      } else failed++;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, loop));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { requests: sent, events, failed, accepted, elapsedMs, latenciesMs };
}

if (parentPort && workerData) {
  const port = parentPort;
  ingestLoad(workerData as IngestLoadInput).then(
    (result) => port.postMessage({ result }),
    (error: Error) => port.postMessage({ error: error.stack ?? error.message }),
  );
}
