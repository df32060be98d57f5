import type { PortalId } from '../store/store.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { COMPANIES_PER_BATCH, scoreCompanies } from './score-companies.ts';

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
  await deps.store.setBackfillProgress({ portalId, scored, total: total ?? 0, startedAt });
  do {
    const page: { ids: string[]; after: string | null } = await deps.reader.listCompanyIds(portalId, after);
    after = page.after;
    seen += page.ids.length;
    for (let i = 0; i < page.ids.length; i += COMPANIES_PER_BATCH) {
      const batch = page.ids.slice(i, i + COMPANIES_PER_BATCH);
      const report = await scoreCompanies(deps, portalId, new Map(batch.map((id) => [id, []])));
      scored += report.scored;
      const known = Math.max(total ?? 0, seen);
      await deps.store.setBackfillProgress({ portalId, scored, total: known, startedAt });
      log.info({ scored, total: known }, `backfill: ${scored} of ${known}${after ? '+' : ''} companies scored`);
    }
  } while (after);
  await deps.store.setBackfillProgress({ portalId, scored, total: seen, startedAt, finishedAt: deps.now() });
  log.info({ scored, total: seen, ms: deps.now() - startedAt }, 'backfill finished');
  return { scored, total: seen };
}
