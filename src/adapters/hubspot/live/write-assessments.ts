import type { PortalId } from '../../../store/store.ts';
import { writeRiskProperties } from './write-properties.ts';
import { writeTasks } from './write-tasks.ts';
import type { WriteDeps, WriteItem, WriteResult } from './write-types.ts';

export type { WriteDeps, WriteFailure, WriteItem, WriteResult } from './write-types.ts';

/**
 * The worker's "write only what changed; create the tasks; record" step (DESIGN §4, §5) for one portal's batch of
 * assessed companies (the worker hands ≤100 at a time, one batch per HubSpot call then):
 * 1. the changed risk properties, in batch updates; the store records what HubSpot accepted (write-properties.ts);
 * 2. the planned tasks of the companies written or unchanged, each at most once open (write-tasks.ts).
 *
 * Safe to run again with the same input: nothing changed is sent twice and no second task is created, which is what
 * a retry after any failure relies on. A company HubSpot refuses is in `failures` and its tasks wait for the retry;
 * a failure of a whole call (rate limit exhausted, token, network) rejects with the client's HubSpotApiError after
 * the companies already done were recorded.
 */
export async function writeAssessments(
  deps: WriteDeps,
  portalId: PortalId,
  items: readonly WriteItem[],
): Promise<WriteResult> {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.companyId)) {
      throw new TypeError(`writeAssessments: company ${item.companyId} appears twice in the batch; coalesce it first`);
    }
    seen.add(item.companyId);
  }

  const properties = await writeRiskProperties(deps, portalId, items);
  const refused = new Set(properties.failures.map((f) => f.companyId));
  const tasks = await writeTasks(
    deps,
    portalId,
    items.filter((item) => !refused.has(item.companyId)),
  );

  const result: WriteResult = {
    propertiesUpdated: properties.updated.length,
    companiesUnchanged: properties.unchanged.length,
    tasksCreated: tasks.created,
    tasksSkipped: tasks.skipped,
    tasksArchived: tasks.archived,
    failures: [...properties.failures, ...tasks.failures],
  };
  deps.logger.info(
    { portalId, companies: items.length, ...result, failures: result.failures.length },
    'assessments written',
  );
  return result;
}
