import { beforeAll, describe, expect, it } from 'vitest';
import type { HubSpotObject } from '../../../src/adapters/hubspot/bundle.ts';
import { SIGNAL_IDS } from '../../../src/core/signal.ts';
import { ARCHIVED_OWNER_ID } from '../../../src/sandbox/demo/demo-owners.ts';
import { OUTSIDE_ADVISERS } from '../../../src/sandbox/demo/demo-people.ts';
import type { DemoPortalSeed, ObjectType } from '../../../src/sandbox/demo/demo-seed.ts';
import { generateDemoPortal } from '../../../src/sandbox/demo/generate-demo-portal.ts';
import { planPortfolio } from '../../../src/sandbox/demo/plan-portfolio.ts';
import { parsePortalSeed } from '../../../src/sandbox/state/portal-seed.ts';
import { assessPortal } from './portal-bundles.ts';

const NOW = Date.parse('2026-11-15T12:00:00Z');
const PORTAL_ID = 24051987;
const SEED = 20261115;

const all = (portal: DemoPortalSeed): [ObjectType, HubSpotObject][] =>
  Object.entries(portal.objects).flatMap(([type, list]) => (list ?? []).map((o) => [type as ObjectType, o] as const));

describe('generateDemoPortal', () => {
  let portal: DemoPortalSeed;
  beforeAll(() => {
    portal = generateDemoPortal({ seed: SEED, now: NOW, portalId: PORTAL_ID });
  });

  it('gives byte-identical output for the same seed, and another portfolio for another seed', () => {
    const again = generateDemoPortal({ seed: SEED, now: NOW, portalId: PORTAL_ID });
    expect(JSON.stringify(again)).toBe(JSON.stringify(portal));
    const other = generateDemoPortal({ seed: SEED + 1, now: NOW, portalId: PORTAL_ID });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(portal));
    const names = (p: DemoPortalSeed) => p.objects.companies?.map((c) => c.properties.name);
    expect(names(other)).not.toEqual(names(portal));
  });

  it('is a valid portal seed for the sandbox, unchanged by a JSON round trip', () => {
    expect(() => parsePortalSeed(portal)).not.toThrow();
    expect(JSON.parse(JSON.stringify(portal))).toEqual(portal);
    expect(portal.portalId).toBe(PORTAL_ID);
  });

  it('holds about 60 companies with every kind of record the app reads', () => {
    expect(portal.objects.companies).toHaveLength(60);
    const counts = Object.fromEntries(Object.entries(portal.objects).map(([type, list]) => [type, list?.length ?? 0]));
    for (const type of ['contacts', 'deals', 'tickets', 'emails', 'calls', 'meetings', 'notes', 'tasks'] as const) {
      expect(counts[type], type).toBeGreaterThan(60);
    }
    expect(counts.feedback_submissions).toBeGreaterThan(30);
  });

  it('has one deactivated owner among the account managers', () => {
    expect(portal.owners.filter((o) => o.archived).map((o) => o.id)).toEqual([ARCHIVED_OWNER_ID]);
    expect(portal.owners.filter((o) => !o.archived).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps ids unique per type and every association between records that exist, each record under one company', () => {
    const ids = new Map<string, string>();
    for (const [type, o] of all(portal)) {
      const key = `${type}:${o.id}`;
      expect(ids.has(key), key).toBe(false);
      ids.set(key, o.id);
    }
    const companyOf = new Map<string, number>();
    for (const a of portal.associations) {
      expect(ids.has(`${a.fromType}:${a.fromId}`), `${a.fromType} ${a.fromId}`).toBe(true);
      expect(ids.has(`${a.toType}:${a.toId}`), `${a.toType} ${a.toId}`).toBe(true);
      if (a.fromType === 'companies')
        companyOf.set(`${a.toType}:${a.toId}`, (companyOf.get(`${a.toType}:${a.toId}`) ?? 0) + 1);
    }
    for (const [type, o] of all(portal)) {
      if (type !== 'companies') expect(companyOf.get(`${type}:${o.id}`), `${type} ${o.id}`).toBe(1);
    }
  });

  it('keeps every history newest first, with the current value as its newest entry (as the sandbox loads it)', () => {
    for (const [type, o] of all(portal)) {
      for (const [name, entries] of Object.entries(o.propertiesWithHistory ?? {})) {
        const times = entries.map((e) => Date.parse(e.timestamp));
        expect(
          [...times].sort((a, b) => b - a),
          `${type} ${o.id} ${name}`,
        ).toEqual(times);
        expect(o.properties[name] ?? '', `${type} ${o.id} ${name}`).toBe(entries[0]?.value);
        expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
      }
      expect(Date.parse(o.createdAt)).toBeLessThanOrEqual(Date.parse(o.updatedAt));
      expect(Date.parse(o.updatedAt)).toBeLessThanOrEqual(NOW);
    }
  });

  it('gives contacts addresses on their company domain, but for the outside advisers', () => {
    const domainOf = new Map(portal.objects.companies?.map((c) => [c.id, c.properties.domain]));
    const advisers = new Set<string>(OUTSIDE_ADVISERS.map((a) => a.domain));
    for (const contact of portal.objects.contacts ?? []) {
      const domain = contact.properties.email?.split('@')[1];
      if (advisers.has(domain ?? '')) continue;
      expect(domain).toBe(domainOf.get(contact.properties.associatedcompanyid ?? ''));
    }
  });

  it.each([SEED, 1, 2, 3, 42])(
    'seed %i: every signal fires somewhere, each story where planned, most accounts healthy',
    (seed) => {
      const generated = seed === SEED ? portal : generateDemoPortal({ seed, now: NOW, portalId: PORTAL_ID });
      const assessments = [...assessPortal(generated, NOW).values()];
      const plans = planPortfolio(seed);
      expect(assessments.map((a) => a.accountName)).toEqual(plans.map((p) => p.profile.name));
      const fired = new Set(assessments.flatMap((a) => a.reasons.map((r) => r.id)));
      expect(SIGNAL_IDS.filter((id) => !fired.has(id))).toEqual([]);
      assessments.forEach((a, i) => {
        const plan = plans[i];
        for (const risk of plan?.risks ?? [])
          expect(
            a.reasons.map((r) => r.id),
            `${a.accountName}`,
          ).toContain(risk);
        if (plan?.risks.length === 0) expect(a.score, `${a.accountName}: ${a.summary}`).toBeLessThan(25);
      });
      const healthy = assessments.filter((a) => a.score < 25).length;
      expect(healthy / assessments.length).toBeGreaterThanOrEqual(0.6);
    },
  );

  it('refuses a `now` or portal id that is not a positive integer, and a seed that is not an integer', () => {
    expect(() => generateDemoPortal({ seed: 1, now: Number.NaN, portalId: 1 })).toThrow(RangeError);
    expect(() => generateDemoPortal({ seed: 1, now: NOW, portalId: 0 })).toThrow(/portalId/);
    expect(() => generateDemoPortal({ seed: 0.5, now: NOW, portalId: 1 })).toThrow(/seed/);
  });
});
