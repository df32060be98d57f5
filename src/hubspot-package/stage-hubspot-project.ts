import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appWithPublicUrl } from './app-with-public-url.ts';
import { copyCardSources } from './copy-card-sources.ts';
import { formatStageReport } from './format-stage-report.ts';
import { listHsmetaFiles } from './list-hsmeta-files.ts';
import { missingEntrypoints } from './missing-entrypoints.ts';
import { publicBaseUrl } from './public-base-url.ts';
import { readJsonFile } from './read-json-file.ts';
import { webhooksWithPublicUrl } from './webhooks-with-public-url.ts';

export interface StageOptions {
  /** The repository: manifest/, cards/ and webhooks/ are read from here. */
  rootDir: string;
  /** Where the project is written; emptied first. Default `<rootDir>/hubspot-project` (git-ignored). */
  outDir?: string;
  /** Validated PUBLIC_BASE_URL, without a trailing slash. */
  publicBaseUrl: string;
}

export interface StageReport {
  outDir: string;
  publicBaseUrl: string;
  /** Every file written, relative to outDir, sorted. */
  files: string[];
  /** Card or settings entrypoints with no file behind them (a React file of cards/ missing): HubSpot's build would fail. */
  missingEntrypoints: string[];
}

/**
 * Assembles manifest/, cards/ and webhooks/ into the layout `hs project upload` takes (DESIGN §6, and
 * https://developers.hubspot.com/docs/apps/developer-platform/build-apps/app-configuration):
 *
 *   hsproject.json                       ← manifest/hsproject.json (srcDir "src", platformVersion 2026.03)
 *   src/app/app-hsmeta.json              ← manifest/app-hsmeta.json, redirect and fetch URLs on publicBaseUrl
 *   src/app/cards/*-hsmeta.json          ← manifest/cards/, with the UI sources of cards/ (server URL on publicBaseUrl)
 *   src/app/settings/*-hsmeta.json       ← manifest/settings/, with the UI sources of cards/
 *   src/app/webhooks/webhooks-hsmeta.json ← webhooks/webhooks-hsmeta.json, targetUrl on publicBaseUrl
 */
export function stageHubSpotProject(options: StageOptions): StageReport {
  const { rootDir } = options;
  const outDir = options.outDir ?? join(rootDir, 'hubspot-project');
  const manifestDir = join(rootDir, 'manifest');
  const cardsDir = join(rootDir, 'cards');
  const appDir = join(outDir, 'src', 'app');
  const written: string[] = [];
  const writeJson = (path: string, value: unknown): void => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
    written.push(path);
  };

  clearOutDir(outDir);
  const project = readJsonFile(join(manifestDir, 'hsproject.json')) as { srcDir?: unknown };
  if (project.srcDir !== 'src')
    throw new TypeError('manifest/hsproject.json: srcDir must be "src" (the staged layout)');
  writeJson(join(outDir, 'hsproject.json'), project);
  writeJson(
    join(appDir, 'app-hsmeta.json'),
    appWithPublicUrl(readJsonFile(join(manifestDir, 'app-hsmeta.json')), options.publicBaseUrl),
  );
  for (const feature of ['cards', 'settings']) {
    written.push(...copyCardSources(cardsDir, join(appDir, feature), options.publicBaseUrl));
    for (const file of listHsmetaFiles(join(manifestDir, feature))) {
      writeJson(join(appDir, feature, basename(file)), readJsonFile(file));
    }
  }
  writeJson(
    join(appDir, 'webhooks', 'webhooks-hsmeta.json'),
    webhooksWithPublicUrl(readJsonFile(join(rootDir, 'webhooks', 'webhooks-hsmeta.json')), options.publicBaseUrl),
  );

  return {
    outDir,
    publicBaseUrl: options.publicBaseUrl,
    files: written.map((path) => relative(outDir, path)).sort(),
    missingEntrypoints: missingEntrypoints(join(outDir, 'src')),
  };
}

/** Empties a previous stage; refuses a non-empty folder that is not one (no hsproject.json), to never wipe a wrong path. */
function clearOutDir(outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    if (!existsSync(join(outDir, 'hsproject.json'))) {
      throw new Error(`${outDir} is not empty and holds no hsproject.json: not a staged project, left alone`);
    }
    rmSync(outDir, { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
}

if (import.meta.main) {
  try {
    const base = publicBaseUrl(process.env);
    if (base.warning) console.warn(`warning: ${base.warning}`);
    const rootDir = fileURLToPath(new URL('../../', import.meta.url));
    console.log(formatStageReport(stageHubSpotProject({ rootDir, publicBaseUrl: base.url }), process.cwd()));
  } catch (error) {
    console.error(`hubspot:stage failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
