import type { Account } from '../../core/snapshot.ts';
import { DAY, type Instant } from '../../core/time.ts';

export interface RateSurgeOptions {
  /** The recent window, ending at `now`. */
  windowDays: number;
  /** The baseline: this many days before the recent window (cut to the account's history). */
  baselineDays: number;
  /** The account's history must start at least this long before `now`: a new account's first records are onboarding. */
  minHistoryDays: number;
  minRatio: number;
  minCount: number;
}

export interface RateSurge {
  recent: number;
  /** Records per window the baseline predicts; 0 when the baseline had none. */
  usual: number;
  /** recent / usual; Infinity when usual is 0. */
  ratio: number;
  /** Length of the baseline actually used, after cutting it to the account's history. */
  baselineDays: number;
  strength: number;
}

/**
 * Compares the records of the recent window with the account's own baseline rate. The account's history starts at
 * `customerSince` when known (callers count baseline records only from then), else at the earlier of the account's
 * creation and its earliest record; a baseline shorter than the full one is scaled, and an account whose history is
 * younger than `minHistoryDays` never surges. Fires when recent ≥ minCount and recent ≥ minRatio × usual.
 * Strength: the mean of min(1, ratio / (2 × minRatio)) and min(1, recent / (2 × minCount)), so 0.5 exactly at both
 * thresholds and 1 at twice both (a surge from nothing counts as a full ratio).
 */
export function rateSurge(
  account: Account,
  recent: number,
  baseline: number,
  earliestRecordAt: Instant | null,
  now: Instant,
  options: RateSurgeOptions,
): RateSurge | null {
  const { windowDays, baselineDays, minHistoryDays, minRatio, minCount } = options;
  if (recent < minCount) return null;
  let start = account.customerSince;
  if (start == null) {
    const created = account.createdAt;
    start =
      created == null ? earliestRecordAt : earliestRecordAt == null ? created : Math.min(created, earliestRecordAt);
  }
  if (start == null || now - start < minHistoryDays * DAY) return null;
  const windowStart = now - windowDays * DAY;
  const spanDays = (windowStart - Math.max(start, windowStart - baselineDays * DAY)) / DAY;
  if (!(spanDays > 0)) return null;
  // recent ≥ minRatio × usual, multiplied out so that whole-day windows compare exactly.
  if (recent * spanDays < minRatio * baseline * windowDays) return null;
  const usual = (baseline * windowDays) / spanDays;
  const ratio = usual === 0 ? Number.POSITIVE_INFINITY : recent / usual;
  const strength = (Math.min(1, ratio / (2 * minRatio)) + Math.min(1, recent / (2 * minCount))) / 2;
  return { recent, usual, ratio, baselineDays: spanDays, strength };
}
