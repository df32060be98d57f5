import { LEVELS, type Level } from '../../core/assessment.ts';
import type { SignalId } from '../../core/signal.ts';
import type { PreviewAccount } from './preview-account.ts';

export interface LevelTotal {
  accounts: number;
  revenue: number;
}

/** The body of GET /preview/api/portfolio. */
export interface Portfolio {
  /** Every account, riskiest first: by score, unscored last, then by name. */
  accounts: PreviewAccount[];
  byLevel: Record<Level, LevelTotal>;
  notScored: number;
  /** High + critical: what a CS leader acts on first (DESIGN §1). */
  atRisk: LevelTotal;
  /** The `churn_risk_reasons` present in the portfolio, most frequent first: the filter's options. */
  reasons: { id: SignalId; title: string; accounts: number }[];
}

export function portfolioSummary(accounts: readonly PreviewAccount[]): Portfolio {
  const byLevel = Object.fromEntries(LEVELS.map((level) => [level, { accounts: 0, revenue: 0 }])) as Record<
    Level,
    LevelTotal
  >;
  const reasons = new Map<SignalId, { id: SignalId; title: string; accounts: number }>();
  let notScored = 0;
  for (const account of accounts) {
    const assessment = account.assessment;
    if (!assessment) {
      notScored++;
      continue;
    }
    byLevel[assessment.level].accounts++;
    byLevel[assessment.level].revenue += account.revenue;
    for (const reason of assessment.reasons) {
      const entry = reasons.get(reason.id) ?? { id: reason.id, title: reason.title, accounts: 0 };
      entry.accounts++;
      reasons.set(reason.id, entry);
    }
  }
  return {
    accounts: [...accounts].sort(riskiestFirst),
    byLevel,
    notScored,
    atRisk: {
      accounts: byLevel.high.accounts + byLevel.critical.accounts,
      revenue: byLevel.high.revenue + byLevel.critical.revenue,
    },
    reasons: [...reasons.values()].sort((a, b) => b.accounts - a.accounts || a.id.localeCompare(b.id)),
  };
}

function riskiestFirst(a: PreviewAccount, b: PreviewAccount): number {
  const scoreA = a.assessment?.score ?? -1;
  const scoreB = b.assessment?.score ?? -1;
  return scoreB - scoreA || a.name.localeCompare(b.name) || a.companyId.localeCompare(b.companyId);
}
