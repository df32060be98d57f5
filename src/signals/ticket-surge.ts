import { z } from 'zod';
import { defineSignal } from '../core/signal.ts';
import type { Ticket } from '../core/snapshot.ts';
import { DAY, isoDate } from '../core/time.ts';
import { ticketEvidence } from './lib/evidence.ts';
import { rateSurge } from './lib/voice-rate-surge.ts';

const MAX_EVIDENCE = 5;

export const ticketSurge = defineSignal({
  id: 'ticket_surge',
  title: 'Support tickets rising',
  description:
    'The account files far more tickets than it usually does: rising tickets say the customer is struggling, and ' +
    'their pattern (one feature, one team, one stage) says where.',
  source: {
    refs: ['002 增加支持票'],
    quote: '增加支持票:当客户提交支持票时,他们不仅告诉你他们在挣扎。他们提供了关于为什么要挣扎的有价值的信息',
  },
  defaultWeight: 20,
  thresholds: z.object({
    windowDays: z.number().int().positive().default(30),
    /** The baseline: the days before the window; its monthly mean is the account's usual rate. */
    baselineDays: z.number().int().positive().default(180),
    minRatio: z.number().positive().default(2),
    minCount: z.number().int().positive().default(3),
    /** Customer (else known) for at least this long: a new account's first tickets are onboarding, not a surge. */
    minHistoryDays: z.number().int().nonnegative().default(90),
  }),
  quietInOffSeason: false,
  playbook: [
    'Read the recent tickets side by side and name the pattern: one feature, one user or team, a recent release or change, a stage of their journey.',
    'Give the cluster one owner and call the main contact to say you have seen it: one conversation beats five ticket replies.',
    'If it is a defect, escalate it to product or engineering with the ticket list and give the customer a date for the fix.',
    'If it is how-to questions, offer a short training session or guide for the people filing them.',
    'Follow up once the cause is fixed and watch the ticket rate over the next 30 days.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { windowDays, baselineDays } = thresholds;
    const windowStart = now - windowDays * DAY;
    const baselineStart = windowStart - baselineDays * DAY;
    // Before customerSince the account was not a customer: those tickets are no baseline.
    const floor = Math.max(baselineStart, snapshot.account.customerSince ?? baselineStart);
    const recent: Ticket[] = [];
    let baseline = 0;
    let earliest: number | null = null;
    for (const t of snapshot.tickets) {
      const at = t.createdAt;
      if (at == null || at > now) continue;
      if (earliest == null || at < earliest) earliest = at;
      if (at >= windowStart) recent.push(t);
      else if (at >= floor) baseline++;
    }
    const surge = rateSurge(snapshot.account, recent.length, baseline, earliest, now, thresholds);
    if (!surge) return null;

    recent.sort((a, b) => (b.createdAt as number) - (a.createdAt as number));
    const evidence = recent.slice(0, MAX_EVIDENCE).map((t) =>
      ticketEvidence(t, {
        createdAt: isoDate(t.createdAt as number),
        priority: t.priority,
        category: t.category,
        open: t.open,
      }),
    );
    const span = Math.round(surge.baselineDays);
    const usual =
      surge.usual === 0
        ? `none in the ${span} days before`
        : `${round1(surge.usual)} per ${windowDays} days before (${round1(surge.ratio)}×)`;
    return {
      strength: surge.strength,
      headline: `${surge.recent} tickets in ${windowDays} days vs ${usual}`,
      evidence,
    };
  },
});

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
