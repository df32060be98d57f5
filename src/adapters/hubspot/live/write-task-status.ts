import type { PortalId } from '../../../store/store.ts';
import { chunk, isObjectNotFound } from './read-batches.ts';
import { parseBatchResponse } from './write-batch-response.ts';
import { BATCH_LIMIT, TASKS_PATH, type WriteDeps } from './write-types.ts';

/** hs_task_status values: NOT_STARTED, IN_PROGRESS, WAITING, DEFERRED are all still on someone's list. */
const DONE = 'COMPLETED';

/**
 * Which of the ledger's tasks are still open in HubSpot: one batch read of ≤100 ids per call (normally one call for
 * the whole batch). A task missing from the answer was deleted (HubSpot lists it under `errors`, or leaves it out);
 * a completed one says so in `hs_task_status`. Either way its ledger row can be closed and a new task created.
 * A 404 OBJECT_NOT_FOUND for the whole call means none exists any more; any other failure throws, since closing
 * ledger rows on a misread (a wrong base URL) would let duplicates be created.
 */
export async function openTaskIds(
  deps: WriteDeps,
  portalId: PortalId,
  taskIds: readonly string[],
): Promise<Set<string>> {
  const open = new Set<string>();
  for (const batch of chunk([...new Set(taskIds)], BATCH_LIMIT)) {
    const answer = await deps.api
      .request<unknown>(portalId, {
        method: 'POST',
        path: `${TASKS_PATH}/batch/read`,
        query: { archived: false },
        body: { inputs: batch.map((id) => ({ id })), properties: ['hs_task_status'], propertiesWithHistory: [] },
      })
      .catch((error: unknown) => {
        if (isObjectNotFound(error)) return { results: [] };
        throw error;
      });
    for (const task of parseBatchResponse(answer, 'batch read of tasks').results) {
      if (task.properties?.hs_task_status !== DONE) open.add(task.id);
    }
  }
  return open;
}
