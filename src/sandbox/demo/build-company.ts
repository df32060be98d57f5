import type { HubSpotOwner } from '../../adapters/hubspot/bundle.ts';
import { SIGNAL_IDS } from '../../core/signal.ts';
import { DAY, isoDate } from '../../core/time.ts';
import { applyRisk } from './apply-risk.ts';
import { buildActivity } from './build-activity.ts';
import { buildContacts } from './build-contacts.ts';
import { buildDeals } from './build-deals.ts';
import { buildSupport } from './build-support.ts';
import { type CompanyContext, createCompanyContext } from './company-context.ts';
import type { Random } from './create-random.ts';
import type { CompanyPlan } from './plan-portfolio.ts';
import type { Change, PortalBuilder, Source } from './portal-builder.ts';

const YEAR = 365 * DAY;
const USAGE_SYNC: Source = {
  sourceType: 'INTEGRATION',
  sourceId: 'flowpilot-usage-sync',
  sourceLabel: 'FlowPilot usage sync',
};

/** One company of the demo portal: a healthy account built from its plan, then each of its risk stories applied. */
export function buildCompany(
  plan: CompanyPlan,
  b: PortalBuilder,
  r: Random,
  owners: readonly HubSpotOwner[],
): CompanyContext {
  const now = b.now;
  const customerSince = now - plan.customerDays * DAY - r.int(0, 6 * 3_600_000);
  const createdAt = customerSince - plan.prospectDays * DAY;
  const customerDays = plan.customerDays;
  const { profile, office } = plan;

  const target = 0.68 + 0.27 * r.next(); // share of seats in use once ramped up
  const perSeat = r.int(40, 120); // automation runs per active seat and month
  const seatsActive: Change[] = [];
  const usage: Change[] = [];
  // The usage sync runs nightly at 02:00 UTC; the demo keeps one value a month, the last a week or more ago.
  for (let days = Math.min(customerDays - 5, 270); days >= 7; days -= r.int(27, 33)) {
    const age = customerDays - days;
    const share = target * Math.min(1, 0.6 + age / 150) * (0.98 + 0.04 * r.next());
    const active = Math.max(1, Math.round(plan.seats * share));
    const at = Math.floor((now - days * DAY) / DAY) * DAY + 2 * 3_600_000;
    seatsActive.push([String(active), at, USAGE_SYNC]);
    usage.push([String(Math.round(active * perSeat * (0.96 + 0.08 * r.next()))), at, USAGE_SYNC]);
  }
  const employees: Change[] =
    customerDays > 400 && r.chance(0.5)
      ? [
          [String(Math.round(plan.employees * (0.8 + 0.15 * r.next()))), createdAt],
          [String(plan.employees), now - r.int(150, customerDays - 30) * DAY],
        ]
      : [[String(plan.employees), createdAt]];
  const nextRenewal = customerSince + (Math.floor((now - customerSince) / YEAR) + 1) * YEAR;
  const onboarded = customerSince + r.int(20, 40) * DAY;
  const trained = customerDays < 365 ? now - r.int(5, 60) * DAY : r.chance(0.6) ? now - r.int(30, 400) * DAY : null;

  const company = b.add(
    'companies',
    {
      name: profile.name,
      domain: profile.domain,
      website: `https://www.${profile.domain}`,
      industry: profile.industry,
      description: profile.description,
      address: office.address,
      city: office.city,
      state: office.state || null,
      zip: office.zip,
      country: office.country,
      annualrevenue: String(plan.employees * r.int(120, 260) * 1000),
      lifecyclestage: 'customer',
      hs_lifecyclestage_customer_date: new Date(customerSince).toISOString(),
      type: 'CUSTOMER',
      churn_renewal_date: plan.orders === 'annual' ? isoDate(nextRenewal) : null,
      churn_seats_purchased: String(plan.seats),
      churn_onboarding_completed_at: onboarded < now ? isoDate(onboarded) : null,
      churn_last_training_at: trained === null ? null : isoDate(Math.max(trained, onboarded)),
    },
    {
      at: createdAt,
      history: {
        hubspot_owner_id: [[plan.ownerId, createdAt]],
        numberofemployees: employees,
        ...(seatsActive.length > 0 ? { churn_seats_active: seatsActive, churn_usage_metric: usage } : {}),
      },
    },
  );
  const owner = owners.find((o) => o.id === plan.ownerId) as HubSpotOwner;
  const ctx = createCompanyContext(plan, b, r, owner, company, customerSince, createdAt);
  buildContacts(ctx);
  buildDeals(ctx);
  const lastTouch = buildActivity(ctx);
  buildSupport(ctx);
  company.properties.notes_last_contacted = lastTouch > 0 ? ctx.iso(lastTouch) : null;
  // In DESIGN order, so later stories see the people earlier ones added (training_gap clears everyone's clicks).
  for (const risk of [...plan.risks].sort((a, b) => SIGNAL_IDS.indexOf(a) - SIGNAL_IDS.indexOf(b)))
    applyRisk(risk, ctx);
  return ctx;
}
