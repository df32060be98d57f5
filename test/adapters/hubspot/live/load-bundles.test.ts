import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { HubSpotOwner, HubSpotWebhookEvent } from '../../../../src/adapters/hubspot/bundle.ts';
import { createHubSpotApi, type HubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import { createTtlCache } from '../../../../src/adapters/hubspot/client/ttl-cache.ts';
import { loadBundles } from '../../../../src/adapters/hubspot/live/load-bundles.ts';
import { readObjects } from '../../../../src/adapters/hubspot/live/read-objects.ts';
import { ENGAGEMENT_CAP } from '../../../../src/adapters/hubspot/live/read-plan.ts';
import { toSnapshot } from '../../../../src/adapters/hubspot/to-snapshot.ts';
import { DEFAULT_MAPPINGS, PropertyMappings } from '../../../../src/core/mappings.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { type PortalCall as Call, FakeHubSpotPortal as FakePortal } from '../../../helpers/fake-hubspot-portal.ts';
import { contractReply } from '../../../helpers/hubspot-contract.ts';
import { useStrictNock } from '../../../helpers/strict-nock.ts';
import { hsEvent, hsObject, PORTAL } from '../build.ts';

const BASE = 'https://api.hubspot.test';
const AT = '2026-11-15T12:00:00.000Z';

/** The client over a fake clock: sleeping advances it, nothing waits for real. */
function testApi(): { api: HubSpotApi } {
  let clock = Date.parse(AT);
  const now = () => clock;
  const sleep = async (ms: number) => {
    await new Promise((resolve) => setImmediate(resolve));
    clock += ms;
  };
  const api = createHubSpotApi({
    baseUrl: BASE,
    accessToken: async () => 'test-token',
    limiter: createRateLimiter({ now, sleep }),
    logger: createLogger({ level: 'silent' }),
    sleep,
    now,
    random: () => 0.5,
  });
  return { api };
}

// ---- the tests ---------------------------------------------------------------------------------------------------

const C1 = '9120000001';
const C2 = '9120000002';
const C3 = '9120000003';
const JORDAN = '81234567';
const SAM = '79876543';

function owner(id: string, firstName: string, archived: boolean): HubSpotOwner {
  return {
    id,
    type: 'PERSON',
    archived,
    firstName,
    lastName: 'Owner',
    email: `${firstName.toLowerCase()}@vendor.example`,
    createdAt: '2021-04-01T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
  };
}

/** Three companies, a record of every type, a contact shared by C1 and C2, and C1's owner changed from Sam (since deactivated) to Jordan. */
function threeCompanies(): FakePortal {
  const fake = new FakePortal();
  fake.add(
    'companies',
    hsObject(
      C1,
      { name: 'Acme Robotics', domain: 'acme.test', hubspot_owner_id: JORDAN, numberofemployees: '240' },
      {
        hubspot_owner_id: [
          [JORDAN, '2026-10-01T13:05:09.120Z'],
          [SAM, '2023-02-14T09:12:44.318Z'],
        ],
        numberofemployees: [
          ['240', '2026-09-15T04:00:00.000Z'],
          ['310', '2025-03-01T04:00:00.000Z'],
        ],
      },
    ),
    hsObject(C2, { name: 'Globex', hubspot_owner_id: JORDAN }),
    hsObject(C3, { name: 'Initech' }),
  );
  fake.add(
    'contacts',
    hsObject('51001', { firstname: 'Ada', lastname: 'Ng', email: 'ada@acme.test', jobtitle: 'VP Operations' }),
    hsObject('51002', { firstname: 'Bo', lastname: 'Li', email: 'bo@acme.test' }),
    hsObject('51003', { firstname: 'Cy', email: 'cy@globex.test' }),
    hsObject('51004', { firstname: 'Di', email: 'di@initech.test' }),
  );
  fake.add('deals', hsObject('91001', { dealname: 'Acme renewal', amount: '12000', dealstage: 'closedwon' }));
  fake.add('deals', hsObject('91002', { dealname: 'Globex' }), hsObject('91003', { dealname: 'Initech' }));
  fake.add('tickets', hsObject('71001', { subject: 'Login broken', hs_ticket_priority: 'HIGH' }));
  fake.add(
    'emails',
    hsObject('3001', { hs_timestamp: '2026-11-01T10:00:00.000Z', hs_email_direction: 'INCOMING_EMAIL' }),
  );
  fake.add('emails', hsObject('3002', { hs_timestamp: '2026-11-02T10:00:00.000Z', hs_email_direction: 'EMAIL' }));
  fake.add('calls', hsObject('4001', { hs_timestamp: '2026-11-03T10:00:00.000Z', hs_call_direction: 'OUTBOUND' }));
  fake.add('meetings', hsObject('5001', { hs_meeting_start_time: '2026-11-04T10:00:00.000Z' }));
  fake.add(
    'notes',
    hsObject('6001', { hs_timestamp: '2026-11-05T10:00:00.000Z', hs_note_body: '<p>Asked about price</p>' }),
  );
  fake.add(
    'tasks',
    hsObject('7001', { hs_task_subject: 'Call back', hs_task_status: 'NOT_STARTED', hubspot_owner_id: JORDAN }),
  );
  fake.add('feedback_submissions', hsObject('8001', { hs_survey_type: 'NPS', hs_value: '3', hs_contact_id: '51001' }));
  fake
    .link('companies', C1, 'contacts', ['51001', '51002'])
    .link('companies', C2, 'contacts', ['51002', '51003'])
    .link('companies', C3, 'contacts', ['51004'])
    .link('companies', C1, 'deals', ['91001'])
    .link('companies', C2, 'deals', ['91002'])
    .link('companies', C3, 'deals', ['91003'])
    .link('companies', C1, 'tickets', ['71001'])
    .link('companies', C1, 'emails', ['3001'])
    .link('companies', C2, 'emails', ['3002'])
    .link('companies', C1, 'calls', ['4001'])
    .link('companies', C2, 'meetings', ['5001'])
    .link('companies', C3, 'notes', ['6001'])
    .link('companies', C1, 'tasks', ['7001'])
    .link('companies', C1, 'feedback_submissions', ['8001']);
  fake.owners = [owner(JORDAN, 'Jordan', false), owner('81234599', 'Unrelated', false), owner(SAM, 'Sam', true)];
  return fake;
}

const ASSOCIATED_TYPES = [
  'contacts',
  'deals',
  'tickets',
  'emails',
  'calls',
  'meetings',
  'notes',
  'tasks',
  'feedback_submissions',
];

/** A call as the call-list assertions write it: `POST /path [id,id@after]` or `GET /path?query`. */
function described(call: Call): string {
  const inputs =
    typeof call.body === 'object' && call.body !== null ? (call.body as { inputs?: unknown }).inputs : null;
  if (!Array.isArray(inputs)) return `${call.method} ${call.url}`;
  const ids = (inputs as { id: string; after?: string }[]).map((i) => (i.after ? `${i.id}@${i.after}` : i.id));
  return `${call.method} ${call.url} [${ids.join(',')}]`;
}

const callsTo = (fake: FakePortal, path: string) => fake.calls.filter((call) => call.url.startsWith(path));
const bodyOf = (fake: FakePortal, path: string) => callsTo(fake, path)[0]?.body;
const options = () => ({ mappings: DEFAULT_MAPPINGS, cache: createTtlCache() });
const request = (companyId: string, events: HubSpotWebhookEvent[] = []) => ({ companyId, events });

useStrictNock();

describe('loadBundles: the calls', () => {
  it('reads 3 companies with 21 calls: companies, 9 association reads, 9 object reads, 2 owner listings', async () => {
    const fake = threeCompanies().serve();
    const { api } = testApi();

    const bundles = await loadBundles(api, PORTAL, [request(C1), request(C2), request(C3)], options());

    expect([...bundles.keys()]).toEqual([C1, C2, C3]);
    expect(fake.calls.map(described).sort()).toEqual(
      [
        `POST /crm/objects/2026-09/companies/batch/read [${C1},${C2},${C3}]`,
        ...ASSOCIATED_TYPES.map((t) => `POST /crm/associations/2026-09/companies/${t}/batch/read [${C1},${C2},${C3}]`),
        'POST /crm/objects/2026-09/contacts/batch/read [51001,51002,51003,51004]',
        'POST /crm/objects/2026-09/deals/batch/read [91001,91002,91003]',
        'POST /crm/objects/2026-09/tickets/batch/read [71001]',
        'POST /crm/objects/2026-09/emails/batch/read [3001,3002]',
        'POST /crm/objects/2026-09/calls/batch/read [4001]',
        'POST /crm/objects/2026-09/meetings/batch/read [5001]',
        'POST /crm/objects/2026-09/notes/batch/read [6001]',
        'POST /crm/objects/2026-09/tasks/batch/read [7001]',
        'POST /crm/objects/2026-09/feedback_submissions/batch/read [8001]',
        'GET /crm/owners/2026-09?limit=500&archived=false',
        'GET /crm/owners/2026-09?limit=500&archived=true',
      ].sort(),
    );
    expect(fake.calls).toHaveLength(21);
  });

  it('asks exactly the mapped properties, with history only where a signal reads it', async () => {
    const fake = threeCompanies().serve();
    const { api } = testApi();
    await loadBundles(api, PORTAL, [request(C1)], options());

    const read = (type: string) => {
      const { properties, propertiesWithHistory } = bodyOf(fake, `/crm/objects/2026-09/${type}/batch/read`) as {
        properties: string[];
        propertiesWithHistory: string[];
      };
      return { properties, propertiesWithHistory };
    };
    expect(read('companies')).toEqual({
      properties: [
        'name',
        'domain',
        'createdate',
        'lifecyclestage',
        'hs_lifecyclestage_customer_date',
        'annualrevenue',
        'notes_last_contacted',
        'churn_renewal_date',
        'churn_seats_purchased',
        'churn_onboarding_completed_at',
        'churn_last_training_at',
      ],
      propertiesWithHistory: [
        'hubspot_owner_id',
        'hs_parent_company_id',
        'numberofemployees',
        'address',
        'city',
        'state',
        'zip',
        'country',
        'churn_risk_score',
        'churn_seats_active',
        'churn_usage_metric',
      ],
    });
    expect(read('contacts')).toEqual({
      properties: [
        'firstname',
        'lastname',
        'email',
        'hs_email_domain',
        'hs_buying_role',
        'createdate',
        'hs_sales_email_last_replied',
        'hs_email_last_reply_date',
        'hs_email_last_open_date',
        'hs_email_last_click_date',
        'hs_email_last_send_date',
        'hs_feedback_last_survey_date',
      ],
      propertiesWithHistory: [
        'jobtitle',
        'associatedcompanyid',
        'hs_email_optout',
        'hs_email_hard_bounce_reason_enum',
        'hs_email_bad_address',
        'hs_feedback_last_nps_rating',
        'hs_feedback_last_csat_survey_rating',
      ],
    });
    expect(read('deals')).toEqual({
      properties: [
        'dealname',
        'closedate',
        'closed_lost_reason',
        'hs_is_closed_won',
        'hs_is_closed',
        'dealtype',
        'createdate',
      ],
      propertiesWithHistory: ['amount', 'dealstage'],
    });
    expect(read('tickets')).toEqual({
      properties: [
        'subject',
        'content',
        'hs_ticket_priority',
        'hs_ticket_category',
        'hs_is_closed',
        'hs_pipeline',
        'createdate',
      ],
      propertiesWithHistory: ['hs_pipeline_stage', 'closed_date'],
    });
    expect(read('emails')).toEqual({
      properties: ['hs_timestamp', 'hs_email_subject', 'hs_email_text', 'hs_email_html', 'hs_email_direction'],
      propertiesWithHistory: [],
    });
    expect(read('tasks')).toEqual({
      properties: ['hs_task_subject', 'hs_task_status', 'hs_timestamp', 'hs_task_completion_date', 'hubspot_owner_id'],
      propertiesWithHistory: [],
    });
    expect(read('feedback_submissions')).toEqual({
      properties: ['hs_survey_type', 'hs_value', 'hs_submission_timestamp', 'hs_contact_id', 'hs_content'],
      propertiesWithHistory: [],
    });
  });

  it('asks the properties the admin mapped, with history for seats active and the usage metric', async () => {
    const fake = threeCompanies().serve();
    const { api } = testApi();
    const mappings = PropertyMappings.parse({
      renewalDate: 'contract_end',
      seatsActive: 'licenses_in_use',
      usageMetric: 'weekly_active_users',
    });
    await loadBundles(api, PORTAL, [request(C1)], { mappings, cache: createTtlCache() });

    const body = bodyOf(fake, '/crm/objects/2026-09/companies/batch/read') as Record<string, string[]>;
    expect(body.properties).toContain('contract_end');
    expect(body.properties).not.toContain('churn_renewal_date');
    expect(body.propertiesWithHistory?.slice(-2)).toEqual(['licenses_in_use', 'weekly_active_users']);
  });

  it('takes the owners from the cache for 10 minutes: a second load costs 2 calls fewer', async () => {
    const fake = threeCompanies().serve();
    const { api } = testApi();
    const shared = options();
    await loadBundles(api, PORTAL, [request(C1)], shared);
    const first = fake.calls.length;
    await loadBundles(api, PORTAL, [request(C1)], shared);
    expect(first).toBe(1 + 9 + 7 + 2); // C1 has no meeting and no note
    expect(fake.calls.length - first).toBe(first - 2);
    expect(callsTo(fake, '/crm/owners/2026-09')).toHaveLength(2);
  });

  it('counts the calls for 1, 3 and 100 companies of the same shape: 21, 21 and 61 (owners not cached yet)', async () => {
    // Per company: 5 contacts, 2 deals, 1 ticket, 20 emails, 5 calls, 2 meetings, 10 notes, 3 tasks, 1 submission.
    const shape: [string, number][] = [
      ['contacts', 5],
      ['deals', 2],
      ['tickets', 1],
      ['emails', 20],
      ['calls', 5],
      ['meetings', 2],
      ['notes', 10],
      ['tasks', 3],
      ['feedback_submissions', 1],
    ];
    const fake = new FakePortal();
    let next = 1_000_000;
    for (let c = 0; c < 100; c++) {
      const companyId = String(9_200_000_000 + c);
      fake.add('companies', hsObject(companyId, { name: `Company ${c}` }));
      for (const [type, count] of shape) {
        const ids = Array.from({ length: count }, () => String(next++));
        fake.add(type, ...ids.map((id) => hsObject(id, { hs_timestamp: '2026-11-01T10:00:00.000Z' })));
        fake.link('companies', companyId, type, ids);
      }
    }
    fake.serve();
    const companyIds = [...(fake.records.get('companies')?.keys() ?? [])];

    const counts: number[] = [];
    for (const n of [1, 3, 100]) {
      const before = fake.calls.length;
      const { api } = testApi();
      const bundles = await loadBundles(
        api,
        PORTAL,
        companyIds.slice(0, n).map((id) => request(id)),
        options(),
      );
      expect(bundles.size).toBe(n);
      counts.push(fake.calls.length - before);
    }
    // 100 companies: 1 + 9 association reads + 5 + 2 + 1 + 20 + 5 + 2 + 10 + 3 + 1 object reads (100 ids each) + 2.
    expect(counts).toEqual([21, 21, 61]);
    const bundle = (await loadBundles(testApi().api, PORTAL, [request(companyIds[99] as string)], options())).get(
      companyIds[99] as string,
    );
    expect(bundle?.emails).toHaveLength(20);
    expect(bundle?.contacts).toHaveLength(5);
  });
});

describe('loadBundles: paging, caps and what is not there', () => {
  it('follows association pages, serving every company still paging in the same call', async () => {
    const fake = threeCompanies();
    fake.link('companies', C1, 'contacts', ['51005', '51006', '51007']);
    fake.add('contacts', hsObject('51005'), hsObject('51006'), hsObject('51007'));
    fake.associationPageSize = 2;
    fake.serve();
    const { api } = testApi();

    const bundles = await loadBundles(api, PORTAL, [request(C1), request(C2)], options());

    expect(callsTo(fake, '/crm/associations/2026-09/companies/contacts/').map(described)).toEqual([
      `POST /crm/associations/2026-09/companies/contacts/batch/read [${C1},${C2}]`,
      `POST /crm/associations/2026-09/companies/contacts/batch/read [${C1}@2]`,
      `POST /crm/associations/2026-09/companies/contacts/batch/read [${C1}@4]`,
    ]);
    expect(bundles.get(C1)?.contacts.map((c) => c.id)).toEqual(['51001', '51002', '51005', '51006', '51007']);
    expect(bundles.get(C2)?.contacts.map((c) => c.id)).toEqual(['51002', '51003']);
    expect(callsTo(fake, '/crm/objects/2026-09/contacts/').map(described)).toEqual([
      'POST /crm/objects/2026-09/contacts/batch/read [51001,51002,51005,51006,51007,51003]',
    ]);
  });

  it('pages through the owners, archived ones included, and keeps the ones the records name', async () => {
    const fake = threeCompanies();
    fake.owners = [
      owner(JORDAN, 'Jordan', false),
      owner('81234501', 'Ann', false),
      owner('81234502', 'Ben', false),
      owner('79876500', 'Old', true),
      owner(SAM, 'Sam', true),
    ];
    fake.ownersPageSize = 2;
    fake.serve();
    const { api } = testApi();

    const bundle = (await loadBundles(api, PORTAL, [request(C1)], options())).get(C1);

    expect(callsTo(fake, '/crm/owners/2026-09').map(described).sort()).toEqual([
      'GET /crm/owners/2026-09?limit=500&archived=false',
      'GET /crm/owners/2026-09?limit=500&archived=false&after=2',
      'GET /crm/owners/2026-09?limit=500&archived=true',
    ]);
    expect(bundle?.owners.map((o) => [o.id, o.archived])).toEqual([
      [JORDAN, false],
      [SAM, true],
    ]);
  });

  it(`keeps the ${ENGAGEMENT_CAP} newest engagements of a type per company`, async () => {
    const fake = threeCompanies();
    const ids = Array.from({ length: ENGAGEMENT_CAP + 2 }, (_, i) => String(100_001 + i));
    fake.add('emails', ...ids.map((id) => hsObject(id, { hs_timestamp: '2026-11-01T10:00:00.000Z' })));
    fake.link('companies', C3, 'emails', [...ids].reverse());
    fake.serve();
    const { api } = testApi();

    const bundle = (await loadBundles(api, PORTAL, [request(C3)], options())).get(C3);

    expect(bundle?.emails).toHaveLength(ENGAGEMENT_CAP);
    const kept = new Set(bundle?.emails.map((e) => e.id));
    expect(kept.has('100001') || kept.has('100002')).toBe(false);
    expect(kept.has(String(100_000 + ENGAGEMENT_CAP + 2))).toBe(true);
    expect(callsTo(fake, '/crm/objects/2026-09/emails/')).toHaveLength(ENGAGEMENT_CAP / 100);
  });

  it('leaves out companies that no longer exist or are archived, with no extra call', async () => {
    const fake = threeCompanies();
    fake.add('companies', { ...hsObject('9120000004', { name: 'Gone Inc' }), archived: true });
    fake.serve();
    const { api } = testApi();

    const bundles = await loadBundles(
      api,
      PORTAL,
      [request(C3), request('9120000099'), request('9120000004')],
      options(),
    );

    expect([...bundles.keys()]).toEqual([C3]);
    expect(fake.calls).toHaveLength(1 + 9 + 3 + 2); // companies, associations, C3's contact, deal and note, owners
  });

  it('reads no feedback submissions when the portal did not grant their scope', async () => {
    const fake = threeCompanies();
    nock(BASE)
      .post('/crm/associations/2026-09/companies/feedback_submissions/batch/read')
      .reply(
        contractReply(403, {
          status: 'error',
          message: 'This app has not been granted all required scopes to make this call.',
          correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad24',
          category: 'MISSING_SCOPES',
          errors: [
            {
              message: 'missing scope',
              context: { requiredGranularScopes: ['crm.objects.feedback_submissions.read'] },
            },
          ],
        }),
      );
    fake.serve();
    const { api } = testApi();

    const bundle = (await loadBundles(api, PORTAL, [request(C1)], options())).get(C1);
    expect(bundle?.feedbackSubmissions).toEqual([]);
    expect(bundle?.contacts).toHaveLength(2);

    const calls = fake.calls.length;
    await loadBundles(api, PORTAL, [request(C1)], { ...options(), feedbackSubmissions: false });
    expect(callsTo(fake, '/crm/associations/2026-09/companies/feedback_submissions/')).toHaveLength(0);
    // companies, 8 association reads, C1's contacts, deals, tickets, emails, calls and tasks, owners
    expect(fake.calls.length - calls).toBe(1 + 8 + 6 + 2);
  });

  it('fails with the missing scope when contacts cannot be read', async () => {
    const fake = threeCompanies();
    nock(BASE)
      .post('/crm/associations/2026-09/companies/contacts/batch/read')
      .reply(
        contractReply(403, {
          status: 'error',
          message: 'This app has not been granted all required scopes to make this call.',
          correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad24',
          category: 'MISSING_SCOPES',
          errors: [{ message: 'missing scope', context: { requiredGranularScopes: ['crm.objects.contacts.read'] } }],
        }),
      );
    fake.serve();
    const { api } = testApi();
    await expect(loadBundles(api, PORTAL, [request(C1)], options())).rejects.toThrow('crm.objects.contacts.read');
  });

  it('makes no call for no companies', async () => {
    const { api } = testApi();
    await expect(loadBundles(api, PORTAL, [], options())).resolves.toEqual(new Map());
  });
});

describe('loadBundles: the bundles', () => {
  it('builds valid bundles that map with toSnapshot like the CLI’s', async () => {
    threeCompanies().serve();
    const { api } = testApi();
    const departed = hsEvent('contact.associationChange', '2026-11-10T09:00:00.000Z', {
      associationType: 'CONTACT_TO_COMPANY',
      fromObjectId: 51009,
      toObjectId: Number(C1),
      associationRemoved: true,
    });
    const renamed = hsEvent('contact.propertyChange', '2026-11-10T09:01:00.000Z', { objectId: 51001 });

    const bundles = await loadBundles(api, PORTAL, [request(C1, [departed]), request(C1, [renamed])], options());
    const bundle = bundles.get(C1);
    if (bundle === undefined) throw new Error('no bundle for C1');

    expect(bundle.events).toEqual([departed, renamed]);
    expect(bundle.contacts.map((c) => c.id)).toEqual(['51001', '51002']);
    expect(bundle.tasks.map((t) => t.id)).toEqual(['7001']);
    expect(bundle.feedbackSubmissions.map((f) => f.id)).toEqual(['8001']);
    expect(bundle.company.properties.hubspot_owner_id).toBeUndefined(); // asked with history only

    const snapshot = toSnapshot(bundle, DEFAULT_MAPPINGS);
    expect(snapshot.tenantId).toBe(String(PORTAL));
    expect(snapshot.account).toMatchObject({
      id: C1,
      name: 'Acme Robotics',
      domain: 'acme.test',
      ownerId: JORDAN,
      ownerHistory: [
        { value: SAM, at: Date.parse('2023-02-14T09:12:44.318Z') },
        { value: JORDAN, at: Date.parse('2026-10-01T13:05:09.120Z') },
      ],
      employees: 240,
    });
    expect(snapshot.owners).toEqual([
      { id: JORDAN, name: 'Jordan Owner', email: 'jordan@vendor.example', active: true },
      { id: SAM, name: 'Sam Owner', email: 'sam@vendor.example', active: false },
    ]);
    expect(snapshot.contacts.find((c) => c.id === '51001')).toMatchObject({ name: 'Ada Ng', title: 'VP Operations' });
    expect(snapshot.departedContacts).toEqual([
      { id: '51009', reason: 'association_removed', at: departed.occurredAt, name: null, title: null, roles: null },
    ]);
    expect(snapshot.deals[0]).toMatchObject({ id: '91001', amount: 12000, status: 'won' });
    expect(snapshot.tickets[0]).toMatchObject({ id: '71001', priority: 'high', open: true });
    expect(snapshot.engagements.map((e) => [e.id, e.type, e.direction])).toEqual([
      ['3001', 'email', 'inbound'],
      ['4001', 'call', 'outbound'],
    ]);
    expect(snapshot.tasks).toEqual([
      { id: '7001', subject: 'Call back', status: 'open', dueAt: null, completedAt: null, ownerId: JORDAN },
    ]);
    expect(snapshot.surveys.map((s) => [s.kind, s.score, s.contactId])).toEqual([['nps', 3, '51001']]);
  });
});

describe('readObjects', () => {
  const spec = { objectType: 'companies', properties: ['name'], propertiesWithHistory: [] };
  const notFound = (category: string) => ({
    status: 'error',
    message: 'Not found',
    correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad24',
    category,
  });

  it('reads a batch HubSpot answers 404 OBJECT_NOT_FOUND as no records', async () => {
    nock(BASE)
      .post('/crm/objects/2026-09/companies/batch/read')
      .reply(contractReply(404, notFound('OBJECT_NOT_FOUND')));
    await expect(readObjects(testApi().api, PORTAL, spec, ['1', '2'])).resolves.toEqual(new Map());
  });

  it('throws on any other 404: a wrong base URL must not read as "no companies"', async () => {
    nock(BASE)
      .post('/crm/objects/2026-09/companies/batch/read')
      .reply(contractReply(404, notFound('NOT_FOUND')));
    await expect(readObjects(testApi().api, PORTAL, spec, ['1'])).rejects.toThrow('404');
  });

  it('sends 100 ids per call, each id once', async () => {
    const sizes: number[] = [];
    nock(BASE)
      .post('/crm/objects/2026-09/companies/batch/read')
      .times(3)
      .reply(
        contractReply(200, (req) => {
          const { inputs } = req.body as { inputs: { id: string }[] };
          sizes.push(inputs.length);
          const results = inputs.map(({ id }) => hsObject(id));
          return {
            status: 'COMPLETE',
            results,
            startedAt: '2026-11-15T12:00:00Z',
            completedAt: '2026-11-15T12:00:00Z',
          };
        }),
      );
    const ids = Array.from({ length: 250 }, (_, i) => String(1000 + i));
    const found = await readObjects(testApi().api, PORTAL, spec, [...ids, ids[0] as string]);
    expect(found.size).toBe(250);
    expect(sizes.sort()).toEqual([100, 100, 50].sort());
  });
});
