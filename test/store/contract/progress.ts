import { describe, expect, it } from 'vitest';
import { type ContractContext, OTHER_PORTAL, PORTAL, T0 } from './context.ts';

export function progressContract({ store }: ContractContext): void {
  describe('backfill progress and journal offsets', () => {
    it('keeps the latest backfill progress of each portal', async () => {
      expect(await store().listBackfillProgress()).toEqual([]);
      await store().setBackfillProgress({ portalId: OTHER_PORTAL, scored: 0, total: 10, startedAt: T0 });
      await store().setBackfillProgress({ portalId: PORTAL, scored: 100, total: 2_500, startedAt: T0 });
      await store().setBackfillProgress({
        portalId: PORTAL,
        scored: 2_500,
        total: 2_500,
        startedAt: T0,
        finishedAt: T0 + 9,
      });
      expect(await store().listBackfillProgress()).toEqual([
        { portalId: PORTAL, scored: 2_500, total: 2_500, startedAt: T0, finishedAt: T0 + 9 },
        { portalId: OTHER_PORTAL, scored: 0, total: 10, startedAt: T0, finishedAt: null },
      ]);
    });

    it('keeps the journal offset of each portal', async () => {
      expect(await store().getJournalOffset(PORTAL)).toBeNull();
      await store().setJournalOffset(PORTAL, 'a1b2');
      await store().setJournalOffset(PORTAL, 'c3d4');
      await store().setJournalOffset(OTHER_PORTAL, 'zz');
      expect(await store().getJournalOffset(PORTAL)).toBe('c3d4');
      expect(await store().getJournalOffset(OTHER_PORTAL)).toBe('zz');
    });
  });
}
