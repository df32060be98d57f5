import type { Instant } from '../../core/time.ts';
import { DAY } from '../../core/time.ts';

/** What a numeric property history says about the `days` before `now`; null fields mean "not known". */
export interface ValueWindow {
  /** The value in force when the window opened (the last change at or before its start). */
  before: number | null;
  beforeAt: Instant | null;
  /** The first non-null value set inside the window. */
  first: number | null;
  firstAt: Instant | null;
  /** The highest value in force during the window: `before` and every value set inside it. */
  peak: number | null;
  peakAt: Instant | null;
  /** The value in force now (last change at or before `now`; null when cleared or never set). */
  latest: number | null;
  latestAt: Instant | null;
}

/**
 * One pass over a history (oldest first). Changes dated after `now` are ignored; so are non-finite numbers.
 */
export function valueWindow(
  history: readonly { value: number | null; at: Instant }[],
  now: Instant,
  days: number,
): ValueWindow {
  const start = now - days * DAY;
  const w: ValueWindow = {
    before: null,
    beforeAt: null,
    first: null,
    firstAt: null,
    peak: null,
    peakAt: null,
    latest: null,
    latestAt: null,
  };
  for (const { value, at } of history) {
    if (at > now) continue;
    const v = value != null && Number.isFinite(value) ? value : null;
    w.latest = v;
    w.latestAt = at;
    if (at <= start) {
      w.before = v;
      w.beforeAt = at;
      continue;
    }
    if (v == null) continue;
    if (w.first == null) {
      w.first = v;
      w.firstAt = at;
    }
    if (w.peak == null || v > w.peak) {
      w.peak = v;
      w.peakAt = at;
    }
  }
  if (w.before != null && (w.peak == null || w.before >= w.peak)) {
    w.peak = w.before;
    w.peakAt = w.beforeAt;
  }
  return w;
}
