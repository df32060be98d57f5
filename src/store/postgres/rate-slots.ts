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
  };
}
