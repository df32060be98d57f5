import { DAY } from '../../core/time.ts';
import type { CompanyContext, ContactPart, DemoContact } from './company-context.ts';
import { FIRST_NAMES, LAST_NAMES, TITLES } from './demo-people.ts';

const EXECUTIVE_ROLES = ['DECISION_MAKER', 'EXECUTIVE_SPONSOR', 'BUDGET_HOLDER'] as const;
const USER_ROLES = ['INFLUENCER', 'END_USER', null, null] as const;

export interface ContactSpec {
  part: ContactPart;
  title: string;
  role: string | null;
  createdAt: number;
  /** Last reply to a sales email; null = never. */
  repliedAt: number | null;
  /** Mailbox domain; the company's by default. */
  domain?: string;
}

/** Adds a contact with a name not yet used at the company. */
export function addContact(ctx: CompanyContext, spec: ContactSpec): DemoContact {
  const { r, plan } = ctx;
  const domain = spec.domain ?? plan.profile.domain;
  let first = r.pick(FIRST_NAMES);
  let last = r.pick(LAST_NAMES);
  while (ctx.contacts.some((c) => c.first === first || c.record.properties.lastname === last)) {
    first = r.pick(FIRST_NAMES);
    last = r.pick(LAST_NAMES);
  }
  const email = `${first}.${last}@${domain}`.toLowerCase();
  // Nobody opens, clicks or replies before they are in the CRM.
  const since = (at: number) => Math.min(ctx.now, Math.max(at, spec.createdAt + 3_600_000));
  const replied = spec.repliedAt === null ? null : Math.max(spec.repliedAt, spec.createdAt + DAY);
  const record = ctx.add(
    'contacts',
    {
      firstname: first,
      lastname: last,
      email,
      hs_email_domain: domain,
      jobtitle: spec.title,
      hs_buying_role: spec.role,
      lifecyclestage: 'customer',
      associatedcompanyid: ctx.company.id,
      hubspot_owner_id: plan.ownerId,
      hs_email_optout: 'false',
      hs_email_last_send_date: ctx.iso(since(ctx.ago(r.int(2, 25)))),
      hs_email_last_open_date: ctx.iso(since(ctx.ago(r.int(1, 20)))),
      hs_email_last_click_date: r.chance(0.4) ? ctx.iso(since(ctx.ago(r.int(3, 40)))) : null,
      hs_sales_email_last_replied: replied === null || replied > ctx.now ? null : ctx.iso(replied),
    },
    { at: spec.createdAt },
  );
  const contact: DemoContact = { record, part: spec.part, first, email };
  ctx.contacts.push(contact);
  return contact;
}

/**
 * The company's people: a champion, an executive (decision maker, sponsor or budget holder) and users, with email
 * addresses on the company's domain. Champion and executive answer emails; most contacts came with the account.
 */
export function buildContacts(ctx: CompanyContext): void {
  const { plan, r, now, createdAt } = ctx;
  const ageDays = Math.floor((now - createdAt) / DAY);
  const silent = plan.silentDays;
  for (let i = 0; i < plan.contactCount; i++) {
    const part: ContactPart = i === 0 ? 'champion' : i === 1 ? 'executive' : 'user';
    // Set up with the account (within 30 days), or added long enough ago not to look like turnover.
    const lateJoiner = part === 'user' && ageDays > 150 && r.chance(0.5);
    const created = lateJoiner
      ? now - r.int(100, ageDays - 40) * DAY
      : createdAt + r.int(0, 20) * DAY + r.int(0, 3_600_000);
    addContact(ctx, {
      part,
      title: r.pick(part === 'champion' ? TITLES.champion : part === 'executive' ? TITLES.executive : TITLES.user),
      role: part === 'champion' ? 'CHAMPION' : part === 'executive' ? r.pick(EXECUTIVE_ROLES) : r.pick(USER_ROLES),
      createdAt: created,
      repliedAt:
        part === 'champion'
          ? ctx.ago(silent + r.int(0, 3))
          : part === 'executive'
            ? ctx.ago(silent + r.int(3, Math.max(3, 85 - silent)))
            : r.chance(0.5)
              ? ctx.ago(silent + r.int(2, 60))
              : null,
    });
  }
}
