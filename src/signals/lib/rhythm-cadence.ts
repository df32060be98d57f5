import { DAY } from '../../core/time.ts';

export interface Cadence {
  /** Distinct events: events less than a day after the start of a cluster count as one (a meeting and its follow-up). */
  count: number;
  /** The latest event. */
  last: number;
  /** Median gap between consecutive distinct events; null with fewer than two. */
  medianGap: number | null;
}

/** Numeric sort in place: insertion sort for the few dozen values an account has, native sort beyond. */
function sortNumbers(values: number[]): void {
  const n = values.length;
  if (n > 64) {
    values.sort((a, b) => a - b);
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = values[i] as number;
    let j = i - 1;
    while (j >= 0 && (values[j] as number) > v) {
      values[j + 1] = values[j] as number;
      j--;
    }
    values[j + 1] = v;
  }
}

/**
 * The rhythm of a series of instants (two-way touches, won orders): distinct event count, last event and median gap.
 * Sorts `times` in place and overwrites it (callers pass an array built for the purpose).
 */
export function cadence(times: number[]): Cadence | null {
  const length = times.length;
  if (length === 0) return null;
  sortNumbers(times);
  // Collapse same-day clusters in place, keeping the latest instant of each cluster.
  let count = 0;
  let clusterStart = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const at = times[i] as number;
    if (at - clusterStart < DAY) {
      times[count - 1] = at;
    } else {
      times[count++] = at;
      clusterStart = at;
    }
  }
  const last = times[count - 1] as number;
  if (count < 2) return { count, last, medianGap: null };
  const n = count - 1;
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) gaps.push((times[i + 1] as number) - (times[i] as number));
  sortNumbers(gaps);
  const mid = n >> 1;
  const medianGap = n % 2 === 1 ? (gaps[mid] as number) : ((gaps[mid - 1] as number) + (gaps[mid] as number)) / 2;
  return { count, last, medianGap };
}
