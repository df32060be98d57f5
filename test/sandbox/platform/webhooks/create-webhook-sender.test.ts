import { describe, expect, it } from 'vitest';
import { isOwnWrite } from '../../../../src/http/is-own-write.ts';
import { createWebhookSender } from '../../../../src/sandbox/platform/webhooks/create-webhook-sender.ts';
import { APP_ID, jobTitle, now, PORTAL, setUp, T0 } from './sender-fixtures.ts';

describe('createWebhookSender', () => {
  it('sends a subscribed property change as HubSpot’s signed event, and nothing for unsubscribed ones', async () => {
    const { sender, receiver } = await setUp();
    sender.enqueue(PORTAL, jobTitle(51001));
    sender.enqueue(PORTAL, jobTitle(51002, { propertyName: 'firstname', propertyValue: 'Ann' }));
    await sender.flush();

    expect(receiver.rejected).toEqual([]);
    expect(receiver.deliveries).toHaveLength(1);
    expect(receiver.deliveries[0]?.events).toEqual([
      {
        eventId: 1000,
        subscriptionId: expect.any(Number),
        portalId: PORTAL,
        appId: APP_ID,
        occurredAt: T0 - 1_000,
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        changeSource: 'CRM_UI',
        sourceId: 'userId:81234567',
        objectId: 51001,
        propertyName: 'jobtitle',
        propertyValue: 'Former VP Ops',
      },
    ]);
  });

  it('marks the app’s own writes as HubSpot does, so the app can drop them', async () => {
    const { sender, receiver } = await setUp();
    const own = { objectType: 'companies', propertyName: 'hubspot_owner_id', propertyValue: '7' };
    sender.enqueue(PORTAL, jobTitle(9120000001, { ...own, changeSource: 'INTEGRATION', sourceId: String(APP_ID) }));
    await sender.flush();
    const [event] = receiver.deliveries[0]?.events ?? [];
    expect(event).toMatchObject({ subscriptionType: 'company.propertyChange', changeSource: 'INTEGRATION' });
    expect(event && isOwnWrite(event, APP_ID)).toBe(true);
  });

  it('sends creations, deletions, merges and association changes in HubSpot’s shapes', async () => {
    const { sender, receiver } = await setUp();
    const common = { changeSource: 'CRM_UI', occurredAt: T0 - 500 };
    sender.enqueue(PORTAL, { ...common, objectType: 'emails', objectId: '700', kind: 'creation' });
    sender.enqueue(PORTAL, { ...common, objectType: 'contacts', objectId: '51003', kind: 'deletion' });
    sender.enqueue(PORTAL, {
      ...common,
      objectType: 'companies',
      objectId: '9120000001',
      kind: 'merge',
      fromObjectId: '9120000077',
    });
    sender.enqueue(PORTAL, {
      ...common,
      objectType: 'contacts',
      objectId: '51001',
      kind: 'associationChange',
      fromObjectId: '51001',
      toObjectId: '9120000001',
      toObjectType: 'companies',
      associationTypeId: 279,
      associationRemoved: true,
    });
    await sender.flush();

    expect(receiver.deliveries[0]?.events).toMatchObject([
      { subscriptionType: 'object.creation', objectTypeId: '0-49', objectId: 700, changeFlag: 'CREATED' },
      { subscriptionType: 'contact.deletion', objectId: 51003, changeFlag: 'DELETED' },
      {
        subscriptionType: 'company.merge',
        objectId: 9120000001,
        primaryObjectId: 9120000001,
        mergedObjectIds: [9120000077],
        newObjectId: 9120000001,
      },
      {
        subscriptionType: 'contact.associationChange',
        associationType: 'CONTACT_TO_COMPANY',
        associationCategory: 'HUBSPOT_DEFINED',
        associationTypeId: 279,
        fromObjectId: 51001,
        toObjectId: 9120000001,
        associationRemoved: true,
        isPrimaryAssociation: false,
      },
    ]);
  });

  it('batches at most batchSize events per request, in the order they happened', async () => {
    const { sender, receiver } = await setUp(undefined, { batchSize: 100 });
    for (let i = 0; i < 250; i++) sender.enqueue(PORTAL, jobTitle(60000 + i));
    await sender.flush();
    expect(receiver.deliveries.map((d) => d.events.length)).toEqual([100, 100, 50]);
    expect(receiver.deliveries.flatMap((d) => d.events.map((e) => e.objectId))).toEqual(
      Array.from({ length: 250 }, (_, i) => 60000 + i),
    );
    expect(() => createWebhookSender({ targetUrl: 'x', clientSecret: 's', appId: 1, now, batchSize: 101 })).toThrow(
      RangeError,
    );
  });

  it('retries non-2xx answers with a growing delay and attemptNumber counting up, each freshly signed', async () => {
    const { sender, receiver, sleeps } = await setUp((n) => (n < 2 ? 503 : 200));
    sender.enqueue(PORTAL, jobTitle(51001));
    await sender.flush();
    await sender.idle();
    expect(receiver.rejected).toEqual([]);
    expect(receiver.deliveries.map((d) => [d.status, d.events[0]?.attemptNumber])).toEqual([
      [503, 0],
      [503, 1],
      [200, 2],
    ]);
    expect(sleeps).toEqual([1_000, 2_000]);
    expect(sender.stats()).toMatchObject({ requests: 3, failures: 2, delivered: 1, abandoned: 0 });
  });

  it('gives a batch up after 10 attempts', async () => {
    const { sender, receiver, sleeps } = await setUp(() => 500);
    sender.enqueue(PORTAL, jobTitle(51001));
    await sender.idle();
    expect(receiver.deliveries.map((d) => d.events[0]?.attemptNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sleeps.at(-1)).toBe(60_000);
    expect(sender.stats()).toMatchObject({ requests: 10, failures: 10, delivered: 0, abandoned: 1 });
  });

  it('retries when the target cannot be reached', async () => {
    const { sender, receiver } = await setUp();
    await receiver.close();
    sender.enqueue(PORTAL, jobTitle(51001));
    await sender.idle();
    expect(sender.stats()).toMatchObject({ requests: 10, failures: 10, abandoned: 1 });
  });
});
