import type { Pool } from 'pg';
import type { BackfillProgress, PortalProgressStore } from '../store.ts';

interface ProgressRow {
  portal_id: number;
  scored: number;
  total: number;
  started_at: number;
  finished_at: number | null;
}

export function postgresPortalProgress(pool: Pool, clock: () => number): PortalProgressStore {
  return {
    async setBackfillProgress({ portalId, scored, total, startedAt, finishedAt }) {
      await pool.query(
        `INSERT INTO backfill_progress (portal_id, scored, total, started_at, finished_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (portal_id) DO UPDATE SET scored = excluded.scored, total = excluded.total,
           started_at = excluded.started_at, finished_at = excluded.finished_at`,
        [portalId, scored, total, startedAt, finishedAt ?? null],
      );
    },

    async listBackfillProgress() {
      const { rows } = await pool.query<ProgressRow>('SELECT * FROM backfill_progress ORDER BY portal_id');
      return rows.map(
        (row): BackfillProgress => ({
          portalId: row.portal_id,
          scored: row.scored,
          total: row.total,
          startedAt: row.started_at,
          finishedAt: row.finished_at,
        }),
      );
    },

    async getJournalOffset(portalId) {
      const { rows } = await pool.query<{ offset_value: string }>(
        'SELECT offset_value FROM journal_offsets WHERE portal_id = $1',
        [portalId],
      );
      return rows[0]?.offset_value ?? null;
    },

    async setJournalOffset(portalId, offset) {
      await pool.query(
        `INSERT INTO journal_offsets (portal_id, offset_value, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (portal_id) DO UPDATE SET offset_value = excluded.offset_value, updated_at = excluded.updated_at`,
        [portalId, offset, clock()],
      );
    },
  };
}
