import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/postgres/migrate.ts';
import { MIGRATIONS } from '../../src/store/postgres/migrations.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { PORTAL_TABLES } from '../../src/store/postgres/purge-portal.ts';
import type { Store } from '../../src/store/store.ts';
import { createScratchDatabase, postgresUnavailable, type ScratchDatabase } from '../helpers/postgres.ts';
import { assessment, event, PORTAL, T0 } from './contract/context.ts';
import { installation } from './contract/installations.ts';
import { storeContract } from './store-contract.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER_KEY = 'ab'.repeat(32);
const unavailable = await postgresUnavailable();

describe.skipIf(unavailable !== null)('PostgreSQL', () => {
  // A scratch database per contract test, dropped when the test closes its store.
  storeContract('PostgreSQL', async ({ now }) => {
    const database = await createScratchDatabase();
    try {
      const store = await openPostgresStore({ url: database.url, encryptionKey: KEY, now });
      return {
        ...store,
        async close() {
          await store.close();
          await database.drop();
        },
      };
    } catch (error) {
      await database.drop();
      throw error;
    }
  });

  describe('PostgreSQL store, several processes', () => {
    const opened: Store[] = [];
    const databases: ScratchDatabase[] = [];
    const clients: pg.Client[] = [];
    /** One store = one pool = what one server process holds. */
    const open = async (url: string, encryptionKey: string = KEY) => {
      const store = await openPostgresStore({ url, encryptionKey, now: () => T0, poolSize: 4 });
      opened.push(store);
      return store;
    };
    const scratch = async () => {
      const database = await createScratchDatabase();
      databases.push(database);
      return database.url;
    };
    /** The raw tables, read as an attacker with a copy of the database would. */
    const raw = async <T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> => {
      const client = new pg.Client({ connectionString: url });
      clients.push(client);
      await client.connect();
      return (await client.query<T>(sql)).rows;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      for (const client of clients.splice(0)) await client.end();
    });
    afterAll(async () => {
      for (const database of databases.splice(0)) await database.drop();
    });

    it('keeps everything across a close and a reopen', async () => {
      const url = await scratch();
      const first = await open(url);
      await first.saveInstallation(installation());
      await first.enqueue([event(), event({ objectId: 1002 })]);
      await first.saveAccountState(PORTAL, '5001', { assessment: assessment(64), score: { value: 64, at: T0 } });
      await first.close();

      const second = await open(url);
      expect(await second.getInstallation(PORTAL)).toEqual(installation());
      expect(await second.claim({ limit: 10, leaseMs: 1_000, now: T0, workerId: 'w' })).toHaveLength(2);
      expect((await second.getAccountState(PORTAL, '5001'))?.assessment).toEqual(assessment(64));
    });

    it('gives two processes claiming at once disjoint events, all of them', async () => {
      const url = await scratch();
      const [a, b] = [await open(url), await open(url)];
      await a.enqueue(Array.from({ length: 200 }, (_, i) => event({ objectId: 3000 + i, occurredAt: T0 - i })));
      const claimed: number[][] = [[], []];
      // Each process keeps claiming small batches until the inbox is drained; the batches interleave.
      await Promise.all(
        [a, b].map(async (store, i) => {
          for (;;) {
            const batch = await store.claim({ limit: 7, leaseMs: 60_000, now: T0, workerId: `process-${i}` });
            if (batch.length === 0) return;
            claimed[i]?.push(...batch.map((e) => e.id));
          }
        }),
      );
      const all = claimed.flat();
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      expect(claimed[0]?.length).toBeGreaterThan(0);
      expect(claimed[1]?.length).toBeGreaterThan(0);
      expect(await a.inboxStats()).toMatchObject({ depth: 200, leased: 200 });
    });

    it('records one task when two processes record the same one at once', async () => {
      const url = await scratch();
      const [a, b] = [await open(url), await open(url)];
      const task = { portalId: PORTAL, companyId: '5001', signalId: 'gone_silent', dedupeKey: 'k', createdAt: T0 };
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).recordTask({ ...task, hubspotTaskId: `t${i}` })),
      );
      expect(results.filter((result) => result.recorded)).toHaveLength(1);
      const winner = results.find((result) => result.recorded)?.task;
      for (const result of results) expect(result.task).toEqual(winner);
      expect(await raw(url, 'SELECT id FROM tasks')).toHaveLength(1);
    });

    it('migrates once when several processes start at once, and again changes nothing', async () => {
      const url = await scratch();
      const stores = await Promise.all([open(url), open(url), open(url), open(url)]);
      expect(stores).toHaveLength(4);
      await open(url);
      const versions = await raw<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    });

    it('never writes a token in clear, neither on install nor on refresh', async () => {
      const url = await scratch();
      const store = await open(url);
      const stored = () => raw<Record<string, unknown>>(url, 'SELECT * FROM installations');
      const refreshed = { accessToken: 'access-after-refresh', refreshToken: 'refresh-2', expiresAt: T0 };
      await store.saveInstallation(installation());
      const afterInstall = await stored();
      await store.updateTokens(PORTAL, refreshed);
      const afterRefresh = await stored();
      for (const [row] of [afterInstall, afterRefresh]) {
        expect(row?.access_token).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
        expect(row?.refresh_token).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      }
      const everything = JSON.stringify([afterInstall, afterRefresh]);
      for (const token of [installation().accessToken, installation().refreshToken, ...Object.values(refreshed)]) {
        if (typeof token === 'string') expect(everything).not.toContain(token);
      }
    });

    it('refuses to open with another ENCRYPTION_KEY than the tokens were stored with', async () => {
      const url = await scratch();
      await open(url);
      await expect(open(url, OTHER_KEY)).rejects.toThrow(
        /ENCRYPTION_KEY is not the key the tokens in .* were encrypted with/,
      );
    });

    it('changes nothing when a migration fails, and names it', async () => {
      const url = await scratch();
      const pool = new pg.Pool({ connectionString: url });
      try {
        await expect(migrate(pool, ['CREATE TABLE a (x int)', 'CREATE TABLE broken ('], T0)).rejects.toThrow(
          /^schema migration 2 failed, nothing was changed: /,
        );
        expect(await migrate(pool, ['CREATE TABLE a (x int)'], T0)).toEqual([1]);
        expect(await migrate(pool, ['CREATE TABLE a (x int)'], T0)).toEqual([]);
      } finally {
        await pool.end();
      }
    });

    it('refuses a database migrated by a newer build', async () => {
      const url = await scratch();
      await (await open(url)).close();
      await raw(url, `INSERT INTO schema_migrations (version, applied_at) VALUES (${MIGRATIONS.length + 1}, ${T0})`);
      await expect(open(url)).rejects.toThrow(/newer than this build knows/);
    });

    it('explains a server it cannot reach, without the password', async () => {
      await expect(open('postgres://app:s3cret@127.0.0.1:1/churn')).rejects.toThrow(
        /^cannot connect to the PostgreSQL database postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/churn \(DATABASE_URL\)/,
      );
    });

    it('purges every table that holds portal data', async () => {
      const url = await scratch();
      await open(url);
      const tables = await raw<{ table_name: string }>(
        url,
        `SELECT table_name FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'portal_id' ORDER BY table_name`,
      );
      expect(tables.map((row) => row.table_name)).toEqual([...PORTAL_TABLES, 'installations'].sort());
    });
  });
});
