import { describe, expect, it } from 'vitest';
import { integrationSource, type SandboxChange } from '../../../src/sandbox/state/sandbox-change.ts';
import { createSandboxState } from '../../../src/sandbox/state/sandbox-state.ts';
import { currentValue, historyOf } from '../../../src/sandbox/state/stored-object.ts';
import { APP_ID, PORTAL, record, smallSeed, T0 } from './seed.ts';

function setup() {
  let clock = T0;
  const state = createSandboxState({ now: () => clock });
  const changes: [number, SandboxChange][] = [];
  state.onChange((portalId, change) => changes.push([portalId, change]));
  const portal = state.loadPortal(smallSeed());
  return { state, portal, changes, tick: (ms: number) => (clock += ms) };
}

describe('loading a seed', () => {
  it('keeps propertiesWithHistory as the history and reports no change for what the seed holds', () => {
    const { portal, changes } = setup();
    const ada = portal.get('contacts', '201');
    expect(ada && historyOf(ada, 'jobtitle').map((e) => e.value)).toEqual(['VP Engineering', 'Director']);
    expect(ada && currentValue(ada, 'jobtitle')).toBe('VP Engineering');
    expect(ada && currentValue(ada, 'email')).toBe('ada@acme.example');
    expect(changes).toEqual([]);
  });

  it('puts a current value that differs from the newest history entry on top of it', () => {
    const state = createSandboxState({ now: () => T0 });
    const seed = smallSeed();
    seed.objects.companies = [
      record(
        '101',
        { numberofemployees: '80' },
        {
          updatedAt: '2026-11-01T00:00:00.000Z',
          propertiesWithHistory: {
            numberofemployees: [{ value: '120', timestamp: '2026-01-01T00:00:00.000Z', sourceType: 'IMPORT' }],
          },
        },
      ),
      record('102', {}),
    ];
    const company = state.loadPortal(seed).get('companies', '101');
    expect(company && historyOf(company, 'numberofemployees')).toEqual([
      { value: '80', timestamp: '2026-11-01T00:00:00.000Z', sourceType: 'CRM_UI' },
      { value: '120', timestamp: '2026-01-01T00:00:00.000Z', sourceType: 'IMPORT' },
    ]);
  });

  it('refuses a seed that does not validate, or that associates a record it does not hold', () => {
    const state = createSandboxState();
    expect(() =>
      state.loadPortal({ portalId: PORTAL, owners: [], objects: { widgets: [] }, associations: [] }),
    ).toThrow(/widgets/);
    const dangling = smallSeed({
      associations: [{ fromType: 'contacts', fromId: '999', toType: 'companies', toId: '101' }],
    });
    expect(() => state.loadPortal(dangling)).toThrow(/No contacts with id 999/);
    expect(state.portal(PORTAL)).toBeUndefined();
  });
});

describe('writes', () => {
  it('keep every value in the history, marking writes with an app token as INTEGRATION with the app id', () => {
    const { portal, tick } = setup();
    tick(60_000);
    portal.update('companies', '101', { annualrevenue: '900000' }, integrationSource(APP_ID));
    tick(60_000);
    portal.update('companies', '101', { annualrevenue: '700000' });
    const company = portal.get('companies', '101');
    expect(company && historyOf(company, 'annualrevenue')).toEqual([
      { value: '700000', timestamp: new Date(T0 + 120_000).toISOString(), sourceType: 'CRM_UI' },
      {
        value: '900000',
        timestamp: new Date(T0 + 60_000).toISOString(),
        sourceType: 'INTEGRATION',
        sourceId: String(APP_ID),
      },
      { value: '1200000', timestamp: '2025-01-15T09:00:00.000Z', sourceType: 'CRM_UI' },
    ]);
    expect(company?.updatedAt).toBe(T0 + 120_000);
  });

  it('report each changed property, with its source, and nothing for a value written again unchanged', () => {
    const { portal, changes } = setup();
    portal.update('companies', '101', { name: 'Acme Robotics', annualrevenue: '1' }, integrationSource(APP_ID));
    expect(changes).toEqual([
      [
        PORTAL,
        {
          objectType: 'companies',
          objectId: '101',
          kind: 'propertyChange',
          propertyName: 'annualrevenue',
          propertyValue: '1',
          changeSource: 'INTEGRATION',
          sourceId: String(APP_ID),
          occurredAt: T0,
        },
      ],
    ]);
  });

  it('give new records ids above every seed id, increasing, and report their creation', () => {
    const { portal, changes, tick } = setup();
    const first = portal.create('tasks', { hs_task_subject: 'One' });
    tick(1);
    const second = portal.create('tasks', { hs_task_subject: 'Two' });
    expect(Number(first.id)).toBeGreaterThan(401);
    expect(Number(second.id)).toBe(Number(first.id) + 1);
    expect(changes.map(([, c]) => [c.kind, c.objectId])).toEqual([
      ['creation', first.id],
      ['creation', second.id],
    ]);
  });

  it('archive a record: gone from reads, listed with archived, reported as a deletion', () => {
    const { portal, changes } = setup();
    expect(portal.archive('deals', '301')).toBe(true);
    expect(portal.get('deals', '301')).toBeUndefined();
    expect(portal.get('deals', '301', { archived: true })?.archived).toBe(true);
    expect(portal.list('deals')).toEqual([]);
    expect(portal.associatedIds({ type: 'companies', id: '101' }, 'deals')).toEqual([]);
    expect(changes.map(([, c]) => c.kind)).toEqual(['deletion']);
    expect(portal.archive('deals', '301')).toBe(false);
  });

  it('throw for an update of a record that does not exist', () => {
    const { portal } = setup();
    expect(() => portal.update('companies', '999', { name: 'x' })).toThrow(/No companies with id 999/);
  });
});

describe('portals', () => {
  it('reset to their seed, and an unknown one is created empty on demand', () => {
    const { state, portal } = setup();
    portal.update('companies', '101', { name: 'Renamed' });
    portal.create('companies', { name: 'New' });
    const fresh = state.resetPortal(PORTAL);
    expect(fresh.list('companies').map((c) => currentValue(c, 'name'))).toEqual(['Acme Robotics', 'Globex']);
    expect(state.portal(1)).toBeUndefined();
    expect(state.ensurePortal(1).list('companies')).toEqual([]);
    expect(state.portalIds().sort()).toEqual([1, PORTAL]);
  });

  it('list owners: active ones, or only the archived ones when asked', () => {
    const { portal } = setup();
    expect(portal.owners().map((o) => o.id)).toEqual(['77']);
    expect(portal.owners({ archived: true }).map((o) => o.id)).toEqual(['78']);
  });

  it('merge a record into another: reads of the merged id answer the survivor, associations move over', () => {
    const { portal, changes } = setup();
    portal.merge('companies', '101', '102');
    expect(portal.get('companies', '102')?.id).toBe('101');
    expect(portal.list('companies').map((c) => c.id)).toEqual(['101']);
    expect(portal.associatedIds({ type: 'companies', id: '101' }, 'contacts')).toEqual(['201', '202', '203']);
    expect(changes.at(-1)?.[1]).toMatchObject({ kind: 'merge', objectId: '101', mergedObjectIds: ['102'] });
  });

  it('pass a listener error on instead of failing the write', () => {
    const errors: unknown[] = [];
    const state = createSandboxState({ onListenerError: (e) => errors.push(e) });
    state.onChange(() => {
      throw new Error('listener broke');
    });
    const portal = state.loadPortal(smallSeed());
    expect(() => portal.update('companies', '101', { name: 'x' })).not.toThrow();
    expect(errors).toEqual([new Error('listener broke')]);
  });
});
