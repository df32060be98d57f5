import { CONNECTED_DISPOSITION } from '../../adapters/hubspot/map-engagements.ts';
import { DAY } from '../../core/time.ts';
import type { CompanyContext, DemoContact } from './company-context.ts';
import { CALL_TOPICS, fill, INBOUND_EMAILS, MEETING_TOPICS, NOTES, OUTBOUND_EMAILS } from './demo-texts.ts';

const MINUTE = 60_000;
/** HubSpot's default call outcomes besides "Connected". */
export const NO_ANSWER_DISPOSITION = '73a0d17f-1163-4015-bdd5-ec830791da20';
export const VOICEMAIL_DISPOSITION = 'b2cf5968-551e-4856-9783-52b3da59a7d0';

/** How far back the demo logs activity: the longest window a signal reads (180 days) and a little more. */
const HISTORY_DAYS = 200;

/**
 * The relationship's rhythm: a two-way touch (held meeting, reply, connected call) every `cadenceDays` or so, the last
 * one `silentDays` ago; notes after some meetings; the owner's recap emails; now and then an unanswered call.
 * Returns the last two-way touch (HubSpot's notes_last_contacted).
 */
export function buildActivity(ctx: CompanyContext): number {
  const { plan, r, now } = ctx;
  const start = Math.max(now - HISTORY_DAYS * DAY, ctx.createdAt + 7 * DAY);
  let last = 0;
  for (
    let days = plan.silentDays;
    now - days * DAY > start;
    days += Math.max(2, Math.round(plan.cadenceDays * (0.7 + 0.6 * r.next())))
  ) {
    const at = ctx.ago(days);
    last = Math.max(last, at);
    const who = pickContact(ctx);
    const kind = r.next();
    if (kind < 0.35) addMeeting(ctx, who, at);
    else if (kind < 0.75) addEmail(ctx, who, at, 'INCOMING_EMAIL', r.pick(INBOUND_EMAILS));
    else addCall(ctx, who, at, r.chance(0.7) ? 'OUTBOUND' : 'INBOUND', CONNECTED_DISPOSITION);
  }
  for (let days = r.int(2, 14); now - days * DAY > start; days += r.int(10, 18)) {
    addEmail(ctx, ctx.contact('champion'), ctx.ago(days), 'EMAIL', r.pick(OUTBOUND_EMAILS));
  }
  for (let days = r.int(5, 40); now - days * DAY > start; days += r.int(35, 70)) {
    addCall(ctx, pickContact(ctx), ctx.ago(days), 'OUTBOUND', r.pick([NO_ANSWER_DISPOSITION, VOICEMAIL_DISPOSITION]));
  }
  return last;
}

function pickContact(ctx: CompanyContext): DemoContact {
  const x = ctx.r.next();
  if (x < 0.5) return ctx.contact('champion');
  if (x < 0.75) return ctx.contact('executive');
  return ctx.r.pick(ctx.contacts);
}

function addMeeting(ctx: CompanyContext, who: DemoContact, at: number): void {
  const [title, body] = ctx.r.pick(MEETING_TOPICS);
  ctx.add(
    'meetings',
    {
      hs_timestamp: ctx.iso(at),
      hs_meeting_title: `${title} — ${ctx.plan.profile.name}`,
      hs_meeting_body: `<p>${fill(body, ctx.vars(who))}</p>`,
      hs_meeting_start_time: ctx.iso(at),
      hs_meeting_end_time: ctx.iso(at + 45 * MINUTE),
      hs_meeting_outcome: 'COMPLETED',
      hs_meeting_location: 'Zoom',
      hubspot_owner_id: ctx.plan.ownerId,
    },
    { at: at - ctx.r.int(2, 10) * DAY },
    who,
  );
  if (ctx.r.chance(0.5)) addNote(ctx, who, at + 60 * MINUTE, ctx.r.pick(NOTES));
}

export function addNote(ctx: CompanyContext, who: DemoContact, at: number, text: string): void {
  ctx.add(
    'notes',
    {
      hs_timestamp: ctx.iso(at),
      hs_note_body: `<p>${fill(text, ctx.vars(who))}</p>`,
      hubspot_owner_id: ctx.plan.ownerId,
    },
    { at },
    who,
  );
}

export function addEmail(
  ctx: CompanyContext,
  who: DemoContact,
  at: number,
  direction: 'INCOMING_EMAIL' | 'EMAIL',
  [subject, text]: readonly [string, string],
): void {
  const inbound = direction === 'INCOMING_EMAIL';
  const ownerEmail = ctx.owner.email ?? 'team@flowpilot.io';
  ctx.add(
    'emails',
    {
      hs_timestamp: ctx.iso(at),
      hs_email_direction: direction,
      hs_email_status: 'SENT',
      hs_email_subject: fill(subject, ctx.vars(who)),
      hs_email_text: fill(text, ctx.vars(who)),
      hs_email_from_email: inbound ? who.email : ownerEmail,
      hs_email_to_email: inbound ? ownerEmail : who.email,
      hubspot_owner_id: ctx.plan.ownerId,
    },
    { at },
    who,
  );
}

export function addCall(
  ctx: CompanyContext,
  who: DemoContact,
  at: number,
  direction: 'INBOUND' | 'OUTBOUND',
  disposition: string,
  topic: readonly [string, string] = ctx.r.pick(CALL_TOPICS),
): void {
  const connected = disposition === CONNECTED_DISPOSITION;
  ctx.add(
    'calls',
    {
      hs_timestamp: ctx.iso(at),
      hs_call_title: connected ? fill(topic[0], ctx.vars(who)) : fill('Call to {first}', ctx.vars(who)),
      hs_call_body: `<p>${connected ? fill(topic[1], ctx.vars(who)) : disposition === VOICEMAIL_DISPOSITION ? 'Left a voicemail.' : 'No answer.'}</p>`,
      hs_call_direction: direction,
      hs_call_status: 'COMPLETED',
      hs_call_disposition: disposition,
      hs_call_duration: String((connected ? ctx.r.int(5, 25) * 60 : ctx.r.int(15, 45)) * 1000),
      hubspot_owner_id: ctx.plan.ownerId,
    },
    { at },
    who,
  );
}
