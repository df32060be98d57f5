import { Writable } from 'node:stream';
import type { RequestHandler } from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubSpotApi, HubSpotRequest } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { HubSpotApiError } from '../../../../src/adapters/hubspot/client/hubspot-error.ts';
import { appJournalApi } from '../../../../src/adapters/hubspot/journal/app-journal-api.ts';
import { appJournalSubscriptions } from '../../../../src/adapters/hubspot/journal/app-journal-subscriptions.ts';
import { appSubscriptions } from '../../../../src/adapters/hubspot/journal/app-subscriptions.ts';
import {
  JOURNAL_READ_SCOPES,
  JOURNAL_SUBSCRIPTION_SCOPES,
} from '../../../../src/adapters/hubspot/journal/client-credentials-token.ts';
import { ensureJournalSubscriptions } from '../../../../src/adapters/hubspot/journal/ensure-journal-subscriptions.ts';
import {
  APP_UNINSTALL_EVENT_TYPE,
  journalSubscriptionRequests,
} from '../../../../src/adapters/hubspot/journal/journal-subscription-requests.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { createPlatform, type Platform } from '../../../../src/sandbox/platform/create-platform.ts';
import type { SandboxChange } from '../../../../src/sandbox/platform/sandbox-change.ts';
import { toWebhookEvents } from '../../../../src/sandbox/platform/webhooks/to-webhook-events.ts';
import { subscriptionsFromHsmeta as sandboxWebhookSubscriptions } from '../../../../src/sandbox/platform/webhooks/webhook-subscriptions.ts';
import { checkExchange, type Exchange } from '../../../helpers/hubspot-contract.ts';
import { type Served, serve } from '../../../sandbox/platform/serve.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const APP = { appId: 5123456, clientId: 'cid', clientSecret: 'secret', redirectUris: ['https://x.example/cb'] };
const PORTAL = 24051987;
const OTHER_PORTAL = 555;
const WANTED = journalSubscriptionRequests(PORTAL, appSubscriptions()).length;

let platform: Platform;
let served: Served;
let exchanges: Exchange[];
let lines: { level: number; msg: string; portalId?: number; created?: number }[];

/** Records the subscription exchanges on the wire, each checked against HubSpot's spec after the test. */
const recorder: RequestHandler = (req, res, next) => {
  if (!req.path.startsWith('/webhooks-journal/subscriptions')) return next();
  let sent: unknown;
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    sent = body;
    return send(body);
  };
  res.on('finish', () => {
    exchanges.push({
      method: req.method,
      url: req.originalUrl,
      ...(req.body === undefined ? {} : { requestBody: req.body }),
      status: res.statusCode,
      ...(sent === undefined ? {} : { responseBody: String(sent) }),
    });
  });
  next();
};

const logger = () =>
  createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  });
const warnings = () => lines.filter((l) => l.level === 40);

/** The journal's API client as the app builds it, with these scopes and this client secret. */
function api(scopes: readonly string[] = JOURNAL_SUBSCRIPTION_SCOPES, secret = APP.clientSecret) {
  const env = {
    HUBSPOT_API_BASE_URL: served.base,
    HUBSPOT_CLIENT_ID: APP.clientId,
    HUBSPOT_CLIENT_SECRET: secret,
    HUBSPOT_APP_ID: APP.appId,
  };
  return appJournalApi({ env, logger: createLogger({ level: 'silent' }), now: () => T0 }, scopes);
}

/** The api, but a 503 (after its retries) for the requests `fails` picks. */
function failing(real: HubSpotApi, fails: (request: HubSpotRequest) => boolean): Pick<HubSpotApi, 'request'> {
  return {
    request<T>(portalId: number, request: HubSpotRequest): Promise<T> {
      if (!fails(request)) return real.request<T>(portalId, request);
      const failure = {
        kind: 'server_error' as const,
        status: 503,
        category: null,
        subCategory: null,
        policyName: null,
        correlationId: null,
        requiredScopes: [],
        retryable: true,
        retryAfterMs: null,
      };
      const context = { portalId, method: request.method, path: request.path, baseUrl: served.base, attempts: 5 };
      return Promise.reject(new HubSpotApiError(failure, context));
    },
  };
}
const postFor = (portalId: number) => (r: HubSpotRequest) =>
  r.method === 'POST' && (r.body as { portalId?: number }).portalId === portalId;
const methods = () => exchanges.map((e) => e.method);

beforeEach(async () => {
  exchanges = [];
  lines = [];
  platform = createPlatform({ now: () => T0, apps: [APP], limits: false });
  served = await serve(recorder, ...platform.middleware);
  platform.registry.install(PORTAL, APP.appId);
  platform.registry.install(OTHER_PORTAL, APP.appId);
});
afterEach(async () => {
  await served.close();
  for (const exchange of exchanges)
    expect(() => checkExchange(exchange), `${exchange.method} ${exchange.url}`).not.toThrow();
});

describe('the journal subscriptions of webhooks-hsmeta.json', () => {
  it('are one OBJECT subscription per object type and one ASSOCIATION per associationChange, no object singled out', () => {
    const requests = journalSubscriptionRequests(PORTAL, appSubscriptions());
    const byType = (type: string, id: string) =>
      requests.find((r) => r.subscriptionType === type && 'objectTypeId' in r && r.objectTypeId === id);
    expect(byType('OBJECT', '0-1')).toMatchObject({
      portalId: PORTAL,
      actions: ['CREATE', 'UPDATE', 'DELETE', 'MERGE', 'RESTORE'],
      objectIds: [],
      properties: expect.arrayContaining(['jobtitle', 'hs_buying_role', 'associatedcompanyid']),
    });
    expect(byType('OBJECT', '0-27')).toMatchObject({
      actions: ['CREATE', 'UPDATE'],
      properties: ['hs_task_status', 'hs_timestamp'],
    });
    expect(byType('OBJECT', '0-49')).toMatchObject({ actions: ['CREATE'], properties: [] });
    const associations = requests.filter((r) => r.subscriptionType === 'ASSOCIATION');
    expect(associations.map((r) => ('objectTypeId' in r ? r.objectTypeId : ''))).toEqual(['0-1', '0-2', '0-3', '0-5']);
    expect(associations[0]).toMatchObject({ associatedObjectTypeIds: expect.arrayContaining(['0-2', '0-3', '0-5']) });
    // contact.privacyDeletion: HubSpot sends the contact's deletion with it, which the contact's OBJECT one covers.
    expect(requests.map((r) => r.subscriptionType)).not.toContain('GDPR_PRIVACY_DELETION');
    expect(requests).toHaveLength(WANTED);
  });

  it('refuses a webhook subscription it has no journal counterpart for, naming it', () => {
    for (const sub of [
      { subscriptionType: 'product.creation' },
      { subscriptionType: 'object.creation', objectType: 'line_item' },
      { subscriptionType: 'contact.somethingNew' },
    ]) {
      expect(() => journalSubscriptionRequests(PORTAL, [sub])).toThrow(/webhooks-hsmeta\.json subscribes to/);
    }
  });
});

describe('ensureJournalSubscriptions, against the sandbox', () => {
  it('creates the app’s uninstall subscription and each portal’s, once: a second run creates nothing', async () => {
    const first = await ensureJournalSubscriptions({ api: api(), logger: logger() }, [PORTAL, OTHER_PORTAL]);
    expect(first).toEqual({ ensured: [PORTAL, OTHER_PORTAL], lifecycle: true, created: 2 * WANTED + 1, failed: [] });
    const subscriptions = platform.journal.subscriptions(APP.appId);
    expect(subscriptions).toHaveLength(2 * WANTED + 1);
    expect(subscriptions[0]?.request).toEqual({
      subscriptionType: 'APP_LIFECYCLE_EVENT',
      eventTypeId: APP_UNINSTALL_EVENT_TYPE,
      properties: [],
    });
    expect(lines.filter((l) => l.created !== undefined).map((l) => [l.portalId, l.created])).toEqual([
      [PORTAL, WANTED],
      [OTHER_PORTAL, WANTED],
    ]);

    exchanges.length = 0;
    const again = await ensureJournalSubscriptions({ api: api(), logger: logger() }, [PORTAL, OTHER_PORTAL]);
    expect(again).toEqual({ ensured: [PORTAL, OTHER_PORTAL], lifecycle: true, created: 0, failed: [] });
    expect(methods()).toEqual(['GET']);
    expect(platform.journal.subscriptions(APP.appId)).toHaveLength(2 * WANTED + 1);
  });

  it('sends again a subscription that asks for less than the app needs', async () => {
    await ensureJournalSubscriptions({ api: api(), logger: logger() }, [PORTAL]);
    const companies = journalSubscriptionRequests(PORTAL, appSubscriptions()).find(
      (r) => r.subscriptionType === 'OBJECT' && r.objectTypeId === '0-2',
    );
    platform.journal.subscribe(APP.appId, { ...companies, properties: ['domain'] });
    const report = await ensureJournalSubscriptions({ api: api(), logger: logger() }, [PORTAL]);
    expect(report.created).toBe(1);
    const stored = platform.journal.subscriptions(APP.appId).map((s) => s.request);
    expect(stored).toContainEqual(companies);
    expect(stored).toHaveLength(WANTED + 1);
  });

  it('then the journal holds exactly the changes the webhooks deliver, and the uninstall', async () => {
    await ensureJournalSubscriptions({ api: api(), logger: logger() }, [PORTAL]);
    const webhooks = sandboxWebhookSubscriptions();
    const properties = [...new Set(appSubscriptions().flatMap((s) => s.propertyName ?? []))];
    const types = ['contacts', 'companies', 'deals', 'tickets', 'feedback_submissions', 'tasks', 'notes', 'meetings'];
    const changes: SandboxChange[] = [];
    for (const objectType of [...types, 'calls', 'emails']) {
      const base = { objectType, objectId: '101', changeSource: 'CRM_UI', occurredAt: T0 };
      for (const kind of ['creation', 'deletion', 'merge'] as const)
        changes.push({ ...base, kind, fromObjectId: '102' });
      for (const propertyName of [...properties, 'name']) {
        changes.push({ ...base, kind: 'propertyChange', propertyName, propertyValue: 'x' });
      }
      for (const toObjectType of ['companies', 'contacts', 'notes']) {
        changes.push({ ...base, kind: 'associationChange', fromObjectId: '101', toObjectId: '7', toObjectType });
      }
    }
    const journaled = (change: SandboxChange) => {
      const before = platform.journal.entries(APP.appId, PORTAL).length;
      platform.journal.record(PORTAL, change);
      return platform.journal.entries(APP.appId, PORTAL).length > before;
    };
    const context = { portalId: PORTAL, appId: APP.appId, subscriptions: webhooks, nextEventId: () => 1 };
    const outcomes = changes.map((change) => ({
      change: `${change.objectType} ${change.kind} ${change.propertyName ?? change.toObjectType ?? ''}`,
      delivered: toWebhookEvents(change, context).length > 0,
      journaled: journaled(change),
    }));
    expect(outcomes.filter((o) => o.delivered !== o.journaled)).toEqual([]);
    expect(outcomes.filter((o) => o.journaled).length).toBeGreaterThan(60);
    expect(outcomes.filter((o) => !o.journaled).length).toBeGreaterThan(60);

    platform.registry.uninstall(PORTAL, APP.appId);
    expect(platform.journal.entries(APP.appId, PORTAL).at(-1)?.events).toMatchObject([{ action: 'APP_UNINSTALL' }]);
  });

  it('tolerates failures: logs each with its portal and the fix, goes on with the others, never throws', async () => {
    const scopeless = await ensureJournalSubscriptions({ api: api(JOURNAL_READ_SCOPES), logger: logger() }, [PORTAL]);
    expect(scopeless).toMatchObject({ ensured: [], lifecycle: false, created: 0, failed: [{ portalId: null }] });
    expect(warnings().at(-1)?.msg).toContain(
      'the app needs the developer.webhooks_journal.subscriptions.read, developer.webhooks_journal.subscriptions.write, crm.objects.companies.read',
    );

    const wrongSecret = await ensureJournalSubscriptions({ api: api(undefined, 'nope'), logger: logger() }, [PORTAL]);
    expect(wrongSecret.failed).toHaveLength(1);
    expect(warnings().at(-1)?.msg).toContain('check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET');

    const flaky = failing(api(), postFor(OTHER_PORTAL));
    const partial = await ensureJournalSubscriptions({ api: flaky, logger: logger() }, [OTHER_PORTAL, PORTAL]);
    expect(partial).toMatchObject({ ensured: [PORTAL], lifecycle: true, created: WANTED + 1 });
    expect(partial.failed.map((f) => f.portalId)).toEqual([OTHER_PORTAL]);
    expect(warnings().at(-1)).toMatchObject({ portalId: OTHER_PORTAL });
    expect(warnings().at(-1)?.msg).toContain('tried again at the next catch-up round');
    expect(platform.journal.subscriptions(APP.appId)).toHaveLength(WANTED + 1);
  });
});

describe('appJournalSubscriptions, over a process’s life', () => {
  const env = () => ({
    HUBSPOT_API_BASE_URL: served.base,
    HUBSPOT_CLIENT_ID: APP.clientId,
    HUBSPOT_CLIENT_SECRET: APP.clientSecret,
    HUBSPOT_APP_ID: APP.appId,
  });

  it('checks a portal once, again after an install, and retries one that failed on the next call', async () => {
    let broken = true;
    const real = api();
    const subs = appJournalSubscriptions({
      env: env(),
      logger: logger(),
      api: failing(real, (r) => broken && postFor(OTHER_PORTAL)(r)),
    });
    await subs.ensure([PORTAL, OTHER_PORTAL]);
    expect(platform.journal.subscriptions(APP.appId)).toHaveLength(WANTED + 1);
    expect(warnings()).toHaveLength(1);

    broken = false;
    exchanges.length = 0;
    await subs.ensure([PORTAL, OTHER_PORTAL]);
    expect(platform.journal.subscriptions(APP.appId)).toHaveLength(2 * WANTED + 1);
    expect(methods().filter((m) => m === 'POST')).toHaveLength(WANTED);

    exchanges.length = 0;
    await subs.ensure([PORTAL, OTHER_PORTAL]);
    expect(exchanges).toEqual([]);
    await subs.ensure([PORTAL], { again: true });
    expect(methods()).toEqual(['GET']);
  });

  it('runs one call at a time: an install during a round creates nothing twice', async () => {
    const subs = appJournalSubscriptions({ env: env(), logger: logger() });
    await Promise.all([subs.ensure([PORTAL, OTHER_PORTAL]), subs.ensure([PORTAL], { again: true })]);
    expect(methods().filter((m) => m === 'POST')).toHaveLength(2 * WANTED + 1);
    expect(methods().filter((m) => m === 'GET')).toHaveLength(2);
  });

  it('deletes an uninstalled portal’s subscriptions, keeping the app’s; a failure is logged, not thrown', async () => {
    const subs = appJournalSubscriptions({ env: env(), logger: logger() });
    await subs.ensure([PORTAL, OTHER_PORTAL]);
    await subs.remove(PORTAL);
    const left = platform.journal
      .subscriptions(APP.appId)
      .map((s) => ('portalId' in s.request ? s.request.portalId : null));
    expect(new Set(left)).toEqual(new Set([null, OTHER_PORTAL]));
    expect(lines.at(-1)).toMatchObject({ portalId: PORTAL, msg: expect.stringContaining('deleted') });

    const broken = appJournalSubscriptions({ env: env(), logger: logger(), api: failing(api(), () => true) });
    await expect(broken.remove(OTHER_PORTAL)).resolves.toBeUndefined();
    expect(warnings().at(-1)).toMatchObject({ portalId: OTHER_PORTAL });
    expect(warnings().at(-1)?.msg).toContain(`DELETE /webhooks-journal/subscriptions/2026-03/portals/${OTHER_PORTAL}`);
  });
});
