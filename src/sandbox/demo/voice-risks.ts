import { CONNECTED_DISPOSITION } from '../../adapters/hubspot/map-engagements.ts';
import { DAY } from '../../core/time.ts';
import { addCall, addEmail, addNote } from './build-activity.ts';
import { addSurvey, addTicket } from './build-support.ts';
import type { CompanyContext } from './company-context.ts';
import { BAD_NPS_COMMENTS, BURST_QUESTIONS, COMPLAINTS, PRICE_MENTIONS, SURGE_TICKETS } from './demo-texts.ts';

const HOUR = 3_600_000;

/** A detractor: the champion or the executive answered the latest NPS survey with 2–5 (after 8–10 before). */
export function lowNps(ctx: CompanyContext): void {
  const { r } = ctx;
  const who = ctx.contact(r.chance(0.5) ? 'champion' : 'executive');
  addSurvey(ctx, who, 'NPS', r.int(2, 5), ctx.ago(r.int(3, 18)), r.pick(BAD_NPS_COMMENTS));
}

/** Bad service: a CSAT of 1–2 after a ticket, a complaint ticket, or a solved ticket reopened. */
export function serviceDissatisfaction(ctx: CompanyContext): void {
  const { r, now } = ctx;
  const variant = r.int(0, 2);
  if (variant === 0) {
    const [subject, content] = r.pick(SURGE_TICKETS);
    const createdAt = ctx.ago(r.int(10, 45));
    const closedAt = createdAt + r.int(30, 90) * HOUR;
    addTicket(ctx, { subject, content, category: 'PRODUCT_ISSUE', priority: 'HIGH', createdAt, closedAt });
    addSurvey(ctx, r.pick(ctx.contacts), 'CSAT', r.int(1, 2), closedAt + r.int(2, 20) * HOUR, 'Took far too long.');
  } else if (variant === 1) {
    const [subject, content] = r.pick(COMPLAINTS);
    const createdAt = ctx.ago(r.int(3, 40));
    const closedAt = r.chance(0.5) ? Math.min(now - HOUR, createdAt + r.int(6, 48) * HOUR) : null;
    addTicket(ctx, { subject, content, category: 'PRODUCT_ISSUE', priority: 'HIGH', createdAt, closedAt });
  } else {
    const [subject, content] = r.pick(SURGE_TICKETS);
    const createdAt = ctx.ago(r.int(20, 50));
    const closedAt = createdAt + r.int(1, 3) * DAY;
    const ticket = addTicket(ctx, {
      subject,
      content,
      category: 'PRODUCT_ISSUE',
      priority: 'MEDIUM',
      createdAt,
      closedAt,
    });
    // Reopened: back to stage 1, close date cleared, as HubSpot's history shows it.
    const reopenedAt = Math.min(now - HOUR, closedAt + r.int(2, 10) * DAY);
    ctx.b.change(ticket, 'hs_pipeline_stage', '1', reopenedAt);
    ctx.b.change(ticket, 'closed_date', null, reopenedAt);
    ticket.properties.hs_is_closed = 'false';
  }
}

/** The customer brought up price (and a cheaper rival) in a meeting, call or email; the rep logged it. */
export function competitorOrPrice(ctx: CompanyContext): void {
  const { r } = ctx;
  const who = ctx.contact(r.chance(0.5) ? 'executive' : 'champion');
  const at = ctx.ago(r.int(5, 70));
  const text = r.pick(PRICE_MENTIONS);
  const where = r.int(0, 2);
  if (where === 0) addNote(ctx, who, at, text);
  else if (where === 1)
    addCall(ctx, who, at, 'INBOUND', CONNECTED_DISPOSITION, ['Call with {first}: renewal questions', text]);
  else
    addEmail(ctx, who, at, 'INCOMING_EMAIL', [
      'Re: Renewal proposal',
      `Hi {owner}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
    ]);
}

/** A hands-off customer suddenly full of questions: 5–7 inbound emails and calls in the last two weeks. */
export function inquiryBurst(ctx: CompanyContext): void {
  const { r } = ctx;
  const questions = r.shuffle(BURST_QUESTIONS).slice(0, r.int(5, 7));
  for (const question of questions) {
    const who = r.pick(ctx.contacts);
    const at = ctx.ago(r.int(0, 12));
    if (r.chance(0.75)) addEmail(ctx, who, at, 'INCOMING_EMAIL', question);
    else addCall(ctx, who, at, 'INBOUND', CONNECTED_DISPOSITION, [question[0], question[1]]);
  }
}
