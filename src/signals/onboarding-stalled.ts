import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Deal } from '../core/snapshot.ts';
import { DAY, isoDate } from '../core/time.ts';
import { companyEvidence, dealEvidence } from './lib/evidence.ts';
import { ramp } from './lib/value-ramp.ts';

export const onboardingStalled = defineSignal({
  id: 'onboarding_stalled',
  title: 'Onboarding not completed',
  description:
    'The customer signed weeks ago and onboarding is still not marked complete: a confusing or missing onboarding ' +
    'leaves customers lost, unable to see the full value, and this is the easiest point for them to walk away.',
  source: {
    refs: ['001 #2', '002 提供优秀的入职体验'],
    quote:
      '如果入职过程是令人困惑或不存在,那么客户可能会让人感到沮丧和丢失,或不能理解你所提供的全部价值。这是客户决定他们不想继续投资和保释你最容易点。',
  },
  defaultWeight: 25,
  thresholds: z.object({
    /** Days after becoming a customer by which onboarding should be complete. */
    afterDays: z.number().positive().default(45),
    /** Days as a customer at which the signal reaches full strength. */
    fullStrengthDays: z.number().positive().default(90),
    /** Older customers are an adoption problem, not an onboarding one: the signal stays quiet for them. */
    horizonDays: z.number().positive().default(365),
  }),
  quietInOffSeason: false,
  playbook: [
    'Call the main contact this week: ask which onboarding step is blocked and who on their side owns it.',
    'Agree on 2–3 first milestones with dates (their first result with the product) and send them in writing.',
    'Book a hands-on session to set up the blocking step with them, screen shared, and send the how-to guides and videos for it.',
    'Name one dedicated person on our side to guide them until the first milestone is reached.',
    'Check the sales-to-success handover: goals and promises made during the sale, so onboarding works toward them.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { account, custom, deals } = snapshot;
    const since = account.customerSince;
    if (since == null || since > now) return null;
    const completed = custom.onboardingCompletedAt;
    if (completed != null && completed <= now) return null;
    const days = (now - since) / DAY;
    if (days <= thresholds.afterDays || days > thresholds.horizonDays) return null;
    const wholeDays = Math.floor(days);
    // 0.5 just past the deadline, 1.0 at fullStrengthDays and beyond.
    const strength = ramp(days, thresholds.afterDays, thresholds.fullStrengthDays, 0.5, 1);
    const evidence: Evidence[] = [
      companyEvidence(account, {
        customerSince: isoDate(since),
        daysAsCustomer: wholeDays,
        onboardingCompletedAt: null,
        onboardingDueAt: isoDate(since + thresholds.afterDays * DAY),
      }),
    ];
    let firstWin: Deal | null = null;
    for (const d of deals) {
      if (d.status !== 'won' || d.closeDate == null || d.closeDate > now) continue;
      if (firstWin == null || d.closeDate < (firstWin.closeDate as number)) firstWin = d;
    }
    if (firstWin?.closeDate != null) {
      evidence.push(dealEvidence(firstWin, { closedWonAt: isoDate(firstWin.closeDate), amount: firstWin.amount }));
    }
    return {
      strength,
      headline: `onboarding not completed ${wholeDays} days after becoming a customer (since ${isoDate(since)})`,
      evidence,
    };
  },
});
