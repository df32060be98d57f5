import type { Pool } from 'pg';
import type { PortalId } from '../store.ts';
import { inTransaction } from './in-transaction.ts';

// Every table holding a portal's data besides installations, children before parents (score_history before
// accounts). test/store/postgres-store.test.ts checks that every table with a portal_id column is listed.
export const PORTAL_TABLES = [
  'inbox',
  'dead_letters',
  'score_history',
  'accounts',
  'tasks',
  'oauth_states',
  'backfill_progress',
  'journal_offsets',
] as const;

/** Uninstall: the installation and all the portal's data, in one transaction. True when it was installed. */
export async function purgePortal(pool: Pool, portalId: PortalId): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    for (const table of PORTAL_TABLES) await client.query(`DELETE FROM ${table} WHERE portal_id = $1`, [portalId]);
    const result = await client.query('DELETE FROM installations WHERE portal_id = $1', [portalId]);
    return (result.rowCount ?? 0) > 0;
  });
}
