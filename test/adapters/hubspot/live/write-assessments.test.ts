import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import { riskProperties } from '../../../../src/adapters/hubspot/live/risk-properties.ts';
import { taskHtml } from '../../../../src/adapters/hubspot/live/task-html.ts';
import { type WriteDeps, writeAssessments } from '../../../../src/adapters/hubspot/live/write-assessments.ts';
import { assess } from '../../../../src/core/assess.ts';
import type { Assessment } from '../../../../src/core/assessment.ts';
import { defineSignal, type SignalId } from '../../../../src/core/signal.ts';
import { resolveConfig } from '../../../../src/core/tenant-config.ts';
import { DAY } from '../../../../src/core/time.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { openSqliteStore } from '../../../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../../src/store/store.ts';
import { NOW, owner, snapshot } from '../../../helpers/build.ts';
import { contractReply, type MockedRequest, takeContractViolations } from '../../../helpers/hubspot-contract.ts';

const BASE = 'https://api.hubspot.test';
const PORTAL = 123;
const AT = '2026-11-15T12:00:00.000Z';
const UPDATE = '/crm/objects/2026-09/companies/batch/update';
const CREATE = '/crm/objects/2026-09/tasks/batch/create';
const READ = '/crm/objects/2026-09/tasks/batch/read';
const SEARCH = '/crm/objects/2026-09/tasks/search';
const ARCHIVE = '/crm/objects/2026-09/tasks/batch/archive';
const keyOf = (companyId: string) => `hubspot:${PORTAL}:${companyId}:champion_departed`;

// ---- assessments, from the real engine with fixed-strength signals ------------------------------------------------

function fixed(id: SignalId, weight: number) {
  return defineSignal({
    id,
    title: `Title of ${id}`,
    description: 'test signal',
    source: { refs: ['test'], quote: 'test' },
    defaultWeight: weight,
    thresholds: z.object({}),
    quietInOffSeason: false,
    playbook: [`call the account about ${id}`, `write down what you learned`],
    evaluate: () => ({
      strength: 1,
      headline: `${id} fired`,
      evidence: [{ type: 'contact', id: '7', label: 'Jane Roe', facts: { left: '2026-11-01' } }],
    }),
  });
}

/**
 * champion_departed at `weight` points plus low_nps at 5 (below the 10 points a task needs): weight 60 → a high
 * account with one task; weight 5 → a low account with none; weight 80 → critical.
 */
function assessmentFor(companyId: string, opts: { weight?: number; csLead?: string; at?: number } = {}): Assessment {
  const config = resolveConfig({ csLeadOwnerId: opts.csLead ?? null }, [
    fixed('champion_departed', opts.weight ?? 60),
    fixed('low_nps', 5),
  ]);
  const account = { id: companyId, name: `Company ${companyId}`, ownerId: '501' };
  return assess(
    snapshot({ tenantId: String(PORTAL), account, owners: [owner({ id: '501' })] }),
    config,
    opts.at ?? NOW,
  );
}

const quiet = (companyId: string, at?: number) => assessmentFor(companyId, { weight: 5, at });

// ---- HubSpot, mocked through the contract checker -----------------------------------------------------------------

type Inputs<T> = { inputs: T[] };
type UpdateInput = { id: string; properties: Record<string, string> };
type CreateInput = {
  properties: Record<string, string>;
  associations: unknown[];
  objectWriteTraceId: string;
};

const obj = (id: string, properties: Record<string, string | null>, extra: object = {}) => ({
  id,
  properties,
  createdAt: AT,
  updatedAt: AT,
  archived: false,
  ...extra,
});
const batchAnswer = (results: unknown[], errors?: unknown[]) => ({
  status: 'COMPLETE',
  results,
  ...(errors ? { errors, numErrors: errors.length } : {}),
  startedAt: AT,
  completedAt: AT,
});
const notFound = (ids: string[]) => ({
  status: 'error',
  category: 'OBJECT_NOT_FOUND',
  message: 'Could not get some objects, they may be deleted or not exist.',
  context: { ids },
  errors: [],
  links: {},
});

const bodyOf = <T>(req: MockedRequest) => req.body as T;
let nextTaskId = 5000;
const bodies: Record<'update' | 'create' | 'read' | 'search' | 'archive', unknown[]> = {
  update: [],
  create: [],
  read: [],
  search: [],
  archive: [],
};

function expectUpdate(
  answer = (body: Inputs<UpdateInput>) => batchAnswer(body.inputs.map((i) => obj(i.id, i.properties))),
) {
  nock(BASE)
    .post(UPDATE)
    .reply(
      contractReply(200, (req) => {
        bodies.update.push(req.body);
        return answer(bodyOf(req));
      }),
    );
}

function expectCreate(answer?: (body: Inputs<CreateInput>) => unknown) {
  nock(BASE)
    .post(CREATE)
    .reply(
      contractReply(201, (req) => {
        bodies.create.push(req.body);
        const body = bodyOf<Inputs<CreateInput>>(req);
        return answer
          ? answer(body)
          : batchAnswer(
              body.inputs.map((i) =>
                obj(String(nextTaskId++), i.properties, { objectWriteTraceId: i.objectWriteTraceId }),
              ),
            );
      }),
    );
}

/** Open tasks HubSpot's search finds on the companies searched; `next` = a further page's cursor. */
function expectSearch(found: { id: string; body: string }[] = [], next?: { after: string; total: number }) {
  nock(BASE)
    .post(SEARCH)
    .reply(
      contractReply(200, (req) => {
        bodies.search.push(req.body);
        const results = found.map((t) => obj(t.id, { hs_task_body: t.body, hs_task_status: 'NOT_STARTED' }));
        if (!next) return { total: results.length, results };
        return { total: next.total, results, paging: { next: { after: next.after } } };
      }),
    );
}

/** The ledger's tasks as HubSpot has them: a status, or null for a deleted task. */
function expectRead(statuses: Record<string, string | null>) {
  nock(BASE)
    .post(READ)
    .query({ archived: 'false' })
    .reply(
      contractReply(200, (req) => {
        bodies.read.push(req.body);
        const ids = bodyOf<Inputs<{ id: string }>>(req).inputs.map((i) => i.id);
        const gone = ids.filter((id) => statuses[id] == null);
        const results = ids
          .filter((id) => statuses[id] != null)
          .map((id) => obj(id, { hs_task_status: statuses[id] ?? null }));
        return batchAnswer(results, gone.length > 0 ? [notFound(gone)] : undefined);
      }),
    );
}

function expectArchive() {
  nock(BASE)
    .post(ARCHIVE)
    .reply(
      contractReply(204, (req) => {
        bodies.archive.push(req.body);
        return undefined;
      }),
    );
}

// ---- the harness ----------------------------------------------------------------------------------------------------

const stores: Store[] = [];

async function harness() {
  let clock = NOW;
  const now = () => clock;
  const sleep = async (ms: number) => {
    await new Promise((resolve) => setImmediate(resolve));
    clock += ms;
  };
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(line) } });
  const api = createHubSpotApi({
    baseUrl: BASE,
    accessToken: async () => 'token-of-portal-123',
    limiter: createRateLimiter({ now, sleep }),
    logger,
    sleep,
    now,
    random: () => 0.5,
  });
  const store = await openSqliteStore({ path: ':memory:', encryptionKey: 'ab'.repeat(32) });
  stores.push(store);
  const deps: WriteDeps = { api, store, logger, now };
  return { deps, store, logs };
}

beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  nextTaskId = 5000;
  for (const list of Object.values(bodies)) list.length = 0;
});
afterEach(async () => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(takeContractViolations()).toEqual([]);
  expect(pending).toEqual([]);
  for (const store of stores.splice(0)) await store.close();
});
afterAll(() => nock.enableNetConnect());

const NO_TASKS = { tasksCreated: 0, tasksSkipped: 0, tasksArchived: 0 };

describe('writeAssessments: risk properties', () => {
  it('sends only the companies whose properties changed, in one batch update, and records what HubSpot accepted', async () => {
    const { deps, store } = await harness();
    const yesterday = quiet('9001', NOW - DAY);
    await store.saveAccountState(PORTAL, '9001', { writtenProperties: riskProperties(yesterday) });
    const [a1, a2] = [quiet('9001'), quiet('9002')];
    expectUpdate();

    const result = await writeAssessments(deps, PORTAL, [
      { companyId: '9001', assessment: a1 },
      { companyId: '9002', assessment: a2 },
    ]);

    expect(result).toEqual({ propertiesUpdated: 1, companiesUnchanged: 1, ...NO_TASKS, failures: [] });
    expect(bodies.update).toEqual([{ inputs: [{ id: '9002', properties: riskProperties(a2) }] }]);
    const written = await store.getAccountState(PORTAL, '9002');
    expect(written).toMatchObject({ assessment: a2, writtenProperties: riskProperties(a2) });
    expect(written?.scoreHistory).toEqual([{ value: a2.score, at: NOW }]);
    // The unchanged company's assessment and score are recorded for the card; what HubSpot holds stays as it was.
    const unchanged = await store.getAccountState(PORTAL, '9001');
    expect(unchanged).toMatchObject({ assessment: a1, writtenProperties: riskProperties(yesterday) });
    expect(unchanged?.scoreHistory).toEqual([{ value: a1.score, at: NOW }]);
  });

  it('makes no call at all when nothing but the time changed, however often it runs', async () => {
    const { deps } = await harness();
    expectUpdate();
    await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment: quiet('9001') }]);

    for (const at of [NOW + DAY, NOW + 2 * DAY]) {
      const again = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment: quiet('9001', at) }]);
      expect(again).toEqual({ propertiesUpdated: 0, companiesUnchanged: 1, ...NO_TASKS, failures: [] });
    }
    expect(bodies.update).toHaveLength(1);
  });

  it('sends just the properties that changed, with the new time', async () => {
    const { deps } = await harness();
    expectUpdate();
    await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment: quiet('9001') }]);
    const later = assessmentFor('9001', { weight: 8, at: NOW + DAY });
    expectUpdate();

    await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment: later }]);

    const { churn_risk_score, churn_risk_summary, churn_risk_updated_at } = riskProperties(later);
    expect(bodies.update[1]).toEqual({
      inputs: [{ id: '9001', properties: { churn_risk_score, churn_risk_summary, churn_risk_updated_at } }],
    });
  });

  it('splits more than 100 changed companies into batch updates of 100', async () => {
    const { deps } = await harness();
    const items = Array.from({ length: 150 }, (_, i) => ({
      companyId: String(9000 + i),
      assessment: quiet(String(9000 + i)),
    }));
    expectUpdate();
    expectUpdate();

    const result = await writeAssessments(deps, PORTAL, items);

    expect(result.propertiesUpdated).toBe(150);
    expect(bodies.update.map((b) => (b as Inputs<UpdateInput>).inputs.length)).toEqual([100, 50]);
  });

  it('leaves a company HubSpot refused unrecorded and without tasks, and sends it again next time', async () => {
    const { deps, store } = await harness();
    const items = [
      { companyId: '9001', assessment: assessmentFor('9001') },
      { companyId: '9002', assessment: assessmentFor('9002') },
    ];
    // A partial failure: HubSpot documents 207 for it, which its own spec does not declare; this is the same body.
    expectUpdate((body) =>
      batchAnswer(
        body.inputs.filter((i) => i.id === '9001').map((i) => obj(i.id, i.properties)),
        [notFound(['9002'])],
      ),
    );
    expectSearch();
    expectCreate();

    const first = await writeAssessments(deps, PORTAL, items);

    expect(first).toMatchObject({ propertiesUpdated: 1, tasksCreated: 1 });
    expect(first.failures).toEqual([
      { companyId: '9002', stage: 'properties', reason: 'HubSpot refused the update: OBJECT_NOT_FOUND (error)' },
    ]);
    expect(await store.getAccountState(PORTAL, '9002')).toBeNull();
    expect(await store.findOpenTask(PORTAL, '9002', 'champion_departed')).toBeNull();
    expect((bodies.create[0] as Inputs<CreateInput>).inputs.map((i) => i.objectWriteTraceId)).toEqual([keyOf('9001')]);

    expectUpdate();
    expectRead({ '5000': 'NOT_STARTED' });
    expectSearch();
    expectCreate();
    const retry = await writeAssessments(deps, PORTAL, items);

    expect(retry).toMatchObject({ propertiesUpdated: 1, companiesUnchanged: 1, tasksCreated: 1, tasksSkipped: 1 });
    expect((bodies.update[1] as Inputs<UpdateInput>).inputs.map((i) => i.id)).toEqual(['9002']);
    expect(bodies.search[1]).toMatchObject({ filterGroups: [{ filters: [{ values: ['9002'] }, {}] }] });
  });

  it('refuses a batch that names a company twice, before any call', async () => {
    const { deps } = await harness();
    const item = { companyId: '9001', assessment: quiet('9001') };
    await expect(writeAssessments(deps, PORTAL, [item, item])).rejects.toThrow(
      'writeAssessments: company 9001 appears twice in the batch; coalesce it first',
    );
  });
});

describe('writeAssessments: tasks', () => {
  it('creates the planned task once, associated with the company, and never again on a retry', async () => {
    const { deps, store, logs } = await harness();
    const assessment = assessmentFor('9001');
    const task = assessment.tasks[0];
    expect(assessment.tasks).toHaveLength(1);
    expectUpdate();
    expectSearch();
    expectCreate();

    const first = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expect(first).toEqual({ propertiesUpdated: 1, companiesUnchanged: 0, ...NO_TASKS, tasksCreated: 1, failures: [] });
    expect(bodies.search).toEqual([
      {
        filterGroups: [
          {
            filters: [
              { propertyName: 'associations.company', operator: 'IN', values: ['9001'] },
              { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
            ],
          },
        ],
        properties: ['hs_task_body', 'hs_task_status'],
        sorts: ['hs_object_id'],
        limit: 200,
        after: '0',
      },
    ]);
    expect(bodies.create).toEqual([
      {
        inputs: [
          {
            properties: {
              hs_task_subject: task?.subject,
              hs_task_body: task && taskHtml(assessment, task, PORTAL),
              hs_task_priority: 'HIGH',
              hs_timestamp: String(NOW + 2 * DAY),
              hs_task_status: 'NOT_STARTED',
              hs_task_type: 'TODO',
              hubspot_owner_id: '501',
            },
            associations: [
              { to: { id: '9001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
            ],
            objectWriteTraceId: keyOf('9001'),
          },
        ],
      },
    ]);
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toMatchObject({
      dedupeKey: keyOf('9001'),
      hubspotTaskId: '5000',
    });

    expectRead({ '5000': 'NOT_STARTED' });
    const retry = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expect(retry).toEqual({ propertiesUpdated: 0, companiesUnchanged: 1, ...NO_TASKS, tasksSkipped: 1, failures: [] });
    expect(bodies.create).toHaveLength(1);
    expect(bodies.read).toEqual([
      { inputs: [{ id: '5000' }], properties: ['hs_task_status'], propertiesWithHistory: [] },
    ]);
    expect(logs.join('\n')).not.toContain('churn-signals-ref');
  });

  it('finds the task of an attempt that crashed before recording it, instead of creating another', async () => {
    const { deps, store } = await harness();
    const assessment = assessmentFor('9001');
    const crashing: Store = {
      ...store,
      recordTask: async () => {
        throw new Error('disk I/O error');
      },
    };
    expectUpdate();
    expectSearch();
    expectCreate();
    await expect(
      writeAssessments({ ...deps, store: crashing }, PORTAL, [{ companyId: '9001', assessment }]),
    ).rejects.toThrow('disk I/O error');
    const created = (bodies.create[0] as Inputs<CreateInput>).inputs[0]?.properties.hs_task_body ?? '';

    expectSearch([{ id: '5000', body: created }]);
    const retry = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expect(retry).toMatchObject({ tasksCreated: 0, tasksSkipped: 1, tasksArchived: 0, failures: [] });
    expect(bodies.create).toHaveLength(1);
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toMatchObject({ hubspotTaskId: '5000' });
  });

  it('keeps one of two open copies of a task and archives the other', async () => {
    const { deps, store } = await harness();
    const assessment = assessmentFor('9001');
    const task = assessment.tasks[0];
    const body = task ? taskHtml(assessment, task, PORTAL) : '';
    expectUpdate();
    expectSearch([
      { id: '5120', body },
      { id: '5007', body },
      { id: '4999', body: '<p>A task someone typed by hand</p>' },
    ]);
    expectArchive();

    const result = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expect(result).toMatchObject({ tasksCreated: 0, tasksSkipped: 1, tasksArchived: 1 });
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toMatchObject({ hubspotTaskId: '5007' });
    expect(bodies.archive).toEqual([{ inputs: [{ id: '5120' }] }]);
  });

  it('pages through the search when the companies have more than 200 open tasks', async () => {
    const { deps, store } = await harness();
    const assessment = assessmentFor('9001');
    const task = assessment.tasks[0];
    const others = Array.from({ length: 200 }, (_, i) => ({ id: String(3000 + i), body: `<p>Call #${i}</p>` }));
    expectUpdate();
    expectSearch(others, { after: '200', total: 201 });
    expectSearch([{ id: '5000', body: task ? taskHtml(assessment, task, PORTAL) : '' }]);

    const result = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expect(result).toMatchObject({ tasksCreated: 0, tasksSkipped: 1 });
    expect(bodies.search.map((b) => (b as { after: string }).after)).toEqual(['0', '200']);
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toMatchObject({ hubspotTaskId: '5000' });
  });

  it('closes the ledger row of a task completed in HubSpot and creates a new one', async () => {
    const { deps, store } = await harness();
    const assessment = assessmentFor('9001');
    expectUpdate();
    expectSearch();
    expectCreate();
    await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expectRead({ '5000': 'COMPLETED' });
    expectSearch();
    expectCreate();
    const result = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expect(result).toMatchObject({ tasksCreated: 1, tasksSkipped: 0 });
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toMatchObject({ hubspotTaskId: '5001' });
  });

  it('treats a task deleted in HubSpot like a completed one', async () => {
    const { deps, store } = await harness();
    await store.recordTask({
      portalId: PORTAL,
      companyId: '9001',
      signalId: 'champion_departed',
      dedupeKey: keyOf('9001'),
      hubspotTaskId: '4000',
      createdAt: NOW - DAY,
    });
    expectUpdate();
    expectRead({ '4000': null });
    expectSearch();
    expectCreate();

    const result = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment: assessmentFor('9001') }]);

    expect(result).toMatchObject({ tasksCreated: 1, tasksSkipped: 0 });
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toMatchObject({ hubspotTaskId: '5000' });
  });

  it('assigns a critical account’s task to the CS lead with HIGH priority', async () => {
    const { deps } = await harness();
    const assessment = assessmentFor('9001', { weight: 80, csLead: '777' });
    expect(assessment.level).toBe('critical');
    expectUpdate();
    expectSearch();
    expectCreate();

    await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment }]);

    expect((bodies.create[0] as Inputs<CreateInput>).inputs[0]?.properties).toMatchObject({
      hubspot_owner_id: '777',
      hs_task_priority: 'HIGH',
      hs_timestamp: String(NOW + DAY),
    });
  });

  it('leaves the owner out when the assignee is not an active HubSpot owner', async () => {
    const { deps } = await harness();
    expectUpdate();
    expectSearch();
    expectCreate();

    await writeAssessments(deps, PORTAL, [
      { companyId: '9001', assessment: assessmentFor('9001'), ownerExists: false },
    ]);

    expect((bodies.create[0] as Inputs<CreateInput>).inputs[0]?.properties).not.toHaveProperty('hubspot_owner_id');
  });

  it('archives its own task when another worker recorded one for the company and signal first', async () => {
    const { deps, store } = await harness();
    const racing: Store = {
      ...store,
      recordTask: async (task) => {
        await store.recordTask({ ...task, hubspotTaskId: '6000' });
        return store.recordTask(task);
      },
    };
    expectUpdate();
    expectSearch();
    expectCreate();
    expectArchive();

    const result = await writeAssessments({ ...deps, store: racing }, PORTAL, [
      { companyId: '9001', assessment: assessmentFor('9001') },
    ]);

    expect(result).toMatchObject({ tasksCreated: 0, tasksSkipped: 1, tasksArchived: 1 });
    expect(bodies.archive).toEqual([{ inputs: [{ id: '5000' }] }]);
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toMatchObject({ hubspotTaskId: '6000' });
  });

  it('reports a task HubSpot did not create and records nothing for it', async () => {
    const { deps, store } = await harness();
    expectUpdate();
    expectSearch();
    expectCreate(() =>
      batchAnswer(
        [],
        [{ ...notFound([]), category: 'VALIDATION_ERROR', context: { objectWriteTraceId: [keyOf('9001')] } }],
      ),
    );

    const result = await writeAssessments(deps, PORTAL, [{ companyId: '9001', assessment: assessmentFor('9001') }]);

    expect(result.failures).toEqual([
      {
        companyId: '9001',
        stage: 'tasks',
        reason: 'HubSpot did not create the champion_departed task: VALIDATION_ERROR (error)',
      },
    ]);
    expect(await store.findOpenTask(PORTAL, '9001', 'champion_departed')).toBeNull();
  });
});
