import type { Logger } from 'pino';
import type { Assessment } from '../../../core/assessment.ts';
import type { Instant } from '../../../core/time.ts';
import type { AccountStore, TaskLedger } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';

export interface WriteDeps {
  api: Pick<HubSpotApi, 'request'>;
  store: Pick<AccountStore, 'getAccountState' | 'saveAccountState'> &
    Pick<TaskLedger, 'findOpenTask' | 'recordTask' | 'closeTask'>;
  logger: Pick<Logger, 'info' | 'warn' | 'debug'>;
  /** Stamps the task ledger (created, closed). */
  now: () => Instant;
}

export interface WriteItem {
  /** The HubSpot company id the assessment is about. */
  companyId: string;
  assessment: Assessment;
  /**
   * False when the tasks' assignee (`assessment.tasks[].assignee.ownerId`) is not an active owner of the portal (the
   * owners listing, archived ones excluded): the tasks are then created without `hubspot_owner_id`, since HubSpot
   * rejects an unknown owner id and that would fail the whole batch create. Left out = the owner is trusted.
   */
  ownerExists?: boolean;
}

/** A company whose write did not go through; nothing of it was recorded, so a retry of it starts over. */
export interface WriteFailure {
  companyId: string;
  stage: 'properties' | 'tasks';
  /** HubSpot's error category and status, never its message: those can quote record values. */
  reason: string;
}

export interface WriteResult {
  /** Companies whose changed risk properties HubSpot accepted. */
  propertiesUpdated: number;
  /** Companies whose risk properties were already as written (nothing sent). */
  companiesUnchanged: number;
  tasksCreated: number;
  /** Planned tasks not created: one is open already (ledger and HubSpot agree, or it was found by its reference). */
  tasksSkipped: number;
  /** Duplicates removed from HubSpot: lost a race with another worker, or a second copy of an open task. */
  tasksArchived: number;
  failures: WriteFailure[];
}

/** Objects API paths (crm-objects-2026-09.json). */
export const COMPANIES_PATH = '/crm/objects/2026-09/companies';
export const TASKS_PATH = '/crm/objects/2026-09/tasks';

/** HubSpot's batch create, update, read and archive take at most 100 inputs (DESIGN §7). */
export const BATCH_LIMIT = 100;
