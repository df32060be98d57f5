import { DAY } from '../../src/core/time.ts';
import { demoOwners } from '../../src/sandbox/demo/demo-owners.ts';
import { createPortalBuilder } from '../../src/sandbox/demo/portal-builder.ts';
import type { PortalSeed } from '../../src/sandbox/state/portal-seed.ts';

export interface BenchPortalOptions {
  portalId: number;
  companies: number;
  contactsPerCompany: number;
  now: number;
}

/** Seats bought per company: large, so any `churn_seats_active` below half of it fires low_adoption with its value. */
export const SEATS_PURCHASED = 1_000_000;

/**
 * A plain, healthy portal of any size for the benchmarks: each company a customer with its contacts, one won deal
 * and one closed ticket, all associated. Deterministic for its options.
 */
export function benchPortal({ portalId, companies, contactsPerCompany, now }: BenchPortalOptions): PortalSeed {
  const builder = createPortalBuilder(portalId, now);
  const owners = demoOwners(now);
  for (const owner of owners) builder.addOwner(owner);
  const ownerIds = owners.filter((o) => !o.archived).map((o) => o.id);
  const created = now - 400 * DAY;
  const iso = (at: number) => new Date(at).toISOString();
  for (let i = 0; i < companies; i++) {
    const company = builder.add(
      'companies',
      {
        name: `Bench Company ${i}`,
        domain: `bench-${i}.test`,
        lifecyclestage: 'customer',
        hubspot_owner_id: ownerIds[i % ownerIds.length] ?? null,
        numberofemployees: String(50 + (i % 400)),
        notes_last_contacted: iso(now - 3 * DAY),
        churn_seats_purchased: String(SEATS_PURCHASED),
        churn_seats_active: String(SEATS_PURCHASED * 0.9),
      },
      { at: created },
    );
    for (let c = 0; c < contactsPerCompany; c++) {
      const contact = builder.add(
        'contacts',
        {
          firstname: `Person${c}`,
          lastname: `Company${i}`,
          email: `person${c}@bench-${i}.test`,
          jobtitle: c === 0 ? 'VP Operations' : 'Engineer',
          hs_buying_role: c === 0 ? 'CHAMPION' : null,
          hs_sales_email_last_replied: iso(now - 5 * DAY),
        },
        { at: created },
      );
      builder.associate('companies', company.id, 'contacts', contact.id);
    }
    const deal = builder.add(
      'deals',
      { dealname: `Bench ${i} subscription`, dealstage: 'closedwon', amount: '24000', closedate: iso(created) },
      { at: created },
    );
    builder.associate('companies', company.id, 'deals', deal.id);
    const ticket = builder.add(
      'tickets',
      { subject: `Question ${i}`, hs_pipeline: '0', hs_pipeline_stage: '4', closed_date: iso(now - 30 * DAY) },
      { at: now - 31 * DAY },
    );
    builder.associate('companies', company.id, 'tickets', ticket.id);
  }
  return builder.seed();
}
