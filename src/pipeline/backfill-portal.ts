import type { PortalId } from '../store/store.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { COMPANIES_PER_BATCH, scoreCompanies } from './score-companies.ts';

/**
 * Batches scored at once. One batch is a chain of dependent calls (companies, then associations, then objects, then
 * the write), so a single chain leaves most of the portal's 110 calls / 10 s unused; a few chains in flight keep the
 * per-portal limiter (which still paces every call) busy.
 */
export const BACKFILL_CONCURRENCY = 4;

/**
 * Scores every company of a newly installed portal (the admin sees a first score within minutes), recording
 * progress for GET /status and the logs. Pages of company ids are scored as they arrive.
 */
export async function backfillPortal(deps: PipelineDeps, portalId: PortalId, total: number | null = null) {
  const log = deps.logger.child({ portalId, job: 'backfill' });
  const startedAt = deps.now();
  let scored = 0;
  let seen = 0;
  let after: string | null = null;
  let failure: { error: unknown } | null = null;
  const inFlight = new Set<Promise<void>>();
  await deps.store.setBackfillProgress({ portalId, scored, total: total ?? 0, startedAt });

  const score = (batch: string[]) => {
    const running: Promise<void> = scoreCompanies(deps, portalId, new Map(batch.map((id) => [id, []])))
      .then(async (report) => {
        scored += report.scored;
        const known = Math.max(total ?? 0, seen);
        await deps.store.setBackfillProgress({ portalId, scored, total: known, startedAt });
        log.info({ scored, total: known }, `backfill: ${scored} of ${known}${after ? '+' : ''} companies scored`);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  do {
    const page: { ids: string[]; after: string | null } = await deps.reader.listCompanyIds(portalId, after);
    after = page.after;
    seen += page.ids.length;
    for (let i = 0; i < page.ids.length && !failure; i += COMPANIES_PER_BATCH) {
      while (inFlight.size >= BACKFILL_CONCURRENCY) await Promise.race(inFlight);
      score(page.ids.slice(i, i + COMPANIES_PER_BATCH));
    }
  } while (after && !failure);
  await Promise.all(inFlight);
  if (failure) throw (failure as { error: unknown }).error;

  await deps.store.setBackfillProgress({ portalId, scored, total: seen, startedAt, finishedAt: deps.now() });
  log.info({ scored, total: seen, ms: deps.now() - startedAt }, 'backfill finished');
  return { scored, total: seen };
}
