/** An entry of a batch answer's `errors` (StandardError in the specs: every field but `id` is required). */
export interface BatchError {
  status: 'error';
  category: string;
  message: string;
  context: Record<string, string[]>;
  errors: { message: string }[];
  links: Record<string, string>;
}

export function batchError(category: string, message: string, context: Record<string, string[]>): BatchError {
  return { status: 'error', category, message, context, errors: [], links: {} };
}

/**
 * HubSpot's batch answer (BatchResponse…): COMPLETE, the results, and the failed inputs under `errors` with their
 * count. The 2026-09 specs declare 200 (201 for creates) for it, partial failures included, so that is what the
 * sandbox answers, where HubSpot's servers may say 207.
 */
export function batchEnvelope<T>(at: number, results: T[], errors: BatchError[] = []) {
  const iso = new Date(at).toISOString();
  return {
    status: 'COMPLETE' as const,
    results,
    ...(errors.length > 0 ? { errors, numErrors: errors.length } : {}),
    requestedAt: iso,
    startedAt: iso,
    completedAt: iso,
  };
}
