import { DAY, isoDate } from '../../core/time.ts';
import { addCall, addEmail, addNote, NO_ANSWER_DISPOSITION, VOICEMAIL_DISPOSITION } from './build-activity.ts';
import { addTask, addTicket } from './build-support.ts';
import type { CompanyContext } from './company-context.ts';
import { PROMO_EMAILS, SURGE_TICKETS, TASK_SUBJECTS, TICKETS } from './demo-texts.ts';

const HOUR = 3_600_000;
const CHECK_IN: readonly [string, string] = [
  'Checking in',
  'Hi {first}, just checking in: anything we can help with this month?',
];

/** Radio silence (planned: no two-way touch for 45–80 days); the rep's check-ins go unanswered. */
export function goneSilent(ctx: CompanyContext): void {
  const champion = ctx.contact('champion');
  for (const days of [ctx.r.int(20, 28), ctx.r.int(5, 12)]) addEmail(ctx, champion, ctx.ago(days), 'EMAIL', CHECK_IN);
  addCall(ctx, champion, ctx.ago(ctx.r.int(2, 8)), 'OUTBOUND', VOICEMAIL_DISPOSITION);
}

/** Pushed too hard: 14 or more outbound emails and calls in four weeks, many of them promotions; maybe an opt-out. */
export function overContacted(ctx: CompanyContext): void {
  const { r, b } = ctx;
  for (let n = 0; n < 16; n++) {
    const who = r.pick(ctx.contacts);
    const at = ctx.ago(r.int(1, 27));
    if (n < 6) addEmail(ctx, who, at, 'EMAIL', r.pick(PROMO_EMAILS));
    else if (n < 11) addEmail(ctx, who, at, 'EMAIL', CHECK_IN);
    else addCall(ctx, who, at, 'OUTBOUND', r.pick([NO_ANSWER_DISPOSITION, VOICEMAIL_DISPOSITION]));
  }
  if (r.chance(0.5)) {
    const who = r.pick(ctx.contacts);
    b.change(who.record, 'hs_email_optout', 'true', ctx.ago(r.int(2, 20)), {
      sourceType: 'EMAIL',
      sourceLabel: 'Unsubscribed',
    });
  }
}

/** Follow-ups forgotten: open tasks 9–50 days past due. */
export function followUpOverdue(ctx: CompanyContext): void {
  for (let n = ctx.r.int(2, 4); n > 0; n--) {
    addTask(ctx, ctx.r.pick(ctx.contacts), ctx.r.pick(TASK_SUBJECTS), ctx.ago(ctx.r.int(9, 50)), null);
  }
}

/** A repeat buyer (planned: credits ordered every two or three months) has not ordered for months. */
export function ordersStopped(ctx: CompanyContext): void {
  addNote(
    ctx,
    ctx.contact('champion'),
    ctx.ago(ctx.r.int(10, 30)),
    'Asked {first} about the next credits order; no decision yet.',
  );
}

/**
 * The renewal is slipping (planned: its deal stuck since it was opened): overdue with no renewal won, or due soon
 * while the account has gone silent. The mapped renewal date follows the renewal deal.
 */
export function renewalRisk(ctx: CompanyContext): void {
  const renewal = ctx.deals.find((d) => d.properties.dealtype === 'renewal' && d.properties.hs_is_closed === 'false');
  const closeDate = renewal?.properties.closedate;
  if (closeDate) ctx.company.properties.churn_renewal_date = isoDate(Date.parse(closeDate));
}

/** Tickets piling up: 4–6 in the last four weeks, most solved within days. */
export function ticketSurge(ctx: CompanyContext): void {
  const { r, now } = ctx;
  for (const [subject, content, priority] of r.shuffle(SURGE_TICKETS).slice(0, r.int(4, 6))) {
    const createdAt = ctx.ago(r.int(1, 27));
    const closedAt =
      createdAt < now - 6 * DAY || r.chance(0.5) ? Math.min(now - HOUR, createdAt + r.int(4, 60) * HOUR) : null;
    addTicket(ctx, { subject, content, category: 'PRODUCT_ISSUE', priority, createdAt, closedAt });
  }
}

/** Problems left unsolved: a high-priority ticket open for weeks, or any ticket open for over a month. */
export function unresolvedTickets(ctx: CompanyContext): void {
  const { r } = ctx;
  if (r.chance(0.5)) {
    const [subject, content] = r.pick(SURGE_TICKETS);
    const priority = r.pick(['HIGH', 'URGENT'] as const);
    addTicket(ctx, {
      subject,
      content,
      category: 'PRODUCT_ISSUE',
      priority,
      createdAt: ctx.ago(r.int(9, 25)),
      closedAt: null,
    });
  } else {
    const [subject, content, category] = r.pick(TICKETS);
    addTicket(ctx, {
      subject,
      content,
      category,
      priority: 'MEDIUM',
      createdAt: ctx.ago(r.int(35, 70)),
      closedAt: null,
    });
  }
}
