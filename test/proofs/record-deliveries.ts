import type { HubSpotWebhookEvent } from '../../src/adapters/hubspot/bundle.ts';

export interface WebhookDelivery {
  events: HubSpotWebhookEvent[];
  /** The app's HTTP status; null when no answer came (connection refused or cut, timeout). */
  status: number | null;
}

export interface WebhookDeliveries {
  /** For the sandbox's webhook sender: sends as the global fetch does and records the request and its answer. */
  fetch: typeof fetch;
  /** Every request answered or failed so far, in the order they settled. */
  settled: readonly WebhookDelivery[];
  /** Requests sent and not answered yet. */
  inFlight(): number;
}

/** Records the webhook requests the sandbox sends: which events each carried and what the app answered. */
export function recordDeliveries(): WebhookDeliveries {
  const settled: WebhookDelivery[] = [];
  let inFlight = 0;
  const recording: typeof fetch = async (input, init) => {
    const events = JSON.parse(String(init?.body ?? '[]')) as HubSpotWebhookEvent[];
    inFlight++;
    try {
      const response = await fetch(input, init);
      settled.push({ events, status: response.status });
      return response;
    } catch (error) {
      settled.push({ events, status: null });
      throw error;
    } finally {
      inFlight--;
    }
  };
  return { fetch: recording, settled, inFlight: () => inFlight };
}
