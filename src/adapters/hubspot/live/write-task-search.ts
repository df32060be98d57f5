import type { PortalId } from '../../../store/store.ts';
import { SEARCH_PAGE_LIMIT, type SearchFilterGroup } from './list-companies.ts';
import { chunk, newestFirst } from './read-batches.ts';
import { readTaskRef } from './task-html.ts';
import { parseBatchResponse } from './write-batch-response.ts';
import { BATCH_LIMIT, TASKS_PATH, type WriteDeps } from './write-types.ts';

/** The most results a search pages through with `after` (HubSpot's search limit). */
const SEARCH_CAP = 10_000;

/**
 * The app's open tasks on these companies, by the reference their body carries (task-html.ts): task ids per
 * reference, lowest (oldest) id first. One search per ≤100 companies, so normally one per batch, under the search
 * limit (5 / s, rate-limit-kind.ts); a further page only when the companies have more than 200 open tasks between them.
 *
 * Why a search: a task created just before a crash, before the ledger recorded it, exists only in HubSpot. Filtering
 * on the company association (`associations.company`, IN over the batch's ids) and the status keeps it to one call;
 * matching the reference here rather than in a CONTAINS_TOKEN filter does not depend on how HubSpot tokenizes rich
 * text. HubSpot indexes new records for search within seconds, not at once: this finds what a previous attempt left,
 * which is what it is for, not what a concurrent worker created a moment ago (the ledger's unique key handles that).
 */
export async function findTasksByRef(
  deps: WriteDeps,
  portalId: PortalId,
  companyIds: readonly string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const batch of chunk([...new Set(companyIds)], BATCH_LIMIT)) {
    const filterGroups: SearchFilterGroup[] = [
      {
        filters: [
          { propertyName: 'associations.company', operator: 'IN', values: batch },
          { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
        ],
      },
    ];
    let after = '0';
    for (let seen = 0; seen < SEARCH_CAP; seen += SEARCH_PAGE_LIMIT) {
      const answer = await deps.api.request<unknown>(portalId, {
        method: 'POST',
        path: `${TASKS_PATH}/search`,
        body: {
          filterGroups,
          properties: ['hs_task_body', 'hs_task_status'],
          // A stable order for paging; the 2026-09 spec declares sorts as property names.
          sorts: ['hs_object_id'],
          limit: SEARCH_PAGE_LIMIT,
          after,
        },
      });
      const page = parseBatchResponse(answer, 'search of tasks');
      for (const task of page.results) {
        const ref = readTaskRef(task.properties?.hs_task_body);
        if (ref !== null) found.set(ref, [...(found.get(ref) ?? []), task.id]);
      }
      const next = page.paging?.next?.after;
      if (!next) break;
      after = next;
    }
  }
  for (const ids of found.values()) ids.sort((a, b) => newestFirst(b, a));
  return found;
}
