import { z } from 'zod';

/**
 * The account snapshot: a CRM-neutral picture of one customer account, built by a CRM adapter and read by the
 * signals. This zod schema is the single source of its type. Instants are epoch milliseconds; every history is
 * sorted oldest first; a value the CRM did not give is null (never a guess), so signals can tell "missing" apart.
 */

const instant = z.number().int().describe('epoch milliseconds');

function history<T extends z.ZodType>(value: T) {
  return z
    .array(z.object({ value: value.nullable(), at: instant }))
    .describe('changes of one property, oldest first; value null = cleared');
}

export const RECORD_TYPES = [
  'company',
  'contact',
  'deal',
  'ticket',
  'email',
  'call',
  'meeting',
  'note',
  'task',
  'feedback_submission',
  'owner',
] as const;
export const RecordType = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordType>;

export const BUYING_ROLES = [
  'champion',
  'decision_maker',
  'executive_sponsor',
  'budget_holder',
  'influencer',
  'end_user',
  'blocker',
  'legal_and_compliance',
  'other',
] as const;
export const BuyingRole = z.enum(BUYING_ROLES);
export type BuyingRole = z.infer<typeof BuyingRole>;

export const Account = z.object({
  id: z.string(),
  name: z.string().nullable(),
  domain: z.string().nullable().describe('primary web domain, lower case, no www.'),
  createdAt: instant.nullable(),
  lifecycleStage: z.string().nullable(),
  customerSince: instant
    .nullable()
    .describe('first closed-won deal, else the date the account became a customer; null = not a customer'),
  ownerId: z.string().nullable(),
  ownerHistory: history(z.string()),
  parentAccountId: z.string().nullable(),
  parentHistory: history(z.string()),
  employees: z.number().nullable(),
  employeesHistory: history(z.number()),
  addressHistory: history(z.string()).describe('one combined address line per change'),
  annualRevenue: z.number().nullable(),
  lastContactedAt: instant.nullable().describe('CRM-computed last contact (HubSpot notes_last_contacted)'),
  merges: z
    .array(z.object({ at: instant, mergedIds: z.array(z.string()) }))
    .describe('other accounts merged into this one'),
});
export type Account = z.infer<typeof Account>;

export const Owner = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  active: z.boolean().describe('false for archived / deactivated users'),
});
export type Owner = z.infer<typeof Owner>;

export const Contact = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  emailDomain: z.string().nullable().describe('lower case domain of the email address'),
  title: z.string().nullable(),
  titleHistory: history(z.string()),
  roles: z.array(BuyingRole),
  createdAt: instant.nullable(),
  lastEngagedAt: instant
    .nullable()
    .describe('last two-way engagement known on the contact: a reply, a meeting, an inbound call'),
  hardBouncedAt: instant.nullable().describe('when the address hard-bounced or was marked bad; null = never'),
  optedOutAt: instant.nullable().describe('when the contact opted out of email; null = not opted out or unknown'),
  lastOpenAt: instant.nullable(),
  lastClickAt: instant.nullable(),
  lastSendAt: instant.nullable().describe('last marketing email sent'),
  primaryAccountHistory: history(z.string()).describe('the primary company the contact belonged to over time'),
});
export type Contact = z.infer<typeof Contact>;

export const DepartedContact = z.object({
  id: z.string(),
  reason: z.enum(['association_removed', 'deleted']),
  at: instant,
  name: z.string().nullable().describe('last known name, when remembered'),
  title: z.string().nullable(),
  roles: z.array(BuyingRole).nullable().describe('last known buying roles; null = unknown'),
});
export type DepartedContact = z.infer<typeof DepartedContact>;

export const Deal = z.object({
  id: z.string(),
  name: z.string().nullable(),
  amount: z.number().nullable(),
  amountHistory: history(z.number()),
  stage: z.string().nullable(),
  status: z.enum(['open', 'won', 'lost']),
  isRenewal: z.boolean(),
  closeDate: instant.nullable(),
  createdAt: instant.nullable(),
  lostReason: z.string().nullable(),
  stageChangedAt: instant.nullable().describe('last stage change; null = unknown'),
});
export type Deal = z.infer<typeof Deal>;

export const Ticket = z.object({
  id: z.string(),
  subject: z.string().nullable(),
  content: z.string().nullable(),
  priority: z.enum(['low', 'medium', 'high', 'urgent']).nullable(),
  category: z.string().nullable(),
  open: z.boolean(),
  createdAt: instant.nullable(),
  closedAt: instant.nullable(),
  reopenedAt: instant.nullable().describe('the last time a closed ticket was opened again'),
});
export type Ticket = z.infer<typeof Ticket>;

export const Engagement = z.object({
  id: z.string(),
  type: z.enum(['email', 'call', 'meeting', 'note']),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  twoWay: z.boolean().describe('the customer took part: inbound email, held meeting, connected or inbound call'),
  at: instant,
  subject: z.string().nullable(),
  text: z.string().nullable().describe('plain text body, when the CRM gives one'),
});
export type Engagement = z.infer<typeof Engagement>;

export const Task = z.object({
  id: z.string(),
  subject: z.string().nullable(),
  status: z.enum(['open', 'completed']),
  dueAt: instant.nullable(),
  completedAt: instant.nullable(),
  ownerId: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;

export const Survey = z.object({
  id: z.string(),
  kind: z.enum(['nps', 'csat', 'ces', 'other']),
  score: z.number(),
  at: instant,
  contactId: z.string().nullable(),
  comment: z.string().nullable(),
  recordType: z.enum(['feedback_submission', 'contact']).describe('where the answer is stored in the CRM'),
  recordId: z.string(),
});
export type Survey = z.infer<typeof Survey>;

/** Admin-mapped properties (DESIGN §2: every non-standard source is a mapping the admin can point elsewhere). */
export const Custom = z.object({
  renewalDate: instant.nullable(),
  seatsPurchased: z.number().nullable(),
  seatsActive: z.number().nullable(),
  seatsActiveHistory: history(z.number()),
  usage: z.number().nullable(),
  usageHistory: history(z.number()),
  onboardingCompletedAt: instant.nullable(),
  lastTrainingAt: instant.nullable(),
});
export type Custom = z.infer<typeof Custom>;

export const Snapshot = z.object({
  crm: z.enum(['hubspot', 'salesforce']),
  tenantId: z.string().describe('HubSpot portal id or Salesforce org id'),
  account: Account,
  owners: z.array(Owner).describe('the CRM users this account refers to (owner, task owners)'),
  contacts: z.array(Contact),
  departedContacts: z.array(DepartedContact),
  deals: z.array(Deal),
  tickets: z.array(Ticket),
  engagements: z.array(Engagement),
  tasks: z.array(Task),
  surveys: z.array(Survey),
  custom: Custom,
  scoreHistory: history(z.number()).describe('past churn-risk scores of this account, for the trend'),
});
export type Snapshot = z.infer<typeof Snapshot>;
