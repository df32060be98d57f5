import { describe, expect, it } from 'vitest';
import { jobTitle, PORTAL, setUp } from './sender-fixtures.ts';

describe('createWebhookSender delivery options', () => {
  it('duplicates and reorders deliveries when asked, deterministically', async () => {
    const faults = { duplicateShare: 1, reorderShare: 1, seed: 7 };
    const { sender, receiver } = await setUp(undefined, { batchSize: 3, faults });
    for (let i = 0; i < 6; i++) sender.enqueue(PORTAL, jobTitle(51000 + i));
    await sender.idle();
    const ids = receiver.deliveries.map((d) => d.events.map((e) => e.objectId));
    expect(ids).toHaveLength(4);
    expect(ids.flat().sort()).toEqual(
      [...Array.from({ length: 6 }, (_, i) => 51000 + i)].flatMap((n) => [n, n]).sort(),
    );
    expect(ids.flat()).not.toEqual([
      51000, 51001, 51002, 51000, 51001, 51002, 51003, 51004, 51005, 51003, 51004, 51005,
    ]);
  });

  it('sends nothing for portals it is told the app is not installed in', async () => {
    const { sender, receiver } = await setUp(undefined, { deliverFor: (portalId) => portalId !== PORTAL });
    sender.enqueue(PORTAL, jobTitle(51001));
    sender.enqueue(PORTAL + 1, jobTitle(51002));
    await sender.idle();
    expect(receiver.deliveries.flatMap((d) => d.events.map((e) => e.portalId))).toEqual([PORTAL + 1]);
  });

  it('sends on its own shortly after a change', async () => {
    const { sender, receiver } = await setUp(undefined, { autoFlushMs: 1 });
    const delivered = receiver.nextDelivery();
    sender.enqueue(PORTAL, jobTitle(51001));
    expect((await delivered).events.map((e) => e.objectId)).toEqual([51001]);
  });
});
