import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../../src/adapters/hubspot/to-snapshot.ts';
import { DEFAULT_MAPPINGS } from '../../../src/core/mappings.ts';
import { Snapshot } from '../../../src/core/snapshot.ts';
import { at, bundle, COMPANY_ID, fixture, hsEvent, hsObject, PORTAL } from './build.ts';

const acme = () => toSnapshot(fixture('acme-robotics.bundle.json'), DEFAULT_MAPPINGS);
const map = (over: Parameters<typeof bundle>[0]) => toSnapshot(bundle(over), DEFAULT_MAPPINGS);
const company = (properties: Record<string, string | null>, history?: Parameters<typeof hsObject>[2]) =>
  hsObject(COMPANY_ID, properties, history);

describe('toSnapshot on a realistic bundle (test/fixtures/hubspot/acme-robotics.bundle.json)', () => {
  it('produces a valid snapshot, the same every time, without touching the bundle', () => {
    const input = fixture('acme-robotics.bundle.json');
    const before = structuredClone(input);
    const first = toSnapshot(input, DEFAULT_MAPPINGS);
    expect(Snapshot.parse(first)).toEqual(first);
    expect(toSnapshot(input, DEFAULT_MAPPINGS)).toEqual(first);
    expect(input).toEqual(before);
    expect(first.crm).toBe('hubspot');
    expect(first.tenantId).toBe(String(PORTAL));
  });

  it('maps the company', () => {
    expect(acme().account).toEqual({
      id: COMPANY_ID,
      name: 'Acme Robotics',
      domain: 'acmerobotics.com',
      createdAt: at('2023-02-14T09:12:44.318Z'),
      lifecycleStage: 'customer',
      customerSince: at('2023-05-28T00:00:00Z'),
      ownerId: '81234567',
      ownerHistory: [
        { value: '79876543', at: at('2023-02-14T09:12:44.318Z') },
        { value: '81234567', at: at('2026-10-01T13:05:09.120Z') },
      ],
      parentAccountId: null,
      parentHistory: [],
      employees: 240,
      employeesHistory: [
        { value: 300, at: at('2023-02-14T09:12:44.318Z') },
        { value: 310, at: at('2025-03-01T04:00:00Z') },
        { value: 240, at: at('2026-09-15T04:00:00Z') },
      ],
      addressHistory: [
        { value: '100 Mission St, San Francisco, CA, 94105, United States', at: at('2023-02-14T09:12:44.318Z') },
        { value: '500 Market St, San Francisco, CA, 94105, United States', at: at('2026-08-03T17:45:12.007Z') },
      ],
      annualRevenue: 12_500_000,
      lastContactedAt: at('2026-10-28T16:20:00Z'),
      merges: [{ at: at('2026-08-20T09:00:00Z'), mergedIds: ['9120000077'] }],
    });
  });

  it('maps owners, contacts and the contacts that left', () => {
    const s = acme();
    expect(s.owners).toEqual([
      { id: '81234567', name: 'Jordan Lee', email: 'jordan.lee@vendor.example', active: true },
      { id: '79876543', name: 'Sam Patel', email: 'sam.patel@vendor.example', active: false },
    ]);
    const [maria, david, priya, tom, nameless] = s.contacts;
    expect(maria).toEqual({
      id: '51001',
      name: 'Maria Chen',
      email: 'maria.chen@acmerobotics.com',
      emailDomain: 'acmerobotics.com',
      title: 'VP Operations',
      titleHistory: [
        { value: 'Director of Operations', at: at('2023-02-20T11:00:00Z') },
        { value: 'VP Operations', at: at('2025-01-10T10:00:00Z') },
      ],
      roles: ['decision_maker', 'champion'],
      createdAt: at('2023-02-20T11:00:00Z'),
      lastEngagedAt: at('2026-10-22T09:00:00Z'),
      hardBouncedAt: null,
      optedOutAt: null,
      lastOpenAt: at('2026-11-03T08:12:00Z'),
      lastClickAt: at('2026-09-14T10:00:00Z'),
      lastSendAt: at('2026-11-03T08:00:00Z'),
      primaryAccountHistory: [{ value: COMPANY_ID, at: at('2023-02-20T11:00:00Z') }],
    });
    expect(david).toMatchObject({ emailDomain: 'acmerobotics.com', hardBouncedAt: at('2026-10-30T08:15:00Z') });
    expect(priya).toMatchObject({
      roles: ['budget_holder', 'executive_sponsor'],
      optedOutAt: at('2026-11-02T19:40:00Z'),
    });
    expect(tom).toMatchObject({ emailDomain: 'brightpixel.agency', title: 'Consultant', roles: ['other'] });
    expect(nameless).toMatchObject({ name: null, roles: [], createdAt: at('2025-06-30T07:00:00Z'), titleHistory: [] });
    expect(s.departedContacts).toEqual([
      {
        id: '51010',
        reason: 'association_removed',
        at: at('2026-10-15T10:00:00Z'),
        name: null,
        title: null,
        roles: null,
      },
      { id: '51012', reason: 'deleted', at: at('2026-10-20T08:00:00Z'), name: null, title: null, roles: null },
      { id: '51014', reason: 'deleted', at: at('2026-11-05T14:00:00Z'), name: null, title: null, roles: null },
    ]);
  });

  it('maps deals and tickets', () => {
    const s = acme();
    expect(s.deals.map((d) => [d.id, d.status, d.isRenewal])).toEqual([
      ['71001', 'won', false],
      ['71002', 'won', true],
      ['71003', 'open', true],
      ['71004', 'lost', true],
    ]);
    expect(s.deals[2]).toEqual({
      id: '71003',
      name: 'Acme Robotics 续约 2027',
      amount: 72000,
      amountHistory: [
        { value: 96000, at: at('2026-09-01T09:00:00Z') },
        { value: 72000, at: at('2026-10-25T10:00:00Z') },
      ],
      stage: 'contractsent',
      status: 'open',
      isRenewal: true,
      closeDate: at('2027-01-31T00:00:00Z'),
      createdAt: at('2026-09-01T09:00:00Z'),
      lostReason: null,
      stageChangedAt: at('2026-10-25T10:00:00Z'),
    });
    expect(s.deals[3]?.lostReason).toBe('Went with a competitor (RoboCorp)');
    expect(s.deals[1]?.closeDate).toBe(at('2024-05-30T00:00:00Z'));
    expect(s.tickets.map((t) => [t.id, t.priority, t.open, t.closedAt, t.reopenedAt])).toEqual([
      ['81001', 'high', true, null, null],
      ['81002', 'low', false, at('2026-09-12T10:00:00Z'), null],
      ['81003', 'urgent', true, null, at('2026-10-10T08:00:01Z')],
      ['81004', null, true, null, null],
    ]);
  });

  it('maps engagements, tasks, surveys, custom properties and the score history', () => {
    const s = acme();
    expect(s.engagements.map((e) => [e.id, e.type, e.direction, e.twoWay])).toEqual([
      ['91001', 'email', 'inbound', true],
      ['91002', 'email', 'outbound', false],
      ['91003', 'email', 'outbound', false],
      ['92001', 'call', 'outbound', true],
      ['92002', 'call', 'outbound', false],
      ['92003', 'call', 'inbound', true],
      ['93001', 'meeting', null, true],
      ['93002', 'meeting', null, false],
      ['93003', 'meeting', null, false],
      ['93004', 'meeting', null, true],
      ['94001', 'note', null, false],
    ]);
    expect(s.engagements[1]?.text).toBe("Hi Maria,\nHere's the QBR deck & notes.");
    expect(s.engagements[2]?.at).toBe(1761580800000);
    expect(s.tasks).toEqual([
      {
        id: '95001',
        subject: 'Send renewal proposal',
        status: 'open',
        dueAt: at('2026-11-01T17:00:00Z'),
        completedAt: null,
        ownerId: '81234567',
      },
      {
        id: '95002',
        subject: 'Schedule QBR',
        status: 'completed',
        dueAt: at('2026-10-15T17:00:00Z'),
        completedAt: at('2026-10-14T11:00:00Z'),
        ownerId: '79876543',
      },
    ]);
    expect(s.surveys.map((v) => [v.id, v.kind, v.score, v.recordType, v.contactId])).toEqual([
      ['96001', 'nps', 9, 'feedback_submission', '51001'],
      ['96002', 'csat', 3, 'feedback_submission', '51003'],
      ['96004', 'other', 4, 'feedback_submission', null],
      [`51001:nps:${at('2025-12-01T12:00:00Z')}`, 'nps', 4, 'contact', '51001'],
      [`51003:csat:${at('2026-10-05T00:00:00Z')}`, 'csat', 2, 'contact', '51003'],
    ]);
    expect(s.custom).toEqual({
      renewalDate: at('2027-01-31T00:00:00Z'),
      seatsPurchased: 120,
      seatsActive: 54,
      seatsActiveHistory: [
        { value: 110, at: at('2026-05-01T02:00:00Z') },
        { value: 88, at: at('2026-08-01T02:00:00Z') },
        { value: 54, at: at('2026-11-01T02:00:00Z') },
      ],
      usage: 3100,
      usageHistory: [
        { value: 5200, at: at('2026-08-01T02:00:00Z') },
        { value: 3100, at: at('2026-11-01T02:00:00Z') },
      ],
      onboardingCompletedAt: at('2023-07-20T00:00:00Z'),
      lastTrainingAt: 1759312800000,
    });
    expect(s.scoreHistory).toEqual([
      { value: 18, at: at('2026-10-10T06:00:00Z') },
      { value: 42, at: at('2026-11-10T06:00:00Z') },
    ]);
  });
});

describe('values', () => {
  it('parses numbers: empty, null, and non-numbers are null', () => {
    const employees = (value: string | null) =>
      map({ company: company({ numberofemployees: value }) }).account.employees;
    expect(employees('1500.50')).toBe(1500.5);
    expect(employees('0')).toBe(0);
    expect(employees('')).toBeNull();
    expect(employees(' ')).toBeNull();
    expect(employees(null)).toBeNull();
    expect(employees('1,000')).toBeNull();
    expect(employees('NaN')).toBeNull();
    expect(employees('Infinity')).toBeNull();
  });

  it('parses dates as ISO date-times, dates or epoch milliseconds', () => {
    const contacted = (value: string) =>
      map({ company: company({ notes_last_contacted: value }) }).account.lastContactedAt;
    expect(contacted('2026-10-28T16:20:00Z')).toBe(at('2026-10-28T16:20:00Z'));
    expect(contacted('2026-10-28T16:20:00.123Z')).toBe(at('2026-10-28T16:20:00.123Z'));
    expect(contacted('2026-10-28T18:20:00+02:00')).toBe(at('2026-10-28T16:20:00Z'));
    expect(contacted('2026-12-31')).toBe(at('2026-12-31T00:00:00Z'));
    expect(contacted('1761580800000')).toBe(1761580800000);
    expect(contacted('')).toBeNull();
    expect(contacted('soon')).toBeNull();
  });

  it('reads a history property missing from properties from the newest entry of its history', () => {
    const c = hsObject(
      COMPANY_ID,
      {},
      {
        hubspot_owner_id: [
          ['7', '2026-05-01T00:00:00Z'],
          ['6', '2026-06-01T00:00:00Z'],
          ['5', '2025-05-01T00:00:00Z'],
        ],
      },
    );
    expect(map({ company: c }).account.ownerId).toBe('6');
    expect(
      map({
        company: hsObject(COMPANY_ID, { hubspot_owner_id: '' }, { hubspot_owner_id: [['6', '2026-06-01T00:00:00Z']] }),
      }).account.ownerId,
    ).toBeNull();
  });
});

describe('histories', () => {
  it('are sorted oldest first whatever the order HubSpot lists them in; empty values are null', () => {
    const newestFirst = company(
      {},
      {
        hubspot_owner_id: [
          ['3', '2026-03-01T00:00:00Z'],
          ['', '2026-02-01T00:00:00Z'],
          ['1', '2026-01-01T00:00:00Z'],
        ],
      },
    );
    const expected = [
      { value: '1', at: at('2026-01-01T00:00:00Z') },
      { value: null, at: at('2026-02-01T00:00:00Z') },
      { value: '3', at: at('2026-03-01T00:00:00Z') },
    ];
    expect(map({ company: newestFirst }).account.ownerHistory).toEqual(expected);
    const shuffled = company(
      {},
      {
        hubspot_owner_id: [
          ['', '2026-02-01T00:00:00Z'],
          ['3', '2026-03-01T00:00:00Z'],
          ['1', '2026-01-01T00:00:00Z'],
        ],
      },
    );
    expect(map({ company: shuffled }).account.ownerHistory).toEqual(expected);
  });

  it('are [] when HubSpot sent none, and numeric histories parse their values', () => {
    const s = map({
      company: company(
        { hs_parent_company_id: '77' },
        {
          hs_parent_company_id: [['77', '2026-06-01T00:00:00Z', 'CRM_UI']],
          numberofemployees: [
            ['abc', '2026-02-01T00:00:00Z'],
            ['120', '2026-01-01T00:00:00Z'],
          ],
        },
      ),
    });
    expect(s.account.parentAccountId).toBe('77');
    expect(s.account.parentHistory).toEqual([{ value: '77', at: at('2026-06-01T00:00:00Z') }]);
    expect(s.account.employeesHistory).toEqual([
      { value: 120, at: at('2026-01-01T00:00:00Z') },
      { value: null, at: at('2026-02-01T00:00:00Z') },
    ]);
    expect(map({}).account.ownerHistory).toEqual([]);
    expect(map({}).scoreHistory).toEqual([]);
  });
});

describe('account', () => {
  it('normalises the domain', () => {
    const domain = (value: string | null) => map({ company: company({ domain: value }) }).account.domain;
    expect(domain('WWW.Acme.COM')).toBe('acme.com');
    expect(domain('https://www.acme.com/about')).toBe('acme.com');
    expect(domain('shop.acme.com')).toBe('shop.acme.com');
    expect(domain('')).toBeNull();
    expect(domain(null)).toBeNull();
  });

  it('takes createdAt from createdate, else the record', () => {
    expect(map({ company: company({ createdate: '2024-01-01T00:00:00Z' }) }).account.createdAt).toBe(
      at('2024-01-01T00:00:00Z'),
    );
    expect(map({ company: company({}) }).account.createdAt).toBe(at('2026-01-05T10:00:00Z'));
  });

  it('dates customerSince by the first won deal, else the lifecycle date, else null', () => {
    const won = (id: string, closedate: string) => hsObject(id, { dealstage: 'closedwon', closedate });
    const lifecycle = { hs_lifecyclestage_customer_date: '2022-01-01T00:00:00Z' };
    const deals = [
      won('1', '2024-06-01'),
      won('2', '2023-03-01'),
      hsObject('3', { dealstage: 'closedlost', closedate: '2020-01-01' }),
    ];
    expect(map({ company: company(lifecycle), deals }).account.customerSince).toBe(at('2023-03-01T00:00:00Z'));
    expect(map({ company: company(lifecycle), deals: [deals[2] as never] }).account.customerSince).toBe(
      at('2022-01-01T00:00:00Z'),
    );
    expect(map({ company: company({}) }).account.customerSince).toBeNull();
  });

  it('combines the address parts at each change of any of them', () => {
    const c = company(
      { address: '2 New Rd', city: 'Leeds', state: '', zip: 'LS1', country: 'UK' },
      {
        address: [
          ['2 New Rd', '2026-09-01T00:00:00Z'],
          ['1 Old St', '2024-01-01T00:00:00Z'],
        ],
        city: [
          ['Leeds', '2026-09-01T00:00:00Z'],
          ['York', '2024-01-01T00:00:00Z'],
        ],
        zip: [
          ['LS1', '2026-10-01T00:00:00Z'],
          ['YO1', '2024-01-01T00:00:00Z'],
        ],
        country: [['UK', '2024-01-01T00:00:00Z']],
      },
    );
    expect(map({ company: c }).account.addressHistory).toEqual([
      { value: '1 Old St, York, YO1, UK', at: at('2024-01-01T00:00:00Z') },
      { value: '2 New Rd, Leeds, YO1, UK', at: at('2026-09-01T00:00:00Z') },
      { value: '2 New Rd, Leeds, LS1, UK', at: at('2026-10-01T00:00:00Z') },
    ]);
    expect(map({ company: company({ address: '1 Old St', city: 'York' }) }).account.addressHistory).toEqual([]);
  });

  it('records merges into this company only', () => {
    const events = [
      hsEvent('company.merge', '2026-08-20T09:00:00Z', {
        primaryObjectId: Number(COMPANY_ID),
        mergedObjectIds: [5, 6],
      }),
      hsEvent('object.merge', '2026-09-20T09:00:00Z', {
        objectTypeId: '0-2',
        primaryObjectId: COMPANY_ID,
        mergedObjectIds: ['7'],
      }),
      hsEvent('company.merge', '2026-09-21T09:00:00Z', { primaryObjectId: 99, mergedObjectIds: [Number(COMPANY_ID)] }),
      hsEvent('object.merge', '2026-09-22T09:00:00Z', {
        objectTypeId: '0-1',
        primaryObjectId: COMPANY_ID,
        mergedObjectIds: [8],
      }),
      hsEvent('contact.merge', '2026-09-23T09:00:00Z', { primaryObjectId: Number(COMPANY_ID), mergedObjectIds: [9] }),
    ];
    expect(map({ events }).account.merges).toEqual([
      { at: at('2026-08-20T09:00:00Z'), mergedIds: ['5', '6'] },
      { at: at('2026-09-20T09:00:00Z'), mergedIds: ['7'] },
    ]);
  });

  it('maps owners', () => {
    const owner = {
      id: '1',
      type: 'PERSON',
      archived: false,
      createdAt: '2020-01-01T00:00:00Z',
      updatedAt: '2020-01-01T00:00:00Z',
    } as const;
    const s = map({
      owners: [
        { ...owner, firstName: 'Ada', lastName: '' },
        { ...owner, id: '2', type: 'QUEUE', archived: true },
      ],
    });
    expect(s.owners).toEqual([
      { id: '1', name: 'Ada', email: null, active: true },
      { id: '2', name: null, email: null, active: false },
    ]);
  });
});
