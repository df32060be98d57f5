import { z } from 'zod';

/**
 * HubSpot's batch answer (BatchResponseSimplePublicObject in the specs). A partial failure comes back as 207
 * Multi-Status (the client resolves every 2xx the same way) with the records that went through in `results` and one
 * `errors` entry per failure, naming its records in `context.ids`.
 */
const BatchObject = z.object({
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()).optional(),
  objectWriteTraceId: z.string().optional(),
});

const BatchError = z.object({
  status: z.string().optional(),
  category: z.string().optional(),
  context: z.record(z.string(), z.array(z.string())).optional(),
  errors: z.array(z.object({ context: z.record(z.string(), z.array(z.string())).optional() })).optional(),
});

const BatchResponse = z.object({
  results: z.array(BatchObject),
  errors: z.array(BatchError).optional(),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

export type BatchObject = z.output<typeof BatchObject>;
export type BatchResponse = z.output<typeof BatchResponse>;

/** What HubSpot answered to `what` (e.g. "batch update of companies"), or an error saying the answer is not one. */
export function parseBatchResponse(value: unknown, what: string): BatchResponse {
  const parsed = BatchResponse.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new Error(
    `HubSpot answered the ${what} with an unexpected body (${where}: ${issue?.message ?? 'invalid'}); ` +
      'check HUBSPOT_API_BASE_URL points at HubSpot or a compatible server',
  );
}

/** Keys of `context` that name the records an error is about. */
const ID_KEYS = ['ids', 'id', 'objectWriteTraceId', 'objectWriteTraceIds'];

export interface BatchFailures {
  /** Record id (or objectWriteTraceId) → HubSpot's category and status. */
  byId: Map<string, string>;
  /** Errors that name no record: which inputs failed cannot be told. */
  unattributed: string[];
}

export function batchFailures(response: BatchResponse): BatchFailures {
  const byId = new Map<string, string>();
  const unattributed: string[] = [];
  for (const error of response.errors ?? []) {
    const reason = `${error.category ?? 'ERROR'}${error.status ? ` (${error.status})` : ''}`;
    const contexts = [error.context, ...(error.errors ?? []).map((e) => e.context)];
    const ids = contexts.flatMap((context) => ID_KEYS.flatMap((key) => context?.[key] ?? []));
    if (ids.length === 0) unattributed.push(reason);
    for (const id of ids) byId.set(id, reason);
  }
  return { byId, unattributed };
}
