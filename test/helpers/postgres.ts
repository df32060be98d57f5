import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the machines run (trust auth); PGTEST_URL points elsewhere. Only used to create and drop databases. */
export const PGTEST_URL = process.env.PGTEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ScratchDatabase {
  /** The new, empty database's URL: give it to openPostgresStore. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** Runs one statement on the maintenance connection; falls back to the `postgres` database when PGTEST_URL's is missing. */
async function admin(sql: string): Promise<void> {
  for (const url of [PGTEST_URL, withDatabase(PGTEST_URL, 'postgres')]) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => {});
      if ((error as { code?: string }).code === '3D000' && url === PGTEST_URL) continue; // database does not exist
      throw error;
    }
    try {
      await client.query(sql);
      return;
    } finally {
      await client.end();
    }
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A uniquely named, empty database (churn_test_<random>), so test files and workers never share one. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = `churn_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  let dropped = false;
  return {
    url: withDatabase(PGTEST_URL, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Why the PostgreSQL tests cannot run here, or null when they can. Only a developer machine without a server skips
 * them (the reason is printed); under CI (process.env.CI set) this is always null, so an unreachable server fails
 * the tests instead of hiding them.
 */
export async function postgresUnavailable(): Promise<string | null> {
  if (process.env.CI) return null;
  try {
    await admin('SELECT 1');
    return null;
  } catch (error) {
    const reason = `PostgreSQL tests skipped: no server at ${PGTEST_URL} (${(error as Error).message}); set PGTEST_URL or start one`;
    console.warn(reason);
    return reason;
  }
}
