import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountsFromStore } from '../../src/demo/preview/accounts-from-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { NOW } from '../helpers/build.ts';
import { scenarioAccounts } from './preview/scenario-accounts.ts';

const PORTAL = 4242;

describe('accountsFromStore', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 5), now: () => NOW });
  });
  afterEach(async () => {
    await store.close();
  });

  it('reads every company of the portal with its last assessment, evidence linked to HubSpot', async () => {
    const [atRisk] = await scenarioAccounts(['critical-renewal-slipping']);
    if (!atRisk?.assessment) throw new Error('scenario not assessed');
    const { reasons, ...rest } = atRisk.assessment;
    const plain = { ...rest, reasons: reasons.map((r) => ({ ...r, evidence: r.evidence.map(({ url, ...e }) => e) })) };
    await store.saveAccountState(PORTAL, atRisk.companyId, { assessment: plain });
    await store.saveAccountState(PORTAL, '777', { memory: {} });
    await store.saveAccountState(PORTAL + 1, '888', { assessment: plain });

    const read = accountsFromStore({
      store,
      portalId: PORTAL,
      names: new Map([['777', 'Backfill Pending Ltd']]),
      revenues: new Map([[atRisk.companyId, 61_000]]),
    });
    const accounts = await read();

    expect(accounts.map((a) => a.companyId).sort()).toEqual([atRisk.companyId, '777'].sort());
    const scored = accounts.find((a) => a.companyId === atRisk.companyId);
    expect(scored?.name).toBe('Marlowe Home Health');
    expect(scored?.revenue).toBe(61_000);
    expect(scored?.assessment?.score).toBe(atRisk.assessment.score);
    const contactEvidence = scored?.assessment?.reasons.flatMap((r) => r.evidence).find((e) => e.type === 'contact');
    expect(contactEvidence?.url).toMatch(new RegExp(`^https://app\\.hubspot\\.com/contacts/${PORTAL}/record/0-1/`));

    const pending = accounts.find((a) => a.companyId === '777');
    expect(pending).toEqual({ companyId: '777', name: 'Backfill Pending Ltd', revenue: 0, assessment: null });
  });

  it('names a company it knows nothing about by its id', async () => {
    await store.saveAccountState(PORTAL, '999', { memory: {} });
    expect(await accountsFromStore({ store, portalId: PORTAL })()).toEqual([
      { companyId: '999', name: 'Company 999', revenue: 0, assessment: null },
    ]);
  });

  it('passes a store failure on to the caller', async () => {
    await store.close();
    await expect(accountsFromStore({ store, portalId: PORTAL })()).rejects.toThrow();
    store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 5) });
  });
});
