import { DAY } from '../../core/time.ts';
import { addNote } from './build-activity.ts';
import { addContact } from './build-contacts.ts';
import type { CompanyContext } from './company-context.ts';
import { ACTIVE_OWNER_IDS } from './demo-owners.ts';
import { OUTSIDE_ADVISERS, TITLES } from './demo-people.ts';

const BOUNCE = { sourceType: 'EMAIL', sourceLabel: 'Sales email bounce' };

/** The champion moved to another role (title changed) or left (their address hard-bounces). */
export function championDeparted(ctx: CompanyContext): void {
  const { r, b } = ctx;
  const champion = ctx.contact('champion');
  const at = ctx.ago(r.int(8, 60));
  if (r.chance(0.5)) {
    b.change(
      champion.record,
      'jobtitle',
      r.pick(['Advisor to the COO', 'Special Projects Lead', 'Director, Corporate Strategy']),
      at,
    );
    addNote(
      ctx,
      champion,
      at + DAY,
      '{first} moved to a new role inside {company}; we need to find who owns the FlowPilot rollout now.',
    );
  } else {
    b.change(champion.record, 'hs_email_hard_bounce_reason_enum', 'UNKNOWN_USER', at, BOUNCE);
    b.change(champion.record, 'hs_email_bad_address', 'true', at, BOUNCE);
    addNote(ctx, champion, at + DAY, 'Email to {first} bounced. LinkedIn says {first} has joined another company.');
  }
}

/** A reorganisation: new people added in the last two months and a user re-titled. */
export function stakeholderTurnover(ctx: CompanyContext): void {
  const { r, b } = ctx;
  for (let n = r.int(2, 3); n > 0; n--) {
    const createdAt = ctx.ago(r.int(20, 45));
    addContact(ctx, { part: 'user', title: r.pick(TITLES.user), role: null, createdAt, repliedAt: null });
  }
  const user = ctx.contacts.find((c) => c.part === 'user');
  if (!user) return;
  const titles = TITLES.user.filter((t) => t !== user.record.properties.jobtitle);
  b.change(user.record, 'jobtitle', r.pick(titles), ctx.ago(r.int(10, 60)));
}

/** Only the champion still talks to us: nobody else has replied for months. */
export function singleThreaded(ctx: CompanyContext): void {
  for (const c of ctx.contacts) {
    if (c.part === 'champion') continue;
    const old = ctx.ago(ctx.r.int(120, 260));
    c.record.properties.hs_sales_email_last_replied =
      ctx.r.chance(0.5) && old > Date.parse(c.record.createdAt) ? ctx.iso(old) : null;
  }
}

/** An outside adviser (agency, consultant) was added to the account in the last weeks. */
export function outsideAccess(ctx: CompanyContext): void {
  const adviser = ctx.r.pick(OUTSIDE_ADVISERS);
  const createdAt = ctx.ago(ctx.r.int(3, 25));
  addContact(ctx, {
    part: 'user',
    title: adviser.title,
    role: null,
    createdAt,
    repliedAt: null,
    domain: adviser.domain,
  });
}

/**
 * The account's rep left (a deactivated user, planned as the owner): either the company is still assigned to them, or
 * it was handed to a colleague in the last weeks.
 */
export function ownerDeparted(ctx: CompanyContext): void {
  if (ctx.r.chance(0.5)) return;
  ctx.b.change(ctx.company, 'hubspot_owner_id', ctx.r.pick(ACTIVE_OWNER_IDS), ctx.ago(ctx.r.int(3, 25)));
}
