import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWebhooksJournal,
  type WebhooksJournal,
} from '../../../../src/sandbox/platform/journal/create-webhooks-journal.ts';
import { LIFECYCLE_EVENT_TYPES } from '../../../../src/sandbox/platform/journal/subscription-request.ts';
import { SUBSCRIPTION_SCOPES } from '../../../../src/sandbox/platform/journal/subscription-routes.ts';
import {
  createTokenRegistry,
  type TokenRegistry,
} from '../../../../src/sandbox/platform/oauth/create-token-registry.ts';
import type { SandboxChange } from '../../../../src/sandbox/platform/sandbox-change.ts';
import { call, field, type Served, serve } from '../serve.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const APP = { appId: 5123456, clientId: 'cid', clientSecret: 'secret', redirectUris: ['https://x.example/cb'] };
const OTHER_APP = {
  appId: 7000001,
  clientId: 'cid-2',
  clientSecret: 'secret-2',
  redirectUris: ['https://y.example/cb'],
};
const PORTAL = 24051987;
const OTHER_PORTAL = 555;
const SUBS = '/webhooks-journal/subscriptions/2026-03';
const BOTH = `${SUBSCRIPTION_SCOPES.read} ${SUBSCRIPTION_SCOPES.write}`;

const companyObjects = (over: Record<string, unknown> = {}) => ({
  subscriptionType: 'OBJECT',
  portalId: PORTAL,
  objectTypeId: '0-2',
  actions: ['CREATE', 'UPDATE'],
  objectIds: [],
  properties: ['numberofemployees'],
  ...over,
});
const uninstalls = {
  subscriptionType: 'APP_LIFECYCLE_EVENT',
  eventTypeId: LIFECYCLE_EVENT_TYPES.APP_UNINSTALL,
  properties: [],
};

let clock: number;
let registry: TokenRegistry;
let journal: WebhooksJournal;
let served: Served;
let token: string;

beforeEach(async () => {
  clock = T0;
  const now = () => clock;
  registry = createTokenRegistry({ now, apps: [APP, OTHER_APP] });
  journal = createWebhooksJournal({
    now,
    appFor: (t) => registry.appFor(t),
    installedApps: (portalId) => registry.installedApps(portalId),
  });
  registry.onLifecycle(journal.recordLifecycle);
  served = await serve(registry.router, journal.router);
  token = await clientCredentials(BOTH);
  registry.install(PORTAL, APP.appId);
});
afterEach(() => served.close());

/** The app's client-credentials token with these scopes (space-separated), as the app asks for it. */
async function clientCredentials(scope: string, app = APP): Promise<string> {
  const form = { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope };
  return field((await call(served.base, 'POST', '/oauth/v1/token', { form })).body, 'access_token');
}

const post = (json: unknown, options: { token?: string; contract?: boolean } = {}) =>
  call(served.base, 'POST', SUBS, { token, json, ...options });

describe('journal subscriptions: the operations', () => {
  it('creates, lists, reads and deletes subscriptions, answering the spec’s shapes', async () => {
    const object = await post(companyObjects());
    expect(object).toMatchObject({
      status: 200,
      body: {
        id: expect.any(Number),
        appId: APP.appId,
        subscriptionType: 'OBJECT',
        portalId: PORTAL,
        objectTypeId: '0-2',
        actions: ['CREATE', 'UPDATE'],
        objectIds: [],
        properties: ['numberofemployees'],
        createdAt: '2026-11-20T10:00:00.000Z',
        updatedAt: '2026-11-20T10:00:00.000Z',
      },
    });
    const association = await post({
      subscriptionType: 'ASSOCIATION',
      portalId: PORTAL,
      objectTypeId: '0-1',
      actions: ['ASSOCIATION_ADDED', 'ASSOCIATION_REMOVED'],
      objectIds: [],
      associatedObjectTypeIds: ['0-2'],
    });
    expect(association.body).toMatchObject({ subscriptionType: 'ASSOCIATION', associatedObjectTypeIds: ['0-2'] });
    const lifecycle = await post(uninstalls);
    expect(lifecycle.body).toMatchObject({
      subscriptionType: 'APP_LIFECYCLE_EVENT',
      eventTypeId: LIFECYCLE_EVENT_TYPES.APP_UNINSTALL,
      objectTypeId: LIFECYCLE_EVENT_TYPES.APP_UNINSTALL,
      actions: ['APP_UNINSTALL'],
    });
    expect(lifecycle.body).not.toHaveProperty('portalId');
    const ids = [object, association, lifecycle].map((answer) => (answer.body as { id: number }).id);
    expect(new Set(ids).size).toBe(3);

    const listed = await call(served.base, 'GET', SUBS, { token });
    expect((listed.body as { results: { id: number }[] }).results.map((s) => s.id)).toEqual(ids);
    expect((await call(served.base, 'GET', `${SUBS}/${ids[0]}`, { token })).body).toEqual(object.body);

    expect((await call(served.base, 'DELETE', `${SUBS}/${ids[0]}`, { token })).status).toBe(204);
    const gone = await call(served.base, 'GET', `${SUBS}/${ids[0]}`, { token });
    expect(gone).toMatchObject({ status: 404, body: { status: 'error', category: 'OBJECT_NOT_FOUND' } });
    expect((await call(served.base, 'DELETE', `${SUBS}/${ids[0]}`, { token })).status).toBe(404);

    // A portal's subscriptions go at once; the app's lifecycle subscription is the app's, not the portal's.
    expect((await call(served.base, 'DELETE', `${SUBS}/portals/${PORTAL}`, { token })).status).toBe(204);
    expect(journal.subscriptions(APP.appId).map((s) => s.id)).toEqual([ids[2]]);
    expect((await call(served.base, 'DELETE', `${SUBS}/portals/${PORTAL}`, { token })).status).toBe(204);
  });

  it('updates the subscription of the same portal and object type rather than adding one', async () => {
    const first = await post(companyObjects());
    clock += 60_000;
    const second = await post(companyObjects({ properties: ['numberofemployees', 'domain'] }));
    expect(second.body).toMatchObject({
      id: (first.body as { id: number }).id,
      properties: ['numberofemployees', 'domain'],
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:01:00.000Z',
    });
    expect(journal.subscriptions(APP.appId)).toHaveLength(1);
  });

  it('answers 400 with HubSpot’s error body for an invalid subscription, naming each field', async () => {
    const invalid = [
      [{ ...companyObjects(), portalId: undefined }, 'portalId'],
      [companyObjects({ actions: ['APP_INSTALL'] }), 'actions.0'],
      [companyObjects({ actions: [] }), 'actions'],
      [companyObjects({ objectTypeId: 'companies' }), 'objectTypeId'],
      [{ ...uninstalls, eventTypeId: '4-1' }, 'eventTypeId'],
      [{ subscriptionType: 'EVERYTHING' }, 'subscriptionType'],
    ] as const;
    for (const [json, at] of invalid) {
      const answer = await post(json, { contract: false });
      expect(answer, at).toMatchObject({
        status: 400,
        body: { status: 'error', category: 'VALIDATION_ERROR', errors: [{ in: at }] },
      });
      expect(field(answer.body, 'correlationId')).toMatch(/^[0-9a-f-]{36}$/);
    }
    // Valid by the spec, refused by what it asks: a portal the app is not installed in, a type the sandbox lacks.
    const notInstalled = await post(companyObjects({ portalId: OTHER_PORTAL }));
    expect(notInstalled).toMatchObject({ status: 400, body: { errors: [{ in: 'portalId' }] } });
    expect(field(notInstalled.body, 'message')).toContain(`not installed in portal ${OTHER_PORTAL}`);
    const list = {
      subscriptionType: 'LIST_MEMBERSHIP',
      portalId: PORTAL,
      actions: ['ADDED_TO_LIST'],
      listIds: [1],
      objectIds: [],
    };
    expect((await post(list)).status).toBe(400);
    expect(journal.subscriptions(APP.appId)).toEqual([]);
    expect((await call(served.base, 'GET', `${SUBS}/abc`, { token, contract: false })).status).toBe(400);
  });

  it('answers 401 without the app’s client-credentials token, and 403 MISSING_SCOPES without the scope', async () => {
    const portalToken = registry.install(PORTAL, APP.appId).accessToken;
    for (const t of [undefined, portalToken]) {
      const answer = await call(served.base, 'GET', SUBS, t ? { token: t } : {});
      expect(answer).toMatchObject({ status: 401, body: { category: 'INVALID_AUTHENTICATION' } });
    }
    const readOnly = await clientCredentials(SUBSCRIPTION_SCOPES.read);
    const refused = await post(companyObjects(), { token: readOnly });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        category: 'MISSING_SCOPES',
        errors: [{ context: { requiredGranularScopes: [SUBSCRIPTION_SCOPES.write] } }],
      },
    });
    expect((await call(served.base, 'GET', SUBS, { token: readOnly })).status).toBe(200);
    const journalOnly = await clientCredentials('developer.webhooks_journal.read');
    expect((await call(served.base, 'GET', SUBS, { token: journalOnly })).status).toBe(403);
    expect((await call(served.base, 'DELETE', `${SUBS}/portals/${PORTAL}`, { token: readOnly })).status).toBe(403);
    expect(journal.subscriptions(APP.appId)).toEqual([]);
  });

  it('keeps each app’s subscriptions its own', async () => {
    const ours = (await post(companyObjects())).body as { id: number };
    const theirs = await clientCredentials(BOTH, OTHER_APP);
    expect((await call(served.base, 'GET', SUBS, { token: theirs })).body).toEqual({ results: [] });
    expect((await call(served.base, 'GET', `${SUBS}/${ours.id}`, { token: theirs })).status).toBe(404);
    expect((await call(served.base, 'DELETE', `${SUBS}/${ours.id}`, { token: theirs })).status).toBe(404);
    expect(journal.subscriptions(APP.appId)).toHaveLength(1);
  });
});

describe('what the journal records', () => {
  const change = (over: Partial<SandboxChange>): SandboxChange => ({
    objectType: 'companies',
    objectId: '9120000001',
    kind: 'propertyChange',
    propertyName: 'numberofemployees',
    propertyValue: '40',
    changeSource: 'CRM_UI',
    occurredAt: T0,
    ...over,
  });
  const actions = () => journal.entries(APP.appId).map((e) => e.events.map((event) => event.action).join());

  it('records nothing for an app without subscriptions, installs included', async () => {
    registry.install(OTHER_PORTAL, APP.appId);
    journal.record(PORTAL, change({}));
    registry.uninstall(PORTAL, APP.appId);
    expect(journal.entries(APP.appId)).toEqual([]);
    expect((await call(served.base, 'GET', '/webhooks-journal/journal/2026-03/earliest', { token })).status).toBe(204);
  });

  it('records a change only when a subscription of its portal covers its type, action, property and objects', () => {
    registry.install(OTHER_PORTAL, APP.appId);
    journal.subscribe(APP.appId, companyObjects());
    journal.subscribe(APP.appId, {
      subscriptionType: 'ASSOCIATION',
      portalId: PORTAL,
      objectTypeId: '0-1',
      actions: ['ASSOCIATION_ADDED'],
      objectIds: [],
      associatedObjectTypeIds: ['0-2'],
    });
    journal.subscribe(APP.appId, {
      subscriptionType: 'OBJECT',
      portalId: PORTAL,
      objectTypeId: '0-3',
      actions: ['CREATE'],
      objectIds: [5],
      properties: [],
    });
    journal.subscribe(APP.appId, uninstalls);

    const association = {
      kind: 'associationChange',
      objectType: 'contacts',
      objectId: '51',
      fromObjectId: '51',
    } as const;
    const recorded: [SandboxChange, boolean][] = [
      [change({}), true],
      [change({ propertyName: 'name' }), false], // not a subscribed property
      [change({ kind: 'deletion' }), false], // not a subscribed action
      [change({ kind: 'creation', objectId: '9120000002' }), true],
      [change({ objectType: 'contacts', propertyName: 'jobtitle' }), false], // no contact OBJECT subscription
      [change({ ...association, toObjectType: 'companies', toObjectId: '9120000001' }), true],
      [change({ ...association, toObjectType: 'companies', associationRemoved: true }), false],
      [change({ ...association, toObjectType: 'deals', toObjectId: '5' }), false], // not a subscribed other end
      [change({ objectType: 'deals', objectId: '5', kind: 'creation' }), true],
      [change({ objectType: 'deals', objectId: '6', kind: 'creation' }), false], // not a subscribed object
    ];
    for (const [c] of recorded) journal.record(PORTAL, c);
    journal.record(OTHER_PORTAL, change({})); // installed there, but no subscription of that portal
    registry.install(OTHER_PORTAL, OTHER_APP.appId);
    registry.uninstall(OTHER_PORTAL, APP.appId);

    expect(journal.entries(APP.appId, OTHER_PORTAL).map((e) => e.events[0]?.action)).toEqual(['APP_UNINSTALL']);
    expect(journal.entries(APP.appId, PORTAL)).toHaveLength(recorded.filter(([, kept]) => kept).length);
    expect(actions()).toEqual(['UPDATE', 'CREATE', 'ASSOCIATION_ADDED', 'CREATE', 'APP_UNINSTALL']);
    // Another app's subscriptions are its own: it sees nothing of what ours asked for.
    expect(journal.entries(OTHER_APP.appId)).toEqual([]);
  });
});
