import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubSpotWebhookEvent } from '../../src/adapters/hubspot/bundle.ts';
import { createHubSpotApi, type HubSpotApi } from '../../src/adapters/hubspot/client/hubspot-api.ts';
import { HubSpotApiError } from '../../src/adapters/hubspot/client/hubspot-error.ts';
import { createRateLimiter } from '../../src/adapters/hubspot/client/rate-limiter.ts';
import { createTtlCache } from '../../src/adapters/hubspot/client/ttl-cache.ts';
import { companiesForEvents } from '../../src/adapters/hubspot/live/companies-for-events.ts';
import { listCompanyIds, searchCompanyIds } from '../../src/adapters/hubspot/live/list-companies.ts';
import { loadBundles } from '../../src/adapters/hubspot/live/load-bundles.ts';
import { writeAssessments } from '../../src/adapters/hubspot/live/write-assessments.ts';
import { findTasksByRef } from '../../src/adapters/hubspot/live/write-task-search.ts';
import { openTaskIds } from '../../src/adapters/hubspot/live/write-task-status.ts';
import { provisionPortal } from '../../src/adapters/hubspot/provision/provision-portal.ts';
import { toSnapshot } from '../../src/adapters/hubspot/to-snapshot.ts';
import { assess } from '../../src/core/assess.ts';
import { DEFAULT_MAPPINGS } from '../../src/core/mappings.ts';
import { resolveConfig } from '../../src/core/tenant-config.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import { createSandbox } from '../../src/sandbox/create-sandbox.ts';
import { createSandboxState, type SandboxState } from '../../src/sandbox/state/sandbox-state.ts';
import { currentValue, historyOf } from '../../src/sandbox/state/stored-object.ts';
import { SIGNALS } from '../../src/signals/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { checkExchange, type Exchange } from '../helpers/hubspot-contract.ts';
import { staticAuth, TOKEN } from './crm/start-sandbox.ts';
import { APP_ID, PORTAL, smallSeed, T0 } from './state/seed.ts';

/**
 * The sandbox's contract: on a real port, the app's own HubSpot calls (src/adapters/hubspot/live/*, provision/*,
 * through createHubSpotApi and @hubspot/api-client) and direct fetches; every exchange, request and response, as
 * recorded on the wire by the sandbox, must validate against HubSpot's 2026-09 specs (checkExchange).
 */

const exchanges: Exchange[] = [];

/** Records each exchange: the request body as parsed, the response body exactly as sent. */
const recorder: RequestHandler = (req, res, next) => {
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
      ...(sent === undefined ? {} : { responseBody: typeof sent === 'string' ? sent : String(sent) }),
    });
  });
  next();
};

let state: SandboxState;
let base: string;
let close: () => Promise<void>;
let api: HubSpotApi;
let store: Store;
const now = () => T0;
const logger = createLogger({ level: 'silent' });

beforeAll(async () => {
  state = createSandboxState({ now });
  state.loadPortal(smallSeed());
  const app = createSandbox({
    state,
    auth: staticAuth({ [TOKEN]: { portalId: PORTAL, appId: APP_ID } }),
    middleware: [recorder],
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  api = createHubSpotApi({
    baseUrl: base,
    accessToken: async () => TOKEN,
    limiter: createRateLimiter(),
    logger,
    retry: { attempts: 1 },
  });
  store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 7), now });
});

afterAll(async () => {
  await close();
  await store.close();
});

/** Every exchange recorded since the last call must be HubSpot's; returns them. */
function takeChecked(): Exchange[] {
  const taken = exchanges.splice(0, exchanges.length);
  expect(taken.length).toBeGreaterThan(0);
  for (const exchange of taken)
    expect(() => checkExchange(exchange), `${exchange.method} ${exchange.url}`).not.toThrow();
  return taken;
}

async function direct(method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(base + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
}

describe('the app against the sandbox, every exchange checked against the specs', () => {
  it('provisions the portal (group, properties, list), and a second run creates nothing', async () => {
    const first = await provisionPortal(api, PORTAL, logger);
    expect(first.groupCreated).toBe(true);
    expect(first.propertiesCreated).toContain('churn_risk_level');
    expect(first.conflicts).toEqual([]);
    expect(first.failed).toEqual([]);
    expect(first.list).toMatchObject({ created: true });
    const second = await provisionPortal(api, PORTAL, logger);
    expect(second).toMatchObject({ groupCreated: false, propertiesCreated: [], list: { created: false } });
    const methods = takeChecked().map((e) => `${e.method} ${e.status}`);
    expect(methods).toContain('GET 404'); // the list looked up by name before it existed
  });

  it('lists and searches company ids, paging by key', async () => {
    const page = await listCompanyIds(api, PORTAL, { limit: 1 });
    expect(page).toEqual({ ids: ['101'], next: '102' });
    const rest = await listCompanyIds(api, PORTAL, { after: page.next ?? undefined });
    expect(rest).toEqual({ ids: ['102'], next: null });
    const found = await searchCompanyIds(api, PORTAL, [
      { filters: [{ propertyName: 'annualrevenue', operator: 'GT', value: '500000' }] },
    ]);
    expect(found).toEqual({ ids: ['101'], next: null });
    takeChecked();
  });

  it('loads account bundles (companies, every associated type, owners) and maps events to companies', async () => {
    const bundles = await loadBundles(
      api,
      PORTAL,
      [
        { companyId: '101', events: [] },
        { companyId: '999', events: [] },
      ],
      { mappings: DEFAULT_MAPPINGS, cache: createTtlCache() },
    );
    const acme = bundles.get('101');
    expect([...bundles.keys()]).toEqual(['101']);
    expect(acme?.contacts.map((c) => c.id)).toEqual(['201', '202']);
    expect(acme?.contacts[0]?.propertiesWithHistory?.jobtitle?.map((e) => e.value)).toEqual([
      'VP Engineering',
      'Director',
    ]);
    expect(acme?.owners.map((o) => o.id)).toEqual(['77']);
    const event: HubSpotWebhookEvent = {
      eventId: 1,
      subscriptionId: 2,
      portalId: PORTAL,
      appId: APP_ID,
      occurredAt: T0,
      subscriptionType: 'contact.propertyChange',
      attemptNumber: 0,
      objectId: 203,
      propertyName: 'jobtitle',
      propertyValue: 'CFO',
    };
    const companies = await companiesForEvents(api, PORTAL, [event]);
    expect([...companies.keys()]).toEqual(['102']);
    takeChecked();
  });

  it('writes assessments from the real engine: risk properties marked as the app, tasks created once', async () => {
    const bundles = await loadBundles(
      api,
      PORTAL,
      ['101', '102'].map((companyId) => ({ companyId, events: [] })),
      { mappings: DEFAULT_MAPPINGS, cache: createTtlCache() },
    );
    const config = resolveConfig({}, SIGNALS);
    const items = [...bundles.values()].map((bundle) => ({
      companyId: bundle.company.id,
      assessment: assess(toSnapshot(bundle, DEFAULT_MAPPINGS), config, T0),
    }));
    const deps = { api, store, logger, now };
    const first = await writeAssessments(deps, PORTAL, items);
    expect(first.failures).toEqual([]);
    expect(first.propertiesUpdated).toBe(2);
    const globex = state.portal(PORTAL)?.get('companies', '102');
    expect(globex && currentValue(globex, 'churn_risk_level')).toBe(items[1]?.assessment.level);
    expect(globex && historyOf(globex, 'churn_risk_score')[0]).toMatchObject({
      sourceType: 'INTEGRATION',
      sourceId: String(APP_ID),
    });
    const planned = items.reduce((sum, item) => sum + item.assessment.tasks.length, 0);
    expect(first.tasksCreated).toBe(planned);

    const again = await writeAssessments(deps, PORTAL, items);
    expect(again).toMatchObject({ propertiesUpdated: 0, tasksCreated: 0, tasksSkipped: planned });
    const open = await findTasksByRef(deps, PORTAL, ['101', '102']);
    expect([...open.values()].flat()).toHaveLength(planned);
    const status = await openTaskIds(deps, PORTAL, [...open.values()].flat());
    expect(status.size).toBe(planned);
    takeChecked();
  });

  it('answers what the app cannot use as HubSpot errors the client classifies', async () => {
    const missing = await api
      .request(PORTAL, { method: 'GET', path: '/crm/objects/2026-09/companies/999' })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(HubSpotApiError);
    expect(missing).toMatchObject({ kind: 'not_found', category: 'OBJECT_NOT_FOUND' });
    const invalid = await api
      .request(PORTAL, {
        method: 'POST',
        path: '/crm/objects/2026-09/companies/batch/update',
        body: { inputs: [{ id: '101', properties: { churn_risk_level: 'apocalyptic' } }] },
      })
      .catch((error: unknown) => error);
    expect(invalid).toMatchObject({ kind: 'invalid_request', status: 400, category: 'VALIDATION_ERROR' });
    takeChecked();
  });
});

describe('direct calls, every exchange checked against the specs', () => {
  it('objects: read, list with associations, create, patch, delete, batch read with errors and history', async () => {
    expect(
      (await direct('GET', '/crm/objects/2026-09/contacts/201?properties=email&associations=companies')).status,
    ).toBe(200);
    expect(
      (await direct('GET', '/crm/objects/2026-09/companies?limit=1&properties=name&associations=contacts')).status,
    ).toBe(200);
    const created = await direct('POST', '/crm/objects/2026-09/notes', {
      properties: { hs_note_body: 'Met the team', hs_timestamp: String(T0) },
      associations: [
        { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 190 }] },
      ],
    });
    expect(created.status).toBe(201);
    expect(
      (await direct('PATCH', `/crm/objects/2026-09/notes/${created.body.id}`, { properties: { hs_note_body: 'x' } }))
        .status,
    ).toBe(200);
    expect((await direct('DELETE', `/crm/objects/2026-09/notes/${created.body.id}`)).status).toBe(204);
    const read = await direct('POST', '/crm/objects/2026-09/contacts/batch/read?archived=false', {
      inputs: [{ id: '201' }, { id: '404' }],
      properties: ['email'],
      propertiesWithHistory: ['jobtitle', 'hs_object_id'],
    });
    expect(read.body.numErrors).toBe(1);
    takeChecked();
  });

  it('associations: batch read with paging per input, batch create, and their errors', async () => {
    const portal = state.portal(PORTAL);
    for (let i = 0; i < 501; i++)
      portal?.create('contacts', { firstname: `c${i}` }, [{ to: { type: 'companies', id: '102' } }]);
    const first = await direct('POST', '/crm/associations/2026-09/companies/contacts/batch/read', {
      inputs: [{ id: '102' }, { id: '101' }, { id: '999' }],
    });
    const paged = first.body.results.find((r: { from: { id: string } }) => r.from.id === '102');
    expect(paged.to).toHaveLength(500);
    const next = await direct('POST', '/crm/associations/2026-09/companies/contacts/batch/read', {
      inputs: [{ id: '102', after: paged.paging.next.after }],
    });
    expect(next.body.results[0].to).toHaveLength(2);
    expect(next.body.results[0].paging).toBeUndefined();
    const created = await direct('POST', '/crm/associations/2026-09/contacts/companies/batch/create', {
      inputs: [
        {
          from: { id: '201' },
          to: { id: '102' },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }],
        },
      ],
    });
    expect(created.body.results[0]).toMatchObject({ fromObjectTypeId: '0-1', toObjectTypeId: '0-2', labels: [] });
    const wrong = await direct('POST', '/crm/associations/2026-09/contacts/companies/batch/create', {
      inputs: [
        {
          from: { id: '201' },
          to: { id: '102' },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }],
        },
      ],
    });
    expect(wrong.status).toBe(400);
    takeChecked();
  });

  it('owners (archived only when asked, paged), properties, groups and lists', async () => {
    const active = await direct('GET', '/crm/owners/2026-09?limit=1');
    expect(active.body.results.map((o: { id: string }) => o.id)).toEqual(['77']);
    const archived = await direct('GET', '/crm/owners/2026-09?archived=true');
    expect(archived.body.results.map((o: { id: string }) => o.id)).toEqual(['78']);
    expect((await direct('GET', '/crm/owners/2026-09/77')).status).toBe(200);
    expect((await direct('GET', '/crm/properties/2026-09/tasks')).status).toBe(200);
    expect((await direct('GET', '/crm/properties/2026-09/companies/churn_risk_level')).status).toBe(200);
    expect((await direct('GET', '/crm/properties/2026-09/companies/no_such')).status).toBe(404);
    expect((await direct('GET', '/crm/properties/2026-09/companies/groups/churn_signals')).status).toBe(200);
    const taken = await direct('POST', '/crm/properties/2026-09/companies/groups', {
      name: 'churn_signals',
      label: 'x',
    });
    expect(taken.status).toBe(409);
    const property = await direct('POST', '/crm/properties/2026-09/contacts', {
      name: 'favourite_colour',
      label: 'Favourite colour',
      type: 'string',
      fieldType: 'text',
      groupName: 'contactinformation',
    });
    expect(property.status).toBe(201);
    const lists = await direct('GET', '/crm/lists/2026-09?includeFilters=true');
    expect(lists.body.lists).toHaveLength(1);
    expect((await direct('GET', `/crm/lists/2026-09/${lists.body.lists[0].listId}`)).status).toBe(200);
    const search = await direct('POST', '/crm/lists/2026-09/search', {
      additionalProperties: [],
      listIds: [],
      offset: 0,
      processingTypes: ['DYNAMIC'],
      query: 'churn',
    });
    expect(search.body).toMatchObject({ total: 1, hasMore: false });
    const duplicate = await direct('POST', '/crm/lists/2026-09', {
      name: 'Churn risk: high or critical',
      objectTypeId: '0-2',
      processingType: 'MANUAL',
    });
    expect(duplicate.status).toBe(409);
    takeChecked();
  });

  it('errors: 401 without a valid token, 400 for invalid input, 404 for a record that does not exist', async () => {
    expect((await direct('GET', '/crm/owners/2026-09', undefined, 'expired')).status).toBe(401);
    expect(
      (
        await direct('POST', '/crm/objects/2026-09/companies/search', {
          filterGroups: [],
          properties: [],
          sorts: [],
          limit: 500,
          after: '0',
        })
      ).status,
    ).toBe(400);
    expect((await direct('GET', '/crm/objects/2026-09/deals/123456')).status).toBe(404);
    takeChecked();
  });
});
