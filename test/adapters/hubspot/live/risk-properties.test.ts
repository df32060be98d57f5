import { describe, expect, it } from 'vitest';
import {
  changedRiskProperties,
  RISK_PROPERTY_NAMES,
  riskProperties,
  SUMMARY_MAX_CHARS,
} from '../../../../src/adapters/hubspot/live/risk-properties.ts';
import type { Assessment, Reason } from '../../../../src/core/assessment.ts';
import type { SignalId } from '../../../../src/core/signal.ts';

const AT = '2026-11-15T12:00:00.000Z';

function reason(id: SignalId, points: number): Reason {
  return {
    id,
    title: id,
    points,
    strength: 1,
    weight: points,
    headline: `${id} fired`,
    evidence: [],
    playbook: [],
  };
}

function assessment(over: Partial<Assessment> = {}): Assessment {
  return {
    crm: 'hubspot',
    tenantId: '123',
    accountId: '9001',
    accountName: 'Acme',
    score: 62,
    level: 'high',
    trend: 'rising',
    previousScore: 40,
    topReason: 'low_nps',
    reasons: [reason('low_nps', 30), reason('champion_departed', 20), reason('gone_silent', 12)],
    summary: '+30 low_nps: low_nps fired\n+20 champion_departed: champion_departed fired',
    tasks: [],
    assessedAt: AT,
    ...over,
  };
}

describe('riskProperties', () => {
  it('maps the assessment to the seven DESIGN §4 properties, every value a string', () => {
    expect(riskProperties(assessment())).toEqual({
      churn_risk_score: '62',
      churn_risk_level: 'high',
      // A multiple checkbox's API value: option values joined with ';', in option (SIGNAL_IDS) order, not by points.
      churn_risk_reasons: 'champion_departed;low_nps;gone_silent',
      churn_risk_top_reason: 'low_nps',
      churn_risk_summary: '+30 low_nps: low_nps fired\n+20 champion_departed: champion_departed fired',
      churn_risk_trend: 'rising',
      churn_risk_updated_at: String(Date.parse(AT)),
    });
    expect(Object.keys(riskProperties(assessment())).sort()).toEqual([...RISK_PROPERTY_NAMES].sort());
  });

  it('clears the reasons and the top reason when nothing fired', () => {
    const none = riskProperties(
      assessment({ score: 0, level: 'low', topReason: null, reasons: [], summary: 'No churn signals.' }),
    );
    expect(none).toMatchObject({
      churn_risk_score: '0',
      churn_risk_level: 'low',
      churn_risk_reasons: '',
      churn_risk_top_reason: '',
      churn_risk_summary: 'No churn signals.',
    });
  });

  it('keeps the summary within HubSpot’s 65,536 characters, cutting at whole lines and saying how many were left out', () => {
    const line = (i: number) => `+1 reason_${i}: ${'x'.repeat(990)}`;
    const summary = Array.from({ length: 100 }, (_, i) => line(i)).join('\n');
    const written = riskProperties(assessment({ summary })).churn_risk_summary;
    expect(written.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    const lines = written.split('\n');
    expect(lines.slice(0, -1)).toEqual(Array.from({ length: lines.length - 1 }, (_, i) => line(i)));
    expect(lines.at(-1)).toBe(`… ${100 - (lines.length - 1)} more reasons: see the Churn Signals card on the company`);
  });

  it('cuts a single line longer than the limit instead of dropping it', () => {
    const written = riskProperties(assessment({ summary: 'y'.repeat(70_000) })).churn_risk_summary;
    expect(written.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(written.startsWith('yyyy')).toBe(true);
    expect(written.endsWith('…')).toBe(true);
  });

  it('rejects an assessment without a valid time, naming the company', () => {
    expect(() => riskProperties(assessment({ assessedAt: 'yesterday' }))).toThrow(
      'assessment of company 9001 has no valid assessedAt: yesterday',
    );
  });
});

describe('changedRiskProperties', () => {
  const first = riskProperties(assessment());
  const later = riskProperties(assessment({ assessedAt: '2026-11-16T12:00:00.000Z' }));

  it('sends everything to a company never written', () => {
    expect(changedRiskProperties(first, null)).toEqual(first);
  });

  it('sends nothing when only the timestamp would change', () => {
    expect(later.churn_risk_updated_at).not.toBe(first.churn_risk_updated_at);
    expect(changedRiskProperties(later, first)).toEqual({});
  });

  it('sends the changed values with the new timestamp', () => {
    const next = riskProperties(assessment({ score: 70, level: 'high', assessedAt: '2026-11-16T12:00:00.000Z' }));
    expect(changedRiskProperties(next, first)).toEqual({
      churn_risk_score: '70',
      churn_risk_updated_at: String(Date.parse('2026-11-16T12:00:00.000Z')),
    });
  });

  it('treats a property missing from the record (or null) as changed', () => {
    const { churn_risk_trend: _dropped, ...partial } = first;
    expect(changedRiskProperties(first, partial)).toEqual({
      churn_risk_trend: 'rising',
      churn_risk_updated_at: first.churn_risk_updated_at,
    });
    expect(changedRiskProperties(first, { ...first, churn_risk_level: null })).toEqual({
      churn_risk_level: 'high',
      churn_risk_updated_at: first.churn_risk_updated_at,
    });
  });
});
