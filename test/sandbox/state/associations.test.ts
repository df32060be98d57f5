import { describe, expect, it } from 'vitest';
import { associationKindOf, associationTypeId, canAssociate } from '../../../src/sandbox/state/association-types.ts';
import { integrationSource, type SandboxChange } from '../../../src/sandbox/state/sandbox-change.ts';
import { createSandboxState } from '../../../src/sandbox/state/sandbox-state.ts';
import { APP_ID, smallSeed, T0 } from './seed.ts';

const company = (id: string) => ({ type: 'companies' as const, id });
const contact = (id: string) => ({ type: 'contacts' as const, id });

describe("HubSpot's association type ids", () => {
  it.each([
    ['contacts', 'companies', 'unlabeled', 279],
    ['contacts', 'companies', 'primary', 1],
    ['companies', 'contacts', 'unlabeled', 280],
    ['companies', 'contacts', 'primary', 2],
    ['deals', 'companies', 'unlabeled', 341],
    ['deals', 'companies', 'primary', 5],
    ['companies', 'deals', 'primary', 6],
    ['tickets', 'companies', 'primary', 26],
    ['companies', 'tickets', 'primary', 25],
    ['tasks', 'companies', 'unlabeled', 192],
    ['companies', 'tasks', 'unlabeled', 191],
    ['companies', 'feedback_submissions', 'unlabeled', 929],
    ['contacts', 'feedback_submissions', 'unlabeled', 97],
    ['emails', 'contacts', 'unlabeled', 198],
  ] as const)('%s → %s %s is %i', (from, to, kind, id) => {
    expect(associationTypeId(from, to, kind)).toBe(id);
    expect(associationKindOf(from, to, id)).toBe(kind);
  });

  it('has no primary type between engagements and companies, and none between two engagements', () => {
    expect(associationTypeId('tasks', 'companies', 'primary')).toBeNull();
    expect(canAssociate('emails', 'notes')).toBe(false);
    expect(associationKindOf('contacts', 'companies', 192)).toBeNull();
  });
});

describe('associations of a portal', () => {
  function setup() {
    const state = createSandboxState({ now: () => T0 });
    const changes: SandboxChange[] = [];
    state.onChange((_, change) => changes.push(change));
    return { portal: state.loadPortal(smallSeed()), changes };
  }

  it('read from either end, the first company of a contact being its primary one', () => {
    const { portal } = setup();
    expect(portal.associatedIds(company('101'), 'contacts')).toEqual(['201', '202']);
    expect(portal.associatedIds(contact('201'), 'companies')).toEqual(['101']);
    expect(portal.associationKinds(contact('201'), company('101')).sort()).toEqual(['primary', 'unlabeled']);
  });

  it('a second company is unlabeled; asking for it as primary moves the primary one', () => {
    const { portal } = setup();
    portal.associate(contact('201'), company('102'));
    expect(portal.associationKinds(contact('201'), company('102'))).toEqual(['unlabeled']);
    portal.associate(contact('201'), company('102'), ['primary']);
    expect(portal.associationKinds(contact('201'), company('102')).sort()).toEqual(['primary', 'unlabeled']);
    expect(portal.associationKinds(contact('201'), company('101'))).toEqual(['unlabeled']);
  });

  it('report an association added or removed once per direction, with the type id of that direction', () => {
    const { portal, changes } = setup();
    portal.dissociate(contact('201'), company('101'), integrationSource(APP_ID));
    expect(changes).toEqual([
      {
        objectType: 'contacts',
        objectId: '201',
        kind: 'associationChange',
        changeSource: 'INTEGRATION',
        sourceId: String(APP_ID),
        fromObjectId: '201',
        toObjectId: '101',
        toObjectType: 'companies',
        associationTypeId: 279,
        associationRemoved: true,
        isPrimaryAssociation: true,
        occurredAt: T0,
      },
      {
        objectType: 'companies',
        objectId: '101',
        kind: 'associationChange',
        changeSource: 'INTEGRATION',
        sourceId: String(APP_ID),
        fromObjectId: '101',
        toObjectId: '201',
        toObjectType: 'contacts',
        associationTypeId: 280,
        associationRemoved: true,
        isPrimaryAssociation: true,
        occurredAt: T0,
      },
    ]);
    expect(portal.associatedIds(company('101'), 'contacts')).toEqual(['202']);
    expect(portal.dissociate(contact('201'), company('101'))).toBe(false);
  });

  it('refuse types HubSpot does not associate and records that do not exist', () => {
    const { portal } = setup();
    expect(() => portal.associate({ type: 'emails', id: '1' }, { type: 'notes', id: '2' })).toThrow(
      /cannot be associated/,
    );
    expect(() => portal.associate(contact('999'), company('101'))).toThrow(/No contacts with id 999/);
  });

  it('a record created with associations is associated as it is created', () => {
    const { portal } = setup();
    const task = portal.create('tasks', { hs_task_subject: 'Follow up' }, [{ to: company('102') }]);
    expect(portal.associatedIds(company('102'), 'tasks')).toEqual([task.id]);
    expect(() => portal.create('tasks', {}, [{ to: company('999') }])).toThrow(/No companies with id 999/);
  });
});

describe("a contact's associatedcompanyid", () => {
  it('follows its primary company, with history, when an association change moves it', () => {
    let clock = T0;
    const state = createSandboxState({ now: () => clock });
    const portal = state.loadPortal(smallSeed());
    const ada = () => portal.get('contacts', '201');
    clock += 1_000;
    portal.associate(contact('201'), company('102'), ['primary']);
    expect(
      ada()
        ?.history.get('associatedcompanyid')
        ?.map((e) => e.value),
    ).toEqual(['102']);
    clock += 1_000;
    portal.dissociate(contact('201'), company('102'));
    expect(
      ada()
        ?.history.get('associatedcompanyid')
        ?.map((e) => [e.value, e.timestamp]),
    ).toEqual([
      ['', new Date(T0 + 2_000).toISOString()],
      ['102', new Date(T0 + 1_000).toISOString()],
    ]);
    portal.associate(contact('202'), company('102'));
    expect(portal.get('contacts', '202')?.history.get('associatedcompanyid')).toBeUndefined();
  });
});
