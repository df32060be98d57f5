import type { DepartedContact, Snapshot } from '../../core/snapshot.ts';
import type { Instant } from '../../core/time.ts';

const NONE: readonly DepartedContact[] = [];

/**
 * Contacts that left the account in [since, now] (association removed or contact deleted), leaving out those that
 * are associated with it again (still among the current contacts). Future-dated departures are ignored.
 */
export function recentDepartures(
  snapshot: Pick<Snapshot, 'contacts' | 'departedContacts'>,
  since: Instant,
  now: Instant,
): readonly DepartedContact[] {
  let found: DepartedContact[] | null = null;
  for (const d of snapshot.departedContacts) {
    if (d.at < since || d.at > now) continue;
    if (snapshot.contacts.some((c) => c.id === d.id)) continue;
    if (found) found.push(d);
    else found = [d];
  }
  return found ?? NONE;
}
