import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import { PORTAL_TABLES } from '../../src/store/sqlite/purge-portal.ts';
import type { Store } from '../../src/store/store.ts';
import { assessment, event, PORTAL, T0 } from './contract/context.ts';
import { installation } from './contract/installations.ts';
import { storeContract } from './store-contract.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OTHER_KEY = 'ab'.repeat(32);
const folder = mkdtempSync(join(tmpdir(), 'churn-signals-store-'));
let files = 0;
const newFile = () => join(folder, `store-${++files}.db`);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

storeContract('SQLite in memory', ({ now }) => openSqliteStore({ path: ':memory:', encryptionKey: KEY, now }));
storeContract('SQLite file', ({ now }) => openSqliteStore({ path: newFile(), encryptionKey: KEY, now }));

describe('SQLite store on a file', () => {
  const opened: Store[] = [];
  const open = async (path: string, encryptionKey: string = KEY) => {
    const store = await openSqliteStore({ path, encryptionKey, now: () => T0 });
    opened.push(store);
    return store;
  };
  /** The raw file, read as an attacker with a copy of it would. */
  const raw = <T>(path: string, sql: string): T[] => {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return db.prepare(sql).all() as T[];
    } finally {
      db.close();
    }
  };
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  it('keeps everything across a close and a reopen', async () => {
    const path = newFile();
    const first = await open(path);
    await first.saveInstallation(installation());
    await first.enqueue([event(), event({ objectId: 1002 })]);
    await first.saveAccountState(PORTAL, '5001', { assessment: assessment(64), score: { value: 64, at: T0 } });
    await first.recordTask({
      portalId: PORTAL,
      companyId: '5001',
      signalId: 'low_nps',
      dedupeKey: 'k',
      hubspotTaskId: '7',
      createdAt: T0,
    });
    await first.close();

    const second = await open(path);
    expect(await second.getInstallation(PORTAL)).toEqual(installation());
    expect(await second.claim({ limit: 10, leaseMs: 1_000, now: T0, workerId: 'w' })).toHaveLength(2);
    expect((await second.getAccountState(PORTAL, '5001'))?.assessment).toEqual(assessment(64));
    expect(await second.findOpenTask(PORTAL, '5001', 'low_nps')).toMatchObject({ hubspotTaskId: '7' });
  });

  it('applies each migration once, however often it is opened', async () => {
    const path = newFile();
    await (await open(path)).close();
    await (await open(path)).close();
    const versions = raw<{ version: number }>(path, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('runs in WAL mode, so reads (card requests) never wait for the worker', async () => {
    const path = newFile();
    await open(path);
    expect(raw(path, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('never writes a token in clear, neither on install nor on refresh', async () => {
    const path = newFile();
    const store = await open(path);
    const stored = () => raw<Record<string, unknown>>(path, 'SELECT * FROM installations');
    const refreshed = { accessToken: 'access-after-refresh', refreshToken: 'refresh-2', expiresAt: T0 };
    await store.saveInstallation(installation());
    const afterInstall = stored();
    await store.updateTokens(PORTAL, refreshed);
    for (const [row] of [afterInstall, stored()]) {
      expect(row?.access_token).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(row?.refresh_token).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    }
    const everything = JSON.stringify([afterInstall, stored()]);
    for (const token of [
      installation().accessToken,
      installation().refreshToken,
      'access-after-refresh',
      'refresh-2',
    ]) {
      expect(everything).not.toContain(token);
    }
  });

  it('refuses to open with another ENCRYPTION_KEY than the tokens were stored with', async () => {
    const path = newFile();
    await (await open(path)).close();
    await expect(open(path, OTHER_KEY)).rejects.toThrow(
      /ENCRYPTION_KEY is not the key the tokens in .* were encrypted with/,
    );
  });

  it('refuses a malformed key before creating the file', async () => {
    const path = newFile();
    await expect(open(path, 'hunter2')).rejects.toThrow(/64 hex characters or as 44 base64 characters/);
    expect(() => raw(path, 'SELECT 1')).toThrow(/unable to open/);
  });

  it('refuses a database migrated by a newer build', async () => {
    const path = newFile();
    await (await open(path)).close();
    const db = new DatabaseSync(path);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(MIGRATIONS.length + 1, T0);
    db.close();
    await expect(open(path)).rejects.toThrow(/newer than this build knows/);
  });

  it('explains a path it cannot open', async () => {
    await expect(open(join(folder, 'missing', '\0', 'x.db'))).rejects.toThrow(/cannot open the SQLite database/);
  });

  it('shares one file between two connections: one task recorded, disjoint claims', async () => {
    const path = newFile();
    const [a, b] = [await open(path), await open(path)];
    await a.enqueue(Array.from({ length: 20 }, (_, i) => event({ objectId: 3000 + i })));
    const task = { portalId: PORTAL, companyId: '5001', signalId: 'gone_silent', dedupeKey: 'k', createdAt: T0 };
    const [ra, rb] = await Promise.all([
      a.recordTask({ ...task, hubspotTaskId: 'a' }),
      b.recordTask({ ...task, hubspotTaskId: 'b' }),
    ]);
    expect([ra.recorded, rb.recorded].sort()).toEqual([false, true]);
    const claims = await Promise.all(
      [a, b].map((store, i) => store.claim({ limit: 15, leaseMs: 1_000, now: T0, workerId: `w${i}` })),
    );
    const ids = claims.flat().map((e) => e.id);
    expect(new Set(ids).size).toBe(20);
  });

  it('purges every table that holds portal data', async () => {
    const path = newFile();
    await open(path);
    const tables = raw<{ name: string }>(
      path,
      `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c
       WHERE m.type = 'table' AND c.name = 'portal_id' ORDER BY m.name`,
    ).map((row) => row.name);
    expect(tables).toEqual([...PORTAL_TABLES, 'installations'].sort());
  });
});
