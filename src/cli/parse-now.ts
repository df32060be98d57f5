import { UsageError } from './user-error.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** `--now`: a full ISO date or date-time only; Date.parse alone also takes "2026" or "Nov 5" and would mean something else. */
export function parseNow(text: string): number {
  const at = ISO_DATE.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(at)) {
    throw new UsageError(`--now expects an ISO date such as 2026-11-15 or 2026-11-15T12:00:00Z, got "${text}"`);
  }
  return at;
}
