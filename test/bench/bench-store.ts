import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, PGTEST_URL } from '../helpers/postgres.ts';

export type StoreKind = 'sqlite' | 'postgres';

export interface BenchStore {
  kind: StoreKind;
  /** The app's DATABASE_URL: a new, empty database. */
  url: string;
  drop(): Promise<void>;
}

/** A fresh database of this kind: a SQLite file in a temporary folder, or a scratch PostgreSQL database (PGTEST_URL). */
export async function benchStore(kind: StoreKind): Promise<BenchStore> {
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase().catch((error: Error) => {
      throw new Error(`no PostgreSQL at ${PGTEST_URL}: ${error.message}`);
    });
    return { kind, url: scratch.url, drop: scratch.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'churn-bench-'));
  return { kind, url: join(dir, 'bench.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
