import type { DatabaseSync } from 'node:sqlite';
import type { Assessment } from '../../core/assessment.ts';
import { SCORE_HISTORY_MS } from '../score-retention.ts';
import type { AccountMemory, AccountStore } from '../store.ts';
import { inTransaction } from './in-transaction.ts';

interface AccountRow {
  portal_id: number;
  company_id: string;
  assessment: string | null;
  written_properties: string | null;
  memory: string | null;
  updated_at: number;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function sqliteAccounts(db: DatabaseSync, clock: () => number): AccountStore {
  const select = db.prepare('SELECT * FROM accounts WHERE portal_id = ? AND company_id = ?');
  const selectHistory = db.prepare(
    'SELECT score, at FROM score_history WHERE portal_id = ? AND company_id = ? ORDER BY at',
  );
  // COALESCE keeps what the update leaves out: a NULL parameter means "unchanged".
  const upsert = db.prepare(`
    INSERT INTO accounts (portal_id, company_id, assessment, written_properties, memory, updated_at)
    VALUES (:portalId, :companyId, :assessment, :writtenProperties, :memory, :updatedAt)
    ON CONFLICT (portal_id, company_id) DO UPDATE SET
      assessment = COALESCE(excluded.assessment, assessment),
      written_properties = COALESCE(excluded.written_properties, written_properties),
      memory = COALESCE(excluded.memory, memory),
      updated_at = excluded.updated_at`);
  const appendScore = db.prepare(`
    INSERT INTO score_history (portal_id, company_id, at, score) VALUES (?, ?, ?, ?)
    ON CONFLICT (portal_id, company_id, at) DO UPDATE SET score = excluded.score`);
  const trimHistory = db.prepare(`
    DELETE FROM score_history WHERE portal_id = :portalId AND company_id = :companyId
      AND at < (SELECT MAX(at) FROM score_history WHERE portal_id = :portalId AND company_id = :companyId) - :keepMs`);
  const selectIds = db.prepare('SELECT company_id FROM accounts WHERE portal_id = ? ORDER BY company_id');

  return {
    async getAccountState(portalId, companyId) {
      const row = select.get(portalId, companyId) as AccountRow | undefined;
      if (row === undefined) return null;
      const history = selectHistory.all(portalId, companyId) as { score: number; at: number }[];
      return {
        portalId: row.portal_id,
        companyId: row.company_id,
        assessment: parse<Assessment>(row.assessment),
        writtenProperties: parse<Record<string, string | null>>(row.written_properties),
        memory: parse<AccountMemory>(row.memory),
        scoreHistory: history.map(({ score, at }) => ({ value: score, at })),
        updatedAt: row.updated_at,
      };
    },

    async saveAccountState(portalId, companyId, update) {
      inTransaction(db, () => {
        upsert.run({
          portalId,
          companyId,
          assessment: json(update.assessment),
          writtenProperties: json(update.writtenProperties),
          memory: json(update.memory),
          updatedAt: clock(),
        });
        if (update.score !== undefined) {
          appendScore.run(portalId, companyId, update.score.at, update.score.value);
          trimHistory.run({ portalId, companyId, keepMs: SCORE_HISTORY_MS });
        }
      });
    },

    async listCompanyIds(portalId) {
      return (selectIds.all(portalId) as { company_id: string }[]).map((row) => row.company_id);
    },
  };
}
