import type { DatabaseSync } from 'node:sqlite';
import type { TaskLedger } from '../store.ts';
import { type TaskRow, toTask } from '../store-rows.ts';
import { inTransaction } from './in-transaction.ts';

const OPEN = 'portal_id = ? AND company_id = ? AND signal_id = ? AND closed_at IS NULL';

export function sqliteTasks(db: DatabaseSync): TaskLedger {
  const selectOpen = db.prepare(`SELECT * FROM tasks WHERE ${OPEN}`);
  const selectOpenForCompany = db.prepare(
    'SELECT * FROM tasks WHERE portal_id = ? AND company_id = ? AND closed_at IS NULL ORDER BY created_at, id',
  );
  // The partial unique index tasks_one_open makes a second open row impossible; DO NOTHING turns that into a no-op.
  const insert = db.prepare(`
    INSERT INTO tasks (portal_id, company_id, signal_id, dedupe_key, hubspot_task_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (portal_id, company_id, signal_id) WHERE closed_at IS NULL DO NOTHING
    RETURNING *`);
  const close = db.prepare(`UPDATE tasks SET closed_at = ? WHERE ${OPEN}`);

  return {
    async findOpenTask(portalId, companyId, signalId) {
      const row = selectOpen.get(portalId, companyId, signalId) as TaskRow | undefined;
      return row === undefined ? null : toTask(row);
    },

    async listOpenTasks(portalId, companyId) {
      return (selectOpenForCompany.all(portalId, companyId) as unknown as TaskRow[]).map(toTask);
    },

    async recordTask(task) {
      return inTransaction(db, () => {
        const { portalId, companyId, signalId } = task;
        const row = insert.get(portalId, companyId, signalId, task.dedupeKey, task.hubspotTaskId, task.createdAt) as
          | TaskRow
          | undefined;
        if (row !== undefined) return { recorded: true, task: toTask(row) };
        const open = selectOpen.get(portalId, companyId, signalId) as unknown as TaskRow; // the conflict that stopped the insert
        return { recorded: false, task: toTask(open) };
      });
    },

    async closeTask({ portalId, companyId, signalId }, closedAt) {
      return Number(close.run(closedAt, portalId, companyId, signalId).changes) > 0;
    },
  };
}
