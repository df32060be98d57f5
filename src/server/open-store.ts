import { openSqliteStore } from '../store/sqlite/open-sqlite-store.ts';
import type { Store } from '../store/store.ts';

/** DATABASE_URL: a SQLite file path (the default) or, for several instances, a postgres:// URL. */
export async function openStore(databaseUrl: string, encryptionKey: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'DATABASE_URL points at PostgreSQL, whose store is not built yet: use a SQLite file path (e.g. ./data/churn-signals.sqlite) for now',
    );
  }
  return openSqliteStore({ path: databaseUrl.replace(/^sqlite:(\/\/)?/, ''), encryptionKey });
}
