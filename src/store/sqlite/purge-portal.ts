import type { DatabaseSync } from 'node:sqlite';
import { PORTAL_TABLES } from '../portal-tables.ts';
import type { PortalId } from '../store.ts';
import { inTransaction } from './in-transaction.ts';

export { PORTAL_TABLES };

/** Uninstall: the installation and all the portal's data, in one transaction. True when it was installed. */
export function purgePortal(db: DatabaseSync, portalId: PortalId): boolean {
  const deletes = PORTAL_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE portal_id = ?`));
  const deleteInstallation = db.prepare('DELETE FROM installations WHERE portal_id = ?');
  return inTransaction(db, () => {
    for (const statement of deletes) statement.run(portalId);
    return Number(deleteInstallation.run(portalId).changes) > 0;
  });
}
