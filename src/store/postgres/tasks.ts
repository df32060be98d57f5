import type { Pool } from 'pg';
import type { TaskLedger } from '../store.ts';
import { type TaskRow, toTask } from '../store-rows.ts';

const OPEN = 'portal_id = $1 AND company_id = $2 AND signal_id = $3 AND closed_at IS NULL';
// The winner of a race may close its task between our refused insert and our read: then insert again, a few times.
const ATTEMPTS = 5;

export function postgresTasks(pool: Pool): TaskLedger {
  const selectOpen = async (portalId: number, companyId: string, signalId: string) =>
    (await pool.query<TaskRow>(`SELECT * FROM tasks WHERE ${OPEN}`, [portalId, companyId, signalId])).rows[0];

  return {
    async findOpenTask(portalId, companyId, signalId) {
      const row = await selectOpen(portalId, companyId, signalId);
      return row === undefined ? null : toTask(row);
    },

    async listOpenTasks(portalId, companyId) {
      const { rows } = await pool.query<TaskRow>(
        'SELECT * FROM tasks WHERE portal_id = $1 AND company_id = $2 AND closed_at IS NULL ORDER BY created_at, id',
        [portalId, companyId],
      );
      return rows.map(toTask);
    },

    async recordTask(task) {
      const { portalId, companyId, signalId } = task;
      for (let attempt = 1; ; attempt++) {
        // The partial unique index tasks_one_open refuses a second open row. An insert racing another one waits for
        // it to commit and then does nothing, so the read below (a new statement, a new snapshot) sees the winner.
        const inserted = await pool.query<TaskRow>(
          `INSERT INTO tasks (portal_id, company_id, signal_id, dedupe_key, hubspot_task_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (portal_id, company_id, signal_id) WHERE closed_at IS NULL DO NOTHING
           RETURNING *`,
          [portalId, companyId, signalId, task.dedupeKey, task.hubspotTaskId, task.createdAt],
        );
        const row = inserted.rows[0];
        if (row !== undefined) return { recorded: true, task: toTask(row) };
        const open = await selectOpen(portalId, companyId, signalId);
        if (open !== undefined) return { recorded: false, task: toTask(open) };
        if (attempt === ATTEMPTS) {
          throw new Error(`recordTask: the open task for ${portalId}/${companyId}/${signalId} kept changing`);
        }
      }
    },

    async closeTask({ portalId, companyId, signalId }, closedAt) {
      const result = await pool.query(`UPDATE tasks SET closed_at = $4 WHERE ${OPEN}`, [
        portalId,
        companyId,
        signalId,
        closedAt,
      ]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
