import { z } from 'zod';
import { defineSignal } from '../core/signal.ts';
import type { Task } from '../core/snapshot.ts';
import { DAY, daysToMs, isoDate } from '../core/time.ts';
import { taskEvidence } from './lib/evidence.ts';

const MAX_EVIDENCE = 5;

export const followUpOverdue = defineSignal({
  id: 'follow_up_overdue',
  title: 'Follow-ups overdue',
  description:
    'Follow-up tasks on the account or its contacts are well past their due date: forgotten call-backs and ' +
    'promises are a common, avoidable way to lose a customer.',
  source: {
    refs: ['003 客户跟进不到位导致客户资源流失'],
    quote: '由于业务线索繁多,销售人员难免会因为忘记一些对客户的回访而导致客户流失',
  },
  defaultWeight: 10,
  thresholds: z.object({
    /** A task counts once it is more than this many days past due. */
    overdueDays: z.number().positive().default(7),
    /** Overdue tasks at which the count half of the strength is full. */
    fullStrengthCount: z.number().int().positive().default(5),
    /** Days overdue (of the oldest task) at which the age half of the strength is full. */
    fullStrengthOverdueDays: z.number().positive().default(60),
  }),
  quietInOffSeason: false,
  playbook: [
    'Open the overdue tasks in the evidence today: do each one now, or reschedule it to a realistic date with a note saying why.',
    'Start with the oldest: call the contact, apologise for the delay and deliver what was promised (an answer, a quote, a document).',
    'Close tasks that no longer apply, and log the outcome of each follow-up in the CRM so whoever comes next sees the history.',
    'Before ending each call, set the next follow-up date with a reminder in the CRM, so nothing depends on memory.',
    'If the owner cannot keep up with their accounts, raise it with the team lead: reassign the account or get help with the backlog.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const limit = now - daysToMs(thresholds.overdueDays);
    const overdue: Task[] = [];
    for (const t of snapshot.tasks) {
      if (t.status === 'open' && t.dueAt != null && t.dueAt < limit) overdue.push(t);
    }
    if (overdue.length === 0) return null;
    overdue.sort((a, b) => (a.dueAt as number) - (b.dueAt as number));
    const oldest = overdue[0] as Task;
    const oldestDays = Math.floor((now - (oldest.dueAt as number)) / DAY);
    // Half from how many tasks are overdue, half from how overdue the oldest is.
    const strength =
      (Math.min(1, overdue.length / thresholds.fullStrengthCount) +
        Math.min(1, (now - (oldest.dueAt as number)) / daysToMs(thresholds.fullStrengthOverdueDays))) /
      2;
    const what = overdue.length === 1 ? '1 follow-up task' : `${overdue.length} follow-up tasks`;
    return {
      strength,
      headline: `${what} overdue by more than ${thresholds.overdueDays} days (oldest ${oldestDays} days: "${oldest.subject ?? `Task ${oldest.id}`}")`,
      evidence: overdue.slice(0, MAX_EVIDENCE).map((t) =>
        taskEvidence(t, {
          dueAt: isoDate(t.dueAt as number),
          daysOverdue: Math.floor((now - (t.dueAt as number)) / DAY),
          owner: t.ownerId == null ? null : (snapshot.owners.find((o) => o.id === t.ownerId)?.name ?? t.ownerId),
        }),
      ),
    };
  },
});
