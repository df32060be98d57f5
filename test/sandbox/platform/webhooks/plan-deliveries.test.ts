import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../src/sandbox/platform/seeded-random.ts';
import { planDeliveries } from '../../../../src/sandbox/platform/webhooks/plan-deliveries.ts';

const events = Array.from({ length: 10 }, (_, i) => i);

describe('planDeliveries', () => {
  it('cuts batches in order without faults', () => {
    const plan = planDeliveries(events, 4, {}, seededRandom(1));
    expect(plan).toEqual([
      { events: [0, 1, 2, 3], duplicate: false },
      { events: [4, 5, 6, 7], duplicate: false },
      { events: [8, 9], duplicate: false },
    ]);
  });

  it('shuffles every batch and swaps neighbours at share 1, the same way for the same seed', () => {
    const plan = planDeliveries(events, 4, { reorderShare: 1, duplicateShare: 1 }, seededRandom(5));
    expect(plan.map((p) => p.events.sort()).sort()).toEqual(
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7],
        [8, 9],
      ].sort(),
    );
    const again = planDeliveries(events, 4, { reorderShare: 1, duplicateShare: 1 }, seededRandom(5));
    const first = planDeliveries(events, 4, { reorderShare: 1, duplicateShare: 1 }, seededRandom(5));
    expect(again).toEqual(first);
    expect(first[0]?.events).not.toEqual([0, 1, 2, 3]);
    expect(first.every((p) => p.duplicate)).toBe(true);
  });
});
