import { z } from 'zod';
import { defineSignal } from '../core/signal.ts';
import type { Deal } from '../core/snapshot.ts';
import { DAY, daysToMs, isoDate } from '../core/time.ts';
import { companyEvidence, dealEvidence } from './lib/evidence.ts';
import { cadence } from './lib/rhythm-cadence.ts';

const MAX_DEAL_EVIDENCE = 4;

function isPastWin(deal: Deal, now: number): deal is Deal & { closeDate: number } {
  return deal.status === 'won' && deal.closeDate != null && deal.closeDate <= now;
}

export const ordersStopped = defineSignal({
  id: 'orders_stopped',
  title: 'Repeat buyer stopped ordering',
  description:
    'A customer who used to buy at a steady rhythm has not closed a deal for much longer than usual: ' +
    'orders that quietly stop are churn that nobody announced.',
  source: {
    refs: ['003 客户流失 (三年客户连续三个月没有进货)'],
    quote: '已经和你合作三年的客户最近居然连续三个月没有进货了',
  },
  defaultWeight: 30,
  thresholds: z.object({
    /** Distinct won orders (deals closed the same day count once) that make a repeat buyer. */
    minWins: z.number().int().min(2).default(3),
    /** Silence allowed = this many times the median interval between wins (at least minSilenceDays). */
    intervalMultiplier: z.number().positive().default(1.5),
    minSilenceDays: z.number().positive().default(60),
    /** Days since the last win / allowed days at which the strength reaches 1 (it is 1 / this just past it). */
    fullStrengthRatio: z.number().min(1).default(2),
  }),
  quietInOffSeason: true,
  playbook: [
    'Call the buyer this week and ask about the coming months: did their demand drop, did the person in charge change, or do they now buy elsewhere?',
    'Check whether this is really their off-season by comparing with the same months in past years; if it is, agree on when they expect to order again and set a reminder.',
    'Review their order history before the call (what, how often, at what price) and bring a concrete proposal for the next order based on it.',
    'If a competitor or price is the reason, learn what they were offered and answer with value (service, terms, results) before any discount.',
    'If the buyer changed, find the new person in charge through colleagues and introduce yourself with the account history and results.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { deals } = snapshot;
    const minSilence = daysToMs(thresholds.minSilenceDays);
    // Cheap exit for most accounts: too few wins, or a recent one.
    let wins = 0;
    let latest = Number.NEGATIVE_INFINITY;
    for (const d of deals) {
      if (!isPastWin(d, now)) continue;
      wins++;
      if (d.closeDate > latest) latest = d.closeDate;
    }
    if (wins < thresholds.minWins || now - latest <= minSilence) return null;

    const times: number[] = [];
    for (const d of deals) if (isPastWin(d, now)) times.push(d.closeDate);
    const rhythm = cadence(times);
    const first = times[0] as number; // sorted by cadence()
    if (!rhythm || rhythm.medianGap == null || rhythm.count < thresholds.minWins) return null;
    const allowed = Math.max(minSilence, thresholds.intervalMultiplier * rhythm.medianGap);
    const silence = now - latest;
    if (silence <= allowed) return null;

    const silentDays = Math.floor(silence / DAY);
    const gapDays = Math.round(rhythm.medianGap / DAY);
    const recent: (Deal & { closeDate: number })[] = [];
    for (const d of deals) if (isPastWin(d, now)) recent.push(d);
    recent.sort((a, b) => b.closeDate - a.closeDate);
    return {
      strength: Math.min(1, silence / allowed / thresholds.fullStrengthRatio),
      headline: `no won deal for ${silentDays} days (usually one every ${gapDays} days; ${rhythm.count} orders since ${isoDate(first)})`,
      evidence: [
        companyEvidence(snapshot.account, {
          lastWin: isoDate(latest),
          daysSinceLastWin: silentDays,
          medianIntervalDays: gapDays,
          allowedDays: Math.round(allowed / DAY),
          orders: rhythm.count,
        }),
        ...recent
          .slice(0, MAX_DEAL_EVIDENCE)
          .map((d) => dealEvidence(d, { closeDate: isoDate(d.closeDate), amount: d.amount, renewal: d.isRenewal })),
      ],
    };
  },
});
