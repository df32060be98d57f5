import type { Evidence } from '../../core/signal.ts';
import { isoDate } from '../../core/time.ts';
import { contactEvidence, engagementEvidence } from './evidence.ts';
import type { LastTwoWayTouch } from './rhythm-last-two-way-touch.ts';

/** Evidence for the last two-way touch: the engagement, then the most recently engaged contact (who to call). */
export function touchEvidence(touch: LastTwoWayTouch | null): Evidence[] {
  const evidence: Evidence[] = [];
  if (touch?.engagement) {
    const e = touch.engagement;
    evidence.push(engagementEvidence(e, { lastTwoWayTouch: isoDate(e.at) }));
  }
  if (touch?.contact?.lastEngagedAt != null) {
    evidence.push(contactEvidence(touch.contact, { lastEngagedAt: isoDate(touch.contact.lastEngagedAt) }));
  }
  return evidence;
}
