import { DAY, isoDate } from '../../core/time.ts';
import { addEmail, addNote } from './build-activity.ts';
import { addDeal } from './build-deals.ts';
import type { CompanyContext } from './company-context.ts';
import { OFFICE_LOCATIONS } from './demo-companies.ts';
import type { Source } from './portal-builder.ts';

const USAGE_SYNC: Source = {
  sourceType: 'INTEGRATION',
  sourceId: 'flowpilot-usage-sync',
  sourceLabel: 'FlowPilot usage sync',
};

/** Onboarding never finished: no completion date months after the sale. */
export function onboardingStalled(ctx: CompanyContext): void {
  ctx.company.properties.churn_onboarding_completed_at = null;
  addNote(
    ctx,
    ctx.contact('champion'),
    ctx.ago(ctx.r.int(15, 40)),
    'Go-live moved again: {first} says their admin has no time for the setup.',
  );
}

/** Few seats in use, or usage fell by a third or more in the last weeks (the usage sync's latest values). */
export function lowAdoption(ctx: CompanyContext): void {
  const { r, b, company } = ctx;
  const seats = Number(company.properties.churn_seats_purchased);
  const active = Number(company.properties.churn_seats_active ?? seats);
  const usage = Number(company.properties.churn_usage_metric ?? active * 60);
  const at = Math.floor(ctx.ago(r.int(1, 5)) / DAY) * DAY + 2 * 3_600_000;
  const fall = 0.35 + 0.3 * r.next();
  if (r.chance(0.5)) {
    b.change(company, 'churn_seats_active', String(Math.round(seats * (0.25 + 0.2 * r.next()))), at, USAGE_SYNC);
    b.change(company, 'churn_usage_metric', String(Math.round(usage * (1 - fall))), at, USAGE_SYNC);
  } else {
    b.change(company, 'churn_seats_active', String(Math.round(active * (0.9 + 0.05 * r.next()))), at, USAGE_SYNC);
    b.change(company, 'churn_usage_metric', String(Math.round(usage * (1 - fall))), at, USAGE_SYNC);
  }
}

/** No training for months; the invitations to the admin webinar went unclicked. */
export function trainingGap(ctx: CompanyContext): void {
  const { r, company, now, customerSince } = ctx;
  const customerDays = Math.floor((now - customerSince) / DAY);
  company.properties.churn_last_training_at =
    customerDays > 110 && r.chance(0.5) ? isoDate(ctx.ago(r.int(100, customerDays - 10))) : null;
  for (const c of ctx.contacts) c.record.properties.hs_email_last_click_date = null;
  addEmail(ctx, ctx.contact('champion'), ctx.ago(r.int(10, 40)), 'EMAIL', [
    'Invitation: admin training webinar',
    'Hi {first}, join our live admin training to get more out of your flows.',
  ]);
}

/** Spend reduced: the open renewal cut by 20–40%, else an add-on lost for budget reasons. */
export function budgetCut(ctx: CompanyContext): void {
  const { r, b } = ctx;
  const renewal = ctx.deals.find((d) => d.properties.dealtype === 'renewal' && d.properties.hs_is_closed === 'false');
  if (renewal) {
    const amount = Number(renewal.properties.amount);
    // Cut after the renewal deal was opened.
    const opened = Date.parse(renewal.createdAt);
    const at = opened + r.next() * (ctx.now - DAY - opened);
    b.change(renewal, 'amount', String(Math.round(amount * (0.6 + 0.2 * r.next()))), at);
    addNote(
      ctx,
      ctx.contact('executive'),
      at,
      '{first} asked to cut the renewal: fewer seats, their budget for tools was reduced.',
    );
    return;
  }
  const closeAt = ctx.ago(r.int(10, 80));
  addDeal(ctx, {
    name: `${ctx.plan.profile.name} — Analytics add-on`,
    type: 'existingbusiness',
    amount: Math.round(ctx.plan.seats * ctx.plan.seatPrice * 0.25),
    createdAt: closeAt - r.int(30, 60) * DAY,
    closeAt,
    stages: [
      ['qualifiedtobuy', closeAt - r.int(30, 60) * DAY],
      ['closedlost', closeAt],
    ],
    lostReason: r.pick([
      'Budget cut for the next fiscal year',
      'Spending freeze on new tools',
      'Cannot afford it this year',
    ]),
  });
}

/** The company itself changed: headcount down by a quarter or more, or a move to a new head office. */
export function companyChange(ctx: CompanyContext): void {
  const { r, b, company } = ctx;
  const at = ctx.ago(r.int(10, 70));
  if (r.chance(0.5)) {
    const employees = Number(company.properties.numberofemployees);
    b.change(company, 'numberofemployees', String(Math.round(employees * (0.55 + 0.2 * r.next()))), at);
    return;
  }
  const office = r.pick(OFFICE_LOCATIONS.filter((o) => o.address !== company.properties.address));
  for (const part of ['address', 'city', 'state', 'zip', 'country'] as const) {
    b.change(company, part, office[part] || null, at);
  }
}
