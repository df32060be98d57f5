import { describe, expect, it } from 'vitest';
import { formatRiskReport } from '../../src/demo/format-risk-report.ts';
import { parseSummary, type RiskRow } from '../../src/demo/risk-rows.ts';

const row = (over: Partial<RiskRow>): RiskRow => ({
  companyId: '1',
  name: 'Acme',
  score: 10,
  level: 'low',
  trend: 'steady',
  reasons: [],
  revenue: 10_000,
  ...over,
});

describe('parseSummary', () => {
  it('reads churn_risk_summary lines, most points first, evidence dropped', () => {
    const summary = [
      '+12.5 company_change: headcount down 25% (1404 → 1052) [company Acme #1]',
      '+30 orders_stopped: no won deal for 283 days',
      'a line the app did not write',
    ].join('\n');
    expect(parseSummary(summary)).toEqual([
      { id: 'orders_stopped', points: 30, headline: 'no won deal for 283 days' },
      { id: 'company_change', points: 12.5, headline: 'headcount down 25% (1404 → 1052)' },
    ]);
  });

  it('finds no reason in “No churn signals.”', () => {
    expect(parseSummary('No churn signals.')).toEqual([]);
  });
});

describe('formatRiskReport', () => {
  const rows = [
    row({
      companyId: '7',
      name: 'Globex',
      score: 80,
      level: 'critical',
      revenue: 50_000,
      reasons: [{ id: 'low_nps', points: 40, headline: 'NPS of Ann fell to 2' }],
    }),
    row({
      companyId: '8',
      name: 'Initech',
      score: 30,
      level: 'medium',
      reasons: [{ id: 'budget_cut', points: 30, headline: 'cut' }],
    }),
    row({ companyId: '9', name: 'Healthy One' }),
    row({ companyId: '10', name: 'Healthy Two', score: 0 }),
    row({ companyId: '11', name: 'Not Scored', score: null, level: null, trend: null }),
  ];

  it('ranks the accounts above low, spells out the reasons of high and critical ones, and totals per level', () => {
    const text = formatRiskReport(rows, { before: new Map([['8', 5]]) });
    const lines = text.split('\n');
    expect(lines.find((l) => l.includes('Globex'))).toMatch(
      /^ {2}1 {2}Globex +80 {2}critical {2}steady +\$50,000 {2}low_nps \+40$/,
    );
    expect(lines.find((l) => l.includes('Initech'))).toMatch(/^ {2}2 {2}Initech +5 → 30 {2}medium/);
    expect(text).not.toMatch(/Healthy One|Not Scored/);
    expect(text).toContain(
      'Why (high and critical accounts):\n  Globex (critical, 80):\n    +40 low_nps: NPS of Ann fell to 2\n',
    );
    expect(text).not.toContain('Initech (medium');
    expect(text).toContain(
      'Accounts per level (revenue/yr): low 2 ($20,000), medium 1 ($10,000), high 0 ($0), critical 1 ($50,000)',
    );
    expect(text).toContain('Healthy (low risk): 2 of 5 accounts; 1 not scored');
    expect(text).toContain('Revenue at risk (high + critical): $50,000 of $90,000 across 1 accounts');
  });

  it('says so when no account is above low risk', () => {
    const text = formatRiskReport([row({})]);
    expect(text).toContain('(none: every account is low risk)');
    expect(text).not.toContain('Why');
    expect(text).toContain('Healthy (low risk): 1 of 1 accounts\n');
  });
});
