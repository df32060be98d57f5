import type { Snapshot } from './snapshot.ts';
import { DAY, type Instant } from './time.ts';

export interface Win {
  at: Instant;
  amount: number;
}

/**
 * What an account pays per year, for revenue at risk: its wins closed in the 365 days before `now`; for an account
 * whose yearly contract is older than that (a renewal slipping), its last win of the two years before.
 */
export function yearlyContractValue(wins: Iterable<Win>, now: Instant): number {
  let lastYear = 0;
  let latest: Win | null = null;
  for (const win of wins) {
    if (win.at > now) continue;
    const age = now - win.at;
    if (age <= 365 * DAY) lastYear += win.amount;
    else if (age <= 730 * DAY && (!latest || win.at > latest.at)) latest = win;
  }
  return lastYear > 0 ? lastYear : (latest?.amount ?? 0);
}

/** The snapshot's won deals with an amount and a close date, valued as above. */
export function contractValue(snapshot: Snapshot, now: Instant): number {
  const wins: Win[] = [];
  for (const deal of snapshot.deals) {
    if (deal.status === 'won' && deal.amount != null && deal.closeDate != null) {
      wins.push({ at: deal.closeDate, amount: deal.amount });
    }
  }
  return yearlyContractValue(wins, now);
}
