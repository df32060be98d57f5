import { describe, expect, it } from 'vitest';
import type { NewSnooze } from '../../../src/store/store.ts';
import { type ContractContext, OTHER_PORTAL, PORTAL, T0 } from './context.ts';
import { installation } from './installations.ts';

const DAY = 86_400_000;
const settings = {
  signals: { gone_silent: { enabled: false }, low_nps: { weight: 12.5, thresholds: { maxScore: 5 } } },
  levels: { medium: 20, high: 45, critical: 70 },
  csLeadOwnerId: '7788',
  quietMonths: [7, 8],
  competitors: ['Globex', 'Initech ünicode'],
  mappings: { renewalDate: 'contract_end' },
};
const snooze = (overrides: Partial<NewSnooze> = {}): NewSnooze => ({
  portalId: PORTAL,
  companyId: '5001',
  signalId: 'gone_silent',
  until: T0 + 30 * DAY,
  by: '81234567',
  at: T0,
  ...overrides,
});

export function settingsAndSnoozesContract({ store }: ContractContext): void {
  describe('tenant settings', () => {
    it('has none before the first save, then returns the document as saved', async () => {
      expect(await store().getTenantSettings(PORTAL)).toBeNull();
      await store().saveTenantSettings(PORTAL, settings, T0);
      expect(await store().getTenantSettings(PORTAL)).toEqual(settings);
    });

    it('replaces the whole document on the next save', async () => {
      await store().saveTenantSettings(PORTAL, settings, T0);
      await store().saveTenantSettings(PORTAL, { quietMonths: [12] }, T0 + 1);
      expect(await store().getTenantSettings(PORTAL)).toEqual({ quietMonths: [12] });
      await store().saveTenantSettings(PORTAL, {}, T0 + 2);
      expect(await store().getTenantSettings(PORTAL)).toEqual({});
    });

    it('keeps portals apart', async () => {
      await store().saveTenantSettings(PORTAL, settings, T0);
      await store().saveTenantSettings(OTHER_PORTAL, { competitors: ['Hooli'] }, T0);
      expect(await store().getTenantSettings(PORTAL)).toEqual(settings);
      expect(await store().getTenantSettings(OTHER_PORTAL)).toEqual({ competitors: ['Hooli'] });
      expect(await store().getTenantSettings(12_345)).toBeNull();
    });
  });

  describe('snoozes', () => {
    it('lists a snooze as active until its end, exclusive', async () => {
      expect(await store().activeSnoozes(PORTAL, '5001', T0)).toEqual([]);
      await store().snooze(snooze());
      expect(await store().activeSnoozes(PORTAL, '5001', T0)).toEqual([
        { signalId: 'gone_silent', until: T0 + 30 * DAY },
      ]);
      expect(await store().activeSnoozes(PORTAL, '5001', T0 + 30 * DAY - 1)).toHaveLength(1);
      expect(await store().activeSnoozes(PORTAL, '5001', T0 + 30 * DAY)).toEqual([]);
    });

    it('gives one entry per signal, the latest end, ordered by signal id', async () => {
      await store().snooze(snooze({ signalId: 'low_nps', until: T0 + 10 * DAY }));
      await store().snooze(snooze({ until: T0 + 30 * DAY }));
      await store().snooze(snooze({ until: T0 + 5 * DAY, at: T0 + 1, by: null }));
      expect(await store().activeSnoozes(PORTAL, '5001', T0)).toEqual([
        { signalId: 'gone_silent', until: T0 + 30 * DAY },
        { signalId: 'low_nps', until: T0 + 10 * DAY },
      ]);
      expect(await store().activeSnoozes(PORTAL, '5001', T0 + 20 * DAY)).toEqual([
        { signalId: 'gone_silent', until: T0 + 30 * DAY },
      ]);
    });

    it('counts every snooze of the portal as a false alarm, expired ones too', async () => {
      expect(await store().countSnoozes(PORTAL)).toBe(0);
      await store().snooze(snooze());
      await store().snooze(snooze({ until: T0 - 1 }));
      await store().snooze(snooze({ companyId: '5002', signalId: 'low_nps' }));
      expect(await store().countSnoozes(PORTAL)).toBe(3);
      expect(await store().countSnoozes(OTHER_PORTAL)).toBe(0);
    });

    it('keeps companies and portals apart', async () => {
      await store().snooze(snooze());
      await store().snooze(snooze({ portalId: OTHER_PORTAL, signalId: 'low_nps' }));
      expect(await store().activeSnoozes(PORTAL, '5002', T0)).toEqual([]);
      expect(await store().activeSnoozes(OTHER_PORTAL, '5001', T0)).toEqual([
        { signalId: 'low_nps', until: T0 + 30 * DAY },
      ]);
      expect(await store().activeSnoozes(PORTAL, '5001', T0)).toEqual([
        { signalId: 'gone_silent', until: T0 + 30 * DAY },
      ]);
    });

    it('are purged with the portal, settings too, and nothing of the other portal', async () => {
      for (const portalId of [PORTAL, OTHER_PORTAL]) {
        await store().saveInstallation(installation(portalId));
        await store().saveTenantSettings(portalId, settings, T0);
        await store().snooze(snooze({ portalId }));
      }
      expect(await store().purgePortal(PORTAL)).toBe(true);
      expect(await store().getTenantSettings(PORTAL)).toBeNull();
      expect(await store().activeSnoozes(PORTAL, '5001', T0)).toEqual([]);
      expect(await store().countSnoozes(PORTAL)).toBe(0);
      expect(await store().getTenantSettings(OTHER_PORTAL)).toEqual(settings);
      expect(await store().countSnoozes(OTHER_PORTAL)).toBe(1);
    });
  });
}
