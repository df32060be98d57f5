import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Engagement, Ticket } from '../core/snapshot.ts';
import { DAY, isoDate } from '../core/time.ts';
import { engagementEvidence, ticketEvidence } from './lib/evidence.ts';
import { rateSurge } from './lib/voice-rate-surge.ts';

const MAX_EVIDENCE = 5;

export const inquiryBurst = defineSignal({
  id: 'inquiry_burst',
  title: 'Sudden burst of questions',
  description:
    'A usually hands-off customer suddenly sends many more emails, calls and tickets than it usually does: ' +
    'a sudden change in how a client talks to you often means they are questioning your results.',
  source: {
    refs: ['000 #4'],
    quote: '如果一个比较不干涉的客户突然向你提出问题,这可能是一个迹象,表明他们在质疑你的表现',
  },
  defaultWeight: 15,
  thresholds: z.object({
    windowDays: z.number().int().positive().default(14),
    /** The baseline: the days before the window; its average per window is the account's usual rate. */
    baselineDays: z.number().int().positive().default(180),
    minRatio: z.number().positive().default(3),
    minCount: z.number().int().positive().default(4),
    /** Customer (else known) for at least this long: a new account asks questions while it learns. */
    minHistoryDays: z.number().int().nonnegative().default(90),
  }),
  quietInOffSeason: false,
  playbook: [
    'Read the recent emails, calls and tickets together: are they about results, reports, billing, or is someone new asking?',
    'Call the main contact rather than answering one message at a time: ask openly what prompted the questions and whether their needs are being met.',
    'Bring a short results review to that call: the goals set at the start, progress since, and the data that shows the value delivered.',
    'If a new person is asking, treat it as a stakeholder change: introduce yourself, walk them through the history and learn their goals.',
    'Agree a regular check-in so questions come up in a planned conversation instead of in bursts.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { windowDays, baselineDays } = thresholds;
    const windowStart = now - windowDays * DAY;
    const baselineStart = windowStart - baselineDays * DAY;
    const floor = Math.max(baselineStart, snapshot.account.customerSince ?? baselineStart);
    const emails: Engagement[] = [];
    const calls: Engagement[] = [];
    const tickets: Ticket[] = [];
    let baseline = 0;
    let earliest: number | null = null;
    for (const e of snapshot.engagements) {
      if (e.direction !== 'inbound' || (e.type !== 'email' && e.type !== 'call')) continue;
      const at = e.at;
      if (at > now) continue;
      if (earliest == null || at < earliest) earliest = at;
      if (at >= windowStart) (e.type === 'email' ? emails : calls).push(e);
      else if (at >= floor) baseline++;
    }
    for (const t of snapshot.tickets) {
      const at = t.createdAt;
      if (at == null || at > now) continue;
      if (earliest == null || at < earliest) earliest = at;
      if (at >= windowStart) tickets.push(t);
      else if (at >= floor) baseline++;
    }
    const recent = emails.length + calls.length + tickets.length;
    const surge = rateSurge(snapshot.account, recent, baseline, earliest, now, thresholds);
    if (!surge) return null;

    const records: { at: number; evidence: Evidence }[] = [];
    for (const e of [...emails, ...calls]) {
      records.push({ at: e.at, evidence: engagementEvidence(e, { at: isoDate(e.at), direction: 'inbound' }) });
    }
    for (const t of tickets) {
      const at = t.createdAt as number;
      records.push({ at, evidence: ticketEvidence(t, { createdAt: isoDate(at), priority: t.priority, open: t.open }) });
    }
    records.sort((a, b) => b.at - a.at);
    const parts: string[] = [];
    if (emails.length > 0) parts.push(plural(emails.length, 'email'));
    if (calls.length > 0) parts.push(plural(calls.length, 'call'));
    if (tickets.length > 0) parts.push(plural(tickets.length, 'ticket'));
    const span = Math.round(surge.baselineDays);
    const usual =
      surge.usual === 0
        ? `none in the ${span} days before`
        : `${Math.round(surge.usual * 10) / 10} per ${windowDays} days before`;
    return {
      strength: surge.strength,
      headline: `${recent} inbound questions in ${windowDays} days (${parts.join(', ')}) vs ${usual}`,
      evidence: records.slice(0, MAX_EVIDENCE).map((r) => r.evidence),
    };
  },
});

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
