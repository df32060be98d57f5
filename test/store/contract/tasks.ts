import { describe, expect, it } from 'vitest';
import type { NewTaskRecord } from '../../../src/store/store.ts';
import { type ContractContext, OTHER_PORTAL, PORTAL, T0 } from './context.ts';

const key = { portalId: PORTAL, companyId: '5001', signalId: 'champion_departed' };
const task = (hubspotTaskId: string, overrides: Partial<NewTaskRecord> = {}): NewTaskRecord => ({
  ...key,
  dedupeKey: 'hubspot:62515:5001:champion_departed',
  hubspotTaskId,
  createdAt: T0,
  ...overrides,
});

export function taskLedgerContract({ store }: ContractContext): void {
  describe('task ledger', () => {
    it('records a task and finds it open', async () => {
      expect(await store().findOpenTask(PORTAL, '5001', 'champion_departed')).toBeNull();
      expect(await store().recordTask(task('9001'))).toEqual({
        recorded: true,
        task: { ...task('9001'), closedAt: null },
      });
      expect(await store().findOpenTask(PORTAL, '5001', 'champion_departed')).toEqual({
        ...task('9001'),
        closedAt: null,
      });
    });

    it('refuses a second open task for the same company and signal, and returns the open one', async () => {
      await store().recordTask(task('9001'));
      expect(await store().recordTask(task('9002', { createdAt: T0 + 1 }))).toEqual({
        recorded: false,
        task: { ...task('9001'), closedAt: null },
      });
      expect(await store().listOpenTasks(PORTAL, '5001')).toHaveLength(1);
    });

    it('records exactly one of many concurrent attempts', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store().recordTask(task(`90${i}`))));
      const winners = results.filter((result) => result.recorded);
      expect(winners).toHaveLength(1);
      const winner = winners[0]?.task;
      for (const result of results) expect(result.task).toEqual(winner);
      expect(await store().listOpenTasks(PORTAL, '5001')).toEqual([winner]);
    });

    it('allows a new task once the open one is closed', async () => {
      await store().recordTask(task('9001'));
      expect(await store().closeTask(key, T0 + 10)).toBe(true);
      expect(await store().closeTask(key, T0 + 11)).toBe(false);
      expect(await store().findOpenTask(PORTAL, '5001', 'champion_departed')).toBeNull();
      const next = await store().recordTask(task('9002', { createdAt: T0 + 20 }));
      expect(next).toEqual({ recorded: true, task: { ...task('9002', { createdAt: T0 + 20 }), closedAt: null } });
    });

    it('keeps companies, signals and portals apart', async () => {
      await store().recordTask(task('1'));
      const others = [
        task('2', { signalId: 'low_nps' }),
        task('3', { companyId: '5002' }),
        task('4', { portalId: OTHER_PORTAL }),
      ];
      for (const other of others) expect((await store().recordTask(other)).recorded).toBe(true);
      expect((await store().listOpenTasks(PORTAL, '5001')).map((t) => t.hubspotTaskId)).toEqual(['1', '2']);
      expect(await store().closeTask({ ...key, portalId: 12_345 }, T0)).toBe(false);
    });
  });
}
