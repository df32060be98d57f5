import type { DatabaseSync } from 'node:sqlite';
import type { BackfillProgress, PortalProgressStore } from '../store.ts';

interface ProgressRow {
  portal_id: number;
  scored: number;
  total: number;
  started_at: number;
  finished_at: number | null;
}

export function sqlitePortalProgress(db: DatabaseSync, clock: () => number): PortalProgressStore {
  const upsertProgress = db.prepare(`
    INSERT INTO backfill_progress (portal_id, scored, total, started_at, finished_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (portal_id) DO UPDATE SET scored = excluded.scored, total = excluded.total,
      started_at = excluded.started_at, finished_at = excluded.finished_at`);
  const selectProgress = db.prepare('SELECT * FROM backfill_progress ORDER BY portal_id');
  const selectOffset = db.prepare('SELECT offset_value FROM journal_offsets WHERE portal_id = ?');
  const upsertOffset = db.prepare(`
    INSERT INTO journal_offsets (portal_id, offset_value, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (portal_id) DO UPDATE SET offset_value = excluded.offset_value, updated_at = excluded.updated_at`);

  return {
    async setBackfillProgress({ portalId, scored, total, startedAt, finishedAt }) {
      upsertProgress.run(portalId, scored, total, startedAt, finishedAt ?? null);
    },

    async listBackfillProgress() {
      return (selectProgress.all() as unknown as ProgressRow[]).map(
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
      const row = selectOffset.get(portalId) as { offset_value: string } | undefined;
      return row?.offset_value ?? null;
    },

    async setJournalOffset(portalId, offset) {
      upsertOffset.run(portalId, offset, clock());
    },
  };
}
