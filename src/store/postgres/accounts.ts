import type { Pool } from 'pg';
import type { Assessment } from '../../core/assessment.ts';
import { SCORE_HISTORY_MS } from '../score-retention.ts';
import type { AccountMemory, AccountStore } from '../store.ts';
import { inTransaction } from './in-transaction.ts';
import { jsonbText } from './jsonb-text.ts';

interface AccountRow {
  portal_id: number;
  company_id: string;
  assessment: Assessment | null;
  written_properties: Record<string, string | null> | null;
  memory: AccountMemory | null;
  updated_at: number;
}

const json = jsonbText;

export function postgresAccounts(pool: Pool, clock: () => number): AccountStore {
  return {
    async getAccountState(portalId, companyId) {
      const { rows } = await pool.query<AccountRow>('SELECT * FROM accounts WHERE portal_id = $1 AND company_id = $2', [
        portalId,
        companyId,
      ]);
      const row = rows[0];
      if (row === undefined) return null;
      const history = await pool.query<{ score: number; at: number }>(
        'SELECT score, at FROM score_history WHERE portal_id = $1 AND company_id = $2 ORDER BY at',
        [portalId, companyId],
      );
      return {
        portalId: row.portal_id,
        companyId: row.company_id,
        assessment: row.assessment,
        writtenProperties: row.written_properties,
        memory: row.memory,
        scoreHistory: history.rows.map(({ score, at }) => ({ value: score, at })),
        updatedAt: row.updated_at,
      };
    },

    async saveAccountState(portalId, companyId, update) {
      await inTransaction(pool, async (client) => {
        // COALESCE keeps what the update leaves out: a NULL parameter means "unchanged".
        await client.query(
          `INSERT INTO accounts (portal_id, company_id, assessment, written_properties, memory, updated_at)
           VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6)
           ON CONFLICT (portal_id, company_id) DO UPDATE SET
             assessment = COALESCE(excluded.assessment, accounts.assessment),
             written_properties = COALESCE(excluded.written_properties, accounts.written_properties),
             memory = COALESCE(excluded.memory, accounts.memory),
             updated_at = excluded.updated_at`,
          [portalId, companyId, json(update.assessment), json(update.writtenProperties), json(update.memory), clock()],
        );
        if (update.score === undefined) return;
        await client.query(
          `INSERT INTO score_history (portal_id, company_id, at, score) VALUES ($1, $2, $3, $4)
           ON CONFLICT (portal_id, company_id, at) DO UPDATE SET score = excluded.score`,
          [portalId, companyId, update.score.at, update.score.value],
        );
        await client.query(
          `DELETE FROM score_history WHERE portal_id = $1 AND company_id = $2
             AND at < (SELECT MAX(at) FROM score_history WHERE portal_id = $1 AND company_id = $2) - $3`,
          [portalId, companyId, SCORE_HISTORY_MS],
        );
      });
    },

    async listCompanyIds(portalId) {
      // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
      const { rows } = await pool.query<{ company_id: string }>(
        'SELECT company_id FROM accounts WHERE portal_id = $1 ORDER BY company_id COLLATE "C"',
        [portalId],
      );
      return rows.map((row) => row.company_id);
    },
  };
}
