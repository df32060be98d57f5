import { LEVELS } from '../core/assessment.ts';
import type { RiskRow } from './risk-rows.ts';

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const AT_RISK = new Set(['high', 'critical']);

export interface ReportOptions {
  /** Scores after the backfill, by company id: a company the timeline moved shows `before → now`. */
  before?: ReadonlyMap<string, number | null>;
}

/**
 * The demo's report: the ranked accounts that are not low risk (rank, company, score, level, trend, revenue, top
 * reasons), the reasons of every high and critical account spelled out, then accounts per level and revenue at risk.
 */
export function formatRiskReport(rows: readonly RiskRow[], options: ReportOptions = {}): string {
  const listed = rows.filter((r) => r.level !== null && r.level !== 'low');
  const nameWidth = Math.max(7, ...listed.map((r) => r.name.length));
  const scoreOf = (r: RiskRow) => {
    const before = options.before?.get(r.companyId);
    const now = String(r.score ?? '—');
    return before != null && before !== r.score ? `${before} → ${now}` : now;
  };
  const scoreWidth = Math.max(5, ...listed.map((r) => scoreOf(r).length));
  const lines = [
    'Accounts at risk, ranked (from the churn_risk_* properties the app wrote to HubSpot)',
    '',
    `${'#'.padStart(3)}  ${'company'.padEnd(nameWidth)}  ${'score'.padStart(scoreWidth)}  level     trend    ${'revenue/yr'.padStart(11)}  top reasons`,
  ];
  listed.forEach((r, i) => {
    const reasons =
      r.reasons
        .slice(0, 3)
        .map((x) => `${x.id} +${x.points}`)
        .join(', ') || '—';
    lines.push(
      `${String(i + 1).padStart(3)}  ${r.name.padEnd(nameWidth)}  ${scoreOf(r).padStart(scoreWidth)}  ${(r.level ?? '—').padEnd(8)}  ${(r.trend ?? '—').padEnd(7)}  ${USD.format(r.revenue).padStart(11)}  ${reasons}`,
    );
  });
  if (listed.length === 0) lines.push('     (none: every account is low risk)');

  const urgent = listed.filter((r) => AT_RISK.has(r.level ?? ''));
  if (urgent.length > 0) lines.push('', 'Why (high and critical accounts):');
  for (const r of urgent) {
    lines.push(`  ${r.name} (${r.level}, ${r.score}):`);
    for (const reason of r.reasons) lines.push(`    +${reason.points} ${reason.id}: ${reason.headline}`);
  }

  const scored = rows.filter((r) => r.level !== null);
  const perLevel = LEVELS.map((level) => {
    const group = scored.filter((r) => r.level === level);
    return `${level} ${group.length} (${USD.format(sum(group))})`;
  });
  const healthy = scored.filter((r) => r.level === 'low').length;
  lines.push(
    '',
    `Accounts per level (revenue/yr): ${perLevel.join(', ')}`,
    `Healthy (low risk): ${healthy} of ${rows.length} accounts${rows.length > scored.length ? `; ${rows.length - scored.length} not scored` : ''}`,
    `Revenue at risk (high + critical): ${USD.format(sum(urgent))} of ${USD.format(sum(rows))} across ${urgent.length} accounts`,
  );
  return `${lines.join('\n')}\n`;
}

const sum = (rows: readonly RiskRow[]) => rows.reduce((total, r) => total + r.revenue, 0);
