import type { Assessment, PlannedTask } from '../../../core/assessment.ts';
import type { PortalId } from '../../../store/store.ts';
import { chunk } from './read-batches.ts';
import { readTaskRef, taskHtml, taskRef } from './task-html.ts';
import { batchFailures, parseBatchResponse } from './write-batch-response.ts';
import { BATCH_LIMIT, TASKS_PATH, type WriteDeps } from './write-types.ts';

/**
 * HubSpot-defined association type of task → company
 * (the association type id table of https://developers.hubspot.com/docs/api/crm/associations: "Task to company", 192).
 */
export const TASK_TO_COMPANY = 192;

export interface NewTask {
  companyId: string;
  assessment: Assessment;
  task: PlannedTask;
  /** False: leave `hubspot_owner_id` out (the owner is not an active HubSpot owner). */
  ownerExists: boolean;
}

export interface CreateOutcome {
  /** dedupeKey → the id HubSpot gave the task. */
  created: Map<string, string>;
  /** dedupeKey → why HubSpot did not create it. */
  failed: Map<string, string>;
}

/** The batch create input of one task (SimplePublicObjectBatchInputForCreate), associated with its company. */
export function taskInput(portalId: PortalId, t: NewTask) {
  const { task } = t;
  const ownerId = t.ownerExists ? task.assignee.ownerId : null;
  return {
    properties: {
      hs_task_subject: task.subject,
      hs_task_body: taskHtml(t.assessment, task, portalId),
      hs_task_priority: task.priority,
      // Due date; HubSpot takes epoch milliseconds or ISO 8601 (https://developers.hubspot.com/docs/api/crm/tasks).
      hs_timestamp: String(Date.parse(task.dueAt)),
      hs_task_status: 'NOT_STARTED',
      hs_task_type: 'TODO',
      ...(ownerId ? { hubspot_owner_id: ownerId } : {}),
    },
    associations: [
      {
        to: { id: t.companyId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY }],
      },
    ],
    // Echoed in the result, so each created task is matched to its input whatever order HubSpot answers in.
    objectWriteTraceId: task.dedupeKey,
  };
}

/** Batch creates of ≤100 tasks. A task HubSpot did not confirm is reported as failed, never assumed created. */
export async function createTasks(
  deps: WriteDeps,
  portalId: PortalId,
  tasks: readonly NewTask[],
): Promise<CreateOutcome> {
  const outcome: CreateOutcome = { created: new Map(), failed: new Map() };
  for (const batch of chunk(tasks, BATCH_LIMIT)) {
    const answer = await deps.api.request<unknown>(portalId, {
      method: 'POST',
      path: `${TASKS_PATH}/batch/create`,
      // A create is not repeated after a 5xx: the ledger and the search by reference settle a lost answer.
      idempotent: false,
      body: { inputs: batch.map((t) => taskInput(portalId, t)) },
    });
    const response = parseBatchResponse(answer, 'batch create of tasks');
    const byRef = new Map(batch.map((t) => [taskRef(t.task.dedupeKey), t.task.dedupeKey]));
    for (const result of response.results) {
      const key = result.objectWriteTraceId ?? byRef.get(readTaskRef(result.properties?.hs_task_body) ?? '');
      if (key !== undefined) outcome.created.set(key, result.id);
    }
    const { byId, unattributed } = batchFailures(response);
    for (const t of batch) {
      const key = t.task.dedupeKey;
      if (outcome.created.has(key)) continue;
      outcome.failed.set(key, byId.get(key) ?? unattributed[0] ?? 'not in HubSpot’s answer');
    }
  }
  return outcome;
}

/** Batch archive (HubSpot's delete) of ≤100 tasks per call; HubSpot answers 204. */
export async function archiveTasks(deps: WriteDeps, portalId: PortalId, taskIds: readonly string[]): Promise<void> {
  for (const batch of chunk([...new Set(taskIds)], BATCH_LIMIT)) {
    await deps.api.request<unknown>(portalId, {
      method: 'POST',
      path: `${TASKS_PATH}/batch/archive`,
      body: { inputs: batch.map((id) => ({ id })) },
    });
  }
}
