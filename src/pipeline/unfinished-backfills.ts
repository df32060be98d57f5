import type { PortalId, Store } from '../store/store.ts';

/**
 * Installed portals whose backfill (an install's, or the re-score of a settings save) never finished: it started and
 * the process stopped mid-way (a crash, a kill, a deploy) or failed, or it never started (the process died between
 * storing the installation and the install follow-up). Nothing else would score the companies it did not reach, so
 * the server starts these again when it starts; scoring is idempotent, so the ones it did reach are only read again.
 */
export async function unfinishedBackfills(
  store: Pick<Store, 'listBackfillProgress' | 'listPortalIds'>,
): Promise<PortalId[]> {
  const finished = new Set(
    (await store.listBackfillProgress()).filter((p) => p.finishedAt !== null).map((p) => p.portalId),
  );
  return (await store.listPortalIds()).filter((portalId) => !finished.has(portalId));
}
