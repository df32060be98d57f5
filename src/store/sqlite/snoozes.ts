import type { DatabaseSync } from 'node:sqlite';
import type { ActiveSnooze, SnoozeStore } from '../store.ts';

export function sqliteSnoozes(db: DatabaseSync): SnoozeStore {
  const insert = db.prepare(`
    INSERT INTO snoozes (portal_id, company_id, signal_id, until_at, snoozed_by, snoozed_at) VALUES (?, ?, ?, ?, ?, ?)`);
  const selectActive = db.prepare(`
    SELECT signal_id, MAX(until_at) AS until_at FROM snoozes
    WHERE portal_id = ? AND company_id = ? AND until_at > ?
    GROUP BY signal_id ORDER BY signal_id`);
  const count = db.prepare('SELECT COUNT(*) AS count FROM snoozes WHERE portal_id = ?');

  return {
    async snooze({ portalId, companyId, signalId, until, by, at }) {
      insert.run(portalId, companyId, signalId, until, by, at);
    },

    async activeSnoozes(portalId, companyId, now) {
      const rows = selectActive.all(portalId, companyId, now) as { signal_id: string; until_at: number }[];
      return rows.map((row): ActiveSnooze => ({ signalId: row.signal_id, until: row.until_at }));
    },

    async countSnoozes(portalId) {
      return Number((count.get(portalId) as { count: number }).count);
    },
  };
}
