import type { DeadLetter, InboxEvent, TaskRecord } from './store.ts';

/**
 * The rows both stores read back, and their mapping to the Store's records: the tables have the same columns in
 * SQLite and PostgreSQL (sqlite/migrations.ts, postgres/migrations.ts). `payload` is the decoded JSON (SQLite keeps
 * it as text and decodes it before mapping; PostgreSQL's JSONB arrives decoded).
 */
export interface EventRow<Payload = unknown> {
  id: number;
  portal_id: number;
  subscription_type: string;
  object_id: string;
  property_name: string;
  occurred_at: number;
  received_at: number;
  payload: Payload;
  attempts: number;
  last_error: string | null;
}

export interface DeadLetterRow<Payload = unknown> extends EventRow<Payload> {
  reason: string;
  failed_at: number;
}

export interface TaskRow {
  portal_id: number;
  company_id: string;
  signal_id: string;
  dedupe_key: string;
  hubspot_task_id: string;
  created_at: number;
  closed_at: number | null;
}

export function toEvent(row: EventRow): InboxEvent {
  return {
    id: row.id,
    portalId: row.portal_id,
    subscriptionType: row.subscription_type,
    objectId: row.object_id,
    // The key column stores '' for "no property" so the composite unique key treats it as a value.
    propertyName: row.property_name === '' ? null : row.property_name,
    occurredAt: row.occurred_at,
    receivedAt: row.received_at,
    payload: row.payload,
    attempts: row.attempts,
    lastError: row.last_error,
  };
}

export function toDeadLetter(row: DeadLetterRow): DeadLetter {
  return { ...toEvent(row), reason: row.reason, failedAt: row.failed_at };
}

export function toTask(row: TaskRow): TaskRecord {
  return {
    portalId: row.portal_id,
    companyId: row.company_id,
    signalId: row.signal_id,
    dedupeKey: row.dedupe_key,
    hubspotTaskId: row.hubspot_task_id,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}
