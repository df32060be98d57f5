import { describe, expect, it } from 'vitest';
import { applyChange } from '../../src/demo/apply-change.ts';
import { playTimeline } from '../../src/demo/play-timeline.ts';
import type { TimelineStep } from '../../src/sandbox/demo/demo-seed.ts';
import { demoTimeline } from '../../src/sandbox/demo/demo-timeline.ts';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal.ts';
import type { SandboxChange } from '../../src/sandbox/state/sandbox-change.ts';
import { createSandboxState } from '../../src/sandbox/state/sandbox-state.ts';
import { currentValue } from '../../src/sandbox/state/stored-object.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const PORTAL = 4242;

function demo() {
  const state = createSandboxState({ now: () => T0 });
  const seed = generateDemoPortal({ seed: 42, now: T0, portalId: PORTAL });
  const portal = state.loadPortal(seed);
  const changes: SandboxChange[] = [];
  state.onChange((_portalId, change) => changes.push(change));
  return { portal, changes, steps: demoTimeline({ seed: 42, portal: seed }) };
}

describe('playTimeline', () => {
  it('applies every step to the sandbox at its time divided by the speed, as a user in HubSpot', async () => {
    const { portal, changes, steps } = demo();
    const tickets = portal.list('tickets').length;
    const waits: number[] = [];
    const played: string[] = [];
    await playTimeline(portal, steps, {
      speed: 1_000_000,
      sleep: async (ms) => {
        waits.push(ms);
      },
      onStep: (step) => played.push(step.description),
    });

    expect(played).toEqual(steps.map((s) => s.description));
    expect(waits.every((ms) => ms <= 0.1)).toBe(true);
    expect(portal.list('tickets')).toHaveLength(tickets + 5);
    const dissociation = steps.find((s) => s.change.op === 'dissociate')?.change;
    if (dissociation?.op !== 'dissociate') throw new Error('the timeline has no departure');
    expect(portal.associatedIds({ type: 'companies', id: dissociation.toId }, 'contacts')).not.toContain(
      dissociation.fromId,
    );
    const cut = steps.find((s) => s.change.op === 'update' && s.change.objectType === 'deals')?.change;
    if (cut?.op !== 'update') throw new Error('the timeline has no renewal cut');
    const deal = portal.get('deals', cut.id);
    expect(deal && currentValue(deal, 'amount')).toBe(cut.properties.amount);
    expect(changes.length).toBeGreaterThanOrEqual(steps.length);
    expect(changes.every((c) => c.changeSource === 'CRM_UI')).toBe(true);
  });

  it('refuses a speed that is not positive', async () => {
    const { portal, steps } = demo();
    await expect(playTimeline(portal, steps, { speed: 0, onStep: () => {} })).rejects.toThrow(RangeError);
  });
});

describe('applyChange', () => {
  it('creates records with the sandbox’s own id, dropping the timeline’s guessed one', () => {
    const { portal, steps } = demo();
    const create = steps.find((s) => s.change.op === 'create' && s.change.objectType === 'tickets') as TimelineStep;
    if (create.change.op !== 'create') throw new Error('no ticket in the timeline');
    const id = applyChange(portal, create.change);
    const ticket = portal.get('tickets', id);
    expect(ticket && currentValue(ticket, 'subject')).toBe(create.change.object.properties.subject);
    expect(ticket && currentValue(ticket, 'hs_object_id')).toBe(id);
  });

  it('throws when the association to remove or the record to delete is not there', () => {
    const { portal } = demo();
    expect(() =>
      applyChange(portal, { op: 'dissociate', fromType: 'contacts', fromId: '1', toType: 'companies', toId: '2' }),
    ).toThrow(/no association contacts 1 ↔ companies 2/);
    expect(() => applyChange(portal, { op: 'delete', objectType: 'deals', id: '999999999' })).toThrow(
      /no deals 999999999 to delete/,
    );
  });
});
