import type { Pool } from 'pg';
import type { ActiveSnooze, SnoozeStore } from '../store.ts';

export function postgresSnoozes(pool: Pool): SnoozeStore {
  return {
    async snooze({ portalId, companyId, signalId, until, by, at }) {
      await pool.query(
        `INSERT INTO snoozes (portal_id, company_id, signal_id, until_at, snoozed_by, snoozed_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [portalId, companyId, signalId, until, by, at],
      );
    },

    async activeSnoozes(portalId, companyId, now) {
      // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
      const { rows } = await pool.query<{ signal_id: string; until_at: number }>(
        `SELECT signal_id, MAX(until_at) AS until_at FROM snoozes
         WHERE portal_id = $1 AND company_id = $2 AND until_at > $3
         GROUP BY signal_id ORDER BY signal_id COLLATE "C"`,
        [portalId, companyId, now],
      );
      return rows.map((row): ActiveSnooze => ({ signalId: row.signal_id, until: row.until_at }));
    },

    async countSnoozes(portalId) {
      const { rows } = await pool.query<{ count: number }>(
        'SELECT COUNT(*) AS count FROM snoozes WHERE portal_id = $1',
        [portalId],
      );
      return rows[0]?.count ?? 0;
    },
  };
}
