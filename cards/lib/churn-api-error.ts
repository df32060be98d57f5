/** One field the server refused, in the server's notation (`signals.gone_silent.weight`, `quietMonths[0]`). */
export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * A call to the Churn Signals server that did not succeed: `status` 0 when HubSpot could not reach the server at
 * all, else the HTTP status. `message` is written for the HubSpot user; `issues` lists the refused fields of a 400.
 */
export class ChurnApiError extends Error {
  override name = 'ChurnApiError';
  readonly status: number;
  readonly issues: readonly FieldIssue[];

  constructor(status: number, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.status = status;
    this.issues = issues;
  }
}

/**
 * The error of a non-2xx answer. The server's error body (src/http/error-handler.ts: `{ error, message, issues?,
 * requestId }`) carries a message for the user, except a 500's ("internal error"), which gets the request id to quote.
 */
export function errorFromResponse(status: number, body: unknown): ChurnApiError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message = typeof fields.message === 'string' && fields.message !== '' ? fields.message : null;
  const reference = typeof fields.requestId === 'string' ? ` (request id ${fields.requestId})` : '';
  const issues = Array.isArray(fields.issues) ? fields.issues.filter(isFieldIssue) : [];
  if (status === 429) {
    return new ChurnApiError(status, 'Too many requests to Churn Signals right now: try again in a few seconds.');
  }
  if (message !== null && fields.error !== 'internal_error') {
    return new ChurnApiError(status, status >= 500 ? `${message}${reference}` : message, issues);
  }
  const what = status >= 500 ? 'had a problem' : `answered HTTP ${status}`;
  return new ChurnApiError(status, `Churn Signals ${what}${reference}: try again in a minute.`);
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}

/** Any failure as a ChurnApiError: a bug in the page itself becomes a message that says what to do. */
export function asApiError(error: unknown): ChurnApiError {
  if (error instanceof ChurnApiError) return error;
  return new ChurnApiError(0, `Something went wrong on this page (${String(error)}): reload it and try again.`);
}
