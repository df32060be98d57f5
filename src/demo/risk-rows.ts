import { type Win, yearlyContractValue } from '../core/contract-value.ts';
import { parseInstant } from '../core/time.ts';
import type { PortalState } from '../sandbox/state/portal-state.ts';
import { currentValue, type StoredObject } from '../sandbox/state/stored-object.ts';

export interface RiskReason {
  id: string;
  points: number;
  headline: string;
}

export interface RiskRow {
  companyId: string;
  name: string;
  /** null: the app has not scored the company (yet). */
  score: number | null;
  level: string | null;
  trend: string | null;
  /** From `churn_risk_summary`, most points first. */
  reasons: RiskReason[];
  /** What the account pays per year (its won deals), for revenue at risk. */
  revenue: number;
}

/**
 * The portfolio as the app left it in HubSpot: every company's churn_risk_* properties (what a CS leader sees in a
 * view), ranked by score, and its yearly revenue from its won deals. Read from the sandbox's state, not the app's
 * store: the report shows what the app wrote where users work.
 */
export function riskRows(portal: PortalState, now: number): RiskRow[] {
  const rows = portal.list('companies').map((company): RiskRow => {
    const value = (name: string) => currentValue(company, name) || null;
    const score = value('churn_risk_score');
    return {
      companyId: company.id,
      name: value('name') ?? `company ${company.id}`,
      score: score === null ? null : Number(score),
      level: value('churn_risk_level'),
      trend: value('churn_risk_trend'),
      reasons: parseSummary(value('churn_risk_summary') ?? ''),
      revenue: yearlyRevenue(portal, company, now),
    };
  });
  return rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name));
}

/** `+18 low_nps: headline [evidence]` lines (src/core/summarize.ts); anything else is skipped. */
export function parseSummary(summary: string): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const line of summary.split('\n')) {
    const match = /^\+(\d+(?:\.\d+)?) ([a-z_]+): (.*?)(?: \[.*\])?$/.exec(line.trim());
    if (match) reasons.push({ id: match[2] as string, points: Number(match[1]), headline: match[3] as string });
  }
  return reasons.sort((a, b) => b.points - a.points);
}

/** The company's won deals in the sandbox, valued as src/core/contract-value.ts values a snapshot's. */
function yearlyRevenue(portal: PortalState, company: StoredObject, now: number): number {
  const wins: Win[] = [];
  for (const id of portal.associatedIds({ type: 'companies', id: company.id }, 'deals')) {
    const deal = portal.get('deals', id);
    if (!deal) continue;
    const won = currentValue(deal, 'hs_is_closed_won') === 'true' || currentValue(deal, 'dealstage') === 'closedwon';
    const amount = Number(currentValue(deal, 'amount'));
    const at = parseInstant(currentValue(deal, 'closedate'));
    if (won && Number.isFinite(amount) && at !== null) wins.push({ at, amount });
  }
  return yearlyContractValue(wins, now);
}
