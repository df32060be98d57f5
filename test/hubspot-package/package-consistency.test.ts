// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the call-site table quotes the code's template literals as text
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSOCIATED_READS, companyReadSpec, type ReadSpec } from '../../src/adapters/hubspot/live/read-plan.ts';
import { COMPANIES_PATH, TASKS_PATH } from '../../src/adapters/hubspot/live/write-types.ts';
import { redirectUri } from '../../src/adapters/hubspot/oauth/authorize-url.ts';
import { OPTIONAL_SCOPE_NAMES, REQUIRED_SCOPE_NAMES } from '../../src/adapters/hubspot/oauth/scopes.ts';
import { INTROSPECT_PATH, TOKEN_PATH } from '../../src/adapters/hubspot/oauth/token-endpoint.ts';
import { EXTERNAL_INSTALL_PATH } from '../../src/adapters/hubspot/oauth/uninstall-from-hubspot.ts';
import { DEFAULT_MAPPINGS } from '../../src/core/mappings.ts';
import { PLACEHOLDER_BASE_URL } from '../../src/hubspot-package/public-base-url.ts';
import { type StageReport, stageHubSpotProject } from '../../src/hubspot-package/stage-hubspot-project.ts';
import { matchRoute } from '../helpers/contract/match-route.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BASE = 'https://churn.acme.test';

let outDir: string;
let report: StageReport;
const staged = (path: string): unknown => JSON.parse(readFileSync(join(outDir, path), 'utf8'));

beforeAll(() => {
  outDir = join(mkdtempSync(join(tmpdir(), 'hubspot-stage-')), 'hubspot-project');
  report = stageHubSpotProject({ rootDir: ROOT, outDir, publicBaseUrl: BASE });
});
afterAll(() => rmSync(join(outDir, '..'), { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

interface App {
  uid: string;
  type: string;
  config: {
    distribution: string;
    auth: {
      type: string;
      redirectUrls: string[];
      requiredScopes: string[];
      optionalScopes: string[];
      conditionallyRequiredScopes?: string[];
    };
    permittedUrls: { fetch: string[] };
  };
}
const app = (): App => staged('src/app/app-hsmeta.json') as App;

describe('the staged tree has the layout hs project upload takes', () => {
  it('hsproject.json at the top, platform 2026.03, the app under src/app', () => {
    expect(staged('hsproject.json')).toMatchObject({ srcDir: 'src', platformVersion: '2026.03' });
    expect(app()).toMatchObject({ type: 'app', config: { distribution: 'marketplace', auth: { type: 'oauth' } } });
    expect(report.files).toEqual(filesUnder(outDir));
  });

  it('every file is where HubSpot looks for it, every JSON file parses, component uids are unique', () => {
    const features: Record<string, string> = { cards: 'card', settings: 'settings', webhooks: 'webhooks' };
    const uids: string[] = [];
    for (const file of report.files) {
      if (file.endsWith('.json')) expect(() => staged(file), file).not.toThrow();
      if (!file.endsWith('-hsmeta.json')) continue;
      const parts = file.split('/');
      const component = staged(file) as { uid: string; type: string };
      uids.push(component.uid);
      if (parts.length === 3) {
        expect(file).toBe('src/app/app-hsmeta.json');
        continue;
      }
      // src/app/<feature>/<name>-hsmeta.json: at the root of a feature folder, of that feature's type.
      expect(parts, file).toHaveLength(4);
      expect(Object.keys(features), file).toContain(parts[2]);
      expect(component.type, file).toBe(features[parts[2] as string]);
    }
    expect(new Set(uids).size).toBe(uids.length);
    for (const file of ['company-risk-card', 'settings-page'].map((n) => `${n}-hsmeta.json`)) {
      expect(
        report.files.some((f) => f.endsWith(`/${file}`)),
        file,
      ).toBe(true);
    }
  });

  it('the card sits on company records and both entrypoints name the React files of cards/', () => {
    const card = staged('src/app/cards/company-risk-card-hsmeta.json') as { config: Record<string, unknown> };
    expect(card.config).toMatchObject({ objectTypes: ['COMPANY'], entrypoint: '/app/cards/company-risk-card.tsx' });
    const settings = staged('src/app/settings/settings-page-hsmeta.json') as { config: Record<string, unknown> };
    expect(settings.config.entrypoint).toBe('/app/settings/settings-page.tsx');
    // The React files of cards/ are there: HubSpot's build finds both entrypoints.
    expect(existsSync(join(ROOT, 'cards', 'company-risk-card.tsx'))).toBe(true);
    expect(existsSync(join(ROOT, 'cards', 'settings-page.tsx'))).toBe(true);
    expect(report.missingEntrypoints).toEqual([]);
    for (const folder of ['cards', 'settings']) {
      for (const entry of ['company-risk-card.tsx', 'settings-page.tsx', 'package.json']) {
        expect(report.files, `${folder}/${entry}`).toContain(`src/app/${folder}/${entry}`);
      }
    }
  });

  it('copies the UI sources of cards/ into both extension folders, without docs and tests', () => {
    const root = mkdtempSync(join(tmpdir(), 'hubspot-stage-root-'));
    try {
      cpSync(join(ROOT, 'manifest'), join(root, 'manifest'), { recursive: true });
      cpSync(join(ROOT, 'webhooks'), join(root, 'webhooks'), { recursive: true });
      mkdirSync(join(root, 'cards', 'lib'), { recursive: true });
      for (const file of ['company-risk-card.tsx', 'settings-page.tsx', 'package.json', 'lib/fetch-risk.ts']) {
        writeFileSync(join(root, 'cards', file), '// stub\n');
      }
      const source = `export const A = '${PLACEHOLDER_BASE_URL}';\nconst B = '${PLACEHOLDER_BASE_URL}/x';\n// https://churn.example.company\n`;
      writeFileSync(join(root, 'cards', 'lib', 'fetch-risk.ts'), source);
      writeFileSync(join(root, 'cards', 'README.md'), '# cards\n');
      writeFileSync(join(root, 'cards', 'company-risk-card.test.tsx'), '// test\n');
      const out = join(root, 'out');
      const result = stageHubSpotProject({ rootDir: root, outDir: out, publicBaseUrl: BASE });
      expect(result.missingEntrypoints).toEqual([]);
      for (const folder of ['cards', 'settings']) {
        const files = filesUnder(join(out, 'src', 'app', folder)).filter((f) => !f.endsWith('-hsmeta.json'));
        expect(files).toEqual(['company-risk-card.tsx', 'lib/fetch-risk.ts', 'package.json', 'settings-page.tsx']);
        // The server URL in the sources moves to PUBLIC_BASE_URL, like the manifest's; another host stays.
        expect(readFileSync(join(out, 'src', 'app', folder, 'lib', 'fetch-risk.ts'), 'utf8')).toBe(
          `export const A = '${BASE}';\nconst B = '${BASE}/x';\n// https://churn.example.company\n`,
        );
      }
      // A second stage replaces the first; a folder that is not a staged project is never emptied.
      expect(() => stageHubSpotProject({ rootDir: root, outDir: out, publicBaseUrl: BASE })).not.toThrow();
      expect(() => stageHubSpotProject({ rootDir: root, outDir: join(root, 'cards'), publicBaseUrl: BASE })).toThrow(
        /not a staged project/,
      );
      expect(existsSync(join(root, 'cards', 'company-risk-card.tsx'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('points every URL at PUBLIC_BASE_URL: no placeholder is left', () => {
    for (const file of report.files.filter((f) => /\.(json|[jt]sx?)$/.test(f))) {
      expect(readFileSync(join(outDir, file), 'utf8'), file).not.toContain(new URL(PLACEHOLDER_BASE_URL).host);
    }
    expect(app().config.auth.redirectUrls).toEqual([redirectUri(BASE)]);
    expect(app().config.permittedUrls.fetch).toEqual([BASE]);
    const webhooks = staged('src/app/webhooks/webhooks-hsmeta.json') as { config: { settings: { targetUrl: string } } };
    expect(webhooks.config.settings.targetUrl).toBe(`${BASE}/webhooks/hubspot`);
  });
});

describe('the app requests exactly the scopes of scopes.ts', () => {
  it('required and optional, in order, nothing conditional', () => {
    const { auth } = app().config;
    expect(auth.requiredScopes).toEqual(REQUIRED_SCOPE_NAMES);
    expect(auth.optionalScopes).toEqual(OPTIONAL_SCOPE_NAMES);
    expect(auth.conditionallyRequiredScopes ?? []).toEqual([]);
  });
});

describe('every property a signal reads has a webhook subscription', () => {
  const LEGACY: Record<string, string> = {
    companies: 'company',
    contacts: 'contact',
    deals: 'deal',
    tickets: 'ticket',
  };
  /**
   * Read, yet deliberately not subscribed to, each with why. createdate is set once, at creation (the creation
   * subscription brings it). Calculated properties change only through a subscribed property or event: HubSpot
   * recomputes them, and a subscription to the source is the one that fires. churn_risk_score is the app's own write
   * (its history feeds the trend), and its change events would only come back as the app's own events. Names are
   * display only (the evidence line, the task subject), no signal's points depend on them: a rename is picked up by
   * the next event of that company or the daily sweep, not worth a re-score of every company of a renamed contact.
   */
  const EXCEPTIONS: Record<string, Record<string, string>> = {
    companies: {
      createdate: 'set at creation: company.creation',
      name: 'display only',
      hs_lifecyclestage_customer_date: 'calculated from lifecyclestage (subscribed)',
      churn_risk_score: 'written by the app itself',
    },
    contacts: {
      createdate: 'set at creation: contact.creation',
      firstname: 'display only',
      lastname: 'display only',
      hs_email_domain: 'calculated from email (subscribed)',
      hs_email_last_reply_date: 'calculated from email engagement; email creation is subscribed, the daily sweep rest',
      hs_email_last_open_date: 'calculated from marketing email events, which send no webhook: the daily sweep',
      hs_email_last_click_date: 'calculated from marketing email events, which send no webhook: the daily sweep',
      hs_email_last_send_date: 'calculated from email sends; email creation is subscribed, the daily sweep the rest',
      hs_feedback_last_survey_date:
        'calculated from feedback submissions (creation subscribed) and the NPS/CSAT ratings',
    },
    deals: {
      createdate: 'set at creation: deal.creation',
      dealname: 'display only',
      hs_is_closed_won: 'calculated from dealstage (subscribed)',
      hs_is_closed: 'calculated from dealstage (subscribed)',
    },
    tickets: {
      createdate: 'set at creation: ticket.creation',
      hs_is_closed: 'calculated from hs_pipeline_stage (subscribed)',
    },
  };
  const webhooks = JSON.parse(readFileSync(join(ROOT, 'webhooks', 'webhooks-hsmeta.json'), 'utf8')) as {
    config: {
      subscriptions: Record<string, { subscriptionType: string; objectType?: string; propertyName?: string }[]>;
    };
  };
  const subscriptions = Object.values(webhooks.config.subscriptions).flat();
  const subscribed = (objectType: string, property: string) =>
    subscriptions.some(
      (s) =>
        s.propertyName === property &&
        (s.subscriptionType === `${LEGACY[objectType]}.propertyChange` ||
          (s.subscriptionType === 'object.propertyChange' && `${s.objectType}s` === objectType)),
    );
  const reads: ReadSpec[] = [
    companyReadSpec(DEFAULT_MAPPINGS),
    ...ASSOCIATED_READS.filter((r) => r.objectType in LEGACY),
  ];

  it.each(reads.map((r) => [r.objectType, r] as const))('%s', (objectType, read) => {
    const unsubscribed = [...read.properties, ...read.propertiesWithHistory].filter((p) => !subscribed(objectType, p));
    expect(unsubscribed.sort()).toEqual(Object.keys(EXCEPTIONS[objectType] ?? {}).sort());
    expect(subscriptions.some((s) => s.subscriptionType === `${LEGACY[objectType]}.creation`)).toBe(true);
  });
});

describe('every API operation the adapter calls is covered by a requested scope', () => {
  const ADAPTER = join(ROOT, 'src', 'adapters', 'hubspot');
  const source = (file: string) => readFileSync(join(ADAPTER, file), 'utf8');
  const ASSOCIATED = ASSOCIATED_READS.map((r) => r.objectType);
  const scope: Record<string, string> = {
    companies: 'crm.objects.companies.read',
    contacts: 'crm.objects.contacts.read',
    deals: 'crm.objects.deals.read',
    tickets: 'tickets',
    emails: 'crm.objects.contacts.read',
    calls: 'crm.objects.contacts.read',
    meetings: 'crm.objects.contacts.read',
    notes: 'crm.objects.contacts.read',
    tasks: 'crm.objects.contacts.read',
    feedback_submissions: 'crm.objects.feedback_submissions.read',
  };

  /**
   * Every call site (`method: '...'` in live/, provision/, oauth/), with the path as the code writes it and the URLs it
   * reaches. `needs`: for the operations HubSpot's spec files list under a catch-all `security` (every CRM scope as
   * an alternative), the object-specific scope that really applies, which must be one of those alternatives.
   */
  interface CallSite {
    file: string;
    method: string;
    pathInCode: string;
    calls: { url: string; needs?: string[] }[];
  }
  const SITES: CallSite[] = [
    {
      file: 'live/list-companies.ts',
      method: 'GET',
      pathInCode: "path: '/crm/objects/2026-09/companies'",
      calls: [{ url: '/crm/objects/2026-09/companies' }],
    },
    {
      file: 'live/list-companies.ts',
      method: 'POST',
      pathInCode: "path: '/crm/objects/2026-09/companies/search'",
      calls: [{ url: '/crm/objects/2026-09/companies/search' }],
    },
    {
      file: 'live/read-objects.ts',
      method: 'POST',
      pathInCode: 'path: `/crm/objects/2026-09/${spec.objectType}/batch/read`',
      calls: ['companies', ...ASSOCIATED].map((t) => ({
        url: `/crm/objects/2026-09/${t}/batch/read`,
        needs: [scope[t] as string],
      })),
    },
    {
      file: 'live/read-associations.ts',
      method: 'POST',
      pathInCode: 'path: `/crm/associations/2026-09/${fromType}/${toType}/batch/read`',
      // load-bundles reads companies → each associated type; companies-for-events each type → companies. The read
      // scopes of both ends, except that the associations spec lists no feedback-submission scope at all: there the
      // companies end is what it asks.
      calls: ASSOCIATED.flatMap((t) => {
        const needs =
          t === 'feedback_submissions' ? [scope.companies as string] : [scope.companies as string, scope[t] as string];
        return [
          { url: `/crm/associations/2026-09/companies/${t}/batch/read`, needs },
          { url: `/crm/associations/2026-09/${t}/companies/batch/read`, needs },
        ];
      }),
    },
    {
      file: 'live/read-owners.ts',
      method: 'GET',
      pathInCode: "path: '/crm/owners/2026-09'",
      calls: [{ url: '/crm/owners/2026-09' }],
    },
    {
      file: 'live/write-properties.ts',
      method: 'POST',
      pathInCode: 'path: `${COMPANIES_PATH}/batch/update`',
      calls: [{ url: `${COMPANIES_PATH}/batch/update` }],
    },
    {
      file: 'live/write-task-create.ts',
      method: 'POST',
      pathInCode: 'path: `${TASKS_PATH}/batch/create`',
      calls: [{ url: `${TASKS_PATH}/batch/create` }],
    },
    {
      file: 'live/write-task-create.ts',
      method: 'POST',
      pathInCode: 'path: `${TASKS_PATH}/batch/archive`',
      calls: [{ url: `${TASKS_PATH}/batch/archive` }],
    },
    {
      file: 'live/write-task-search.ts',
      method: 'POST',
      pathInCode: 'path: `${TASKS_PATH}/search`',
      calls: [{ url: `${TASKS_PATH}/search` }],
    },
    {
      file: 'live/write-task-status.ts',
      method: 'POST',
      pathInCode: 'path: `${TASKS_PATH}/batch/read`',
      calls: [{ url: `${TASKS_PATH}/batch/read` }],
    },
    {
      file: 'provision/provision-list.ts',
      method: 'GET',
      pathInCode: 'path: `${LISTS_PATH}/object-type-id/${COMPANY}/name/${encodeURIComponent(HIGH_RISK_LIST_NAME)}`',
      calls: [{ url: '/crm/lists/2026-09/object-type-id/0-2/name/Churn%20risk%3A%20high%20or%20critical' }],
    },
    {
      file: 'provision/provision-list.ts',
      method: 'POST',
      pathInCode: 'path: LISTS_PATH',
      calls: [{ url: '/crm/lists/2026-09' }],
    },
    {
      file: 'provision/provision-properties.ts',
      method: 'GET',
      pathInCode: 'path: PROPERTIES_PATH',
      calls: [{ url: '/crm/properties/2026-09/companies', needs: ['crm.objects.companies.read'] }],
    },
    {
      file: 'provision/provision-properties.ts',
      method: 'POST',
      pathInCode: 'path: `${PROPERTIES_PATH}/batch/create`',
      calls: [{ url: '/crm/properties/2026-09/companies/batch/create', needs: ['crm.schemas.companies.write'] }],
    },
    {
      file: 'provision/provision-properties.ts',
      method: 'PATCH',
      pathInCode: 'path: `${PROPERTIES_PATH}/${encodeURIComponent(patch.name)}`',
      calls: [{ url: '/crm/properties/2026-09/companies/churn_risk_reasons', needs: ['crm.schemas.companies.write'] }],
    },
    {
      file: 'provision/provision-properties.ts',
      method: 'GET',
      pathInCode: 'path: `${PROPERTIES_PATH}/groups`',
      calls: [{ url: '/crm/properties/2026-09/companies/groups', needs: ['crm.objects.companies.read'] }],
    },
    {
      file: 'provision/provision-properties.ts',
      method: 'POST',
      pathInCode: "method: 'POST', path: `${PROPERTIES_PATH}/groups`",
      calls: [{ url: '/crm/properties/2026-09/companies/groups', needs: ['crm.schemas.companies.write'] }],
    },
    {
      file: 'oauth/uninstall-from-hubspot.ts',
      method: 'DELETE',
      pathInCode: 'path: EXTERNAL_INSTALL_PATH',
      calls: [{ url: EXTERNAL_INSTALL_PATH }],
    },
    {
      file: 'oauth/token-endpoint.ts',
      method: 'POST',
      pathInCode: 'fetch(`${baseUrl}${path}`',
      calls: [{ url: TOKEN_PATH }, { url: INTROSPECT_PATH }],
    },
  ];
  /** The path constants the table's URLs spell out, as the code declares them. */
  const CONSTANTS: [string, string][] = [
    ['provision/provision-list.ts', "const LISTS_PATH = '/crm/lists/2026-09';"],
    ['provision/provision-list.ts', "export const HIGH_RISK_LIST_NAME = 'Churn risk: high or critical';"],
    ['provision/provision-properties.ts', "const PROPERTIES_PATH = '/crm/properties/2026-09/companies';"],
  ];

  it('the table holds every call site of live/, provision/ and oauth/ (checked against the code)', () => {
    for (const dir of ['live', 'provision', 'oauth']) {
      for (const name of readdirSync(join(ADAPTER, dir)).filter((n) => n.endsWith('.ts'))) {
        const file = `${dir}/${name}`;
        const methods = [...source(file).matchAll(/method: '(GET|POST|PUT|PATCH|DELETE)'/g)].map((m) => m[1]);
        const rows = SITES.filter((s) => s.file === file);
        expect(rows.map((r) => r.method).sort(), file).toEqual(methods.sort());
        for (const row of rows) expect(source(file), `${file}: ${row.pathInCode}`).toContain(row.pathInCode);
      }
    }
    for (const [file, declaration] of CONSTANTS) expect(source(file)).toContain(declaration);
  });

  const requested = new Set([...REQUIRED_SCOPE_NAMES, ...OPTIONAL_SCOPE_NAMES] as string[]);
  const calls = SITES.flatMap((site) => site.calls.map((call) => ({ ...call, method: site.method })));

  it.each(calls.map((c) => [`${c.method} ${c.url}`, c] as const))('%s', (_name, call) => {
    const match = matchRoute(call.method, new URL(call.url, 'https://api.hubapi.com').pathname);
    expect(match.kind).toBe('found');
    if (match.kind !== 'found') return;
    // The most specific spec file's operation (crm-emails over the generic crm-objects for emails, …).
    const security = match.operations[0]?.raw.security as Record<string, string[]>[] | undefined;
    expect(security, 'the operation states its security').toBeDefined();
    const alternatives = (security ?? []).filter((req) => req.oauth2).map((req) => req.oauth2 as string[]);
    if (alternatives.length === 0) {
      // The token endpoints authenticate with the client id and secret, not with a scope.
      expect([TOKEN_PATH, INTROSPECT_PATH]).toContain(call.url);
      return;
    }
    expect(alternatives.some((scopes) => scopes.every((s) => requested.has(s)))).toBe(true);
    if (alternatives.length > 10) {
      expect(call.needs, 'a catch-all security: name the scope that applies').toBeDefined();
    }
    for (const needed of call.needs ?? []) {
      expect(
        alternatives.some((scopes) => scopes.includes(needed)),
        needed,
      ).toBe(true);
      expect(requested.has(needed), needed).toBe(true);
    }
  });

  it('only the survey reads depend on the optional scope (the code checks the installation’s scopes for them)', () => {
    const required = new Set(REQUIRED_SCOPE_NAMES as string[]);
    const optionalOnly = calls.filter((call) => {
      const match = matchRoute(call.method, new URL(call.url, 'https://api.hubapi.com').pathname);
      if (match.kind !== 'found') return false;
      const security = (match.operations[0]?.raw.security ?? []) as Record<string, string[]>[];
      const alternatives = security.filter((req) => req.oauth2).map((req) => req.oauth2 as string[]);
      const byRequired =
        alternatives.length === 0 ||
        (alternatives.some((scopes) => scopes.every((s) => required.has(s))) &&
          (call.needs ?? []).every((s) => required.has(s)));
      return !byRequired;
    });
    expect(optionalOnly.map((c) => c.url).every((url) => url.includes('feedback_submissions'))).toBe(true);
    expect(optionalOnly.length).toBeGreaterThan(0);
  });
});
