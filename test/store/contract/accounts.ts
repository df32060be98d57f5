import { describe, expect, it } from 'vitest';
import { DAY } from '../../../src/core/time.ts';
import { SCORE_HISTORY_DAYS } from '../../../src/store/score-retention.ts';
import type { AccountMemory } from '../../../src/store/store.ts';
import { assessment, type ContractContext, OTHER_PORTAL, PORTAL, T0 } from './context.ts';

const COMPANY = '5001';
const written = { churn_risk_score: '42', churn_risk_level: 'medium', churn_risk_top_reason: null };
const memory: AccountMemory = {
  knownContacts: [{ id: '1001', name: 'Jane Roe', title: 'VP Finance', roles: ['champion'], seenAt: T0 - DAY }],
};

export function accountContract({ store, setNow }: ContractContext): void {
  describe('account state', () => {
    it('is null for an account never saved', async () => {
      expect(await store().getAccountState(PORTAL, COMPANY)).toBeNull();
    });

    it('gives back the assessment, the written properties, the memory and the score', async () => {
      setNow(T0 + 3);
      await store().saveAccountState(PORTAL, COMPANY, {
        assessment: assessment(42),
        writtenProperties: written,
        memory,
        score: { value: 42, at: T0 },
      });
      expect(await store().getAccountState(PORTAL, COMPANY)).toEqual({
        portalId: PORTAL,
        companyId: COMPANY,
        assessment: assessment(42),
        writtenProperties: written,
        memory,
        scoreHistory: [{ value: 42, at: T0 }],
        updatedAt: T0 + 3,
      });
    });

    it('keeps what an update leaves out', async () => {
      await store().saveAccountState(PORTAL, COMPANY, { memory });
      expect(await store().getAccountState(PORTAL, COMPANY)).toMatchObject({
        assessment: null,
        writtenProperties: null,
        memory,
        scoreHistory: [],
      });
      await store().saveAccountState(PORTAL, COMPANY, { assessment: assessment(60), score: { value: 60, at: T0 } });
      await store().saveAccountState(PORTAL, COMPANY, { writtenProperties: written });
      expect(await store().getAccountState(PORTAL, COMPANY)).toMatchObject({
        assessment: assessment(60),
        writtenProperties: written,
        memory,
        scoreHistory: [{ value: 60, at: T0 }],
      });
    });

    it('keeps the score history oldest first, one point per instant', async () => {
      for (const [value, at] of [
        [30, T0 - 2 * DAY],
        [50, T0],
        [10, T0 - 9 * DAY],
        [55, T0], // the same assessment recorded again (a retry) replaces its point
      ] as const) {
        await store().saveAccountState(PORTAL, COMPANY, { score: { value, at } });
      }
      expect((await store().getAccountState(PORTAL, COMPANY))?.scoreHistory).toEqual([
        { value: 10, at: T0 - 9 * DAY },
        { value: 30, at: T0 - 2 * DAY },
        { value: 55, at: T0 },
      ]);
    });

    it(`drops points more than ${SCORE_HISTORY_DAYS} days older than the newest`, async () => {
      const limit = SCORE_HISTORY_DAYS * DAY;
      for (const at of [T0 - limit - 1, T0 - limit, T0 - limit + DAY]) {
        await store().saveAccountState(PORTAL, COMPANY, { score: { value: 1, at } });
      }
      await store().saveAccountState(PORTAL, COMPANY, { score: { value: 2, at: T0 } });
      expect((await store().getAccountState(PORTAL, COMPANY))?.scoreHistory.map((point) => point.at)).toEqual([
        T0 - limit,
        T0 - limit + DAY,
        T0,
      ]);
    });

    it('keeps accounts of different portals apart, and lists a portal’s companies', async () => {
      await store().saveAccountState(PORTAL, COMPANY, { assessment: assessment(20), score: { value: 20, at: T0 } });
      await store().saveAccountState(OTHER_PORTAL, COMPANY, {
        assessment: assessment(80),
        score: { value: 80, at: T0 },
      });
      await store().saveAccountState(PORTAL, '4000', { memory });
      expect((await store().getAccountState(PORTAL, COMPANY))?.assessment?.score).toBe(20);
      expect((await store().getAccountState(OTHER_PORTAL, COMPANY))?.scoreHistory).toEqual([{ value: 80, at: T0 }]);
      expect(await store().listCompanyIds(PORTAL)).toEqual(['4000', COMPANY]);
      expect(await store().listCompanyIds(OTHER_PORTAL)).toEqual([COMPANY]);
      expect(await store().listCompanyIds(12_345)).toEqual([]);
    });
  });
}
