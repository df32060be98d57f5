import { setTimeout as sleep } from 'node:timers/promises';
import nock from 'nock';
import type { HubSpotObject, HubSpotOwner } from '../../src/adapters/hubspot/bundle.ts';
import { signHubSpotRequest } from '../../src/sources/hubspot/sign-request.ts';
import { contractReply, type MockedRequest } from './hubspot-contract.ts';

export const FAKE_HUBSPOT_URL = 'https://api.hubspot.test';

/** One exchange the portal answered, in arrival order. */
export interface PortalCall {
  method: string;
  /** Without the query. */
  path: string;
  /** Path and query, as sent. */
  url: string;
  body: unknown;
  /** What the portal answered (a fault's status when one was injected). */
  status: number;
  /** Date.now() on arrival. */
  at: number;
  /** The Authorization header sent (Bearer <token>), when the request carried one. */
  authorization: string | null;
}

/** An injected answer: HubSpot's error body is built from `category` unless `body` is given. */
export interface Fault {
  status: number;
  category?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

interface PendingFault extends Fault {
  method: string;
  path: string | RegExp;
  left: number;
}

type Handler = (call: PortalCall, query: URLSearchParams) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  /** Or a function of the path, when the status depends on what the portal holds. */
  status: number | ((path: string) => number);
  handler: Handler;
}
type SearchFilter = { propertyName: string; operator: string; value?: string; values?: string[] };

const CORRELATION_ID = 'a43683b0-5717-4ceb-80b4-104d02915d8c';
/** HubSpot-defined association type ids of a created record's `to` end: task → company, contact, deal. */
const TO_TYPES: Record<number, string> = { 192: 'companies', 204: 'contacts', 216: 'deals' };
const iso = (at: number) => new Date(at).toISOString();

/**
 * A HubSpot portal in memory, served on nock, every exchange checked against HubSpot's specs (contractReply): batch
 * read / update / create / archive and search of any object type, association batch reads, owners, the company
 * listing, the property group, properties and list provisioning reads and writes, and the OAuth token endpoint.
 * Records are kept as HubSpot holds them (string values, newest-first history), so what the app wrote can be asserted
 * afterwards. `fail` injects faults (429 with Retry-After, 5xx, 403) for the next calls to a path; `calls` logs all.
 */
export class FakeHubSpotPortal {
  readonly records = new Map<string, Map<string, HubSpotObject>>();
  /** fromType → toType → fromId → toIds. */
  readonly links = new Map<string, Map<string, Map<string, string[]>>>();
  owners: HubSpotOwner[] = [];
  readonly groups = new Map<string, { name: string; label: string; displayOrder: number; archived: boolean }>([
    [
      'companyinformation',
      { name: 'companyinformation', label: 'Company information', displayOrder: -1, archived: false },
    ],
  ]);
  /** Company property definitions, as HubSpot answers them. */
  readonly properties = new Map<string, Record<string, unknown>>([
    [
      'name',
      {
        name: 'name',
        label: 'Company name',
        description: '',
        groupName: 'companyinformation',
        type: 'string',
        fieldType: 'text',
        options: [],
      },
    ],
  ]);
  readonly lists = new Map<string, { listId: string; name: string; objectTypeId: string; body: unknown }>();
  /** Page sizes: associations per object of an association read, owners per page of the listing. */
  associationPageSize = 500;
  ownersPageSize = 500;
  readonly calls: PortalCall[] = [];
  /** Requests the fake has no route for: `METHOD path`. */
  readonly unhandled: string[] = [];
  private readonly faults: PendingFault[] = [];
  private nextId = 70_000_001;

  readonly baseUrl: string;
  /** The hub_id the token endpoint answers with. */
  readonly portalId: number;

  constructor(options: { baseUrl?: string; portalId?: number } = {}) {
    this.baseUrl = options.baseUrl ?? FAKE_HUBSPOT_URL;
    this.portalId = options.portalId ?? 24051987;
  }

  add(objectType: string, ...records: HubSpotObject[]): this {
    const store = this.records.get(objectType) ?? new Map<string, HubSpotObject>();
    for (const record of records) store.set(record.id, record);
    this.records.set(objectType, store);
    return this;
  }

  /** An owner (a user of the portal); `archived` = deactivated. */
  addOwner(id: string, firstName: string, archived = false): this {
    const at = '2021-04-01T09:00:00.000Z';
    const email = `${firstName.toLowerCase()}@vendor.example`;
    this.owners.push({
      id,
      type: 'PERSON',
      archived,
      firstName,
      lastName: 'Owner',
      email,
      createdAt: at,
      updatedAt: at,
    });
    return this;
  }

  get(objectType: string, id: string): HubSpotObject | undefined {
    return this.records.get(objectType)?.get(id);
  }

  /** Associates `fromId` with each of `toIds`, in both directions. */
  link(fromType: string, fromId: string, toType: string, toIds: readonly string[]): this {
    for (const toId of toIds) {
      this.push(fromType, fromId, toType, toId);
      this.push(toType, toId, fromType, fromId);
    }
    return this;
  }

  /** Removes the association both ways, as a user removing a contact from a company does. */
  unlink(fromType: string, fromId: string, toType: string, toId: string): this {
    const drop = (a: string, aId: string, b: string, bId: string) => {
      const list = this.links.get(a)?.get(b)?.get(aId);
      if (list?.includes(bId)) list.splice(list.indexOf(bId), 1);
    };
    drop(fromType, fromId, toType, toId);
    drop(toType, toId, fromType, fromId);
    return this;
  }

  /** The ids `fromId` is associated with. */
  linked(fromType: string, fromId: string, toType: string): string[] {
    return [...(this.links.get(fromType)?.get(toType)?.get(fromId) ?? [])];
  }

  /** Sets property values as HubSpot would (history newest first, the previous value kept): a user's edit or an app's write. */
  edit(objectType: string, id: string, values: Record<string, string | null>, at = Date.now(), sourceType = 'CRM_UI') {
    const record = this.get(objectType, id);
    if (!record) throw new Error(`fake portal: no ${objectType} ${id} to edit`);
    const history = record.propertiesWithHistory ?? {};
    record.propertiesWithHistory = history;
    for (const [name, value] of Object.entries(values)) {
      const before = record.properties[name];
      const past =
        history[name] ?? (before == null ? [] : [{ value: before, timestamp: record.updatedAt, sourceType: 'CRM_UI' }]);
      history[name] = [{ value: value ?? '', timestamp: iso(at), sourceType }, ...past];
      record.properties[name] = value;
    }
    record.updatedAt = iso(at);
  }

  /** The next `times` calls of `method path` (a path without query, or a pattern) answer `fault` instead. */
  fail(method: string, path: string | RegExp, fault: Fault, times = 1): this {
    this.faults.push({ ...fault, method, path, left: times });
    return this;
  }

  /** The calls whose method and path match, e.g. callsTo('POST', '/crm/objects/2026-09/companies/batch/update'). */
  callsTo(method: string, path: string | RegExp): PortalCall[] {
    return this.calls.filter((c) => c.method === method && matches(path, c.path));
  }

  /**
   * Serves the portal on nock until nock.cleanAll(): one persisting interceptor per method (GET and POST unless told),
   * dispatching on the path, so a test asserting that no mock was left unused passes whichever operations it used (name
   * only the methods it sends). A HubSpot operation the fake does not implement is answered 501 and listed in `unhandled`.
   */
  serve(options: { methods?: readonly ('GET' | 'POST')[] } = {}): this {
    for (const method of options.methods ?? ['GET', 'POST']) {
      nock(this.baseUrl).persist().intercept(/.*/, method).reply(this.dispatch());
    }
    return this;
  }

  private routes(): Route[] {
    const objects = '/crm/objects/2026-09/([a-z_]+)';
    const properties = '/crm/properties/2026-09/companies';
    const route = (method: string, path: string, status: Route['status'], handler: Handler): Route => ({
      method,
      pattern: new RegExp(`^${path}$`),
      status,
      handler,
    });
    return [
      route('POST', `${objects}/batch/read`, 200, (c) => this.batchRead(c)),
      route('POST', `${objects}/batch/update`, 200, (c) => this.batchUpdate(c)),
      route('POST', `${objects}/batch/create`, 201, (c) => this.batchCreate(c)),
      route('POST', `${objects}/batch/archive`, 204, (c) => this.batchArchive(c)),
      route('POST', `${objects}/search`, 200, (c) => this.search(c)),
      route('GET', objects, 200, (c, q) => this.page(c, q)),
      route('POST', '/crm/associations/2026-09/([a-z_]+)/([a-z_]+)/batch/read', 200, (c) => this.associations(c)),
      route('GET', '/crm/owners/2026-09', 200, (_, q) => this.ownersPage(q)),
      route('GET', `${properties}/groups`, 200, () => ({ results: [...this.groups.values()] })),
      route('POST', `${properties}/groups`, 201, (c) => this.createGroup(c)),
      route('GET', properties, 200, () => ({ results: [...this.properties.values()] })),
      route('POST', `${properties}/batch/create`, 200, (c) => this.createProperties(c)),
      route('POST', '/crm/lists/2026-09', 200, (c) => this.createList(c)),
      // Looked up by name before it is created (provision-list.ts): 404 while absent.
      route(
        'GET',
        '/crm/lists/2026-09/object-type-id/0-2/name/([^/]+)',
        (path) => (this.listNamed(path) ? 200 : 404),
        (c) => {
          const list = this.listNamed(c.path);
          return list ? { list: listOf(list) } : errorBody(404, 'OBJECT_NOT_FOUND');
        },
      ),
      route('POST', '/oauth/2026-09/token', 200, (c) => this.token(c)),
    ];
  }

  /** Logs the call, answers an injected fault if one is due, else the route's answer; every answer contract-checked. */
  private dispatch() {
    const fake = this;
    const routes = this.routes();
    return async function reply(this: unknown, ...args: unknown[]) {
      const peeked = peek(this, args);
      const url = new URL(peeked.url, fake.baseUrl);
      const fault = fake.takeFault(peeked.method, url.pathname);
      const route = routes.find((r) => r.method === peeked.method && r.pattern.test(url.pathname));
      let status: number;
      let body: (call: PortalCall) => unknown;
      if (fault) {
        status = fault.status;
        body = () => fault.body ?? errorBody(fault.status, fault.category);
      } else if (route) {
        status = typeof route.status === 'number' ? route.status : route.status(url.pathname);
        body = (call) => route.handler(call, url.searchParams);
      } else {
        fake.unhandled.push(`${peeked.method} ${url.pathname}`);
        status = 501;
        body = () => errorBody(501, 'NOT_IMPLEMENTED');
      }
      const answer = (req: MockedRequest) => body(fake.log(req, status, peeked.authorization));
      return contractReply(status, answer, fault?.headers).apply(this, args);
    };
  }

  private listNamed(path: string) {
    const name = decodeURIComponent(path.split('/').at(-1) ?? '');
    return [...this.lists.values()].find((l) => l.name === name);
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const i = this.faults.findIndex((f) => f.method === method && matches(f.path, path));
    const fault = this.faults[i];
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) this.faults.splice(i, 1);
    return fault;
  }

  private log(request: MockedRequest, status: number, authorization: string | null): PortalCall {
    const url = new URL(request.url, this.baseUrl);
    const call = {
      method: request.method,
      path: url.pathname,
      url: url.pathname + url.search,
      body: request.body,
      status,
      at: Date.now(),
      authorization,
    };
    this.calls.push(call);
    return call;
  }

  private push(fromType: string, fromId: string, toType: string, toId: string): void {
    const byType = this.links.get(fromType) ?? new Map<string, Map<string, string[]>>();
    this.links.set(fromType, byType);
    const byId = byType.get(toType) ?? new Map<string, string[]>();
    byType.set(toType, byId);
    const list = byId.get(fromId) ?? [];
    if (!list.includes(toId)) list.push(toId);
    byId.set(fromId, list);
  }

  private store(call: PortalCall): Map<string, HubSpotObject> {
    const objectType = call.path.split('/')[4] as string;
    const store = this.records.get(objectType) ?? new Map<string, HubSpotObject>();
    this.records.set(objectType, store);
    return store;
  }

  // ---- the operations ---------------------------------------------------------------------------------------------

  private batchRead(call: PortalCall) {
    const body = call.body as { inputs: { id: string }[]; properties: string[]; propertiesWithHistory: string[] };
    const store = this.store(call);
    const results: HubSpotObject[] = [];
    const missing: string[] = [];
    for (const { id } of body.inputs) {
      const record = store.get(id);
      if (record === undefined || record.archived) missing.push(id);
      else results.push(answer(record, body.properties, body.propertiesWithHistory));
    }
    return batch(results, missing);
  }

  private batchUpdate(call: PortalCall) {
    const { inputs } = call.body as { inputs: { id: string; properties: Record<string, string> }[] };
    const store = this.store(call);
    const objectType = call.path.split('/')[4] as string;
    const results: HubSpotObject[] = [];
    const missing: string[] = [];
    for (const input of inputs) {
      const record = store.get(input.id);
      if (record === undefined || record.archived) {
        missing.push(input.id);
        continue;
      }
      this.edit(objectType, input.id, input.properties, Date.now(), 'INTEGRATION');
      results.push(answer(record, Object.keys(input.properties), []));
    }
    return batch(results, missing);
  }

  private batchCreate(call: PortalCall) {
    const objectType = call.path.split('/')[4] as string;
    type Input = {
      properties: Record<string, string>;
      associations?: { to: { id: string }; types: { associationTypeId: number }[] }[];
      objectWriteTraceId?: string;
    };
    const { inputs } = call.body as { inputs: Input[] };
    const results = inputs.map((input) => {
      const id = String(this.nextId++);
      const now = iso(Date.now());
      const record: HubSpotObject = {
        id,
        properties: { hs_object_id: id, hs_createdate: now, ...input.properties },
        createdAt: now,
        updatedAt: now,
        archived: false,
      };
      this.add(objectType, record);
      for (const association of input.associations ?? []) {
        const typeId = association.types[0]?.associationTypeId;
        const toType = (typeId === undefined ? undefined : TO_TYPES[typeId]) ?? this.typeOf(association.to.id);
        if (toType) this.link(objectType, id, toType, [association.to.id]);
      }
      return {
        ...answer(record, Object.keys(input.properties), []),
        ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
      };
    });
    return batch(results, []);
  }

  private batchArchive(call: PortalCall) {
    const store = this.store(call);
    for (const { id } of (call.body as { inputs: { id: string }[] }).inputs) {
      const record = store.get(id);
      if (record) record.archived = true;
    }
    return undefined;
  }

  /** Search with the operators the app uses; `associations.<type>` filters on associated ids; sorted by id. */
  private search(call: PortalCall) {
    const objectType = call.path.split('/')[4] as string;
    const body = call.body as {
      filterGroups: { filters: SearchFilter[] }[];
      properties: string[];
      limit: number;
      after?: string;
    };
    const all = [...this.store(call).values()].filter((record) => !record.archived);
    const hits = all
      .filter(
        (record) =>
          body.filterGroups.length === 0 ||
          body.filterGroups.some((g) => g.filters.every((f) => this.test(objectType, record, f))),
      )
      .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    const start = Number(body.after ?? '0');
    const end = start + body.limit;
    return {
      total: hits.length,
      results: hits.slice(start, end).map((r) => answer(r, body.properties, [])),
      ...(end < hits.length ? { paging: { next: { after: String(end) } } } : {}),
    };
  }

  private test(objectType: string, record: HubSpotObject, filter: SearchFilter): boolean {
    const { propertyName, operator, value, values = [] } = filter;
    const actual = propertyName.startsWith('associations.')
      ? this.linked(objectType, record.id, pluralOf(propertyName.slice('associations.'.length)))
      : [record.properties[propertyName] ?? null].filter((v) => v !== null);
    const num = (v: string) => Number(v);
    switch (operator) {
      case 'EQ':
        return actual.includes(value ?? '');
      case 'NEQ':
        return !actual.includes(value ?? '');
      case 'IN':
        return actual.some((v) => values.includes(v));
      case 'NOT_IN':
        return !actual.some((v) => values.includes(v));
      case 'HAS_PROPERTY':
        return actual.length > 0;
      case 'NOT_HAS_PROPERTY':
        return actual.length === 0;
      case 'GT':
        return actual.some((v) => num(v) > num(value ?? ''));
      case 'GTE':
        return actual.some((v) => num(v) >= num(value ?? ''));
      case 'LT':
        return actual.some((v) => num(v) < num(value ?? ''));
      case 'LTE':
        return actual.some((v) => num(v) <= num(value ?? ''));
      default:
        throw new Error(`fake portal: search operator ${operator} is not implemented`);
    }
  }

  /** GET /crm/objects/2026-09/{type}: a page of records with the asked properties, by `after` offset. */
  private page(call: PortalCall, query: URLSearchParams) {
    const all = [...this.store(call).values()].filter((record) => !record.archived);
    const start = Number(query.get('after') ?? '0');
    const end = start + Number(query.get('limit') ?? '10');
    return {
      results: all.slice(start, end).map((r) => answer(r, query.getAll('properties'), [])),
      ...(end < all.length ? { paging: { next: { after: String(end), link: '' } } } : {}),
    };
  }

  private associations(call: PortalCall) {
    const [, , , , fromType, toType] = call.path.split('/') as string[];
    const body = call.body as { inputs: { id: string; after?: string }[] };
    const known = this.records.get(fromType as string);
    const results = [];
    const missing: string[] = [];
    for (const { id, after } of body.inputs) {
      if (!known?.has(id)) {
        missing.push(id);
        continue;
      }
      const all = this.linked(fromType as string, id, toType as string);
      const start = after === undefined ? 0 : Number(after);
      const end = start + this.associationPageSize;
      const to = all.slice(start, end).map((toObjectId) => ({
        toObjectId,
        associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1 }],
      }));
      results.push({ from: { id }, to, ...(end < all.length ? { paging: { next: { after: String(end) } } } : {}) });
    }
    return batch(results, missing);
  }

  private ownersPage(query: URLSearchParams) {
    const archived = query.get('archived') === 'true';
    const all = this.owners.filter((owner) => owner.archived === archived);
    const start = Number(query.get('after') ?? '0');
    const end = start + Math.min(this.ownersPageSize, Number(query.get('limit') ?? '100'));
    return {
      results: all.slice(start, end),
      ...(end < all.length ? { paging: { next: { after: String(end) } } } : {}),
    };
  }

  private createGroup(call: PortalCall) {
    const group = { ...(call.body as { name: string; label: string; displayOrder: number }), archived: false };
    this.groups.set(group.name, group);
    return group;
  }

  private createProperties(call: PortalCall) {
    const { inputs } = call.body as { inputs: Record<string, unknown>[] };
    const results = inputs.map((input) => ({ options: [], ...input }) as Record<string, unknown>);
    for (const property of results) this.properties.set(String(property.name), property);
    return { status: 'COMPLETE', results, startedAt: iso(Date.now()), completedAt: iso(Date.now()) };
  }

  private createList(call: PortalCall) {
    const body = call.body as { name: string; objectTypeId: string };
    const list = { listId: String(this.lists.size + 101), name: body.name, objectTypeId: body.objectTypeId, body };
    this.lists.set(list.listId, list);
    return { list: listOf(list) };
  }

  /** The token endpoint: every code and refresh token is good; the tokens name this portal. */
  private token(call: PortalCall) {
    const form = new URLSearchParams(String(call.body));
    const n = this.calls.filter((c) => c.path === call.path).length;
    return {
      token_type: 'bearer',
      access_token: `fake-access-${n}`,
      refresh_token: form.get('refresh_token') ?? `fake-refresh-${n}`,
      expires_in: 1800,
      hub_id: this.portalId,
      scopes: ['oauth', 'crm.objects.companies.read'],
    };
  }

  private typeOf(id: string): string | undefined {
    for (const [type, store] of this.records) if (store.has(id)) return type;
    return undefined;
  }
}

/** Where and how HubSpot delivers the app's webhooks: the server's address, the URL it signs, the client secret. */
export interface WebhookTarget {
  serverUrl: string;
  publicBaseUrl: string;
  secret: string;
}

/** POSTs the events to /webhooks/hubspot as HubSpot does: one request, signed (v3) over the public URL, now. */
export function deliverWebhooks(target: WebhookTarget, events: readonly unknown[]): Promise<Response> {
  const body = JSON.stringify(events);
  const url = `${target.publicBaseUrl}/webhooks/hubspot`;
  const signed = signHubSpotRequest({
    method: 'POST',
    url,
    rawBody: body,
    secret: target.secret,
    timestamp: Date.now(),
  });
  return fetch(`${target.serverUrl}/webhooks/hubspot`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signed },
    body,
  });
}

/** Polls every 20 ms until `probe` answers something truthy, for at most 10 s; throws naming `what` after that. */
export async function until<T>(what: string, probe: () => T | Promise<T>): Promise<NonNullable<T>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`waited 10 s for ${what}`);
    await sleep(20);
  }
}

/** HubSpot's answer for a record: the asked properties (null when unset) and histories, plus its defaults. */
export function answer(
  record: HubSpotObject,
  properties: readonly string[],
  withHistory: readonly string[],
): HubSpotObject {
  const p = record.properties;
  const out: HubSpotObject = {
    ...record,
    properties: Object.fromEntries(
      [...properties, 'hs_object_id', 'createdate', 'hs_lastmodifieddate']
        .filter((name, i, all) => all.indexOf(name) === i && (properties.includes(name) || p[name] !== undefined))
        .map((name) => [name, p[name] ?? null]),
    ),
  };
  delete out.propertiesWithHistory;
  if (withHistory.length > 0) {
    out.propertiesWithHistory = Object.fromEntries(
      withHistory.map((name) => {
        const history = record.propertiesWithHistory?.[name];
        const current = p[name];
        if (history) return [name, history];
        return [name, current == null ? [] : [{ value: current, timestamp: record.updatedAt, sourceType: 'CRM_UI' }]];
      }),
    );
  }
  return out;
}

/** A batch answer; ids not found are listed under `errors` as HubSpot does. */
function batch(results: unknown[], missing: readonly string[]) {
  const at = iso(Date.now());
  const errors =
    missing.length === 0
      ? {}
      : {
          numErrors: 1,
          errors: [
            {
              status: 'error',
              category: 'OBJECT_NOT_FOUND',
              message: 'Could not get some objects, they may be deleted or not exist. Check that ids are valid.',
              context: { ids: [...missing] },
              errors: [],
              links: {},
            },
          ],
        };
  return { status: 'COMPLETE', results, ...errors, startedAt: at, completedAt: at };
}

/** HubSpot's error body (https://developers.hubspot.com/docs/faq/api-error-responses); a 429 names its policy. */
export function errorBody(status: number, category?: string) {
  if (status === 429) {
    return {
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      correlationId: CORRELATION_ID,
      policyName: 'TEN_SECONDLY_ROLLING',
      category: category ?? 'RATE_LIMITS',
    };
  }
  const fallback = status >= 500 ? 'INTERNAL_ERROR' : status === 403 ? 'FORBIDDEN' : 'VALIDATION_ERROR';
  return {
    status: 'error',
    message: `fake HubSpot answered ${status}`,
    correlationId: CORRELATION_ID,
    category: category ?? fallback,
  };
}

function listOf(list: { listId: string; name: string; objectTypeId: string }) {
  return {
    listId: list.listId,
    listVersion: 1,
    name: list.name,
    objectTypeId: list.objectTypeId,
    processingStatus: 'COMPLETE',
    processingType: 'DYNAMIC',
  };
}

/** Search names associations in the singular (associations.company): the paths' plural. */
function pluralOf(type: string): string {
  return type.endsWith('s') ? type : `${type.replace(/y$/, 'ie')}s`;
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

/** The method and URL of a nock reply call: a fetch Request (nock 15), else the legacy (uri, body) with `this.req`. */
function peek(context: unknown, args: unknown[]): { method: string; url: string; authorization: string | null } {
  const [first] = args;
  if (first instanceof Request) {
    return { method: first.method, url: first.url, authorization: first.headers.get('authorization') };
  }
  const req = (context as { req?: { method?: string; headers?: Record<string, string> } } | undefined)?.req;
  return { method: req?.method ?? 'GET', url: String(first), authorization: req?.headers?.authorization ?? null };
}
