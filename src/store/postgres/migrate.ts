import type { Pool } from 'pg';
import { inTransaction } from './in-transaction.ts';

// Any constant shared by every build: the advisory lock is per database, so scratch databases do not contend.
const MIGRATION_LOCK = 7_242_310_626;

/**
 * Brings the schema up to date: applies the migrations not yet recorded in schema_migrations, in order, in one
 * transaction (PostgreSQL's DDL is transactional: a failure leaves the database as it was). Several server
 * processes may start at once: a transaction-scoped advisory lock makes them take turns, and the later ones find
 * nothing left to do. Returns the versions applied.
 */
export async function migrate(pool: Pool, migrations: readonly string[], at: number): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide on the catalog otherwise.
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(
        `the database schema is at version ${current}, newer than this build knows (${migrations.length}): ` +
          'run a newer version of the app, or point DATABASE_URL at another database',
      );
    }
    const applied: number[] = [];
    for (let version = current + 1; version <= migrations.length; version++) {
      try {
        await client.query(migrations[version - 1] as string);
      } catch (error) {
        throw new Error(`schema migration ${version} failed, nothing was changed: ${(error as Error).message}`);
      }
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version, at]);
      applied.push(version);
    }
    return applied;
  });
}
