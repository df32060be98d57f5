import { describe, expect, it } from 'vitest';
import { type ContractContext, event, OTHER_PORTAL, PORTAL, T0 } from './context.ts';

const LEASE = 30_000;
const claim = (now = T0, limit = 10, workerId = 'worker-a') => ({ limit, leaseMs: LEASE, now, workerId });
const ids = (events: readonly { objectId: string }[]) => events.map((e) => e.objectId);

export function inboxContract({ store, setNow }: ContractContext): void {
  describe('inbox: enqueue', () => {
    it('stores each event once, on (portal, subscription type, object, property, occurredAt)', async () => {
      const first = await store().enqueue([event(), event({ objectId: '1001' }), event({ propertyName: 'email' })]);
      expect(first).toEqual({ accepted: 2, duplicates: 1 });
      const varied = [
        event({ portalId: OTHER_PORTAL }),
        event({ subscriptionType: 'company.propertyChange' }),
        event({ objectId: 1002 }),
        event({ propertyName: null }),
        event({ occurredAt: T0 - 59_999 }),
        event({ payload: { eventId: 1, attemptNumber: 3 } }), // the same event redelivered: payloads are not the key
      ];
      expect(await store().enqueue(varied)).toEqual({ accepted: 5, duplicates: 1 });
      expect((await store().inboxStats()).depth).toBe(7);
    });

    it('stores an event whose names and values hold the NUL character (valid JSON; PostgreSQL refuses it raw)', async () => {
      const hostile = event({ propertyName: 'job\u0000title', payload: { propertyValue: 'a\u0000b', 'k\u0000': [1] } });
      expect(await store().enqueue([hostile])).toEqual({ accepted: 1, duplicates: 0 });
      const [claimed] = await store().claim(claim());
      // Kept, or each NUL replaced by U+FFFD (PostgreSQL): the event is never refused.
      const restored = (text: string) => text.replace(/\uFFFD/g, '\u0000');
      expect(restored(claimed?.propertyName ?? '')).toBe('job\u0000title');
      expect(JSON.parse(JSON.stringify(claimed?.payload).replace(/\uFFFD/g, '\\u0000'))).toEqual(hostile.payload);
    });

    it('treats a missing property name like none', async () => {
      const { propertyName: _, ...withoutProperty } = event({ subscriptionType: 'contact.creation' });
      expect(
        await store().enqueue([withoutProperty, event({ subscriptionType: 'contact.creation', propertyName: null })]),
      ).toEqual({
        accepted: 1,
        duplicates: 1,
      });
      const [claimed] = await store().claim(claim());
      expect(claimed?.propertyName).toBeNull();
    });

    it('keeps the event as received, with when it arrived', async () => {
      setNow(T0 + 5);
      const sent = event();
      await store().enqueue([sent]);
      const [claimed] = await store().claim(claim());
      expect(claimed).toEqual({
        id: expect.any(Number),
        portalId: PORTAL,
        subscriptionType: 'contact.propertyChange',
        objectId: '1001',
        propertyName: 'jobtitle',
        occurredAt: T0 - 60_000,
        receivedAt: T0 + 5,
        payload: sent.payload,
        attempts: 0,
        lastError: null,
      });
    });

    it('stores all of a batch or none of it', async () => {
      const unstorable = event({ objectId: 1002, payload: { amount: 10n } }); // BigInt has no JSON form
      await expect(store().enqueue([event(), unstorable])).rejects.toThrow();
      expect((await store().inboxStats()).depth).toBe(0);
      expect(await store().enqueue([event()])).toEqual({ accepted: 1, duplicates: 0 });
    });

    it('accepts an empty batch', async () => {
      expect(await store().enqueue([])).toEqual({ accepted: 0, duplicates: 0 });
    });
  });

  describe('inbox: claim', () => {
    it('leases the oldest due events first, up to the limit', async () => {
      await store().enqueue([1003, 1001, 1004, 1002].map((id) => event({ objectId: id, occurredAt: T0 - id })));
      expect(ids(await store().claim(claim(T0, 3)))).toEqual(['1004', '1003', '1002']);
      expect(ids(await store().claim(claim(T0, 3, 'worker-b')))).toEqual(['1001']);
      expect(await store().claim(claim(T0, 3, 'worker-c'))).toEqual([]);
    });

    it('gives concurrent workers disjoint events', async () => {
      await store().enqueue(Array.from({ length: 30 }, (_, i) => event({ objectId: 2000 + i })));
      const claims = await Promise.all(['a', 'b', 'c'].map((worker) => store().claim(claim(T0, 12, worker))));
      const all = claims.flatMap(ids);
      expect(all).toHaveLength(30);
      expect(new Set(all).size).toBe(30);
    });

    it('hands a leased event out again once the lease has expired (a worker died)', async () => {
      await store().enqueue([event()]);
      const [first] = await store().claim(claim(T0));
      expect(await store().claim(claim(T0 + LEASE - 1, 10, 'worker-b'))).toEqual([]);
      const [again] = await store().claim(claim(T0 + LEASE, 10, 'worker-b'));
      expect(again?.id).toBe(first?.id);
      expect(again?.attempts).toBe(0);
    });

    it('renews the leases its worker still holds, and only those', async () => {
      await store().enqueue([event(), event({ objectId: 1002 }), event({ objectId: 1003 })]);
      const mine = await store().claim(claim(T0, 2));
      const [theirs] = await store().claim(claim(T0, 1, 'worker-b'));
      await store().ack([mine[1]?.id as number]);
      const all = [...mine, theirs].map((e) => e?.id as number);
      // Only worker-a's unacknowledged event: not worker-b's, not the acknowledged one.
      expect(await store().renewLeases({ ids: all, workerId: 'worker-a', until: T0 + 2.5 * LEASE })).toBe(1);
      expect(await store().renewLeases({ ids: [], workerId: 'worker-a', until: T0 + 3 * LEASE })).toBe(0);
      // Past the first lease, the renewed event stays with worker-a; worker-b's own expired lease is handed out.
      const later = await store().claim(claim(T0 + 2 * LEASE, 10, 'worker-c'));
      expect(ids(later)).toEqual([theirs?.objectId]);
      // The renewal ran out in turn (worker-c's lease on the other one runs to T0 + 3 leases).
      expect(ids(await store().claim(claim(T0 + 2.5 * LEASE, 10, 'worker-d')))).toEqual([mine[0]?.objectId]);
    });

    it('holds back an event until its notBefore', async () => {
      await store().enqueue([event({ notBefore: T0 + 2_000 }), event({ objectId: 1002 })]);
      expect(ids(await store().claim(claim(T0)))).toEqual(['1002']);
      expect(await store().claim(claim(T0 + 1_999))).toEqual([]);
      expect(ids(await store().claim(claim(T0 + 2_000)))).toEqual(['1001']);
    });

    it('claims nothing for a limit of zero', async () => {
      await store().enqueue([event()]);
      expect(await store().claim(claim(T0, 0))).toEqual([]);
      expect(await store().claim(claim(T0, 1))).toHaveLength(1);
    });
  });

  describe('inbox: ack, retry, stats, prune', () => {
    it('never hands out an acknowledged event again', async () => {
      await store().enqueue([event(), event({ objectId: 1002 })]);
      const claimed = await store().claim(claim(T0));
      expect(await store().ack(claimed.map((e) => e.id))).toBe(2);
      expect(await store().claim(claim(T0 + 10 * LEASE))).toEqual([]);
      expect(await store().ack(claimed.map((e) => e.id))).toBe(0);
      expect(await store().ack([])).toBe(0);
    });

    it('still recognises a redelivered event after its ack, until pruned', async () => {
      setNow(T0);
      await store().enqueue([event()]);
      await store().ack((await store().claim(claim(T0))).map((e) => e.id));
      expect(await store().enqueue([event()])).toEqual({ accepted: 0, duplicates: 1 });
      expect(await store().pruneInbox(T0)).toBe(0); // acknowledged at T0, not before it
      expect(await store().pruneInbox(T0 + 1)).toBe(1);
      expect(await store().enqueue([event()])).toEqual({ accepted: 1, duplicates: 0 });
    });

    it('retries: counts the attempt, keeps the error, releases the lease, waits for notBefore', async () => {
      await store().enqueue([event()]);
      const [claimed] = await store().claim(claim(T0));
      const id = claimed?.id as number;
      expect(await store().retry(id, { error: 'HTTP 503 from HubSpot', notBefore: T0 + 5_000 })).toBe(1);
      expect(await store().claim(claim(T0 + 4_999))).toEqual([]);
      const [again] = await store().claim(claim(T0 + 5_000));
      expect(again).toMatchObject({ id, attempts: 1, lastError: 'HTTP 503 from HubSpot' });
      expect(await store().retry(id, { error: 'HTTP 429', notBefore: T0 })).toBe(2);
      await store().ack([id]);
      expect(await store().retry(id, { error: 'late', notBefore: T0 })).toBeNull();
      expect(await store().retry(987_654, { error: 'unknown', notBefore: T0 })).toBeNull();
    });

    it('reports depth, leases and the oldest pending event', async () => {
      expect(await store().inboxStats()).toEqual({
        depth: 0,
        leased: 0,
        oldestOccurredAt: null,
        oldestReceivedAt: null,
      });
      setNow(T0 + 1);
      await store().enqueue([event({ occurredAt: T0 - 500 })]);
      setNow(T0 + 2);
      await store().enqueue([
        event({ objectId: 1002, occurredAt: T0 - 900 }),
        event({ objectId: 1003, occurredAt: T0 }),
      ]);
      const [oldest] = await store().claim(claim(T0, 1));
      expect(await store().inboxStats()).toEqual({
        depth: 3,
        leased: 1,
        oldestOccurredAt: T0 - 900,
        oldestReceivedAt: T0 + 1,
      });
      await store().ack([oldest?.id as number]);
      expect(await store().inboxStats()).toMatchObject({ depth: 2, leased: 0, oldestOccurredAt: T0 - 500 });
    });
  });
}
