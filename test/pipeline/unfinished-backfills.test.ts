import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unfinishedBackfills } from '../../src/pipeline/unfinished-backfills.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { installation } from '../store/contract/installations.ts';

const T0 = Date.parse('2026-03-01T09:00:00Z');

describe('unfinishedBackfills (resumed at start; the crash proof covers it end to end)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 5) });
  });
  afterEach(() => store.close());

  it('lists the installed portals whose backfill did not finish, or never started', async () => {
    for (const portalId of [1, 2, 3, 4]) await store.saveInstallation(installation(portalId));
    await store.setBackfillProgress({ portalId: 1, scored: 0, total: 0, startedAt: T0 });
    await store.setBackfillProgress({ portalId: 2, scored: 40, total: 60, startedAt: T0 });
    await store.setBackfillProgress({ portalId: 3, scored: 60, total: 60, startedAt: T0, finishedAt: T0 + 5_000 });
    // Portal 4: the process died between storing the installation and starting its backfill.
    expect(await unfinishedBackfills(store)).toEqual([1, 2, 4]);
  });

  it('leaves out a portal that is not installed any more', async () => {
    await store.setBackfillProgress({ portalId: 7, scored: 10, total: 60, startedAt: T0 });
    expect(await unfinishedBackfills(store)).toEqual([]);
  });
});
