import type { Pool } from 'pg';
import { PORTAL_TABLES as SHARED_PORTAL_TABLES } from '../portal-tables.ts';
import type { PortalId } from '../store.ts';
import { inTransaction } from './in-transaction.ts';

/** The tables both stores have, and the shared rate-limit ledger and pauses only this one keeps (rate-slots.ts). */
export const PORTAL_TABLES = [...SHARED_PORTAL_TABLES, 'rate_slots', 'rate_pauses'] as const;

/** Uninstall: the installation and all the portal's data, in one transaction. True when it was installed. */
export async function purgePortal(pool: Pool, portalId: PortalId): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    for (const table of PORTAL_TABLES) await client.query(`DELETE FROM ${table} WHERE portal_id = $1`, [portalId]);
    const result = await client.query('DELETE FROM installations WHERE portal_id = $1', [portalId]);
    return (result.rowCount ?? 0) > 0;
  });
}
