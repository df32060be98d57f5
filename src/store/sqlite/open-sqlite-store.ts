import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Store } from '../store.ts';
import { TokenCipher, TokenCipherError } from '../token-cipher.ts';
import { sqliteAccounts } from './accounts.ts';
import { sqliteInbox } from './inbox.ts';
import { sqliteInstallations } from './installations.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { sqlitePortalProgress } from './portal-progress.ts';
import { sqliteSnoozes } from './snoozes.ts';
import { sqliteTasks } from './tasks.ts';
import { sqliteTenantSettings } from './tenant-settings.ts';

export interface SqliteStoreOptions {
  /** A file path (its folder is created), or ':memory:'. */
  path: string;
  /** ENCRYPTION_KEY: 32 bytes as 64 hex characters or base64. */
  encryptionKey: string | Buffer;
  /** Stamps the store's own bookkeeping (received, acknowledged, failed, updated at). */
  now?: () => number;
  /** How long to wait for another process's write lock before failing with "database is locked". */
  busyTimeoutMs?: number;
}

const KEY_CHECK = 'encryption_key_check';

/** The embedded store (DESIGN §5): one SQLite file, schema migrated on open. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const { path, now = Date.now, busyTimeoutMs = 5_000 } = options;
  const cipher = new TokenCipher(options.encryptionKey); // a bad key fails before the file is touched
  const db = openDatabase(path, busyTimeoutMs);
  try {
    // WAL: readers (card requests) never wait for the worker's writes. synchronous stays FULL, SQLite's default, so
    // an event acknowledged to HubSpot survives a power cut (https://sqlite.org/wal.html, /pragma.html#pragma_synchronous).
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, MIGRATIONS, now());
    checkKey(db, cipher, path);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    ...sqliteInstallations(db, cipher, now),
    ...sqliteInbox(db, now),
    ...sqliteAccounts(db, now),
    ...sqliteTasks(db),
    ...sqlitePortalProgress(db, now),
    ...sqliteTenantSettings(db),
    ...sqliteSnoozes(db),
    async close() {
      if (db.isOpen) db.close();
    },
  };
}

function openDatabase(path: string, timeout: number): DatabaseSync {
  try {
    if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
    return new DatabaseSync(path, { timeout, enableForeignKeyConstraints: true });
  } catch (error) {
    throw new Error(`cannot open the SQLite database ${path} (DATABASE_URL): ${(error as Error).message}`);
  }
}

/**
 * Fails at start, not at the first token read, when ENCRYPTION_KEY is not the key the database's tokens were
 * encrypted with: the first open stores a value encrypted under the key, every later open decrypts it.
 */
function checkKey(db: DatabaseSync, cipher: TokenCipher, path: string): void {
  const row = db.prepare('SELECT value FROM store_meta WHERE name = ?').get(KEY_CHECK) as { value: string } | undefined;
  if (row === undefined) {
    db.prepare('INSERT OR IGNORE INTO store_meta (name, value) VALUES (?, ?)').run(
      KEY_CHECK,
      cipher.encrypt(KEY_CHECK, KEY_CHECK),
    );
    return;
  }
  try {
    cipher.decrypt(row.value, KEY_CHECK);
  } catch (error) {
    if (!(error instanceof TokenCipherError)) throw error;
    throw new TokenCipherError(
      `ENCRYPTION_KEY is not the key the tokens in ${path} were encrypted with: set the original key ` +
        '(a lost key means reinstalling the app in every portal, after deleting the database)',
    );
  }
}
