import type { DatabaseSync } from 'node:sqlite';
import type { DeadLetterStore, InboxStore } from '../store.ts';
import { type DeadLetterRow, type EventRow, toDeadLetter, toEvent } from '../store-rows.ts';
import { inTransaction } from './in-transaction.ts';

const PENDING = 'acked_at IS NULL';

export function sqliteInbox(db: DatabaseSync, clock: () => number): InboxStore & DeadLetterStore {
  const insert = db.prepare(`
    INSERT INTO inbox (portal_id, subscription_type, object_id, property_name, occurred_at, received_at, payload, not_before)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (portal_id, subscription_type, object_id, property_name, occurred_at) DO NOTHING`);
  const lease = db.prepare(`
    UPDATE inbox SET lease_owner = :workerId, lease_until = :until
    WHERE id IN (
      SELECT id FROM inbox
      WHERE ${PENDING} AND not_before <= :now AND (lease_until IS NULL OR lease_until <= :now)
      ORDER BY occurred_at, id LIMIT :limit
    )
    RETURNING *`);
  const ack = db.prepare(
    `UPDATE inbox SET acked_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND ${PENDING}`,
  );
  const renew = db.prepare(`UPDATE inbox SET lease_until = ? WHERE id = ? AND lease_owner = ? AND ${PENDING}`);
  const retry = db.prepare(`
    UPDATE inbox SET attempts = attempts + 1, last_error = ?, not_before = ?, lease_owner = NULL, lease_until = NULL
    WHERE id = ? AND ${PENDING} RETURNING attempts`);
  const take = db.prepare(`DELETE FROM inbox WHERE id = ? AND ${PENDING} RETURNING *`);
  const insertDead = db.prepare(`
    INSERT INTO dead_letters (portal_id, subscription_type, object_id, property_name, occurred_at, received_at, payload,
      attempts, last_error, reason, failed_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const stats = db.prepare(`
    SELECT COUNT(*) AS depth, COUNT(CASE WHEN lease_until > ? THEN 1 END) AS leased, MIN(occurred_at) AS oldest_occurred_at,
      MIN(received_at) AS oldest_received_at
    FROM inbox WHERE ${PENDING}`);
  const prune = db.prepare('DELETE FROM inbox WHERE acked_at IS NOT NULL AND acked_at < ?');
  const listAll = db.prepare('SELECT * FROM dead_letters ORDER BY id DESC LIMIT ?');
  const listPortal = db.prepare('SELECT * FROM dead_letters WHERE portal_id = ? ORDER BY id DESC LIMIT ?');
  const countAll = db.prepare('SELECT COUNT(*) AS count FROM dead_letters');
  const countPortal = db.prepare('SELECT COUNT(*) AS count FROM dead_letters WHERE portal_id = ?');

  return {
    async enqueue(events) {
      const receivedAt = clock();
      return inTransaction(db, () => {
        let accepted = 0;
        for (const event of events) {
          const result = insert.run(
            event.portalId,
            event.subscriptionType,
            String(event.objectId),
            event.propertyName ?? '',
            event.occurredAt,
            receivedAt,
            JSON.stringify(event.payload ?? null),
            event.notBefore ?? 0, // due at once
          );
          accepted += Number(result.changes);
        }
        return { accepted, duplicates: events.length - accepted };
      });
    },

    async claim({ limit, leaseMs, now, workerId }) {
      if (limit <= 0) return [];
      // One statement: the select and the lease are atomic, so two workers never lease the same event.
      const rows = lease.all({ workerId, until: now + leaseMs, now, limit }) as unknown as EventRow<string>[];
      // RETURNING gives no order (https://sqlite.org/lang_returning.html): restore oldest first.
      return rows
        .map(decoded)
        .map(toEvent)
        .sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id);
    },

    async renewLeases({ ids, workerId, until }) {
      if (ids.length === 0) return 0;
      return inTransaction(db, () =>
        ids.reduce((count, id) => count + Number(renew.run(until, id, workerId).changes), 0),
      );
    },

    async ack(ids) {
      if (ids.length === 0) return 0;
      const at = clock();
      return inTransaction(db, () => ids.reduce((count, id) => count + Number(ack.run(at, id).changes), 0));
    },

    async retry(id, { error, notBefore }) {
      const row = retry.get(error, notBefore, id) as { attempts: number } | undefined;
      return row?.attempts ?? null;
    },

    async deadLetter(id, reason) {
      return inTransaction(db, () => {
        const row = take.get(id) as EventRow<string> | undefined;
        if (row === undefined) return false;
        insertDead.run(
          row.portal_id,
          row.subscription_type,
          row.object_id,
          row.property_name,
          row.occurred_at,
          row.received_at,
          row.payload,
          row.attempts,
          row.last_error,
          reason,
          clock(),
        );
        return true;
      });
    },

    async inboxStats() {
      const row = stats.get(clock()) as {
        depth: number;
        leased: number;
        oldest_occurred_at: number | null;
        oldest_received_at: number | null;
      };
      return {
        depth: row.depth,
        leased: row.leased,
        oldestOccurredAt: row.oldest_occurred_at,
        oldestReceivedAt: row.oldest_received_at,
      };
    },

    async pruneInbox(before) {
      return Number(prune.run(before).changes);
    },

    async listDeadLetters({ portalId, limit = 100 } = {}) {
      const rows = (portalId === undefined
        ? listAll.all(limit)
        : listPortal.all(portalId, limit)) as unknown as DeadLetterRow<string>[];
      return rows.map((row) => toDeadLetter(decoded(row)));
    },

    async countDeadLetters(portalId) {
      const row = (portalId === undefined ? countAll.get() : countPortal.get(portalId)) as { count: number };
      return row.count;
    },
  };
}

/** SQLite keeps the payload as JSON text. */
function decoded<R extends EventRow<string>>(row: R): R & EventRow {
  return { ...row, payload: JSON.parse(row.payload) as unknown };
}
