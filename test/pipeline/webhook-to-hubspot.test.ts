import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HubSpotWebhookEvent } from '../../src/adapters/hubspot/bundle.ts';
import { OPTIONAL_SCOPE_NAMES, REQUIRED_SCOPE_NAMES } from '../../src/adapters/hubspot/oauth/scopes.ts';
import { loadEnv } from '../../src/config/env.ts';
import { startServer } from '../../src/server/start-server.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { hsEvent, hsObject, PORTAL } from '../adapters/hubspot/build.ts';
import { deliverWebhooks, FakeHubSpotPortal, until } from '../helpers/fake-hubspot-portal.ts';
import { takeContractViolations } from '../helpers/hubspot-contract.ts';

const SECRET = 'client-secret-e2e';
const APP_ID = 5123456;
const PUBLIC_BASE_URL = 'https://churn.example.com';
const KEY = Buffer.alloc(32, 11).toString('base64');
const UPDATE = '/crm/objects/2026-09/companies/batch/update';
const COMPANY_READ = '/crm/objects/2026-09/companies/batch/read';
const TASK_CREATE = '/crm/objects/2026-09/tasks/batch/create';
const TASK_READ = '/crm/objects/2026-09/tasks/batch/read';
const CONTACT_COMPANIES = '/crm/associations/2026-09/contacts/companies/batch/read';
const DAY = 86_400_000;
// biome-ignore format: one line
const ASSOCIATED = ['contacts', 'deals', 'tickets', 'emails', 'calls', 'meetings', 'notes', 'tasks', 'feedback_submissions'];
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const C1 = '9120000001';
const C2 = '9120000002';
const JORDAN = '81234567';
const ADA = '51001';
const BO = '51002';

/** A customer company whose champion (Ada) and decision maker (Bo) are there, with recent two-way email. */
function acme(fake: FakeHubSpotPortal, companyId = C1, contactIds: [string, string, string] = [ADA, BO, '51003']) {
  const [ada, bo, cy] = contactIds;
  if (fake.owners.length === 0) fake.addOwner(JORDAN, 'Jordan');
  fake.add(
    'companies',
    hsObject(companyId, {
      name: 'Acme Robotics',
      domain: 'acme.test',
      hubspot_owner_id: JORDAN,
      lifecyclestage: 'customer',
      notes_last_contacted: ago(3 * DAY),
    }),
  );
  const contact = (id: string, first: string, role: string | null, title: string) =>
    hsObject(
      id,
      {
        firstname: first,
        lastname: 'Ng',
        email: `${first.toLowerCase()}@acme.test`,
        hs_buying_role: role,
        jobtitle: title,
        hs_sales_email_last_replied: ago(5 * DAY),
      },
      { jobtitle: [[title, ago(400 * DAY)]] },
    );
  fake.add('contacts', contact(ada, 'Ada', 'CHAMPION', 'VP Operations'));
  fake.add('contacts', contact(bo, 'Bo', 'DECISION_MAKER', 'Head of IT'));
  fake.add('contacts', contact(cy, 'Cy', null, 'Engineer'));
  fake.link('companies', companyId, 'contacts', contactIds);
  const email = (id: string, direction: string, days: number) =>
    hsObject(id, { hs_timestamp: ago(days * DAY), hs_email_direction: direction, hs_email_subject: 'Roadmap' });
  const emails = [email(`${companyId}1`, 'INCOMING_EMAIL', 4), email(`${companyId}2`, 'EMAIL', 5)];
  fake.add('emails', ...emails);
  return fake.link('companies', companyId, 'emails', [`${companyId}1`, `${companyId}2`]);
}

// ---- the server, driven as HubSpot drives it ---------------------------------------------------------------------

interface Harness {
  url: string;
  /** A second connection to the server's database, for installing and reading dead letters. */
  store: Store;
  post(events: readonly HubSpotWebhookEvent[]): Promise<Response>;
  status(): Promise<{ inbox: { depth: number }; deadLetters: number; rateLimit: { waits: number; waitedMs: number } }>;
  /** Until every event posted so far is acknowledged or dead-lettered. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

async function boot(fake: FakeHubSpotPortal): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'churn-e2e-'));
  const env = loadEnv({
    HUBSPOT_CLIENT_ID: 'client-id-e2e',
    HUBSPOT_CLIENT_SECRET: SECRET,
    HUBSPOT_APP_ID: String(APP_ID),
    HUBSPOT_API_BASE_URL: fake.baseUrl,
    HUBSPOT_AUTH_BASE_URL: 'https://app.hubspot.test',
    PUBLIC_BASE_URL,
    PORT: '0',
    DATABASE_URL: join(dir, 'churn.sqlite'),
    ENCRYPTION_KEY: KEY,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    JOURNAL_CATCH_UP_MINUTES: '0', // the fake portal has no Webhooks Journal
  });
  const store = await openSqliteStore({ path: env.DATABASE_URL, encryptionKey: KEY });
  await store.saveInstallation({
    portalId: PORTAL,
    accessToken: 'access-e2e',
    refreshToken: 'refresh-e2e',
    expiresAt: Date.now() + 30 * 60_000,
    scopes: [...REQUIRED_SCOPE_NAMES, ...OPTIONAL_SCOPE_NAMES],
    installedAt: Date.now(),
  });
  // A portal installed and backfilled earlier: the server would otherwise start its backfill (unfinished-backfills.ts).
  const at = Date.now();
  await store.setBackfillProgress({ portalId: PORTAL, scored: 0, total: 0, startedAt: at, finishedAt: at });
  const server = await startServer(env, { pollMs: 20 });
  const status: Harness['status'] = async () => (await fetch(`${server.url}/status`)).json() as never;
  const target = { serverUrl: server.url, publicBaseUrl: PUBLIC_BASE_URL, secret: SECRET };
  return {
    url: server.url,
    store,
    status,
    post: (events) => deliverWebhooks(target, events),
    async settled() {
      await until('the inbox to drain', async () => (await status()).inbox.depth === 0);
    },
    async stop() {
      await server.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const companyChange = (companyId: string, at = ago(60_000)) =>
  hsEvent('company.propertyChange', at, {
    objectId: Number(companyId),
    propertyName: 'domain',
    propertyValue: 'acme.test',
    changeSource: 'CRM_UI',
    sourceId: `userId:${JORDAN}`,
  });

let harness: Harness | undefined;
const harnesses: Harness[] = [];
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(async () => {
  await Promise.all([harness, ...harnesses.splice(0)].map((h) => h?.stop()));
  harness = undefined;
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(takeContractViolations()).toEqual([]);
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

/** Ada (champion) is removed from the company and Bo (decision maker) becomes an advisor, as HubSpot sends it. */
function championLeaves(fake: FakeHubSpotPortal, companyId = C1, ada = ADA, bo = BO): HubSpotWebhookEvent[] {
  const leftAt = ago(20 * 60_000);
  const retitledAt = ago(10 * 60_000);
  fake.unlink('contacts', ada, 'companies', companyId);
  fake.edit('contacts', bo, { jobtitle: 'Advisor' }, Date.parse(retitledAt));
  const removed = { associationRemoved: true, associationCategory: 'HUBSPOT_DEFINED', changeSource: 'CRM_UI' };
  return [
    hsEvent('contact.associationChange', leftAt, {
      ...removed,
      associationType: 'CONTACT_TO_COMPANY',
      associationTypeId: 279,
      fromObjectId: Number(ada),
      toObjectId: Number(companyId),
    }),
    hsEvent('company.associationChange', leftAt, {
      ...removed,
      associationType: 'COMPANY_TO_CONTACT',
      associationTypeId: 280,
      fromObjectId: Number(companyId),
      toObjectId: Number(ada),
    }),
    hsEvent('contact.propertyChange', retitledAt, {
      objectId: Number(bo),
      propertyName: 'jobtitle',
      propertyValue: 'Advisor',
      changeSource: 'CRM_UI',
      sourceId: `userId:${JORDAN}`,
    }),
  ];
}

/** Scores the company once with everyone there, as the app knows it before the change. */
async function scoredOnce(h: Harness, companyId = C1) {
  expect(await (await h.post([companyChange(companyId, ago(DAY))])).json()).toMatchObject({ accepted: 1 });
  await h.settled();
}

const riskOf = (fake: FakeHubSpotPortal, companyId = C1) =>
  Object.fromEntries(
    Object.entries(fake.get('companies', companyId)?.properties ?? {}).filter(([name]) =>
      name.startsWith('churn_risk_'),
    ),
  );
const tasksOf = (fake: FakeHubSpotPortal, companyId = C1) =>
  fake.linked('companies', companyId, 'tasks').map((id) => fake.get('tasks', id)?.properties ?? {});
const KEY_OF = (companyId: string) => `hubspot:${PORTAL}:${companyId}`;
/** The dedupe reference each open task of the company carries in its body, sorted. */
const taskRefs = (fake: FakeHubSpotPortal, companyId = C1) =>
  tasksOf(fake, companyId)
    .filter((t) => t.hs_task_status !== 'COMPLETED')
    .map((t) => /churn-signals-ref: (\S+)</.exec(t.hs_task_body ?? '')?.[1])
    .sort();

describe('webhooks to HubSpot writes, through the real server', () => {
  it('a champion leaving and a title change: risk written on the company, one task with the playbook', async () => {
    const fake = acme(new FakeHubSpotPortal()).serve();
    harness = await boot(fake);
    await scoredOnce(harness);
    expect(riskOf(fake)).toMatchObject({ churn_risk_level: 'low', churn_risk_reasons: '' });
    const before = fake.calls.length;

    const events = championLeaves(fake);
    expect(await (await harness.post(events)).json()).toEqual({ accepted: 3, duplicates: 0, ignored: 0 });
    await harness.settled();

    const risk = riskOf(fake);
    expect(risk.churn_risk_reasons?.split(';')).toContain('champion_departed');
    expect(risk.churn_risk_top_reason).toBe('champion_departed');
    expect(Number(risk.churn_risk_score)).toBeGreaterThanOrEqual(35);
    expect(risk.churn_risk_summary).toContain('Ada Ng');
    expect(risk.churn_risk_summary).toContain('Bo Ng');
    // One task per reason worth 10 points or more: stakeholder_turnover fires too (2 of 3 contacts changed).
    expect(taskRefs(fake)).toEqual([`${KEY_OF(C1)}:champion_departed`, `${KEY_OF(C1)}:stakeholder_turnover`]);
    const task = tasksOf(fake).find((t) => t.hs_task_body?.includes(`${KEY_OF(C1)}:champion_departed`));
    expect(task).toMatchObject({ hs_task_status: 'NOT_STARTED', hs_task_priority: 'HIGH', hubspot_owner_id: JORDAN });
    expect(task?.hs_task_subject).toContain('Churn risk · Champion or key contact left: Acme Robotics');
    expect(task?.hs_task_body).toContain(
      '<p><strong>Next steps:</strong></p><ol><li>Find out who owns the relationship',
    );
    expect(task?.hs_task_body).toContain('Ada Ng');
    const creates = fake.callsTo('POST', TASK_CREATE).map((c) => c.body as { inputs: { associations: unknown[] }[] });
    const toC1 = [{ to: { id: C1 }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] }];
    expect(creates.map((body) => body.inputs.map((i) => i.associations))).toEqual([[toC1, toC1]]); // one call
    const scoring = fake.calls.slice(before).map((c) => `${c.method} ${c.path}`);
    // The company and its associations are read at once: their order is the rate limiter's (association reads are
    // exempt from the general limit and never wait), so only the set is checked.
    expect(scoring.slice(1, 2 + ASSOCIATED.length).sort()).toEqual(
      [
        `POST ${COMPANY_READ}`,
        ...ASSOCIATED.map((type) => `POST /crm/associations/2026-09/companies/${type}/batch/read`),
      ].sort(),
    );
    expect([scoring[0], ...scoring.slice(2 + ASSOCIATED.length)]).toEqual([
      `POST ${CONTACT_COMPANIES}`, // Bo's companies; the association events name theirs
      'POST /crm/objects/2026-09/contacts/batch/read',
      'POST /crm/objects/2026-09/emails/batch/read', // owners: from the cache since the first scoring
      `POST ${UPDATE}`,
      'POST /crm/objects/2026-09/tasks/search', // an unrecorded task of a crashed attempt would be found here
      `POST ${TASK_CREATE}`,
    ]);

    expect(new Set(fake.calls.map((c) => c.authorization))).toEqual(new Set(['Bearer access-e2e']));

    // HubSpot redelivers the batch (attempt 1), and then its events one by one in reverse order: all duplicates.
    const state = { risk: riskOf(fake), tasks: tasksOf(fake), calls: fake.calls.length };
    const again = events.map((e) => ({ ...e, attemptNumber: 1 }));
    expect(await (await harness.post(again)).json()).toEqual({ accepted: 0, duplicates: 3, ignored: 0 });
    for (const event of [...events].reverse()) {
      expect(await (await harness.post([event])).json()).toEqual({ accepted: 0, duplicates: 1, ignored: 0 });
    }
    await harness.settled();
    expect(fake.calls.length).toBe(state.calls);
    expect({ risk: riskOf(fake), tasks: tasksOf(fake) }).toEqual({ risk: state.risk, tasks: state.tasks });

    // A later change re-scores the company: the risk is as written and the task open, so nothing is written.
    const mark = fake.calls.length;
    await harness.post([companyChange(C1, ago(1_000))]);
    await harness.settled();
    const since = fake.calls.slice(mark);
    const rescoring = since.map((c) => `${c.method} ${c.url}`);
    expect(rescoring.slice(0, 1 + ASSOCIATED.length).sort()).toEqual(
      [
        `POST ${COMPANY_READ}`,
        ...ASSOCIATED.map((type) => `POST /crm/associations/2026-09/companies/${type}/batch/read`),
      ].sort(),
    );
    expect(rescoring.slice(1 + ASSOCIATED.length)).toEqual([
      'POST /crm/objects/2026-09/contacts/batch/read',
      'POST /crm/objects/2026-09/emails/batch/read',
      `POST ${TASK_READ}`, // the bundle: the company's tasks, ours included now
      `POST ${TASK_READ}?archived=false`, // the ledger's two tasks, checked still open: no update, no create
    ]);
    expect({ risk: riskOf(fake), tasks: tasksOf(fake) }).toEqual({ risk: state.risk, tasks: state.tasks });
  }, 30_000);

  it('the events in reverse order, one delivery each, end in the state one ordered delivery reaches', async () => {
    const inOrder = acme(new FakeHubSpotPortal()).serve();
    const reversed = acme(new FakeHubSpotPortal({ baseUrl: 'https://api-b.hubspot.test' })).serve();
    const [a, b] = await Promise.all([boot(inOrder), boot(reversed)]);
    harnesses.push(a, b);
    await Promise.all([scoredOnce(a), scoredOnce(b)]);

    const ordered = championLeaves(inOrder);
    const events = championLeaves(reversed).reverse();
    await Promise.all([
      (async () => {
        await a.post(ordered);
        await a.settled();
      })(),
      (async () => {
        for (const event of events) {
          expect(await (await b.post([event])).json()).toEqual({ accepted: 1, duplicates: 0, ignored: 0 });
          await b.settled(); // each delivery processed before the next arrives
        }
      })(),
    ]);

    const { churn_risk_updated_at: _a, ...expected } = riskOf(inOrder);
    const { churn_risk_updated_at: _b, ...got } = riskOf(reversed);
    expect(got).toEqual(expected);
    expect(got.churn_risk_reasons).toBe('champion_departed;stakeholder_turnover');
    expect(taskRefs(reversed)).toEqual(taskRefs(inOrder));
    // The reversed portal saw one more write: the title change alone was scored before the departure arrived.
    expect(reversed.callsTo('POST', UPDATE)).toHaveLength(3);
    expect(inOrder.callsTo('POST', UPDATE)).toHaveLength(2);
  }, 30_000);

  it('waits out a 429 with Retry-After: 1 on the companies batch update, then writes', async () => {
    const fake = acme(new FakeHubSpotPortal()).serve();
    fake.fail('POST', UPDATE, { status: 429, headers: { 'Retry-After': '1' } });
    harness = await boot(fake);

    await harness.post([companyChange(C1)]);
    await harness.settled();

    const updates = fake.callsTo('POST', UPDATE);
    expect(updates.map((c) => c.status)).toEqual([429, 200]);
    expect(updates[0]?.body).toEqual(updates[1]?.body);
    // Timers may fire a millisecond early against Date.now(); the wait is HubSpot's 1,000 ms.
    expect((updates[1]?.at ?? 0) - (updates[0]?.at ?? 0)).toBeGreaterThanOrEqual(995);
    expect(riskOf(fake)).toMatchObject({ churn_risk_level: 'low', churn_risk_score: '0' });
    const status = await harness.status();
    expect(status.rateLimit.waits).toBeGreaterThanOrEqual(1);
    expect(status.deadLetters).toBe(0);
  }, 30_000);

  it('retries a read HubSpot answers 503, and writes', async () => {
    const fake = acme(new FakeHubSpotPortal()).serve();
    fake.fail('POST', COMPANY_READ, { status: 503, category: 'SERVICE_UNAVAILABLE' });
    harness = await boot(fake);

    await harness.post([companyChange(C1)]);
    await harness.settled();

    expect(fake.callsTo('POST', COMPANY_READ).map((c) => c.status)).toEqual([503, 200]);
    expect(fake.callsTo('POST', UPDATE).map((c) => c.status)).toEqual([200]);
    expect(riskOf(fake).churn_risk_level).toBe('low');
    expect((await harness.status()).deadLetters).toBe(0);
  }, 30_000);

  it('dead-letters the events when HubSpot keeps answering 403, and says so on GET /status', async () => {
    const fake = acme(new FakeHubSpotPortal());
    const missingScope = {
      status: 'error',
      message: 'This app has not been granted all required scopes to make this call.',
      correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad24',
      category: 'MISSING_SCOPES',
      errors: [{ message: 'missing scope', context: { requiredGranularScopes: ['crm.objects.contacts.read'] } }],
    };
    fake.fail('POST', CONTACT_COMPANIES, { status: 403, body: missingScope }, Number.POSITIVE_INFINITY);
    fake.serve({ methods: ['POST'] }); // nothing is read after the 403: not even the owners
    harness = await boot(fake);

    const contactChange = (id: string) =>
      hsEvent('contact.propertyChange', ago(60_000), { objectId: Number(id), propertyName: 'email' });
    expect(await (await harness.post([contactChange(ADA), contactChange(BO)])).json()).toMatchObject({ accepted: 2 });
    const h = harness;
    await until('2 dead letters on GET /status', async () => (await h.status()).deadLetters === 2);

    expect((await harness.status()).inbox.depth).toBe(0);
    expect(fake.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([`POST ${CONTACT_COMPANIES} 403`]);
    const letters = await harness.store.listDeadLetters({ portalId: PORTAL });
    expect(letters.map((l) => l.objectId).sort()).toEqual([ADA, BO]);
    expect(letters[0]?.reason).toContain('after 1 attempt(s)');
    expect(letters[0]?.reason).toContain('403 MISSING_SCOPES');
    expect(letters[0]?.reason).toContain('crm.objects.contacts.read');
    expect(riskOf(fake)).toEqual({});
  }, 30_000);

  it("drops the app's own write coming back as an event, while a user's change in the batch is scored", async () => {
    const fake = acme(acme(new FakeHubSpotPortal()), C2, ['52001', '52002', '52003']).serve();
    harness = await boot(fake);
    const ownWrite = hsEvent('company.propertyChange', ago(30_000), {
      objectId: Number(C1),
      propertyName: 'churn_risk_score',
      propertyValue: '52',
      changeSource: 'INTEGRATION',
      sourceId: String(APP_ID),
    });

    const answer = await harness.post([ownWrite, companyChange(C2)]);
    expect(await answer.json()).toEqual({ accepted: 1, duplicates: 0, ignored: 1 });
    await harness.settled();

    const inputs = (path: string) =>
      fake.callsTo('POST', path).map((c) => (c.body as { inputs: { id: string }[] }).inputs);
    expect(inputs(COMPANY_READ)).toEqual([[{ id: C2 }]]);
    expect(inputs(UPDATE).map((batch) => batch.map((i) => i.id))).toEqual([[C2]]);
    expect(riskOf(fake, C1)).toEqual({});
  }, 30_000);

  it('turns a burst of 50 contact changes at 5 companies into 16 HubSpot calls', async () => {
    const fake = new FakeHubSpotPortal();
    const companies = Array.from({ length: 5 }, (_, c) => String(9_130_000_001 + c));
    const contacts = companies.flatMap((companyId, c) => {
      const ids = Array.from({ length: 10 }, (_, i) => String(61_000 + c * 100 + i));
      acme(fake, companyId, [ids[0], ids[1], ids[2]] as [string, string, string]);
      fake.add('contacts', ...ids.slice(3).map((id) => hsObject(id, { firstname: `C${id}`, jobtitle: 'Engineer' })));
      fake.link('companies', companyId, 'contacts', ids.slice(3));
      return ids;
    });
    fake.serve();
    harness = await boot(fake);

    const burst = contacts.map((id) =>
      hsEvent('contact.propertyChange', ago(60_000), {
        objectId: Number(id),
        propertyName: 'phone',
        propertyValue: '+1 555 0100',
      }),
    );
    expect(await (await harness.post(burst)).json()).toEqual({ accepted: 50, duplicates: 0, ignored: 0 });
    await harness.settled();

    const calls = fake.calls.map((c) => {
      const inputs = (c.body as { inputs?: unknown[] } | undefined)?.inputs;
      return `${c.method} ${c.path}${inputs ? ` ×${inputs.length}` : ''}`;
    });
    expect(calls.sort()).toEqual(
      [
        `POST ${CONTACT_COMPANIES} ×50`, // which companies: one association read for all 50 contacts
        'GET /crm/owners/2026-09',
        'GET /crm/owners/2026-09', // active and archived owners (cached for 10 minutes after)
        `POST ${COMPANY_READ} ×5`,
        ...ASSOCIATED.map((type) => `POST /crm/associations/2026-09/companies/${type}/batch/read ×5`),
        'POST /crm/objects/2026-09/contacts/batch/read ×50',
        'POST /crm/objects/2026-09/emails/batch/read ×10',
        `POST ${UPDATE} ×5`,
      ].sort(),
    );
    expect(calls.length / burst.length).toBe(0.32);
    for (const companyId of companies) expect(riskOf(fake, companyId).churn_risk_level).toBe('low');
  }, 30_000);
});
