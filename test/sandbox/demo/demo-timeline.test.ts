import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../src/core/assessment.ts';
import type { DemoPortalSeed, TimelineStep } from '../../../src/sandbox/demo/demo-seed.ts';
import { TimelineStep as TimelineStepSchema } from '../../../src/sandbox/demo/demo-seed.ts';
import { demoTimeline } from '../../../src/sandbox/demo/demo-timeline.ts';
import { generateDemoPortal } from '../../../src/sandbox/demo/generate-demo-portal.ts';
import { planPortfolio, type TimelineRole } from '../../../src/sandbox/demo/plan-portfolio.ts';
import { applyTimeline } from './apply-timeline.ts';
import { assessPortal } from './portal-bundles.ts';

const NOW = Date.parse('2026-11-15T12:00:00Z');
const SEED = 20261115;

/** The reason each scripted story must add to its company. */
const EXPECTED: Record<TimelineRole, string> = {
  champion_leaves: 'champion_departed',
  nps_drop: 'low_nps',
  ticket_surge: 'ticket_surge',
  renewal_cut: 'budget_cut',
};

const ranking = (assessments: Map<string, Assessment>) =>
  [...assessments.values()].sort((a, b) => b.score - a.score).map((a) => a.accountId);

describe('demoTimeline', () => {
  let portal: DemoPortalSeed;
  let steps: TimelineStep[];
  beforeAll(() => {
    portal = generateDemoPortal({ seed: SEED, now: NOW, portalId: 4242 });
    steps = demoTimeline({ seed: SEED, portal, start: NOW });
  });

  it('is a list of valid steps in time order that plays out in a minute or two', () => {
    expect(() => TimelineStepSchema.array().parse(steps)).not.toThrow();
    const times = steps.map((s) => s.atMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.at(-1)).toBeGreaterThanOrEqual(60_000);
    expect(times.at(-1)).toBeLessThanOrEqual(120_000);
    expect(steps.map((s) => s.change.op)).toEqual(expect.arrayContaining(['dissociate', 'create', 'update']));
    for (const step of steps) expect(step.description.length).toBeGreaterThan(10);
  });

  it('is deterministic, and by default starts at the portal’s latest change', () => {
    expect(demoTimeline({ seed: SEED, portal, start: NOW })).toEqual(steps);
    const created = demoTimeline({ seed: SEED, portal }).flatMap((s) =>
      s.change.op === 'create' ? [s.change.object] : [],
    );
    for (const object of created) expect(Date.parse(object.createdAt)).toBeLessThanOrEqual(NOW + 120_000);
    expect(created.length).toBeGreaterThan(0);
  });

  it('creates records with ids the portal does not use yet', () => {
    for (const step of steps) {
      if (step.change.op !== 'create') continue;
      const { objectType, object } = step.change;
      const taken = [...(portal.objects[objectType] ?? [])].map((o) => o.id);
      expect(taken).not.toContain(object.id);
      expect(object.properties.hs_object_id).toBe(object.id);
    }
    const keys = steps.flatMap((s) =>
      s.change.op === 'create' ? [`${s.change.objectType}:${s.change.object.id}`] : [],
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('moves four healthy accounts up the ranking into "at risk", each with the reason of its story', () => {
    const played = applyTimeline(portal, steps, NOW);
    const end = NOW + (steps.at(-1)?.atMs ?? 0) + 1000;
    const before = assessPortal(portal, NOW);
    const after = assessPortal(played.portal, end, { events: played.events, before: portal });
    const rankBefore = ranking(before);
    const rankAfter = ranking(after);
    const targets = planPortfolio(SEED).filter((p) => p.role !== null);
    expect(targets.map((p) => p.role).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const plan of targets) {
      const company = portal.objects.companies?.find((c) => c.properties.name === plan.profile.name);
      const id = company?.id ?? '';
      const was = before.get(id);
      const now = after.get(id);
      expect(was?.score, plan.profile.name).toBeLessThan(25);
      expect(now?.score, plan.profile.name).toBeGreaterThanOrEqual(25);
      expect(now?.reasons.map((r) => r.id)).toContain(EXPECTED[plan.role as TimelineRole]);
      expect(rankAfter.indexOf(id)).toBeLessThan(rankBefore.indexOf(id));
    }
  });

  it('refuses a portal generated from another seed', () => {
    const other = generateDemoPortal({ seed: SEED + 1, now: NOW, portalId: 4242 });
    expect(() => demoTimeline({ seed: SEED, portal: other })).toThrow(/not generated from seed/);
    expect(() => demoTimeline({ seed: SEED, portal: { ...portal, objects: {} } })).toThrow(/not generated from seed/);
  });
});
