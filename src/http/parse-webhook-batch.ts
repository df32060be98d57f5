import { z } from 'zod';
import { HubSpotWebhookEvent } from '../adapters/hubspot/bundle.ts';
import { ValidationError } from '../core/validation-error.ts';
import { HttpError } from './http-error.ts';

/** HubSpot sends at most 100 events per request (DESIGN §7). */
export const MAX_EVENTS_PER_BATCH = 100;

const WebhookBatch = z
  .array(HubSpotWebhookEvent, {
    error: (issue) => `expected a JSON array of webhook events, received ${kind(issue.input)}`,
  })
  .min(1, { error: 'expected at least one event, received an empty array' })
  .max(MAX_EVENTS_PER_BATCH, {
    error: (issue) =>
      `expected at most ${MAX_EVENTS_PER_BATCH} events (HubSpot's batch size), received ${Array.isArray(issue.input) ? issue.input.length : 'more'}`,
  });

/** Messages for what the event schema does not word itself (an event that is not an object). */
const fallback: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' ? `expected ${issue.expected}, received ${kind(issue.input)}` : undefined;

function kind(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'null';
  return Array.isArray(input) ? 'array' : typeof input;
}

/** The body as JSON; its bytes were checked against the signature before. */
export function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new HttpError(400, 'invalid_json', 'body is not valid JSON');
  }
}

/**
 * A webhook delivery: 1–100 events in HubSpot's shape (bundle.ts). Throws a ValidationError naming each bad field
 * from the batch's root, e.g. `[3].occurredAt`.
 */
export function parseWebhookBatch(json: unknown): HubSpotWebhookEvent[] {
  const result = WebhookBatch.safeParse(json, { error: fallback });
  if (result.success) return result.data;
  throw ValidationError.fromZod('webhook batch', result.error);
}
