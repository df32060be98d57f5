import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createScratchDatabase, postgresUnavailable, type ScratchDatabase } from '../helpers/postgres.ts';
import { installation } from '../store/contract/installations.ts';

const KEY = 'cd'.repeat(32);
const folder = mkdtempSync(join(tmpdir(), 'churn-signals-open-store-'));
const unavailable = await postgresUnavailable();

describe('openStore (DATABASE_URL)', () => {
  const opened: Store[] = [];
  const databases: ScratchDatabase[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(async () => {
    for (const database of databases.splice(0)) await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });
  /** Saves through one store, reads back through a second one on the same URL: the data went where the URL says. */
  const roundTrip = async (url: string) => {
    const first = await openStore(url, KEY);
    opened.push(first);
    await first.saveInstallation(installation());
    const second = await openStore(url, KEY);
    opened.push(second);
    return second.getInstallation(installation().portalId);
  };

  it('opens a SQLite file for a path, with or without the sqlite: prefix', async () => {
    expect(await roundTrip(join(folder, 'plain.db'))).toEqual(installation());
    expect(await roundTrip(`sqlite://${join(folder, 'prefixed.db')}`)).toEqual(installation());
  });

  it.skipIf(unavailable !== null)('opens PostgreSQL for a postgres:// or postgresql:// URL', async () => {
    for (const scheme of ['postgres', 'postgresql']) {
      const database = await createScratchDatabase();
      databases.push(database);
      const url = database.url.replace(/^postgres(ql)?:/, `${scheme}:`);
      expect(await roundTrip(url)).toEqual(installation());
    }
  });

  it('fails with the reason when the PostgreSQL server is unreachable', async () => {
    await expect(openStore('postgresql://app:pw@127.0.0.1:1/churn', KEY)).rejects.toThrow(
      /^cannot connect to the PostgreSQL database postgresql:\/\/app:\*\*\*@127\.0\.0\.1:1\/churn/,
    );
  });
});
