import { readFileSync } from 'node:fs';
import type { HubSpotBundle, HubSpotObject, HubSpotWebhookEvent } from '../../../src/adapters/hubspot/bundle.ts';
import { parseHubSpotBundle } from '../../../src/adapters/hubspot/bundle.ts';

/** Builders of HubSpot shapes for the adapter tests: string property values, ISO timestamps, newest-first history. */

export const PORTAL = 24051987;
export const COMPANY_ID = '9120000001';

/** A fixture bundle under test/fixtures/hubspot/, as JSON (not validated). */
export function fixtureJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/hubspot/${name}`, import.meta.url), 'utf8'));
}

export function fixture(name: string): HubSpotBundle {
  return parseHubSpotBundle(fixtureJson(name));
}

type History = Record<string, [value: string, timestamp: string, sourceType?: string][]>;

/** A record; `history` entries are listed newest first, as HubSpot does. */
export function hsObject(
  id: string,
  properties: Record<string, string | null> = {},
  history?: History,
  createdAt = '2026-01-05T10:00:00.000Z',
): HubSpotObject {
  const object: HubSpotObject = {
    id,
    properties: { hs_object_id: id, ...properties },
    createdAt,
    updatedAt: '2026-11-01T10:00:00.000Z',
    archived: false,
  };
  if (history) {
    object.propertiesWithHistory = Object.fromEntries(
      Object.entries(history).map(([name, entries]) => [
        name,
        entries.map(([value, timestamp, sourceType = 'CRM_UI']) => ({ value, timestamp, sourceType })),
      ]),
    );
  }
  return object;
}

let eventId = 1000;

/** A webhook event of this portal. */
export function hsEvent(
  subscriptionType: string,
  occurredAt: string,
  fields: Partial<HubSpotWebhookEvent> = {},
): HubSpotWebhookEvent {
  return {
    eventId: eventId++,
    subscriptionId: 2901234,
    portalId: PORTAL,
    appId: 5123456,
    occurredAt: Date.parse(occurredAt),
    subscriptionType,
    attemptNumber: 0,
    ...fields,
  };
}

/** A validated bundle around a company, with the given lists (missing lists are empty). */
export function bundle(over: Partial<Omit<HubSpotBundle, 'portalId'>> = {}): HubSpotBundle {
  return parseHubSpotBundle({ portalId: PORTAL, company: hsObject(COMPANY_ID, { name: 'Acme' }), ...over });
}

export const at = (iso: string): number => Date.parse(iso);
