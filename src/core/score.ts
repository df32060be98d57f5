import type { Level, Trend } from './assessment.ts';
import type { EngineConfig } from './tenant-config.ts';
import { DAY, type Instant } from './time.ts';

/** DESIGN §3: low < medium ≤ … with the tenant's cut points. */
export function levelOf(score: number, levels: EngineConfig['levels']): Level {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
}

/** The last known score at or before `lookbackDays` ago; null when the history does not reach back that far. */
export function scoreBefore(
  history: readonly { value: number | null; at: Instant }[],
  now: Instant,
  lookbackDays: number,
): number | null {
  const cutoff = now - lookbackDays * DAY;
  let found: number | null = null;
  for (const entry of history) {
    if (entry.at > cutoff) break;
    if (entry.value != null) found = entry.value;
  }
  return found;
}

export function trendOf(score: number, previous: number | null, tolerance: number): Trend {
  if (previous == null) return 'steady';
  if (score - previous >= tolerance) return 'rising';
  if (previous - score >= tolerance) return 'falling';
  return 'steady';
}

export function roundPoints(points: number): number {
  return Math.round(points * 10) / 10;
}
