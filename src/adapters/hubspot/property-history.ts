import type { Instant } from '../../core/time.ts';
import type { HubSpotValueWithTimestamp } from './bundle.ts';
import { instant } from './property-values.ts';

/** One change of a property, as the snapshot keeps it: value null = cleared. */
export interface Change<T> {
  value: T | null;
  at: Instant;
}

/**
 * A property's history (`propertiesWithHistory.<name>`), oldest first, each value parsed ('' → null; `parse` may
 * return null too); entries whose timestamp is not a time are dropped. Absent history → [].
 */
export function propertyHistory<T>(
  entries: readonly HubSpotValueWithTimestamp[] | undefined,
  parse: (value: string) => T | null,
): Change<T>[] {
  if (entries === undefined || entries.length === 0) return [];
  const out: Change<T>[] = [];
  let ascending = true;
  let descending = true;
  let previous = Number.NaN;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as HubSpotValueWithTimestamp;
    const at = instant(entry.timestamp);
    if (at === null) continue;
    const raw = entry.value;
    out.push({ value: raw === '' ? null : parse(raw), at });
    if (at < previous) ascending = false;
    else if (at > previous) descending = false;
    previous = at;
  }
  if (ascending) return out;
  // Newest first (HubSpot's order): reversing keeps "listed first = newer" for equal timestamps.
  if (descending) return out.reverse();
  return out.sort((a, b) => a.at - b.at);
}

export const asString = (value: string): string => value;

/**
 * When a condition on a property last started to hold and still holds at the end of its history (e.g. "became 'true'"),
 * from the history only; null when it does not hold now or there is no history (never a guess).
 */
export function heldSince<T>(history: readonly Change<T>[], holds: (value: T | null) => boolean): Instant | null {
  let since: Instant | null = null;
  for (const change of history) {
    if (!holds(change.value)) since = null;
    else if (since === null) since = change.at;
  }
  return since;
}

/** The timestamp of the newest history entry; null without history. */
export function lastChangedAt(history: readonly Change<unknown>[]): Instant | null {
  const last = history[history.length - 1];
  return last === undefined ? null : last.at;
}
