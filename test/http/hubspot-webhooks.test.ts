import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEBOUNCE_MS } from '../../src/http/app-deps.ts';
import { install, OLD_SECRET, signedFetch, startServer, T0, type TestServer } from './server.ts';

const FIXTURES = new URL('../fixtures/webhooks/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const PROPERTY_CHANGES = fixture('contact-property-change.json');
const ASSOCIATIONS = fixture('contact-association-removed.json');
const OWN_WRITES = fixture('deal-property-change-own-write.json');
const PORTAL = 24051987;
const PATH = '/webhooks/hubspot';

function event(over: Record<string, unknown> = {}) {
  return {
    eventId: 100,
    subscriptionId: 2901234,
    portalId: PORTAL,
    appId: 5123456,
    occurredAt: T0 - 60_000,
    subscriptionType: 'company.propertyChange',
    attemptNumber: 0,
    objectId: 9120000001,
    propertyName: 'name',
    propertyValue: 'Acme Holdings',
    changeSource: 'CRM_UI',
    sourceId: 'userId:81234567',
    ...over,
  };
}

const events = (n: number) =>
  JSON.stringify(Array.from({ length: n }, (_, i) => event({ eventId: i, objectId: i + 1 })));

async function claimAll(server: TestServer) {
  // Past the debounce: every accepted event is due by then.
  return server.store.claim({ limit: 1000, leaseMs: 60_000, now: T0 + DEFAULT_DEBOUNCE_MS, workerId: 'test' });
}

describe('POST /webhooks/hubspot', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
    await install(server.store, PORTAL);
  });
  afterEach(() => server.close());

  it('stores a signed batch in the inbox before answering 200', async () => {
    const res = await signedFetch(server, PATH, { body: PROPERTY_CHANGES });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });

    const stored = await claimAll(server);
    expect(stored.map((e) => [e.subscriptionType, e.objectId, e.propertyName, e.occurredAt])).toEqual([
      ['contact.propertyChange', '51001', 'jobtitle', 1795169532118],
      ['contact.propertyChange', '51002', 'email', 1795169533904],
    ]);
    expect(stored.map((e) => e.payload)).toEqual(JSON.parse(PROPERTY_CHANGES));
  });

  it('holds accepted events for the debounce, so a burst is claimed together', async () => {
    await signedFetch(server, PATH, { body: PROPERTY_CHANGES });
    const early = await server.store.claim({ limit: 10, leaseMs: 1, now: T0 + DEFAULT_DEBOUNCE_MS - 1, workerId: 't' });
    expect(early).toEqual([]);
    expect(await claimAll(server)).toHaveLength(2);
  });

  it('counts a redelivered batch as duplicates and stores nothing new', async () => {
    await signedFetch(server, PATH, { body: PROPERTY_CHANGES });
    const again = await signedFetch(server, PATH, { body: PROPERTY_CHANGES });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2, ignored: 0 });
    expect((await server.store.inboxStats()).depth).toBe(2);
  });

  it('keeps both association events HubSpot sends for one change, and dedupes their redelivery', async () => {
    const first = await signedFetch(server, PATH, { body: ASSOCIATIONS });
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
    const again = await signedFetch(server, PATH, { body: ASSOCIATIONS });
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2, ignored: 0 });
    const stored = await claimAll(server);
    expect(stored.map((e) => [e.objectId, e.propertyName])).toEqual([
      ['51001-9120000001', 'association:279:removed'],
      ['51001-9120000001', 'association:1:removed'],
    ]);
  });

  it('tells generic object.* events of different object types apart', async () => {
    const generic = (objectTypeId: string, eventId: number) =>
      event({ eventId, subscriptionType: 'object.propertyChange', objectTypeId, objectId: 777 });
    const res = await signedFetch(server, PATH, { body: JSON.stringify([generic('0-1', 1), generic('0-2', 2)]) });
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, ignored: 0 });
    expect((await claimAll(server)).map((e) => e.subscriptionType).sort()).toEqual([
      'object.propertyChange:0-1',
      'object.propertyChange:0-2',
    ]);
  });

  it("drops the app's own writes, not other integrations' writes", async () => {
    const own = await signedFetch(server, PATH, { body: OWN_WRITES });
    expect(await own.json()).toEqual({ accepted: 0, duplicates: 0, ignored: 2 });

    const otherApp = event({ changeSource: 'INTEGRATION', sourceId: '999001' });
    const mixed = JSON.stringify([...JSON.parse(OWN_WRITES), otherApp]);
    const res = await signedFetch(server, PATH, { body: mixed });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, ignored: 2 });
    expect((await claimAll(server)).map((e) => e.payload)).toEqual([otherApp]);
  });

  it('answers 200 for a portal that is not installed, stores nothing and logs the portal', async () => {
    const res = await signedFetch(server, PATH, { body: JSON.stringify([event({ portalId: 555 })]) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 0, duplicates: 0, ignored: 1 });
    expect((await server.store.inboxStats()).depth).toBe(0);
    expect(server.logs).toContainEqual(expect.objectContaining({ level: 40, portalId: 555, events: 1 }));
  });

  it('logs portal ids, counts and event ids, never the body', async () => {
    await signedFetch(server, PATH, { body: PROPERTY_CHANGES });
    expect(server.logs).toContainEqual(
      expect.objectContaining({ portals: [PORTAL], events: 2, eventIds: [3816279340, 3816279341], accepted: 2 }),
    );
    const text = JSON.stringify(server.logs);
    expect(text).not.toContain('r.lindqvist@gmail.com');
    expect(text).not.toContain('Former VP Operations');
  });

  it.each([
    ['a tampered body', { sentBody: PROPERTY_CHANGES.replace('jobtitle', 'lastname') }, 'bad_signature'],
    ['a stale timestamp', { at: T0 - 301_000 }, 'stale_timestamp'],
    ['a timestamp in the future', { at: T0 + 60_000 }, 'future_timestamp'],
    ['a wrong secret', { secret: 'someone-else' }, 'bad_signature'],
    ['another path signed', { signedPath: '/webhooks/other' }, 'bad_signature'],
  ])('refuses %s with 401 and stores nothing', async (_name, tampering, code) => {
    const res = await signedFetch(server, PATH, { body: PROPERTY_CHANGES, ...tampering });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: code });
    expect((await server.store.inboxStats()).depth).toBe(0);
  });

  it('refuses an unsigned request with 401', async () => {
    const res = await fetch(server.base + PATH, { method: 'POST', body: PROPERTY_CHANGES });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'missing_signature' });
  });

  it('accepts the previous secret during a rotation', async () => {
    const res = await signedFetch(server, PATH, { body: PROPERTY_CHANGES, secret: OLD_SECRET });
    expect(res.status).toBe(200);
  });

  it('answers 400 "body is not valid JSON" to a signed broken body', async () => {
    const res = await signedFetch(server, PATH, { body: '[{"eventId": 1,' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_json', message: 'body is not valid JSON' });
  });

  it('refuses more than 100 events with 400', async () => {
    const res = await signedFetch(server, PATH, { body: events(101) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      message: "(root): expected at most 100 events (HubSpot's batch size), received 101",
    });
    expect((await server.store.inboxStats()).depth).toBe(0);
  });

  it('takes exactly 100 events', async () => {
    const res = await signedFetch(server, PATH, { body: events(100) });
    expect(await res.json()).toEqual({ accepted: 100, duplicates: 0, ignored: 0 });
  });

  it('names the first bad field of a batch with wrong field types', async () => {
    const batch = JSON.parse(events(5));
    batch[3].occurredAt = 'yesterday';
    batch[4].portalId = '24051987';
    const res = await signedFetch(server, PATH, { body: JSON.stringify(batch) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: 'invalid_request',
      message: '[3].occurredAt: expected epoch milliseconds (integer), received string',
      issues: [
        { path: '[3].occurredAt', message: 'expected epoch milliseconds (integer), received string' },
        { path: '[4].portalId', message: 'expected integer, received string' },
      ],
    });
    expect((await server.store.inboxStats()).depth).toBe(0);
  });

  it.each([
    ['an empty batch', '[]', '(root): expected at least one event, received an empty array'],
    ['an object', '{"eventId": 1}', '(root): expected a JSON array of webhook events, received object'],
    ['an array of strings', '["x"]', '[0]: expected object, received string'],
  ])('refuses %s with 400', async (_name, body, message) => {
    const res = await signedFetch(server, PATH, { body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', message });
  });

  it('refuses a 2 MB body with 413 and the limit', async () => {
    const res = await signedFetch(server, PATH, { body: `[${' '.repeat(2 * 1024 * 1024)}]` });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      error: 'body_too_large',
      message: 'request body is larger than the 1 MB this endpoint accepts',
    });
  });
});
