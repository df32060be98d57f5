import type { Snapshot } from './snapshot.ts';
import { DAY, type Instant } from './time.ts';

/**
 * What the account pays per year, for revenue at risk: the won deals closed in the 365 days before `now`; for an
 * account whose yearly contract is older than that (a renewal slipping), its last won deal of the two years before.
 */
export function contractValue(snapshot: Snapshot, now: Instant): number {
  let lastYear = 0;
  let latest: { at: Instant; amount: number } | null = null;
  for (const deal of snapshot.deals) {
    if (deal.status !== 'won' || deal.amount == null || deal.closeDate == null || deal.closeDate > now) continue;
    const age = now - deal.closeDate;
    if (age <= 365 * DAY) lastYear += deal.amount;
    else if (age <= 730 * DAY && (!latest || deal.closeDate > latest.at))
      latest = { at: deal.closeDate, amount: deal.amount };
  }
  return lastYear > 0 ? lastYear : (latest?.amount ?? 0);
}
