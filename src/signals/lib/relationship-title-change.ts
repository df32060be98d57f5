import type { Instant } from '../../core/time.ts';

export interface TitleChange {
  before: string;
  /** null when the title was cleared. */
  after: string | null;
  at: Instant;
}

const SPACES = /\s+/g;

function normalize(title: string | null): string | null {
  return title == null ? null : title.trim().replace(SPACES, ' ').toLowerCase();
}

/**
 * The net change of a contact's job title in [since, now], from its `titleHistory` (oldest first): the last known
 * title before the window (else the first one set inside it) against the latest one. A title set for the first time,
 * a change reverted inside the window or one that only differs in case and spacing is no change; future entries are
 * ignored. Allocates nothing unless the history has an entry in the window.
 */
export function titleChange(
  history: readonly { value: string | null; at: Instant }[],
  since: Instant,
  now: Instant,
): TitleChange | null {
  let latest = history.length - 1;
  while (latest >= 0 && (history[latest] as { at: Instant }).at > now) latest--;
  const last = history[latest];
  if (!last || last.at < since) return null;
  let before: string | null = null;
  for (let i = latest - 1; i >= 0; i--) {
    const h = history[i] as { value: string | null; at: Instant };
    if (h.value == null) continue;
    before = h.value;
    if (h.at < since) break;
  }
  if (before == null || normalize(before) === normalize(last.value)) return null;
  return { before, after: last.value, at: last.at };
}
