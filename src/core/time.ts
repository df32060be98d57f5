/** Epoch milliseconds: every instant in the engine is one, so comparisons stay cheap and deterministic. */
export type Instant = number;

export const DAY = 86_400_000;

export function daysToMs(days: number): number {
  return days * DAY;
}

/** Whole and fractional days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Instant, to: Instant): number {
  return (to - from) / DAY;
}

/** True when `at` lies in the `days` before `now` (inclusive), and not in the future. */
export function withinDays(at: Instant | null | undefined, now: Instant, days: number): at is Instant {
  return at != null && at <= now && now - at <= days * DAY;
}

/** YYYY-MM-DD in UTC, by arithmetic: evidence formats many dates and Date#toISOString costs ~0.5 µs a call. */
export function isoDate(at: Instant): string {
  // Civil-from-days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"), valid for any epoch day.
  const z = Math.floor(at / DAY) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(at).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function isoDateTime(at: Instant): string {
  return new Date(at).toISOString();
}

/** Parses an ISO date-time, a date, or epoch milliseconds as HubSpot writes them; null when it is not a time. */
export function parseInstant(value: string | number | null | undefined): Instant | null {
  if (value == null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (/^-?\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Month of the year, 1–12, in UTC (quiet months are declared per calendar month). */
export function monthOf(at: Instant): number {
  return new Date(at).getUTCMonth() + 1;
}
