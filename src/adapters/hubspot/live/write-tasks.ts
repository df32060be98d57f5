import type { PortalId, TaskRecord } from '../../../store/store.ts';
import { taskRef } from './task-html.ts';
import { archiveTasks, createTasks, type NewTask } from './write-task-create.ts';
import { findTasksByRef } from './write-task-search.ts';
import { openTaskIds } from './write-task-status.ts';
import type { WriteDeps, WriteFailure, WriteItem } from './write-types.ts';

export interface TasksOutcome {
  created: number;
  skipped: number;
  archived: number;
  failures: WriteFailure[];
}

/**
 * DESIGN §4: the tasks the assessments call for, never a second open task for the same company and signal.
 *
 * 1. The ledger's open task for (company, signal), if any, is checked in HubSpot (one batch read): still open → skip;
 *    completed or deleted → the ledger row is closed, and a new task may be created.
 * 2. For what the ledger has nothing open, one search finds the app's open tasks on those companies by the reference
 *    in their body (write-task-search.ts): a task created by an attempt that crashed before recording it is adopted
 *    into the ledger instead of created again. A second open copy of a task is archived.
 * 3. The rest are batch created, then recorded. The ledger allows one open row per key whatever the races: when
 *    another worker recorded its task first, ours is archived, so HubSpot ends with one.
 */
export async function writeTasks(
  deps: WriteDeps,
  portalId: PortalId,
  items: readonly WriteItem[],
): Promise<TasksOutcome> {
  const { store, logger, now } = deps;
  const outcome: TasksOutcome = { created: 0, skipped: 0, archived: 0, failures: [] };
  const wanted: NewTask[] = items.flatMap((item) =>
    item.assessment.tasks.map((task) => ({
      companyId: item.companyId,
      assessment: item.assessment,
      task,
      ownerExists: item.ownerExists !== false,
    })),
  );
  if (wanted.length === 0) return outcome;

  const ledger = new Map<NewTask, TaskRecord>();
  for (const w of wanted) {
    const open = await store.findOpenTask(portalId, w.companyId, w.task.signalId);
    if (open) ledger.set(w, open);
  }
  const ledgerIds = [...ledger.values()].map((r) => r.hubspotTaskId);
  const stillOpen = ledgerIds.length > 0 ? await openTaskIds(deps, portalId, ledgerIds) : new Set<string>();
  for (const [w, record] of ledger) {
    if (stillOpen.has(record.hubspotTaskId)) continue;
    await store.closeTask(record, now());
    ledger.delete(w);
    logger.info(
      { portalId, companyId: w.companyId, signalId: w.task.signalId, taskId: record.hubspotTaskId },
      'task completed or deleted in HubSpot; ledger row closed',
    );
  }
  outcome.skipped += ledger.size;
  const missing = wanted.filter((w) => !ledger.has(w));
  if (missing.length === 0) return outcome;

  const archive: string[] = [];
  const found = await findTasksByRef(deps, portalId, [...new Set(missing.map((w) => w.companyId))]);
  // A second open copy of a task the ledger holds (e.g. a create HubSpot applied although its answer was lost).
  for (const [w, record] of ledger) {
    archive.push(...(found.get(taskRef(w.task.dedupeKey)) ?? []).filter((id) => id !== record.hubspotTaskId));
  }
  const toCreate: NewTask[] = [];
  for (const w of missing) {
    const [adopt, ...copies] = found.get(taskRef(w.task.dedupeKey)) ?? [];
    if (adopt === undefined) {
      toCreate.push(w);
      continue;
    }
    archive.push(...copies);
    const recorded = await record(deps, portalId, w, adopt);
    if (!recorded) archive.push(adopt);
    outcome.skipped++;
    logger.warn(
      { portalId, companyId: w.companyId, signalId: w.task.signalId, taskId: adopt },
      'found an unrecorded task of an earlier attempt; recorded it instead of creating another',
    );
  }

  const { created, failed } = await createTasks(deps, portalId, toCreate);
  for (const w of toCreate) {
    const taskId = created.get(w.task.dedupeKey);
    if (taskId === undefined) {
      const reason = `HubSpot did not create the ${w.task.signalId} task: ${failed.get(w.task.dedupeKey) ?? 'unknown'}`;
      outcome.failures.push({ companyId: w.companyId, stage: 'tasks', reason });
      logger.warn({ portalId, companyId: w.companyId, signalId: w.task.signalId, reason }, 'task not created');
      continue;
    }
    if (await record(deps, portalId, w, taskId)) {
      outcome.created++;
      continue;
    }
    archive.push(taskId);
    outcome.skipped++;
    logger.warn(
      { portalId, companyId: w.companyId, signalId: w.task.signalId, taskId },
      'another worker recorded a task for this company and signal first; archiving ours',
    );
  }

  if (archive.length > 0) {
    await archiveTasks(deps, portalId, archive);
    outcome.archived = new Set(archive).size;
  }
  return outcome;
}

/** True when the ledger took the task; false when it already had an open one for the key (a race lost). */
async function record(deps: WriteDeps, portalId: PortalId, w: NewTask, hubspotTaskId: string): Promise<boolean> {
  const result = await deps.store.recordTask({
    portalId,
    companyId: w.companyId,
    signalId: w.task.signalId,
    dedupeKey: w.task.dedupeKey,
    hubspotTaskId,
    createdAt: deps.now(),
  });
  return result.recorded || result.task.hubspotTaskId === hubspotTaskId;
}
