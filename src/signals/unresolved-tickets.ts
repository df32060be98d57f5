import { z } from 'zod';
import { defineSignal } from '../core/signal.ts';
import type { Ticket } from '../core/snapshot.ts';
import { DAY, isoDate } from '../core/time.ts';
import { ticketEvidence } from './lib/evidence.ts';

/** The age of the oldest ticket at which its part of the strength is full. */
const FULL_AGE_DAYS = 90;
const MAX_EVIDENCE = 5;

interface Stuck {
  ticket: Ticket;
  age: number;
  urgent: boolean;
}

export const unresolvedTickets = defineSignal({
  id: 'unresolved_tickets',
  title: 'Tickets left unresolved',
  description:
    'High-priority tickets open for more than a week, or any ticket open for more than a month: a request that gets ' +
    'no help makes the customer lose confidence in the product and the team.',
  source: {
    refs: ['002 如何吸引有风险的客户', '001 #1'],
    quote: '某个功能可能无法正常工作。也许没有得到帮助的请求。无论如何,它都会导致客户对您的产品和品牌失去信心',
  },
  defaultWeight: 20,
  thresholds: z.object({
    /** A HIGH or URGENT ticket open longer than this. */
    highPriorityDays: z.number().positive().default(7),
    /** Any ticket open longer than this. */
    anyDays: z.number().positive().default(30),
  }),
  quietInOffSeason: false,
  playbook: [
    'Open each listed ticket today and send the requester a status update with a concrete next step and a date.',
    'Escalate the high and urgent ones to the support lead: get a named owner and a resolution date for each.',
    'For tickets open more than a month, call the requester: check the problem still matters, and agree a workaround if the fix will take time.',
    'Resolve in the customer’s favour where you can, and confirm the fix with them before closing; note the root cause on the ticket.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const highMs = thresholds.highPriorityDays * DAY;
    const anyMs = thresholds.anyDays * DAY;
    const stuck: Stuck[] = [];
    let urgentCount = 0;
    let oldest = 0;
    for (const t of snapshot.tickets) {
      if (!t.open || t.createdAt == null || t.createdAt > now) continue;
      const age = now - t.createdAt;
      const urgent = (t.priority === 'high' || t.priority === 'urgent') && age > highMs;
      if (!urgent && age <= anyMs) continue;
      stuck.push({ ticket: t, age, urgent });
      if (urgent) urgentCount++;
      if (age > oldest) oldest = age;
    }
    if (stuck.length === 0) return null;

    // High and urgent first, then the oldest.
    stuck.sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.age - a.age);
    const count = stuck.length;
    const oldestDays = Math.floor(oldest / DAY);
    // 0.3, +0.1 per further ticket, +0.4 × the oldest's age up to 90 days.
    const strength = Math.min(
      1,
      0.3 + 0.1 * (count - 1) + (0.4 * Math.min(oldest / DAY, FULL_AGE_DAYS)) / FULL_AGE_DAYS,
    );
    const evidence = stuck.slice(0, MAX_EVIDENCE).map(({ ticket: t, age }) =>
      ticketEvidence(t, {
        createdAt: isoDate(t.createdAt as number),
        ageDays: Math.floor(age / DAY),
        priority: t.priority,
        category: t.category,
        reopenedAt: t.reopenedAt == null ? null : isoDate(t.reopenedAt),
      }),
    );
    const { highPriorityDays, anyDays } = thresholds;
    let headline: string;
    if (count === 1) {
      const { ticket: t } = stuck[0] as Stuck;
      const name = t.subject ? `ticket “${t.subject}”` : `ticket ${t.id}`;
      headline = `${name}${t.priority ? ` (${t.priority})` : ''} open for ${oldestDays} days`;
    } else if (urgentCount === count) {
      headline = `${count} high/urgent tickets open for more than ${highPriorityDays} days (oldest ${oldestDays} days)`;
    } else if (urgentCount === 0) {
      headline = `${count} tickets open for more than ${anyDays} days (oldest ${oldestDays} days)`;
    } else {
      headline =
        `${count} tickets unresolved: ${urgentCount} high/urgent open > ${highPriorityDays} days, ` +
        `${count - urgentCount} open > ${anyDays} days (oldest ${oldestDays} days)`;
    }
    return { strength, headline, evidence };
  },
});
