import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assess } from '../../src/core/assess.ts';
import { defineSignal, type SignalId } from '../../src/core/signal.ts';
import type { Snapshot } from '../../src/core/snapshot.ts';
import { resolveConfig } from '../../src/core/tenant-config.ts';
import { DAY } from '../../src/core/time.ts';
import { ValidationError } from '../../src/core/validation-error.ts';
import { daysAgo, NOW, owner, snapshot } from '../helpers/build.ts';
import { caught } from '../helpers/caught.ts';

/** Fake signals with a fixed strength, so the score arithmetic is checked apart from any real rule. */
function fixed(id: SignalId, weight: number, strength: number, quietInOffSeason = false) {
  return defineSignal({
    id,
    title: `Title of ${id}`,
    description: 'test signal',
    source: { refs: ['test'], quote: '测试' },
    defaultWeight: weight,
    thresholds: z.object({ strength: z.number().default(strength) }),
    quietInOffSeason,
    playbook: [`first step for ${id}`, `second step for ${id}`],
    evaluate: (_snapshot, { thresholds }) =>
      thresholds.strength > 0
        ? {
            strength: thresholds.strength,
            headline: `${id} fired`,
            evidence: [{ type: 'contact', id: '7', label: 'Jane Roe', facts: { at: '2026-11-01' } }],
          }
        : null,
  });
}

const signals = [
  fixed('champion_departed', 35, 1),
  fixed('low_nps', 30, 0.5),
  fixed('gone_silent', 25, 0.4, true),
  fixed('ticket_surge', 20, 0),
];
const base = snapshot({ account: { ownerId: '1', name: 'Acme' }, owners: [owner({ id: '1' })] });
const config = (input: unknown = {}) => resolveConfig(input, signals);

describe('assess', () => {
  it('scores the sum of weight × strength and orders reasons by points', () => {
    const a = assess(base, config(), NOW);
    expect(a.reasons.map((r) => [r.id, r.points])).toEqual([
      ['champion_departed', 35],
      ['low_nps', 15],
      ['gone_silent', 10],
    ]);
    expect(a.score).toBe(60);
    expect(a.level).toBe('high');
    expect(a.topReason).toBe('champion_departed');
  });

  it('caps the score at 100', () => {
    const a = assess(base, config({ signals: { ticket_surge: { weight: 100, thresholds: { strength: 1 } } } }), NOW);
    expect(a.score).toBe(100);
    expect(a.level).toBe('critical');
  });

  it.each([
    [0, 'low'],
    [24, 'low'],
    [25, 'medium'],
    [49, 'medium'],
    [50, 'high'],
    [74, 'high'],
    [75, 'critical'],
  ] as const)('score %i is %s (DESIGN §3 cut points)', (score, level) => {
    const only = resolveConfig({ signals: { champion_departed: { weight: score } } }, [signals[0] as never]);
    expect(assess(base, only, NOW).level).toBe(level);
  });

  it('honours the tenant cut points', () => {
    expect(assess(base, config({ levels: { medium: 10, high: 20, critical: 61 } }), NOW).level).toBe('high');
  });

  it('skips disabled and zero-weight signals', () => {
    const a = assess(base, config({ signals: { champion_departed: { enabled: false }, low_nps: { weight: 0 } } }), NOW);
    expect(a.reasons.map((r) => r.id)).toEqual(['gone_silent']);
  });

  it('does not fire a snoozed signal: no reason, no points, no task for it', () => {
    const a = assess(base, config(), NOW, { suppressed: new Set(['champion_departed'] as const) });
    expect(a.reasons.map((r) => [r.id, r.points])).toEqual([
      ['low_nps', 15],
      ['gone_silent', 10],
    ]);
    expect(a.score).toBe(25);
    expect(a.level).toBe('medium');
    expect(a.topReason).toBe('low_nps');
    expect(a.tasks.map((t) => t.signalId)).not.toContain('champion_departed');
    expect(a.summary).not.toContain('Title of champion_departed');
  });

  it('scores as without options when nothing (or a signal that does not fire) is snoozed', () => {
    const plain = assess(base, config(), NOW);
    expect(assess(base, config(), NOW, {})).toEqual(plain);
    expect(assess(base, config(), NOW, { suppressed: new Set() })).toEqual(plain);
    expect(assess(base, config(), NOW, { suppressed: new Set(['ticket_surge'] as const) })).toEqual(plain);
  });

  it('gives a clean assessment when every firing signal is snoozed', () => {
    const all = new Set(['champion_departed', 'low_nps', 'gone_silent'] as const);
    expect(assess(base, config(), NOW, { suppressed: all })).toMatchObject({
      score: 0,
      level: 'low',
      topReason: null,
      reasons: [],
      tasks: [],
    });
  });

  it('suppresses off-season signals in quiet months only', () => {
    const november = config({ quietMonths: [11] });
    expect(assess(base, november, NOW).reasons.map((r) => r.id)).not.toContain('gone_silent');
    expect(assess(base, november, NOW).reasons.map((r) => r.id)).toContain('champion_departed');
    expect(assess(base, config({ quietMonths: [12] }), NOW).reasons.map((r) => r.id)).toContain('gone_silent');
  });

  it.each([
    [[{ value: 40, at: daysAgo(31) }], 'rising', 40],
    [[{ value: 60, at: daysAgo(31) }], 'steady', 60],
    [
      [
        { value: 80, at: daysAgo(45) },
        { value: 10, at: daysAgo(5) },
      ],
      'falling',
      80,
    ],
    [[{ value: 20, at: daysAgo(10) }], 'steady', null],
    [[], 'steady', null],
  ] as const)('trend against the score 30 days ago: %j → %s', (history, trend, previous) => {
    const a = assess({ ...base, scoreHistory: [...history] }, config(), NOW);
    expect(a.trend).toBe(trend);
    expect(a.previousScore).toBe(previous);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(assess(base, config(), NOW))).toBe(JSON.stringify(assess(base, config(), NOW)));
  });

  it('writes one summary line per reason with points and evidence', () => {
    const lines = assess(base, config(), NOW).summary.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('+35 champion_departed: champion_departed fired [contact Jane Roe #7]');
  });

  it('says so when nothing fired', () => {
    const quiet = config({
      signals: {
        champion_departed: { enabled: false },
        low_nps: { enabled: false },
        gone_silent: { enabled: false },
      },
    });
    const a = assess(base, quiet, NOW);
    expect(a).toMatchObject({ score: 0, level: 'low', topReason: null, reasons: [], tasks: [] });
    expect(a.summary).toBe('No churn signals.');
  });
});

describe('tasks', () => {
  it('plans one task per reason worth the minimum points, for the owner, with the playbook', () => {
    const a = assess(base, config(), NOW);
    expect(a.tasks.map((t) => t.signalId)).toEqual(['champion_departed', 'low_nps', 'gone_silent']);
    const [first] = a.tasks;
    expect(first).toMatchObject({
      priority: 'HIGH',
      assignee: { rule: 'owner', ownerId: '1' },
      dueAt: new Date(NOW + 2 * DAY).toISOString(),
      dedupeKey: 'hubspot:123:c1:champion_departed',
    });
    expect(first?.subject).toContain('champion_departed fired');
    expect(first?.body).toContain('1. first step for champion_departed');
    expect(first?.body).toContain('contact Jane Roe (#7)');
  });

  it('leaves out reasons below the minimum points', () => {
    expect(assess(base, config({ tasks: { minPoints: 12 } }), NOW).tasks.map((t) => t.signalId)).toEqual([
      'champion_departed',
      'low_nps',
    ]);
  });

  it('escalates critical accounts to the CS lead', () => {
    const critical = config({ csLeadOwnerId: '99', signals: { ticket_surge: { thresholds: { strength: 1 } } } });
    const a = assess(base, critical, NOW);
    expect(a.level).toBe('critical');
    expect(a.tasks.every((t) => t.assignee.rule === 'cs_lead' && t.assignee.ownerId === '99')).toBe(true);
    expect(a.tasks[0]?.dueAt).toBe(new Date(NOW + DAY).toISOString());
  });

  it('gives the CS lead the tasks of an account whose owner is deactivated, else leaves them unassigned', () => {
    const orphan: Snapshot = { ...base, owners: [owner({ id: '1', active: false })] };
    expect(assess(orphan, config({ csLeadOwnerId: '99' }), NOW).tasks[0]?.assignee).toEqual({
      rule: 'cs_lead',
      ownerId: '99',
    });
    expect(assess(orphan, config(), NOW).tasks[0]?.assignee).toEqual({ rule: 'unassigned', ownerId: null });
  });

  it('uses LOW and MEDIUM priority for lower levels', () => {
    const medium = config({ signals: { champion_departed: { enabled: false }, low_nps: { enabled: false } } });
    expect(assess(base, config({ signals: { champion_departed: { enabled: false } } }), NOW).tasks[0]?.priority).toBe(
      'MEDIUM',
    );
    expect(assess(base, medium, NOW).tasks[0]?.priority).toBe('LOW');
  });
});

describe('config', () => {
  it('fills every default', () => {
    const c = config();
    expect(c.levels).toEqual({ medium: 25, high: 50, critical: 75 });
    expect(c.signals.map((s) => s.weight)).toEqual([35, 30, 25, 20]);
    expect(c.mappings.renewalDate).toBe('churn_renewal_date');
  });

  it.each([
    [{ signals: { champion_departed: { weight: 'high' } } }, 'signals.champion_departed.weight'],
    [{ signals: { champion_departed: { wieght: 3 } } }, 'signals.champion_departed'],
    [{ signals: { not_a_signal: {} } }, 'signals'],
    [{ signals: { low_nps: { thresholds: { strength: 'x' } } } }, 'signals.low_nps.thresholds.strength'],
    [{ levels: { medium: 60 } }, 'levels'],
    [{ quietMonths: [13] }, 'quietMonths[0]'],
    [{ mappings: { renewalDate: '' } }, 'mappings.renewalDate'],
  ])('rejects %j naming %s', (input, path) => {
    expect(caught(() => config(input), ValidationError).issues.map((i) => i.path)).toContain(path);
  });
});
