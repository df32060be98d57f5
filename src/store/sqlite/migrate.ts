import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './in-transaction.ts';

/**
 * Brings the schema up to date: applies the migrations not yet recorded in schema_migrations, in order, in one
 * transaction (a failure leaves the database as it was). Idempotent on every start; concurrent starts serialise on
 * the write lock. Returns the versions applied.
 */
export function migrate(db: DatabaseSync, migrations: readonly string[], at: number): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  return inTransaction(db, () => {
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get();
    const current = Number(row?.version ?? 0);
    if (current > migrations.length) {
      throw new Error(
        `the database schema is at version ${current}, newer than this build knows (${migrations.length}): ` +
          'run a newer version of the app, or point DATABASE_URL at another database',
      );
    }
    const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
    const applied: number[] = [];
    for (let version = current + 1; version <= migrations.length; version++) {
      try {
        db.exec(migrations[version - 1] as string);
      } catch (error) {
        throw new Error(`schema migration ${version} failed, nothing was changed: ${(error as Error).message}`);
      }
      record.run(version, at);
      applied.push(version);
    }
    return applied;
  });
}
