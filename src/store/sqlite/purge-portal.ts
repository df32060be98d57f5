import type { DatabaseSync } from 'node:sqlite';
import type { PortalId } from '../store.ts';
import { inTransaction } from './in-transaction.ts';

// Every table holding a portal's data besides installations. test/store/sqlite-store.test.ts checks that every
// table with a portal_id column is listed.
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
export function purgePortal(db: DatabaseSync, portalId: PortalId): boolean {
  const deletes = PORTAL_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE portal_id = ?`));
  const deleteInstallation = db.prepare('DELETE FROM installations WHERE portal_id = ?');
  return inTransaction(db, () => {
    for (const statement of deletes) statement.run(portalId);
    return Number(deleteInstallation.run(portalId).changes) > 0;
  });
}
