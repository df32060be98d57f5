import type { Pool } from 'pg';
import type { RateSlotLedger } from '../store.ts';

/**
 * The HubSpot rate-limit ledger shared by every server process on this database: each grant is a row, taken by
 * take_rate_slot (migration 3) in one statement under a per-portal advisory lock, so N processes together make at most
 * `requests` calls per window for a portal, as HubSpot counts them (README.md beside this file). One round trip per
 * HubSpot call, against calls that take tens of milliseconds.
 */
export function postgresRateSlots(pool: Pool): RateSlotLedger {
  return {
    async take(portalId, bucket, limit) {
      const { rows } = await pool.query<{ wait: number }>('SELECT take_rate_slot($1, $2, $3, $4) AS wait', [
        portalId,
        bucket,
        limit.requests,
        limit.windowMs,
      ]);
      return rows[0]?.wait ?? 0;
    },
    async pause(portalId, delayMs) {
      if (!(delayMs > 0)) return;
      // The database's clock, like the grants: the pause ends at the same moment for every process.
      await pool.query(
        `INSERT INTO rate_pauses (portal_id, until_at)
         VALUES ($1, (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT + $2)
         ON CONFLICT (portal_id) DO UPDATE SET until_at = GREATEST(rate_pauses.until_at, EXCLUDED.until_at)`,
        [portalId, Math.ceil(delayMs)],
      );
    },
  };
}
