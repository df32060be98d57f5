// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the sources' template literals are quoted as text
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageHubSpotProject } from '../../src/hubspot-package/stage-hubspot-project.ts';
import { startServer, type TestServer } from '../http/server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASE = 'https://churn.acme.test';

/** The UI sources of a folder (the React files and their modules, not tests), relative path → text. */
function sourcesUnder(dir: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.[jt]sx?$/.test(entry.name) || /\.(test|spec)\./.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    sources.set(relative(dir, path).split(sep).join('/'), readFileSync(path, 'utf8'));
  }
  return sources;
}

/** `export const NAME = '...';` declarations of a source. */
function constantsOf(source: string): Record<string, string> {
  return Object.fromEntries([...source.matchAll(/export const (\w+) = '([^']*)';/g)].map((m) => [m[1], m[2]]));
}

/**
 * Every request the UI makes, read from the sources: each `requestJson(<path>, { method: '<METHOD>' ... })`, with the
 * path constants of lib/api-base-url.ts substituted and the query (`${recordQuery(...)}`) left out.
 */
function requestsOf(sources: Map<string, string>, constants: Record<string, string>): string[] {
  const requests: string[] = [];
  for (const source of sources.values()) {
    for (const [, target, method] of source.matchAll(/requestJson\(\s*(`[^`]*`|\w+),\s*\{\s*method: '(\w+)'/g)) {
      const text = target?.startsWith('`') ? target.slice(1, -1) : `\${${target}}`;
      const path = (text ?? '')
        .replace(/\$\{(\w+)\}/g, (whole, name: string) => constants[name] ?? whole)
        .replace(/\$\{[^}]*\}/g, '');
      requests.push(`${method} ${path}`);
    }
  }
  return requests.sort();
}

describe('every URL the card and the settings page fetch is permitted and served', () => {
  let outDir: string;
  let server: TestServer;
  beforeAll(async () => {
    outDir = join(mkdtempSync(join(tmpdir(), 'hubspot-stage-')), 'hubspot-project');
    stageHubSpotProject({ rootDir: ROOT, outDir, publicBaseUrl: BASE });
    server = await startServer();
  });
  afterAll(async () => {
    rmSync(join(outDir, '..'), { recursive: true, force: true });
    await server.close();
  });

  const sources = sourcesUnder(join(ROOT, 'cards'));
  const constants = constantsOf(sources.get('lib/api-base-url.ts') ?? '');
  const requests = requestsOf(sources, constants);

  it('the sources call hubspot.fetch in one place, on the one base URL', () => {
    const callers = [...sources].filter(([, text]) => text.includes('hubspot.fetch(')).map(([path]) => path);
    expect(callers).toEqual(['lib/request-json.ts']);
    expect(sources.get('lib/request-json.ts')).toContain('hubspot.fetch(`${API_BASE_URL}${pathAndQuery}`, options)');
    // Every request goes through requestJson: read from the sources, these are all of them.
    expect(requests).toEqual([
      'GET /cards/hubspot/company-risk',
      'GET /settings/hubspot',
      'POST /cards/hubspot/company-risk/recalculate',
      'POST /cards/hubspot/company-risk/snooze',
      'PUT /settings/hubspot',
    ]);
  });

  it('in the staged package, each URL is under a permitted fetch URL of the app', () => {
    for (const folder of ['cards', 'settings']) {
      const staged = sourcesUnder(join(outDir, 'src', 'app', folder));
      const base = constantsOf(staged.get('lib/api-base-url.ts') ?? '').API_BASE_URL;
      expect(base, folder).toBe(BASE);
      const app = JSON.parse(readFileSync(join(outDir, 'src', 'app', 'app-hsmeta.json'), 'utf8')) as {
        config: { permittedUrls: { fetch: string[] } };
      };
      const permitted = app.config.permittedUrls.fetch;
      for (const request of requests) {
        const url = `${base}${request.split(' ')[1]}`;
        expect(
          permitted.some((p) => url === p || url.startsWith(p.endsWith('/') ? p : `${p}/`)),
          `${folder}: ${url}`,
        ).toBe(true);
      }
    }
  });

  it('the server serves each of them (unsigned, it answers 401, not 404)', async () => {
    for (const request of requests) {
      const [method, path] = request.split(' ');
      const res = await fetch(
        `${server.base}${path}?portalId=101&associatedObjectId=7001&associatedObjectType=COMPANY`,
        {
          method,
        },
      );
      expect(res.status, request).toBe(401);
    }
  });
});
