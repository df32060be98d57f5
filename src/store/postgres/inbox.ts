import type { Pool } from 'pg';
import type { DeadLetterStore, InboxStore } from '../store.ts';
import { type DeadLetterRow, type EventRow, toDeadLetter, toEvent } from '../store-rows.ts';
import { jsonbText, textWithoutNul } from './jsonb-text.ts';

const PENDING = 'acked_at IS NULL';
const EVENT_COLUMNS = 'portal_id, subscription_type, object_id, property_name, occurred_at, received_at, payload';

export function postgresInbox(pool: Pool, clock: () => number): InboxStore & DeadLetterStore {
  return {
    async enqueue(events) {
      if (events.length === 0) return { accepted: 0, duplicates: 0 };
      const receivedAt = clock();
      // Serialised before the query: an unstorable payload fails the whole batch before anything is sent.
      const payloads = events.map((event) => jsonbText(event.payload ?? null));
      // One statement, so one transaction: all of the batch or none. DO NOTHING also skips a key repeated within it.
      const result = await pool.query(
        `INSERT INTO inbox (${EVENT_COLUMNS}, not_before)
         SELECT portal_id, subscription_type, object_id, property_name, occurred_at, $6::bigint, payload::jsonb, not_before
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $7::text[], $8::bigint[])
           AS batch (portal_id, subscription_type, object_id, property_name, occurred_at, payload, not_before)
         ON CONFLICT (portal_id, subscription_type, object_id, property_name, occurred_at) DO NOTHING`,
        [
          events.map((event) => event.portalId),
          events.map((event) => textWithoutNul(event.subscriptionType)),
          events.map((event) => String(event.objectId)),
          events.map((event) => textWithoutNul(event.propertyName ?? '')),
          events.map((event) => event.occurredAt),
          receivedAt,
          payloads,
          events.map((event) => event.notBefore ?? 0), // due at once
        ],
      );
      const accepted = result.rowCount ?? 0;
      return { accepted, duplicates: events.length - accepted };
    },

    async claim({ limit, leaseMs, now, workerId }) {
      if (limit <= 0) return [];
      // One statement: the CTE locks the due rows it picks and SKIP LOCKED passes over rows another process is
      // leasing at this very moment, so concurrent claims (any number of processes) get disjoint events. A row
      // leased and committed meanwhile is re-checked against the WHERE clause before it is locked, and fails it.
      const { rows } = await pool.query<EventRow>(
        `WITH due AS (
           SELECT id FROM inbox
           WHERE ${PENDING} AND not_before <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY occurred_at, id
           LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE inbox SET lease_owner = $3, lease_until = $4
         FROM due WHERE inbox.id = due.id
         RETURNING inbox.*`,
        [now, limit, workerId, now + leaseMs],
      );
      // RETURNING gives no order: restore oldest first.
      return rows.map(toEvent).sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id);
    },

    async renewLeases({ ids, workerId, until }) {
      if (ids.length === 0) return 0;
      const result = await pool.query(
        `UPDATE inbox SET lease_until = $1 WHERE id = ANY($2::bigint[]) AND lease_owner = $3 AND ${PENDING}`,
        [until, [...ids], workerId],
      );
      return result.rowCount ?? 0;
    },

    async ack(ids) {
      if (ids.length === 0) return 0;
      const result = await pool.query(
        `UPDATE inbox SET acked_at = $1, lease_owner = NULL, lease_until = NULL WHERE id = ANY($2::bigint[]) AND ${PENDING}`,
        [clock(), [...ids]],
      );
      return result.rowCount ?? 0;
    },

    async retry(id, { error, notBefore }) {
      const { rows } = await pool.query<{ attempts: number }>(
        `UPDATE inbox SET attempts = attempts + 1, last_error = $1, not_before = $2, lease_owner = NULL, lease_until = NULL
         WHERE id = $3 AND ${PENDING} RETURNING attempts`,
        [error, notBefore, id],
      );
      return rows[0]?.attempts ?? null;
    },

    async deadLetter(id, reason) {
      // One statement: the event leaves the inbox and enters the dead letters together, or neither happens.
      const result = await pool.query(
        `WITH taken AS (DELETE FROM inbox WHERE id = $1 AND ${PENDING} RETURNING *)
         INSERT INTO dead_letters (${EVENT_COLUMNS}, attempts, last_error, reason, failed_at)
         SELECT ${EVENT_COLUMNS}, attempts, last_error, $2, $3 FROM taken`,
        [id, reason, clock()],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async inboxStats() {
      const { rows } = await pool.query<{
        depth: number;
        leased: number;
        oldest_occurred_at: number | null;
        oldest_received_at: number | null;
      }>(
        `SELECT COUNT(*) AS depth, COUNT(*) FILTER (WHERE lease_until > $1) AS leased,
           MIN(occurred_at) AS oldest_occurred_at, MIN(received_at) AS oldest_received_at
         FROM inbox WHERE ${PENDING}`,
        [clock()],
      );
      const row = rows[0];
      return {
        depth: row?.depth ?? 0,
        leased: row?.leased ?? 0,
        oldestOccurredAt: row?.oldest_occurred_at ?? null,
        oldestReceivedAt: row?.oldest_received_at ?? null,
      };
    },

    async pruneInbox(before) {
      const result = await pool.query('DELETE FROM inbox WHERE acked_at IS NOT NULL AND acked_at < $1', [before]);
      return result.rowCount ?? 0;
    },

    async listDeadLetters({ portalId, limit = 100 } = {}) {
      const { rows } =
        portalId === undefined
          ? await pool.query<DeadLetterRow>('SELECT * FROM dead_letters ORDER BY id DESC LIMIT $1', [limit])
          : await pool.query<DeadLetterRow>(
              'SELECT * FROM dead_letters WHERE portal_id = $1 ORDER BY id DESC LIMIT $2',
              [portalId, limit],
            );
      return rows.map(toDeadLetter);
    },

    async countDeadLetters(portalId) {
      const { rows } =
        portalId === undefined
          ? await pool.query<{ count: number }>('SELECT COUNT(*) AS count FROM dead_letters')
          : await pool.query<{ count: number }>('SELECT COUNT(*) AS count FROM dead_letters WHERE portal_id = $1', [
              portalId,
            ]);
      return rows[0]?.count ?? 0;
    },
  };
}
