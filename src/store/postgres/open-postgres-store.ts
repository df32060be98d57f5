import pg from 'pg';
import type { Store } from '../store.ts';
import { TokenCipher, TokenCipherError } from '../token-cipher.ts';
import { postgresAccounts } from './accounts.ts';
import { postgresInbox } from './inbox.ts';
import { postgresInstallations } from './installations.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { postgresPortalProgress } from './portal-progress.ts';
import { postgresRateSlots } from './rate-slots.ts';
import { postgresSnoozes } from './snoozes.ts';
import { postgresTasks } from './tasks.ts';
import { postgresTenantSettings } from './tenant-settings.ts';

export interface PostgresStoreOptions {
  /** DATABASE_URL: postgres://user:password@host:port/database */
  url: string;
  /** ENCRYPTION_KEY: 32 bytes as 64 hex characters or base64. */
  encryptionKey: string | Buffer;
  /** Stamps the store's own bookkeeping (received, acknowledged, failed, updated at). */
  now?: () => number;
  /** Connections this process keeps at most. */
  poolSize?: number;
}

const KEY_CHECK = 'encryption_key_check';
const INT8 = 20;

// Epoch milliseconds, ids and COUNT(*) are BIGINT, which node-postgres hands over as strings (they may exceed 2^53).
// Ours stay far below that: parse them as numbers, per pool, without touching the process-wide pg.types.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The store for several instances (DESIGN §5, README.md beside this file): one PostgreSQL database, migrated on open. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const { url, now = Date.now, poolSize = 10 } = options;
  const cipher = new TokenCipher(options.encryptionKey); // a bad key fails before connecting
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server (restart, failover) is removed from the pool, and the next query
  // opens a new one; without a listener the 'error' event would crash the process.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1').catch((error: Error) => {
      throw new Error(`cannot connect to the PostgreSQL database ${redact(url)} (DATABASE_URL): ${error.message}`);
    });
    await migrate(pool, MIGRATIONS, now());
    await checkKey(pool, cipher, redact(url));
  } catch (error) {
    await pool.end();
    throw error;
  }
  let closed = false;
  return {
    ...postgresInstallations(pool, cipher, now),
    ...postgresInbox(pool, now),
    ...postgresAccounts(pool, now),
    ...postgresTasks(pool),
    ...postgresPortalProgress(pool, now),
    ...postgresTenantSettings(pool),
    ...postgresSnoozes(pool),
    sharedRateSlots: postgresRateSlots(pool),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The URL without its password, for messages and logs. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * Fails at start, not at the first token read, when ENCRYPTION_KEY is not the key the database's tokens were
 * encrypted with: the first open stores a value encrypted under the key, every later open decrypts it. Of several
 * processes opening a new database at once, ON CONFLICT lets the first one's value stand and all check against it.
 */
async function checkKey(pool: pg.Pool, cipher: TokenCipher, where: string): Promise<void> {
  await pool.query('INSERT INTO store_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    KEY_CHECK,
    cipher.encrypt(KEY_CHECK, KEY_CHECK),
  ]);
  const { rows } = await pool.query<{ value: string }>('SELECT value FROM store_meta WHERE name = $1', [KEY_CHECK]);
  try {
    cipher.decrypt(rows[0]?.value ?? '', KEY_CHECK);
  } catch (error) {
    if (!(error instanceof TokenCipherError)) throw error;
    throw new TokenCipherError(
      `ENCRYPTION_KEY is not the key the tokens in ${where} were encrypted with: set the original key ` +
        '(a lost key means reinstalling the app in every portal, after emptying the database)',
    );
  }
}
