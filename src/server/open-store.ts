import { openPostgresStore } from '../store/postgres/open-postgres-store.ts';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.ts';
import type { Store } from '../store/store.ts';

/** DATABASE_URL: a SQLite file path (the default) or, for several instances sharing the work, a postgres:// URL. */
export async function openStore(databaseUrl: string, encryptionKey: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgresStore({ url: databaseUrl, encryptionKey });
  return openSqliteStore({ path: databaseUrl.replace(/^sqlite:(\/\/)?/, ''), encryptionKey });
}
