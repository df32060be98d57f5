import { describe, expect, it } from 'vitest';
import type { PortalId, Store } from '../../../src/store/store.ts';
import { assessment, type ContractContext, event, OTHER_PORTAL, PORTAL, T0 } from './context.ts';
import { installation } from './installations.ts';

/** Gives a portal one of everything the store keeps. */
async function fill(store: Store, portalId: PortalId): Promise<void> {
  await store.saveInstallation(installation(portalId));
  await store.enqueue([
    event({ portalId, objectId: 1 }),
    event({ portalId, objectId: 2 }),
    event({ portalId, objectId: 3 }),
  ]);
  const claimed = await store.claim({ limit: 100, leaseMs: 1_000, now: T0, workerId: `w${portalId}` });
  const mine = claimed.filter((e) => e.portalId === portalId);
  await store.deadLetter(mine[0]?.id as number, 'failed');
  await store.ack([mine[1]?.id as number]);
  await store.saveAccountState(portalId, '5001', { assessment: assessment(50), score: { value: 50, at: T0 } });
  await store.recordTask({
    portalId,
    companyId: '5001',
    signalId: 'gone_silent',
    dedupeKey: 'k',
    hubspotTaskId: '1',
    createdAt: T0,
  });
  await store.createOAuthState({ state: `state-${portalId}`, expiresAt: T0 + 1_000, portalId });
  await store.setBackfillProgress({ portalId, scored: 1, total: 2, startedAt: T0 });
  await store.setJournalOffset(portalId, 'offset');
}

async function holdings(store: Store, portalId: PortalId) {
  // A zero lease ends at once: probing one portal leaves the other's events claimable for its own probe.
  const due = await store.claim({ limit: 100, leaseMs: 0, now: T0 + 60_000, workerId: 'probe' });
  return {
    installation: (await store.getInstallation(portalId)) !== null,
    pending: due.filter((e) => e.portalId === portalId).length,
    account: (await store.getAccountState(portalId, '5001')) !== null,
    companies: (await store.listCompanyIds(portalId)).length,
    openTask: (await store.findOpenTask(portalId, '5001', 'gone_silent')) !== null,
    deadLetters: await store.countDeadLetters(portalId),
    oauthState: (await store.consumeOAuthState(`state-${portalId}`, T0)) !== false,
    backfill: (await store.listBackfillProgress()).some((p) => p.portalId === portalId),
    journalOffset: await store.getJournalOffset(portalId),
  };
}

export function purgeContract({ store }: ContractContext): void {
  describe('purgePortal', () => {
    it('removes everything of the portal and nothing of the others', async () => {
      await fill(store(), PORTAL);
      await fill(store(), OTHER_PORTAL);
      expect(await store().purgePortal(PORTAL)).toBe(true);
      expect(await holdings(store(), PORTAL)).toEqual({
        installation: false,
        pending: 0,
        account: false,
        companies: 0,
        openTask: false,
        deadLetters: 0,
        oauthState: false,
        backfill: false,
        journalOffset: null,
      });
      expect(await holdings(store(), OTHER_PORTAL)).toEqual({
        installation: true,
        pending: 1,
        account: true,
        companies: 1,
        openTask: true,
        deadLetters: 1,
        oauthState: true,
        backfill: true,
        journalOffset: 'offset',
      });
      expect(await store().listPortalIds()).toEqual([OTHER_PORTAL]);
    });

    it('forgets the acknowledged events too, so a reinstalled portal starts afresh', async () => {
      await fill(store(), PORTAL);
      await store().purgePortal(PORTAL);
      expect(await store().enqueue([event({ objectId: 2 })])).toEqual({ accepted: 1, duplicates: 0 });
    });

    it('says whether the portal was installed', async () => {
      expect(await store().purgePortal(PORTAL)).toBe(false);
      await store().saveInstallation(installation());
      expect(await store().purgePortal(PORTAL)).toBe(true);
      expect(await store().purgePortal(PORTAL)).toBe(false);
    });
  });
}
