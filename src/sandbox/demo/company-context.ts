import type { HubSpotObject, HubSpotOwner } from '../../adapters/hubspot/bundle.ts';
import { DAY } from '../../core/time.ts';
import type { Random } from './create-random.ts';
import type { ObjectType } from './demo-seed.ts';
import type { CompanyPlan } from './plan-portfolio.ts';
import type { AddOptions, PortalBuilder } from './portal-builder.ts';

export type ContactPart = 'champion' | 'executive' | 'user';

export interface DemoContact {
  record: HubSpotObject;
  part: ContactPart;
  first: string;
  email: string;
}

/** One company while it is being built: its plan, its records so far, and helpers to add more. */
export interface CompanyContext {
  readonly plan: CompanyPlan;
  readonly b: PortalBuilder;
  readonly r: Random;
  readonly now: number;
  readonly owner: HubSpotOwner;
  readonly company: HubSpotObject;
  readonly customerSince: number;
  readonly createdAt: number;
  readonly contacts: DemoContact[];
  readonly deals: HubSpotObject[];
  readonly tickets: HubSpotObject[];
  /** Adds a record associated with the company (and with `contact`, when given). */
  add(
    type: ObjectType,
    properties: Record<string, string | null>,
    options: AddOptions,
    contact?: DemoContact,
  ): HubSpotObject;
  /** An instant `days` before now, at some hour of that day (never after now). */
  ago(days: number): number;
  /** An instant `days` after now. */
  ahead(days: number): number;
  iso(at: number): string;
  /** Template values for texts: company, owner, and the contact's first name. */
  vars(contact?: DemoContact): Record<string, string>;
  contact(part: ContactPart): DemoContact;
}

const HOUR = 3_600_000;

export function createCompanyContext(
  plan: CompanyPlan,
  b: PortalBuilder,
  r: Random,
  owner: HubSpotOwner,
  company: HubSpotObject,
  customerSince: number,
  createdAt: number,
): CompanyContext {
  const now = b.now;
  const ctx: CompanyContext = {
    plan,
    b,
    r,
    now,
    owner,
    company,
    customerSince,
    createdAt,
    contacts: [],
    deals: [],
    tickets: [],
    add(type, properties, options, contact) {
      const record = b.add(type, properties, options);
      b.associate('companies', company.id, type, record.id);
      if (contact) b.associate('contacts', contact.record.id, type, record.id);
      return record;
    },
    ago(days) {
      return now - days * DAY - r.int(0, 7 * HOUR);
    },
    ahead(days) {
      return now + days * DAY;
    },
    iso(at) {
      return new Date(at).toISOString();
    },
    vars(contact) {
      return {
        company: plan.profile.name,
        owner: owner.firstName ?? 'there',
        first: contact?.first ?? 'team',
      };
    },
    contact(part) {
      return ctx.contacts.find((c) => c.part === part) ?? (ctx.contacts[0] as DemoContact);
    },
  };
  return ctx;
}
