import { SIGNAL_IDS, type SignalId } from '../../core/signal.ts';
import { createRandom, type Random } from './create-random.ts';
import { COMPANY_PROFILES, type CompanyProfile, OFFICE_LOCATIONS, type Office } from './demo-companies.ts';
import { ACTIVE_OWNER_IDS, ARCHIVED_OWNER_ID } from './demo-owners.ts';
import { conflicting, customerDaysFor } from './risk-rules.ts';

/** The healthy companies the scripted timeline moves up the ranking, one story each. */
export const TIMELINE_ROLES = ['champion_leaves', 'nps_drop', 'ticket_surge', 'renewal_cut'] as const;
export type TimelineRole = (typeof TIMELINE_ROLES)[number];

export const DEMO_COMPANY_COUNT = 60;

/** Everything decided about a company before its records are built. */
export interface CompanyPlan {
  index: number;
  profile: CompanyProfile;
  office: Office;
  employees: number;
  ownerId: string;
  /** Days since the first won deal. */
  customerDays: number;
  /** Days the company was a prospect before that. */
  prospectDays: number;
  seats: number;
  /** Per seat and year, in USD. */
  seatPrice: number;
  /** Yearly contracts with renewals, or frequent re-orders. */
  orders: 'annual' | 'reorders';
  /** Days since the last two-way touch. */
  silentDays: number;
  /** Usual days between two-way touches. */
  cadenceDays: number;
  contactCount: number;
  /** The churn signals whose story this company carries; empty for a healthy account. */
  risks: SignalId[];
  role: TimelineRole | null;
}

const YEAR = 365;

/** The demo's portfolio for a seed: which companies, how big, since when, and which carry which risk. */
export function planPortfolio(seed: number): CompanyPlan[] {
  const r = createRandom(seed).fork('portfolio');
  const profiles = r.shuffle(COMPANY_PROFILES).slice(0, DEMO_COMPANY_COUNT);
  const order = r.shuffle(profiles.map((_, i) => i));
  const riskyCount = r.int(16, 19);
  const risky = order.slice(0, riskyCount);
  const roles = new Map<number, TimelineRole>(
    TIMELINE_ROLES.map((role, k) => [order[riskyCount + k] as number, role] as const),
  );
  const risks = assignRisks(r, risky, profiles.length);

  return profiles.map((profile, index) => {
    const employees = r.chance(0.5) ? r.int(40, 300) : r.chance(0.7) ? r.int(300, 1500) : r.int(1500, 6000);
    const companyRisks = risks[index] ?? [];
    const role = roles.get(index) ?? null;
    const silent = companyRisks.includes('gone_silent');
    return {
      index,
      profile,
      office: r.pick(OFFICE_LOCATIONS),
      employees,
      // The owner_departed story: the account still belongs to the rep who left.
      ownerId: companyRisks.includes('owner_departed') ? ARCHIVED_OWNER_ID : r.pick(ACTIVE_OWNER_IDS),
      customerDays: customerDays(r, companyRisks, role),
      prospectDays: r.int(20, 90),
      seats: Math.min(800, Math.max(10, Math.round(employees * (0.08 + 0.22 * r.next())))),
      seatPrice: r.pick([420, 540, 660, 780, 900]),
      orders: companyRisks.includes('orders_stopped') ? 'reorders' : 'annual',
      silentDays: silent ? r.int(45, 80) : r.int(1, 10),
      cadenceDays: silent ? r.int(7, 14) : r.int(8, 18),
      contactCount: Math.min(7, 3 + Math.floor(Math.log10(employees)) + r.int(0, 1)),
      risks: companyRisks,
      role,
    };
  });
}

/** How many stories a risky account tells: most one to three, a few many (the critical accounts). */
const STORY_COUNTS = [1, 1, 1, 2, 2, 2, 3, 3, 4, 5] as const;

/** Every signal on at least one risky company (one story each first, then the rest where they fit), then more. */
function assignRisks(r: Random, risky: readonly number[], count: number): SignalId[][] {
  const risks: SignalId[][] = Array.from({ length: count }, () => []);
  const fits = (i: number, signal: SignalId) => {
    const list = risks[i] as SignalId[];
    return (
      list.length < 5 &&
      !list.includes(signal) &&
      list.every((other) => !conflicting(other, signal)) &&
      customerDaysFor([...list, signal]) !== null
    );
  };
  const signals = r.shuffle(SIGNAL_IDS);
  signals.forEach((signal, k) => {
    if (k < risky.length) {
      risks[risky[k] as number]?.push(signal);
      return;
    }
    const home = [...risky]
      .filter((i) => fits(i, signal))
      .sort((a, b) => (risks[a]?.length ?? 0) - (risks[b]?.length ?? 0))[0];
    if (home === undefined) throw new Error(`no demo company can carry ${signal}`);
    risks[home]?.push(signal);
  });
  for (const i of risky) {
    const list = risks[i] as SignalId[];
    for (let size = r.pick(STORY_COUNTS); list.length < size; ) {
      const options = SIGNAL_IDS.filter((signal) => fits(i, signal));
      if (options.length === 0) break;
      list.push(r.pick(options));
    }
  }
  return risks;
}

/** Days as a customer: what the risks need, else a mix of young and established accounts. */
function customerDays(r: Random, risks: readonly SignalId[], role: TimelineRole | null): number {
  if (role === 'renewal_cut') return YEAR * r.int(1, 3) + r.int(280, 325); // renewal due in 40–85 days: deal open
  if (risks.includes('renewal_risk')) {
    // Overdue by 12–40 days; when the account has also gone silent, due in 35–65 days instead.
    return YEAR * r.int(1, 3) + (risks.includes('gone_silent') ? r.int(300, 330) : r.int(12, 40));
  }
  const range = customerDaysFor(risks) ?? [60, 1800];
  const days =
    role === 'ticket_surge'
      ? r.int(200, 1500)
      : risks.length === 0
        ? r.chance(0.25)
          ? r.int(60, 330)
          : r.int(380, 1800)
        : r.int(range[0], range[1]);
  // A renewal due in the next days and not yet won already counts as slipping: keep it at least 10 days out.
  return days % YEAR > YEAR - 10 ? days - 10 : days;
}
