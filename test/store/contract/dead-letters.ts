import { describe, expect, it } from 'vitest';
import { type ContractContext, event, OTHER_PORTAL, PORTAL, T0 } from './context.ts';

export function deadLetterContract({ store, setNow }: ContractContext): void {
  describe('dead letters', () => {
    const claimAll = () => store().claim({ limit: 100, leaseMs: 30_000, now: T0, workerId: 'worker-a' });

    it('moves a failed event out of the inbox with its reason, attempts and last error', async () => {
      setNow(T0 - 1_000);
      const sent = event();
      await store().enqueue([sent]);
      const [claimed] = await claimAll();
      const id = claimed?.id as number;
      await store().retry(id, { error: 'HTTP 500', notBefore: T0 });
      setNow(T0 + 7);
      expect(await store().deadLetter(id, 'gave up after 1 attempt: HTTP 500')).toBe(true);
      expect(await store().inboxStats()).toMatchObject({ depth: 0 });
      expect(await claimAll()).toEqual([]);
      expect(await store().listDeadLetters()).toEqual([
        {
          id: expect.any(Number),
          portalId: PORTAL,
          subscriptionType: 'contact.propertyChange',
          objectId: '1001',
          propertyName: 'jobtitle',
          occurredAt: sent.occurredAt,
          receivedAt: T0 - 1_000,
          payload: sent.payload,
          attempts: 1,
          lastError: 'HTTP 500',
          reason: 'gave up after 1 attempt: HTTP 500',
          failedAt: T0 + 7,
        },
      ]);
    });

    it('refuses an event that is gone', async () => {
      await store().enqueue([event()]);
      const [claimed] = await claimAll();
      await store().ack([claimed?.id as number]);
      expect(await store().deadLetter(claimed?.id as number, 'too late')).toBe(false);
      expect(await store().deadLetter(987_654, 'never existed')).toBe(false);
      expect(await store().countDeadLetters()).toBe(0);
    });

    it('lists newest first, by portal, within a limit, and counts', async () => {
      await store().enqueue([
        event({ objectId: 1 }),
        event({ objectId: 2 }),
        event({ objectId: 3, portalId: OTHER_PORTAL }),
        event({ objectId: 4 }),
      ]);
      for (const claimed of await claimAll()) await store().deadLetter(claimed.id, `failed ${claimed.objectId}`);
      const reasons = (letters: { reason: string }[]) => letters.map((letter) => letter.reason);
      expect(reasons(await store().listDeadLetters())).toEqual(['failed 4', 'failed 3', 'failed 2', 'failed 1']);
      expect(reasons(await store().listDeadLetters({ portalId: PORTAL, limit: 2 }))).toEqual(['failed 4', 'failed 2']);
      expect(reasons(await store().listDeadLetters({ portalId: OTHER_PORTAL }))).toEqual(['failed 3']);
      expect(await store().countDeadLetters()).toBe(4);
      expect(await store().countDeadLetters(PORTAL)).toBe(3);
      expect(await store().countDeadLetters(12_345)).toBe(0);
    });
  });
}
