import type { PortalId } from '../store/store.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { scoreCompanies } from './score-companies.ts';

/**
 * The daily sweep (DESIGN §5): signals that fire on absence (silence, overdue tasks, a renewal coming, orders
 * stopped) change with time alone, with no CRM event to wake them. Re-score the companies that may have crossed a
 * line, found by search within its limits.
 */
export async function sweepPortal(deps: PipelineDeps, portalId: PortalId) {
  const log = deps.logger.child({ portalId, job: 'sweep' });
  const ids = await deps.reader.sweepCandidates(portalId, deps.now());
  const report = await scoreCompanies(deps, portalId, new Map(ids.map((id) => [id, []])));
  log.info({ candidates: ids.length, ...report }, 'daily sweep finished');
  return report;
}
