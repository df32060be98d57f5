import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubSpotWebhookEvent } from '../../../../src/adapters/hubspot/bundle.ts';
import { parseWebhookBatch } from '../../../../src/http/parse-webhook-batch.ts';
import { verifyHubSpotSignature } from '../../../../src/sources/hubspot/verify-signature.ts';

export interface Delivery {
  events: HubSpotWebhookEvent[];
  /** What the receiver answered. */
  status: number;
}

export interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Requests refused because their signature did not verify. */
  rejected: string[];
  /** Resolves at the next verified delivery. */
  nextDelivery(): Promise<Delivery>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver at /webhooks/hubspot that checks each request as the app does: the v3 signature with the
 * app's verifier (against the URL it was called at), then the batch with the app's parser. `answer(n)` is the status
 * for the n-th (0-based) verified request.
 */
export async function startReceiver(options: {
  secret: string;
  now: () => number;
  answer?: (n: number) => number;
}): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const rejected: string[] = [];
  const waiting: ((delivery: Delivery) => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      try {
        verifyHubSpotSignature({
          method: req.method ?? '',
          publicUrl: `${base}${req.url}`,
          rawBody,
          headers: req.headers,
          secrets: [options.secret],
          now: options.now(),
        });
      } catch (error) {
        rejected.push((error as Error).message);
        res.writeHead(401).end();
        return;
      }
      const status = options.answer?.(deliveries.length) ?? 204;
      const delivery = { events: parseWebhookBatch(JSON.parse(rawBody.toString('utf8'))), status };
      deliveries.push(delivery);
      res.writeHead(status).end();
      for (const resolve of waiting.splice(0)) resolve(delivery);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/webhooks/hubspot`,
    deliveries,
    rejected,
    nextDelivery: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
