import type { Contact, Engagement, Snapshot } from '../../core/snapshot.ts';
import type { Instant } from '../../core/time.ts';

export interface LastTwoWayTouch {
  /** The latest of the two below. */
  at: Instant;
  /** The latest two-way engagement (inbound email, held meeting, connected call), if any. */
  engagement: Engagement | null;
  /** The contact with the latest `lastEngagedAt`, if any. */
  contact: Contact | null;
}

/** The account's latest two-way touch up to `now` (later records are ignored); null when there is none. */
export function lastTwoWayTouch(snapshot: Snapshot, now: Instant): LastTwoWayTouch | null {
  let engagement: Engagement | null = null;
  for (const e of snapshot.engagements) {
    if (e.twoWay && e.at <= now && (engagement === null || e.at > engagement.at)) engagement = e;
  }
  let contact: Contact | null = null;
  let contactAt = Number.NEGATIVE_INFINITY;
  for (const c of snapshot.contacts) {
    const at = c.lastEngagedAt;
    if (at != null && at <= now && at > contactAt) {
      contact = c;
      contactAt = at;
    }
  }
  if (engagement === null && contact === null) return null;
  return { at: Math.max(engagement?.at ?? Number.NEGATIVE_INFINITY, contactAt), engagement, contact };
}
