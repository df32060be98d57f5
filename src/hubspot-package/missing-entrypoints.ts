import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listHsmetaFiles } from './list-hsmeta-files.ts';
import { readJsonFile } from './read-json-file.ts';

/**
 * The `config.entrypoint`s of the staged card and settings components that name no staged file. Entrypoints are
 * relative to the project's srcDir (`/app/cards/company-risk-card.tsx`).
 */
export function missingEntrypoints(srcDir: string): string[] {
  const missing: string[] = [];
  for (const folder of ['cards', 'settings']) {
    for (const file of listHsmetaFiles(join(srcDir, 'app', folder))) {
      const config = (readJsonFile(file) as { config?: { entrypoint?: unknown } }).config;
      const entrypoint = config?.entrypoint;
      if (typeof entrypoint !== 'string' || !existsSync(join(srcDir, entrypoint))) missing.push(String(entrypoint));
    }
  }
  return missing;
}
