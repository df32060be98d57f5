import { signHubSpotRequest } from '../../../sources/hubspot/sign-request.ts';
import type { SandboxChange } from '../sandbox-change.ts';
import { seededRandom } from '../seeded-random.ts';
import { type DeliveryFaults, planDeliveries } from './plan-deliveries.ts';
import { type OutgoingWebhookEvent, toWebhookEvents } from './to-webhook-events.ts';
import { subscriptionsFromHsmeta, type WebhookSubscription } from './webhook-subscriptions.ts';

export interface WebhookRetryPolicy {
  /** Sends of one batch in all, the first included: HubSpot tries up to 10 times. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * HubSpot spreads its retries over 24 hours; the sandbox keeps the count and the growing gaps but compresses the
 * time, so a demo or a test sees them: 1 s, 2 s, 4 s … capped at a minute.
 */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = { attempts: 10, baseDelayMs: 1_000, maxDelayMs: 60_000 };
/** HubSpot counts an answer slower than 5 s as a failure and retries it. */
export const DELIVERY_TIMEOUT_MS = 5_000;

export interface WebhookSenderOptions {
  /** The app's webhook target URL, exactly as HubSpot calls it (it is part of the signature). */
  targetUrl: string;
  clientSecret: string;
  appId: number;
  /**
   * The clock of X-HubSpot-Request-Timestamp: the receiver refuses timestamps more than 5 minutes off its own
   * clock, so give it the receiver's time (wall time for a real app server), not a simulated demo time.
   */
  now: () => number;
  /** Events per request, at most 100 (default 100). */
  batchSize?: number;
  retry?: Partial<WebhookRetryPolicy>;
  fetch?: typeof fetch;
  faults?: DeliveryFaults;
  /** Default: the app's webhooks/webhooks-hsmeta.json. */
  subscriptions?: readonly WebhookSubscription[];
  /** Sends what is queued this long after the first change; null sends only on flush(). Default 50 ms. */
  autoFlushMs?: number | null;
  /** Only portals where the app is installed hear about their changes (e.g. the token registry's isInstalled). */
  deliverFor?: (portalId: number) => boolean;
  sleep?: (ms: number) => Promise<void>;
  timeoutMs?: number;
}

export interface WebhookSenderStats {
  /** Events turned out of changes. */
  events: number;
  /** Requests sent, retries and duplicates included. */
  requests: number;
  /** Batches accepted with a 2xx. */
  delivered: number;
  /** Requests that failed (non-2xx, no answer, timeout). */
  failures: number;
  /** Batches given up after the last attempt. */
  abandoned: number;
}

export interface WebhookSender {
  /** A state change listener: `state.onChange(sender.enqueue)`. */
  enqueue(portalId: number, change: SandboxChange): void;
  /** Sends everything queued now; resolves once every batch had its first attempt (retries go on). */
  flush(): Promise<void>;
  /** Resolves when nothing is queued and no delivery or retry is pending. */
  idle(): Promise<void>;
  stats(): WebhookSenderStats;
  /** Stops: queued events are dropped and pending retries give up. */
  close(): void;
}

/**
 * Webhooks out, as HubSpot sends them: the state's changes become the subscribed events, batched, POSTed as JSON
 * with a real v3 signature (src/sources/hubspot/sign-request.ts), retried on non-2xx answers with attemptNumber
 * counting up, optionally duplicated and reordered.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100) {
    throw new RangeError(`batchSize must be an integer from 1 to 100 (HubSpot's batch size), got ${batchSize}`);
  }
  const retry = { ...DEFAULT_WEBHOOK_RETRY, ...options.retry };
  const send = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const subscriptions = options.subscriptions ?? subscriptionsFromHsmeta();
  const faults = options.faults ?? {};
  const random = seededRandom(faults.seed ?? 1);
  const autoFlushMs = options.autoFlushMs === undefined ? 50 : options.autoFlushMs;
  const stats: WebhookSenderStats = { events: 0, requests: 0, delivered: 0, failures: 0, abandoned: 0 };
  const pending = new Set<Promise<void>>();
  let queue: OutgoingWebhookEvent[] = [];
  let eventId = 1000;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  async function post(events: OutgoingWebhookEvent[], attemptNumber: number): Promise<boolean> {
    const rawBody = JSON.stringify(events.map((event) => ({ ...event, attemptNumber })));
    const headers = signHubSpotRequest({
      method: 'POST',
      url: options.targetUrl,
      rawBody,
      secret: options.clientSecret,
      timestamp: options.now(),
    });
    stats.requests += 1;
    try {
      const response = await send(options.targetUrl, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: rawBody,
        signal: AbortSignal.timeout(options.timeoutMs ?? DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }

  /** One batch: its attempts until a 2xx or the last; `first` settles after the first attempt. */
  function deliver(events: OutgoingWebhookEvent[], duplicate: boolean): Promise<void> {
    let firstDone: () => void = () => {};
    const first = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    const run = (async () => {
      for (let attempt = 0; attempt < retry.attempts && !closed; attempt++) {
        if (attempt > 0) await sleep(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
        if (closed) break;
        const ok = await post(events, attempt);
        firstDone();
        if (ok) {
          stats.delivered += 1;
          if (duplicate && !closed) await post(events, attempt);
          return;
        }
        stats.failures += 1;
      }
      stats.abandoned += 1;
    })().finally(() => {
      firstDone();
      pending.delete(run);
    });
    pending.add(run);
    return first;
  }

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const events = queue;
    queue = [];
    const plan = planDeliveries(events, batchSize, faults, random);
    await Promise.all(plan.map((delivery) => deliver(delivery.events, delivery.duplicate)));
  }

  return {
    enqueue(portalId, change) {
      if (closed || (options.deliverFor && !options.deliverFor(portalId))) return;
      const events = toWebhookEvents(change, {
        portalId,
        appId: options.appId,
        subscriptions,
        nextEventId: () => eventId++,
      });
      stats.events += events.length;
      queue.push(...events);
      if (events.length > 0 && autoFlushMs !== null && !timer) {
        timer = setTimeout(() => void flush(), autoFlushMs);
      }
    },
    flush,
    async idle() {
      while (queue.length > 0 || pending.size > 0) {
        if (queue.length > 0) await flush();
        await Promise.all([...pending]);
      }
    },
    stats: () => ({ ...stats }),
    close() {
      closed = true;
      queue = [];
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
