import type { Snapshot } from './snapshot.ts';
import { DAY, type Instant } from './time.ts';

/** What the account paid in the last year: won deals closed in the 365 days before `now` (revenue at risk). */
export function contractValue(snapshot: Snapshot, now: Instant): number {
  let total = 0;
  for (const deal of snapshot.deals) {
    if (deal.status === 'won' && deal.amount != null && deal.closeDate != null) {
      if (deal.closeDate <= now && now - deal.closeDate <= 365 * DAY) total += deal.amount;
    }
  }
  return total;
}
