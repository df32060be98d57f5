import { describe, expect, it } from 'vitest';
import type { SearchFilter } from '../../../src/sandbox/state/filter-matches.ts';
import { createSandboxState } from '../../../src/sandbox/state/sandbox-state.ts';
import { SEARCH_RESULT_CAP, type SearchQuery } from '../../../src/sandbox/state/search-objects.ts';
import { StateError } from '../../../src/sandbox/state/state-error.ts';
import { caught } from '../../helpers/caught.ts';
import { PORTAL, record, smallSeed, T0 } from './seed.ts';

function portalWith(companies: ReturnType<typeof record>[]) {
  const state = createSandboxState({ now: () => T0 });
  const seed = smallSeed({ associations: [] });
  seed.objects = { companies, tasks: smallSeed().objects.tasks ?? [] };
  return state.loadPortal(seed);
}

const query = (filters: SearchFilter[], over: Partial<SearchQuery> = {}): SearchQuery => ({
  filterGroups: filters.length === 0 ? [] : [{ filters }],
  sorts: [],
  limit: 200,
  after: 0,
  ...over,
});

describe('search filters', () => {
  const portal = portalWith([
    record('101', {
      name: 'Acme Robotics',
      annualrevenue: '900',
      lifecyclestage: 'customer',
      hs_lifecyclestage_customer_date: '2026-01-10T00:00:00.000Z',
    }),
    record('102', { name: 'Globex', annualrevenue: '10000', lifecyclestage: 'lead' }),
    record('103', {
      name: 'Initech',
      annualrevenue: '',
      lifecyclestage: 'customer',
      hs_lifecyclestage_customer_date: '1767225600000',
    }),
  ]);
  const ids = (...filters: SearchFilter[]) => portal.search('companies', query(filters)).results.map((r) => r.id);

  it.each<[string, SearchFilter, string[]]>([
    ['EQ compares strings without regard to case', { propertyName: 'name', operator: 'EQ', value: 'globex' }, ['102']],
    [
      'NEQ passes records without a value',
      { propertyName: 'annualrevenue', operator: 'NEQ', value: '900' },
      ['102', '103'],
    ],
    ['LT compares numbers as numbers', { propertyName: 'annualrevenue', operator: 'LT', value: '1000' }, ['101']],
    ['LTE', { propertyName: 'annualrevenue', operator: 'LTE', value: '900' }, ['101']],
    ['GT', { propertyName: 'annualrevenue', operator: 'GT', value: '900' }, ['102']],
    ['GTE', { propertyName: 'annualrevenue', operator: 'GTE', value: '900' }, ['101', '102']],
    ['IN', { propertyName: 'lifecyclestage', operator: 'IN', values: ['lead', 'other'] }, ['102']],
    ['NOT_IN', { propertyName: 'lifecyclestage', operator: 'NOT_IN', values: ['lead'] }, ['101', '103']],
    [
      'HAS_PROPERTY (an empty value is none)',
      { propertyName: 'annualrevenue', operator: 'HAS_PROPERTY' },
      ['101', '102'],
    ],
    ['NOT_HAS_PROPERTY', { propertyName: 'annualrevenue', operator: 'NOT_HAS_PROPERTY' }, ['103']],
    ['CONTAINS_TOKEN matches a word', { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'robotics' }, ['101']],
    ['CONTAINS_TOKEN with a wildcard', { propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'ini*' }, ['103']],
    [
      'BETWEEN compares dates as instants, whatever format they were stored in',
      {
        propertyName: 'hs_lifecyclestage_customer_date',
        operator: 'BETWEEN',
        value: '2026-01-01T00:00:00.000Z',
        highValue: String(Date.parse('2026-01-31T00:00:00.000Z')),
      },
      ['101', '103'],
    ],
    [
      'GT on hs_object_id, the computed id',
      { propertyName: 'hs_object_id', operator: 'GT', value: '101' },
      ['102', '103'],
    ],
  ])('%s', (_, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('ANDs the filters of a group and ORs the groups', () => {
    const and = [
      { propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' },
      { propertyName: 'annualrevenue', operator: 'HAS_PROPERTY' },
    ];
    expect(ids(...and)).toEqual(['101']);
    const or = portal.search('companies', {
      ...query([]),
      filterGroups: [
        { filters: [and[0] as SearchFilter] },
        { filters: [{ propertyName: 'name', operator: 'EQ', value: 'Globex' }] },
      ],
    });
    expect(or.results.map((r) => r.id)).toEqual(['101', '102', '103']);
  });

  it('sorts by a property ascending (numbers as numbers, no value last), then by id', () => {
    const page = portal.search('companies', query([], { sorts: ['annualrevenue'] }));
    expect(page.results.map((r) => r.id)).toEqual(['101', '102', '103']);
    const byName = portal.search('companies', query([], { sorts: ['name'] }));
    expect(byName.results.map((r) => r.id)).toEqual(['101', '102', '103']);
  });

  it('refuses an operator without the value it needs, an unknown operator, and too many filters', () => {
    expect(caught(() => ids({ propertyName: 'name', operator: 'EQ' }), StateError).kind).toBe('invalid');
    expect(caught(() => ids({ propertyName: 'name', operator: 'IN', values: [] }), StateError).message).toMatch(
      /values/,
    );
    expect(caught(() => ids({ propertyName: 'name', operator: 'LIKE', value: 'x' }), StateError).message).toMatch(
      /LIKE/,
    );
    const eleven = Array.from({ length: 11 }, () => ({ propertyName: 'name', operator: 'HAS_PROPERTY' }));
    expect(caught(() => ids(...eleven), StateError).message).toMatch(/Too many filters in a filter group/);
    const groups = Array.from({ length: 6 }, () => ({ filters: [] }));
    expect(() => portal.search('companies', { ...query([]), filterGroups: groups })).toThrow(/Too many filter groups/);
  });
});

describe('associations.company', () => {
  it('finds the records associated with any of the companies', () => {
    const state = createSandboxState({ now: () => T0 });
    const portal = state.loadPortal(smallSeed());
    portal.create('tasks', { hs_task_status: 'COMPLETED' }, [{ to: { type: 'companies', id: '101' } }]);
    const open = portal.create('tasks', { hs_task_status: 'WAITING' }, [{ to: { type: 'companies', id: '102' } }]);
    portal.create('tasks', { hs_task_status: 'NOT_STARTED' });
    const page = portal.search(
      'tasks',
      query([
        { propertyName: 'associations.company', operator: 'IN', values: ['101', '102'] },
        { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
      ]),
    );
    expect(page.results.map((r) => r.id)).toEqual(['401', open.id]);
    expect(
      portal.search('tasks', query([{ propertyName: 'associations.company', operator: 'EQ', value: '102' }])).total,
    ).toBe(1);
    expect(() =>
      portal.search('tasks', query([{ propertyName: 'associations.widget', operator: 'EQ', value: '1' }])),
    ).toThrow(/not a searchable association/);
  });
});

describe('paging and the 10,000-result cap', () => {
  const state = createSandboxState({ now: () => T0 });
  const portal = state.loadPortal({ portalId: PORTAL, owners: [], objects: {}, associations: [] });
  for (let i = 0; i < SEARCH_RESULT_CAP + 50; i++) portal.create('companies', { name: `Company ${i}` });

  it('pages with after, reports the whole total, and stops at the 10,000th result', () => {
    const first = portal.search('companies', query([], { limit: 200 }));
    expect(first.total).toBe(SEARCH_RESULT_CAP + 50);
    expect(first.results).toHaveLength(200);
    expect(first.next).toBe(200);
    const last = portal.search('companies', query([], { limit: 200, after: 9_900 }));
    expect(last.results).toHaveLength(100);
    expect(last.next).toBeNull();
  });

  it('answers a page past 10,000 results as invalid, and a limit above 200 too', () => {
    const error = caught(() => portal.search('companies', query([], { after: SEARCH_RESULT_CAP })), StateError);
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/10000/);
    expect(() => portal.search('companies', query([], { limit: 201 }))).toThrow(/limit must be between 0 and 200/);
  });

  it('pages by key past the cap, as the app does: each query stays under it', () => {
    const page = portal.search(
      'companies',
      query([{ propertyName: 'hs_object_id', operator: 'GT', value: String(1000 + 10_000) }], {
        sorts: ['hs_object_id'],
      }),
    );
    expect(page.total).toBe(50);
    expect(page.next).toBeNull();
  });
});
