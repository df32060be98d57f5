import type { PortalId, Store } from '../store/store.ts';

/**
 * Installed portals whose backfill (an install's, or the re-score of a settings save) started and never finished: the
 * process stopped mid-way (a crash, a kill, a deploy) or the backfill failed. Nothing else would score the companies it
 * did not reach, so the server starts these again when it starts; scoring is idempotent, so the ones it did reach
 * are only read again.
 */
export async function unfinishedBackfills(
  store: Pick<Store, 'listBackfillProgress' | 'getInstallation'>,
): Promise<PortalId[]> {
  const portals: PortalId[] = [];
  for (const progress of await store.listBackfillProgress()) {
    if (progress.finishedAt !== null) continue;
    if (await store.getInstallation(progress.portalId)) portals.push(progress.portalId);
  }
  return portals;
}
