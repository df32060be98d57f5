import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The `*-hsmeta.json` files directly in `dir` (HubSpot reads them at the root of each feature folder only), sorted. */
export function listHsmetaFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('-hsmeta.json'))
    .map((entry) => join(dir, entry.name))
    .sort();
}
