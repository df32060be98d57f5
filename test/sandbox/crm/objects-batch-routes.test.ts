import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxChange } from '../../../src/sandbox/state/sandbox-change.ts';
import { APP_ID, PORTAL, T0 } from '../state/seed.ts';
import { checkedCall, type RunningSandbox, startSandbox } from './start-sandbox.ts';

let sandbox: RunningSandbox;
let changes: SandboxChange[];
beforeEach(async () => {
  sandbox = await startSandbox();
  changes = [];
  sandbox.state.onChange((_, change) => changes.push(change));
});
afterEach(() => sandbox.close());

const OBJECTS = '/crm/objects/2026-09';

describe('authentication', () => {
  it('answers 401 INVALID_AUTHENTICATION without a token or with an unknown one', async () => {
    for (const headers of [{ authorization: '' }, { authorization: 'Bearer nope' }]) {
      const answer = await sandbox.call('GET', `${OBJECTS}/companies`, undefined, headers);
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
      expect(answer.body.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('batch read', () => {
  it('answers the asked properties, history under propertiesWithHistory, and missing ids as errors', async () => {
    const answer = await checkedCall(sandbox, 'POST', `${OBJECTS}/contacts/batch/read`, {
      inputs: [{ id: '201' }, { id: '999' }],
      properties: ['email', 'hs_buying_role'],
      propertiesWithHistory: ['jobtitle'],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      {
        id: '201',
        properties: {
          email: 'ada@acme.example',
          hs_buying_role: null,
          createdate: '2025-01-15T09:00:00.000Z',
          hs_lastmodifieddate: '2025-01-15T09:00:00.000Z',
          hs_object_id: '201',
        },
        propertiesWithHistory: {
          jobtitle: [
            { value: 'VP Engineering', timestamp: '2026-10-01T00:00:00.000Z', sourceType: 'CRM_UI' },
            { value: 'Director', timestamp: '2025-02-01T00:00:00.000Z', sourceType: 'IMPORT' },
          ],
        },
        createdAt: '2025-01-15T09:00:00.000Z',
        updatedAt: '2025-01-15T09:00:00.000Z',
        archived: false,
      },
    ]);
    expect(answer.body.numErrors).toBe(1);
    expect(answer.body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } });
  });

  it('refuses more than 100 inputs, a body missing a required field, and an unknown object type', async () => {
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) }));
    const tooMany = await checkedCall(sandbox, 'POST', `${OBJECTS}/companies/batch/read`, {
      inputs,
      properties: [],
      propertiesWithHistory: [],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.category).toBe('VALIDATION_ERROR');
    const incomplete = await sandbox.call('POST', `${OBJECTS}/companies/batch/read`, { inputs: [{ id: '101' }] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toMatch(/properties/);
    const widgets = await sandbox.call('POST', `${OBJECTS}/widgets/batch/read`, {
      inputs: [],
      properties: [],
      propertiesWithHistory: [],
    });
    expect(widgets.status).toBe(400);
    expect(widgets.body.message).toBe('Unable to infer object type from: widgets');
  });

  it('answers a body that is not JSON with 400', async () => {
    const answer = await sandbox.call('POST', `${OBJECTS}/companies/batch/read`, '{"inputs": [');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/Invalid input JSON/);
  });
});

describe('batch update', () => {
  it('writes with history marked as the app, reports changes, and echoes objectWriteTraceId', async () => {
    sandbox.clock.now = T0 + 5_000;
    const answer = await checkedCall(sandbox, 'POST', `${OBJECTS}/companies/batch/update`, {
      inputs: [{ id: '101', properties: { annualrevenue: '800000' }, objectWriteTraceId: 'trace-1' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results[0]).toMatchObject({
      id: '101',
      properties: { annualrevenue: '800000' },
      objectWriteTraceId: 'trace-1',
      updatedAt: new Date(T0 + 5_000).toISOString(),
    });
    const read = await checkedCall(sandbox, 'POST', `${OBJECTS}/companies/batch/read`, {
      inputs: [{ id: '101' }],
      properties: [],
      propertiesWithHistory: ['annualrevenue'],
    });
    expect(read.body.results[0].propertiesWithHistory.annualrevenue[0]).toEqual({
      value: '800000',
      timestamp: new Date(T0 + 5_000).toISOString(),
      sourceType: 'INTEGRATION',
      sourceId: String(APP_ID),
    });
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'propertyChange', changeSource: 'INTEGRATION', sourceId: String(APP_ID) }),
    ]);
  });

  it('refuses the whole batch for a property that does not exist, a read-only one or a bad option', async () => {
    const answer = await checkedCall(sandbox, 'POST', `${OBJECTS}/companies/batch/update`, {
      inputs: [
        { id: '101', properties: { annualrevenue: '1' } },
        { id: '102', properties: { no_such_property: 'x', hs_object_id: '5', lifecyclestage: 'friend' } },
      ],
    });
    expect(answer.status).toBe(400);
    expect(answer.body.category).toBe('VALIDATION_ERROR');
    expect(answer.body.errors.map((e: { code: string }) => e.code)).toEqual([
      'PROPERTY_DOESNT_EXIST',
      'READ_ONLY_VALUE',
      'INVALID_OPTION',
    ]);
    expect(changes).toEqual([]);
  });

  it('answers a record that does not exist under errors, updating the others', async () => {
    const answer = await checkedCall(sandbox, 'POST', `${OBJECTS}/companies/batch/update`, {
      inputs: [
        { id: '101', properties: { name: 'Acme' } },
        { id: '999', properties: { name: 'Nobody' } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r: { id: string }) => r.id)).toEqual(['101']);
    expect(answer.body.errors[0].context.ids).toEqual(['999']);
  });

  it('stores a datetime sent as epoch milliseconds as ISO 8601, and refuses duplicate ids', async () => {
    const at = Date.parse('2026-11-01T08:30:00.000Z');
    await checkedCall(sandbox, 'POST', `${OBJECTS}/companies/batch/update`, {
      inputs: [{ id: '101', properties: { hs_lifecyclestage_customer_date: String(at) } }],
    });
    const read = await checkedCall(
      sandbox,
      'GET',
      `${OBJECTS}/companies/101?properties=hs_lifecyclestage_customer_date`,
    );
    expect(read.body.properties.hs_lifecyclestage_customer_date).toBe('2026-11-01T08:30:00.000Z');
    const duplicate = await sandbox.call('POST', `${OBJECTS}/companies/batch/update`, {
      inputs: [
        { id: '101', properties: {} },
        { id: '101', properties: {} },
      ],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.message).toMatch(/Duplicate IDs/);
  });
});

describe('batch create and archive', () => {
  it('creates tasks associated with their company (type 192), then archives them', async () => {
    const created = await checkedCall(sandbox, 'POST', `${OBJECTS}/tasks/batch/create`, {
      inputs: [
        {
          properties: { hs_task_subject: 'Call Ada', hs_task_status: 'NOT_STARTED', hubspot_owner_id: '77' },
          associations: [
            { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
          ],
          objectWriteTraceId: 'key-1',
        },
      ],
    });
    expect(created.status).toBe(201);
    const task = created.body.results[0];
    expect(task.objectWriteTraceId).toBe('key-1');
    const portal = sandbox.state.portal(PORTAL);
    expect(portal?.associatedIds({ type: 'companies', id: '101' }, 'tasks')).toContain(task.id);

    const archived = await checkedCall(sandbox, 'POST', `${OBJECTS}/tasks/batch/archive`, {
      inputs: [{ id: task.id }, { id: '999' }],
    });
    expect(archived.status).toBe(204);
    expect(portal?.get('tasks', task.id)).toBeUndefined();
  });

  it('refuses an association type that does not lead from tasks, and an owner that is archived', async () => {
    const wrongType = await checkedCall(sandbox, 'POST', `${OBJECTS}/tasks/batch/create`, {
      inputs: [
        {
          properties: { hs_task_subject: 'x' },
          associations: [
            { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] },
          ],
        },
      ],
    });
    expect(wrongType.status).toBe(400);
    const archivedOwner = await checkedCall(sandbox, 'POST', `${OBJECTS}/tasks/batch/create`, {
      inputs: [{ properties: { hubspot_owner_id: '78' }, associations: [] }],
    });
    expect(archivedOwner.status).toBe(400);
    expect(archivedOwner.body.errors[0].code).toBe('INVALID_OWNER_ID');
  });
});
