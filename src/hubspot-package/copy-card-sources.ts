import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rebaseUrlsInText } from './rebase-url.ts';

/** Left out of the upload: docs, tests, installed modules, the Salesforce card, and hsmeta files (manifest/ has them). */
const SKIPPED_DIRS = new Set(['node_modules', 'test', 'tests', '__tests__', 'salesforce', 'lwc', 'force-app', 'dist']);
const SKIPPED_FILE = /(^README\.md$|\.test\.[cm]?[jt]sx?$|\.spec\.[cm]?[jt]sx?$|-hsmeta\.json$)/;
/** Sources, where the server's URL is written (cards/lib/api-base-url.ts). */
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;

/**
 * Copies the UI sources of `cardsDir` (the React entrypoints, their modules, package.json) into `destDir`, keeping
 * the folder structure, and returns the paths written. HubSpot builds each extension folder (`src/app/cards`,
 * `src/app/settings`) on its own, with its own package.json, so each one receives the whole UI tree. In the sources,
 * the placeholder server URL becomes `baseUrl`, as in the manifest's permitted fetch URLs: the UI calls the server
 * the app may call. A missing `cardsDir` copies nothing.
 */
export function copyCardSources(cardsDir: string, destDir: string, baseUrl: string): string[] {
  if (!existsSync(cardsDir)) return [];
  const written: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const from = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(from);
      } else if (entry.isFile() && !SKIPPED_FILE.test(entry.name)) {
        const to = join(destDir, relative(cardsDir, from));
        mkdirSync(join(to, '..'), { recursive: true });
        if (SOURCE_FILE.test(entry.name)) writeFileSync(to, rebaseUrlsInText(readFileSync(from, 'utf8'), baseUrl));
        else copyFileSync(from, to);
        written.push(to);
      }
    }
  };
  walk(cardsDir);
  return written;
}
