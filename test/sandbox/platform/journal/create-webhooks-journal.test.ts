import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWebhooksJournal,
  type WebhooksJournal,
} from '../../../../src/sandbox/platform/journal/create-webhooks-journal.ts';
import { LIFECYCLE_EVENT_TYPES } from '../../../../src/sandbox/platform/journal/subscription-request.ts';
import {
  createTokenRegistry,
  type TokenRegistry,
} from '../../../../src/sandbox/platform/oauth/create-token-registry.ts';
import type { SandboxChange } from '../../../../src/sandbox/platform/sandbox-change.ts';
import { call, field, type Served, serve } from '../serve.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const APP = { appId: 5123456, clientId: 'cid', clientSecret: 'secret', redirectUris: ['https://x.example/cb'] };
const PORTAL = 24051987;
const OTHER_PORTAL = 555;
const J = '/webhooks-journal/journal/2026-03';
const LOCAL = '/webhooks-journal/journal-local/2026-03';
const DAY = 24 * 60 * 60_000;
const { APP_INSTALL, APP_UNINSTALL } = LIFECYCLE_EVENT_TYPES;

const change = (objectId: string, over: Partial<SandboxChange> = {}): SandboxChange => ({
  objectType: 'companies',
  objectId,
  kind: 'propertyChange',
  propertyName: 'numberofemployees',
  propertyValue: '40',
  changeSource: 'CRM_UI',
  occurredAt: T0,
  ...over,
});

let clock: number;
let registry: TokenRegistry;
let journal: WebhooksJournal;
let served: Served;
let token: string;

beforeEach(async () => {
  clock = T0;
  const now = () => clock;
  registry = createTokenRegistry({ now, apps: [APP] });
  journal = createWebhooksJournal({
    now,
    appFor: (t) => registry.appFor(t),
    installedApps: (portalId) => registry.installedApps(portalId),
  });
  registry.onLifecycle(journal.recordLifecycle);
  for (const eventTypeId of [APP_INSTALL, APP_UNINSTALL]) {
    journal.subscribe(APP.appId, { subscriptionType: 'APP_LIFECYCLE_EVENT', eventTypeId, properties: [] });
  }
  served = await serve(registry.router, journal.router);
  token = await clientCredentials();
});

/** Installs the app in the portal and subscribes it to the changes these tests make there. */
function install(portalId: number) {
  const tokens = registry.install(portalId, APP.appId);
  const object = { subscriptionType: 'OBJECT', portalId, objectIds: [], properties: [] };
  journal.subscribe(APP.appId, { ...object, objectTypeId: '0-2', actions: ['UPDATE'] });
  journal.subscribe(APP.appId, { ...object, objectTypeId: '0-1', actions: ['DELETE'] });
  return tokens;
}

/** A client-credentials token, the journal's credential; like every access token it lives 30 minutes. */
async function clientCredentials(): Promise<string> {
  const grant = await call(served.base, 'POST', '/oauth/v1/token', {
    form: { grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret },
  });
  return field(grant.body, 'access_token');
}
afterEach(() => served.close());

const get = (path: string) => call(served.base, 'GET', path, { token });

/** The journal file behind a fetch response (not an API operation: HubSpot's would be a storage link). */
async function file(body: unknown) {
  const res = await fetch(field(body, 'url'));
  expect(res.status).toBe(200);
  return (await res.json()) as { offset: string; journalEvents: Record<string, unknown>[] };
}

describe('the Webhooks Journal', () => {
  it('answers 204 while empty, then walks earliest → next → latest over lifecycle and CRM events', async () => {
    expect((await get(`${J}/earliest`)).status).toBe(204);

    install(PORTAL);
    journal.record(PORTAL, change('9120000001'));
    clock += 1_000;
    journal.record(PORTAL, change('51001', { objectType: 'contacts', kind: 'deletion', propertyName: undefined }));

    const earliest = await get(`${J}/earliest`);
    expect(earliest.status).toBe(200);
    expect((await file(earliest.body)).journalEvents).toEqual([
      { type: 'APP_LIFECYCLE_EVENT', action: 'APP_INSTALL', portalId: PORTAL, appId: APP.appId, occurredAt: T0 },
    ]);

    const second = await get(`${J}/offset/${field(earliest.body, 'currentOffset')}/next`);
    expect((await file(second.body)).journalEvents).toEqual([
      {
        type: 'OBJECT',
        action: 'UPDATE',
        portalId: PORTAL,
        occurredAt: T0,
        objectTypeId: '0-2',
        objectId: 9120000001,
        propertyChanges: [{ propertyName: 'numberofemployees', newValue: '40' }],
        changeSource: 'CRM_UI',
      },
    ]);

    const latest = await get(`${J}/latest`);
    expect((await file(latest.body)).journalEvents).toMatchObject([{ action: 'DELETE', objectTypeId: '0-1' }]);
    expect((await get(`${J}/offset/${field(latest.body, 'currentOffset')}/next`)).status).toBe(204);
  });

  it('reads batches from either end and after an offset, and batch-reads offsets with 207 for unknown ones', async () => {
    install(PORTAL);
    for (let i = 1; i <= 4; i++) journal.record(PORTAL, change(String(i)));
    const offsets = journal.entries(APP.appId).map((e) => e.offset);
    expect(offsets).toHaveLength(5);

    const earliest = await get(`${J}/batch/earliest/2`);
    expect(earliest.body).toMatchObject({ status: 'COMPLETE' });
    const currentOffsets = (body: unknown) =>
      (body as { results: { currentOffset: string }[] }).results.map((r) => r.currentOffset);
    expect(currentOffsets(earliest.body)).toEqual(offsets.slice(0, 2));
    expect(currentOffsets((await get(`${J}/batch/latest/2`)).body)).toEqual(offsets.slice(3));
    expect(currentOffsets((await get(`${J}/batch/${offsets[1]}/next/10`)).body)).toEqual(offsets.slice(2));

    const read = `${J}/batch/read`;
    const all = await call(served.base, 'POST', read, { token, json: { inputs: [offsets[4], offsets[0]] } });
    expect(all.status).toBe(200);
    expect(currentOffsets(all.body)).toEqual([offsets[4], offsets[0]]);
    const unknown = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
    const partial = await call(served.base, 'POST', read, { token, json: { inputs: [offsets[2], unknown] } });
    expect(partial).toMatchObject({
      status: 207,
      body: { numErrors: 1, errors: [{ context: { offset: [unknown] } }] },
    });
    expect(currentOffsets(partial.body)).toEqual([offsets[2]]);
  });

  it('scopes the local journal to installPortalId', async () => {
    install(PORTAL);
    install(OTHER_PORTAL);
    journal.record(OTHER_PORTAL, change('1'));
    journal.record(PORTAL, change('2'));
    const local = await get(`${LOCAL}/batch/earliest/10?installPortalId=${PORTAL}`);
    const results = (local.body as { results: { url: string }[] }).results;
    expect(results).toHaveLength(2);
    const events = await Promise.all(results.map((r) => file(r)));
    expect(events.map((f) => f.journalEvents[0]?.portalId)).toEqual([PORTAL, PORTAL]);
    expect((await get(`${J}/batch/earliest/10`)).body).toMatchObject({ results: { length: 4 } });
  });

  it('keeps entries 3 days: an expired offset is 404', async () => {
    install(PORTAL);
    const [first] = journal.entries(APP.appId);
    clock += DAY;
    journal.record(PORTAL, change('1'));
    clock = T0 + 3 * DAY;
    expect((await get(`${J}/earliest`)).status).toBe(401);
    token = await clientCredentials();
    const gone = await get(`${J}/offset/${first?.offset}/next`);
    expect(gone).toMatchObject({ status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND' } });
    expect((await file((await get(`${J}/earliest`)).body)).journalEvents).toMatchObject([{ action: 'UPDATE' }]);
  });

  it('records the uninstall, and no change of the portal after it', async () => {
    const tokens = install(PORTAL);
    const uninstall = await call(served.base, 'DELETE', '/appinstalls/2026-09/external-install', {
      token: tokens.accessToken,
    });
    expect(uninstall.status).toBe(204);
    journal.record(PORTAL, change('1'));
    expect(journal.entries(APP.appId).map((e) => e.events[0]?.action)).toEqual(['APP_INSTALL', 'APP_UNINSTALL']);
    expect((await file((await get(`${J}/latest`)).body)).journalEvents).toEqual([
      { type: 'APP_LIFECYCLE_EVENT', action: 'APP_UNINSTALL', portalId: PORTAL, appId: APP.appId, occurredAt: T0 },
    ]);
  });

  it('refuses callers without the app’s client-credentials token, and bad counts and portal ids', async () => {
    const portalToken = install(PORTAL).accessToken;
    for (const t of [undefined, portalToken]) {
      const res = await call(served.base, 'GET', `${J}/earliest`, t ? { token: t } : {});
      expect(res).toMatchObject({ status: 401, body: { category: 'INVALID_AUTHENTICATION' } });
    }
    expect((await call(served.base, 'GET', `${J}/batch/earliest/0`, { token, contract: false })).status).toBe(400);
    const badPortal = await call(served.base, 'GET', `${LOCAL}/earliest?installPortalId=abc`, {
      token,
      contract: false,
    });
    expect(badPortal).toMatchObject({ status: 400, body: { category: 'VALIDATION_ERROR' } });
  });
});
