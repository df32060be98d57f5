import type { HubSpotObject } from '../../adapters/hubspot/bundle.ts';
import { DAY } from '../../core/time.ts';
import type { CompanyContext, DemoContact } from './company-context.ts';
import { fill, GOOD_NPS_COMMENTS, TASK_SUBJECTS, TICKETS } from './demo-texts.ts';

const HOUR = 3_600_000;
const SURVEYS: Record<'NPS' | 'CSAT', { property: string; name: string }> = {
  NPS: { property: 'hs_feedback_last_nps_rating', name: 'FlowPilot customer NPS' },
  CSAT: { property: 'hs_feedback_last_csat_survey_rating', name: 'FlowPilot support CSAT' },
};

export interface TicketSpec {
  subject: string;
  content: string;
  category: string;
  priority: 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';
  createdAt: number;
  /** null = still open. */
  closedAt: number | null;
}

/** Adds a support ticket (pipeline 0: stage 1 new, 4 closed) with its stage and close-date history. */
export function addTicket(ctx: CompanyContext, spec: TicketSpec): HubSpotObject {
  const closed = spec.closedAt !== null;
  const ticket = ctx.add(
    'tickets',
    {
      subject: spec.subject,
      content: spec.content,
      hs_pipeline: '0',
      hs_ticket_priority: spec.priority,
      hs_ticket_category: spec.category,
      source_type: 'EMAIL',
      hs_is_closed: String(closed),
      hubspot_owner_id: ctx.plan.ownerId,
    },
    {
      at: spec.createdAt,
      history: {
        hs_pipeline_stage:
          spec.closedAt === null
            ? [['1', spec.createdAt]]
            : [
                ['1', spec.createdAt],
                ['4', spec.closedAt],
              ],
        ...(spec.closedAt === null ? {} : { closed_date: [[ctx.iso(spec.closedAt), spec.closedAt]] }),
      },
    },
  );
  ctx.tickets.push(ticket);
  return ticket;
}

/** A survey answer: a feedback submission and the contact's "last rating" property, as HubSpot's surveys write them. */
export function addSurvey(
  ctx: CompanyContext,
  who: DemoContact,
  kind: 'NPS' | 'CSAT',
  score: number,
  at: number,
  comment: string | null,
): void {
  const survey = SURVEYS[kind];
  const group = kind === 'NPS' ? (score >= 9 ? 'PROMOTER' : score >= 7 ? 'PASSIVE' : 'DETRACTOR') : null;
  ctx.add(
    'feedback_submissions',
    {
      hs_survey_type: kind,
      hs_survey_name: survey.name,
      hs_survey_channel: 'EMAIL',
      hs_value: String(score),
      hs_response_group: group,
      hs_submission_timestamp: ctx.iso(at),
      hs_contact_id: who.record.id,
      hs_contact_email_rollup: who.email,
      hs_content: comment,
    },
    { at },
    who,
  );
  const source = { sourceType: 'INTEGRATION', sourceLabel: 'Feedback surveys' };
  ctx.b.change(who.record, survey.property, String(score), at, source);
  who.record.properties.hs_feedback_last_survey_date = ctx.iso(at);
}

/**
 * A healthy account's support and feedback: a few tickets solved within days (at most one in the last month), CSAT
 * answers of 4–5 on some, NPS answers of 7–10 from the champion and the executive twice a year, past follow-up tasks
 * completed and at most one open task that is not overdue.
 */
export function buildSupport(ctx: CompanyContext): void {
  const { r, now, customerSince } = ctx;
  const customerDays = Math.floor((now - customerSince) / DAY);
  const tickets: TicketSpec[] = [];
  for (let n = r.int(0, 4); n > 0 && customerDays > 40; n--) {
    const createdAt = ctx.ago(r.int(31, Math.min(360, customerDays)));
    tickets.push(ticketSpec(ctx, createdAt, createdAt + r.int(4, 96) * HOUR));
  }
  if (r.chance(0.4)) {
    const createdAt = ctx.ago(r.int(1, 6));
    tickets.push(ticketSpec(ctx, createdAt, r.chance(0.5) ? Math.min(now, createdAt + r.int(2, 20) * HOUR) : null));
  }
  tickets.sort((a, b) => a.createdAt - b.createdAt);
  for (const spec of tickets) {
    addTicket(ctx, spec);
    if (spec.closedAt !== null && spec.closedAt < now - DAY && r.chance(0.5)) {
      addSurvey(ctx, r.pick(ctx.contacts), 'CSAT', r.int(4, 5), spec.closedAt + r.int(2, 20) * HOUR, null);
    }
  }

  for (const who of [ctx.contact('champion'), ctx.contact('executive')]) {
    const created = Date.parse(who.record.createdAt);
    let score = r.int(8, 10);
    for (const daysAgo of [r.int(200, 230), r.int(20, 45)]) {
      const at = ctx.ago(daysAgo);
      if (at < created || at < customerSince || !r.chance(0.8)) continue;
      addSurvey(ctx, who, 'NPS', score, at, r.pick(GOOD_NPS_COMMENTS));
      score = Math.min(10, Math.max(7, score + r.int(-2, 1)));
    }
  }

  for (let n = r.int(1, 3); n > 0; n--) {
    const due = ctx.ago(r.int(10, 150));
    addTask(ctx, ctx.contact('champion'), r.pick(TASK_SUBJECTS), due, due - r.int(0, 2) * DAY);
  }
  if (r.chance(0.5)) addTask(ctx, ctx.contact('champion'), r.pick(TASK_SUBJECTS), ctx.ahead(r.int(1, 14)), null);
}

function ticketSpec(ctx: CompanyContext, createdAt: number, closedAt: number | null): TicketSpec {
  const [subject, content, category] = ctx.r.pick(TICKETS);
  return { subject, content, category, priority: ctx.r.pick(['LOW', 'MEDIUM'] as const), createdAt, closedAt };
}

/** A follow-up task for the owner; `completedAt` null = still open. */
export function addTask(
  ctx: CompanyContext,
  who: DemoContact,
  subject: string,
  due: number,
  completedAt: number | null,
): HubSpotObject {
  return ctx.add(
    'tasks',
    {
      hs_task_subject: fill(subject, ctx.vars(who)),
      hs_task_body: fill('Follow up with {first} at {company}.', ctx.vars(who)),
      hs_task_status: completedAt === null ? 'NOT_STARTED' : 'COMPLETED',
      hs_task_priority: 'MEDIUM',
      hs_task_type: 'TODO',
      hs_timestamp: ctx.iso(due),
      hs_task_completion_date: completedAt === null ? null : ctx.iso(completedAt),
      hubspot_owner_id: ctx.plan.ownerId,
    },
    { at: Math.min(due, ctx.now) - ctx.r.int(3, 14) * DAY },
    who,
  );
}
