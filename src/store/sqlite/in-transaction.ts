import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in one write transaction. IMMEDIATE takes the write lock up front, so two processes sharing the file
 * wait on busy_timeout instead of failing half-way with SQLITE_BUSY on lock upgrade (https://sqlite.org/lang_transaction.html).
 * `work` is synchronous: nothing else can run on this connection until it returns.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
