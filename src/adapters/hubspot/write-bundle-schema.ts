import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { HubSpotBundle } from './bundle.ts';

/**
 * Writes bundle.schema.json, the JSON Schema of the HubSpot account bundle, from its zod schema (the single source).
 * Run after changing bundle.ts: `npx node src/adapters/hubspot/write-bundle-schema.ts` (a test checks it is current).
 */

export const BUNDLE_SCHEMA_URL = new URL('./bundle.schema.json', import.meta.url);

/** The text of bundle.schema.json: what the bundle's producer may send (io 'input': defaulted keys are optional). */
export function bundleJsonSchemaText(): string {
  const { $schema, ...schema } = z.toJSONSchema(HubSpotBundle, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ $schema, title: 'HubSpot account bundle', ...schema }, null, 2)}\n`;
}

if (import.meta.main) {
  writeFileSync(BUNDLE_SCHEMA_URL, bundleJsonSchemaText());
  console.log(`wrote ${BUNDLE_SCHEMA_URL.pathname}`);
}
