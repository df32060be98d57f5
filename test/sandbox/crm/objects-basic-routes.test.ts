import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxChange } from '../../../src/sandbox/state/sandbox-change.ts';
import { APP_ID } from '../state/seed.ts';
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

describe('single records', () => {
  it('gets, patches and deletes one, with its associations on request', async () => {
    const got = await checkedCall(sandbox, 'GET', `${OBJECTS}/contacts/201?properties=email&associations=companies`);
    expect(got.status).toBe(200);
    expect(got.body.associations).toEqual({
      companies: {
        results: [
          { id: '101', type: 'contact_to_company' },
          { id: '101', type: 'contact_to_company_unlabeled' },
        ],
      },
    });
    const patched = await checkedCall(sandbox, 'PATCH', `${OBJECTS}/contacts/201`, { properties: { jobtitle: 'CEO' } });
    expect(patched.body.properties.jobtitle).toBe('CEO');
    const deleted = await checkedCall(sandbox, 'DELETE', `${OBJECTS}/contacts/201`);
    expect(deleted.status).toBe(204);
    const gone = await checkedCall(sandbox, 'GET', `${OBJECTS}/contacts/201`);
    expect(gone.status).toBe(404);
    expect(gone.body.category).toBe('OBJECT_NOT_FOUND');
    const inBin = await checkedCall(sandbox, 'GET', `${OBJECTS}/contacts/201?archived=true`);
    expect(inBin.body.archived).toBe(true);
    expect(changes.map((c) => [c.kind, c.objectId, c.changeSource, c.sourceId])).toEqual([
      ['propertyChange', '201', 'INTEGRATION', String(APP_ID)],
      ['deletion', '201', 'INTEGRATION', String(APP_ID)],
    ]);
  });

  it('reads a contact by its email with idProperty, and refuses a second contact with that email', async () => {
    const got = await checkedCall(sandbox, 'GET', `${OBJECTS}/contacts/grace@acme.example?idProperty=email`);
    expect(got.body.id).toBe('202');
    const taken = await checkedCall(sandbox, 'POST', `${OBJECTS}/contacts`, {
      properties: { email: 'grace@acme.example' },
      associations: [],
    });
    expect(taken.status).toBe(409);
  });

  it('lists a type page by page', async () => {
    const first = await checkedCall(sandbox, 'GET', `${OBJECTS}/contacts?limit=2&properties=email`);
    expect(first.body.results.map((r: { id: string }) => r.id)).toEqual(['201', '202']);
    const next = first.body.paging.next.after;
    const second = await checkedCall(sandbox, 'GET', `${OBJECTS}/contacts?limit=2&after=${next}`);
    expect(second.body.results.map((r: { id: string }) => r.id)).toEqual(['203']);
    expect(second.body.paging).toBeUndefined();
  });

  it('creates one record with 201', async () => {
    const created = await checkedCall(sandbox, 'POST', `${OBJECTS}/companies`, {
      properties: { name: 'Initech', domain: 'initech.example' },
      associations: [],
    });
    expect(created.status).toBe(201);
    expect(created.body.properties).toMatchObject({ name: 'Initech', hs_object_id: created.body.id });
  });
});

describe('search', () => {
  it('finds open tasks of companies by associations.company, paged, with the total', async () => {
    const answer = await checkedCall(sandbox, 'POST', `${OBJECTS}/tasks/search`, {
      filterGroups: [
        {
          filters: [
            { propertyName: 'associations.company', operator: 'IN', values: ['101'] },
            { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
          ],
        },
      ],
      properties: ['hs_task_subject'],
      sorts: ['hs_object_id'],
      limit: 200,
      after: '0',
    });
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(1);
    expect(answer.body.results[0].properties.hs_task_subject).toBe('Call Ada');
  });

  it('answers 400 for a limit above 200, for paging past 10,000, and for sorts that are not property names', async () => {
    const search = (over: object) =>
      checkedCall(sandbox, 'POST', `${OBJECTS}/companies/search`, {
        filterGroups: [],
        properties: [],
        sorts: [],
        limit: 10,
        after: '0',
        ...over,
      });
    expect((await search({ limit: 201 })).status).toBe(400);
    const capped = await search({ after: '10000' });
    expect(capped.status).toBe(400);
    expect(capped.body.category).toBe('VALIDATION_ERROR');
    expect(
      (
        await sandbox.call('POST', `${OBJECTS}/companies/search`, {
          filterGroups: [],
          properties: [],
          sorts: [{ propertyName: 'name', direction: 'ASCENDING' }],
          limit: 10,
          after: '0',
        })
      ).status,
    ).toBe(400);
  });
});

describe('unknown paths', () => {
  it('answer 404 with HubSpot error body', async () => {
    const answer = await sandbox.call('GET', '/crm/v3/objects/companies');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 'error', category: 'NOT_FOUND' });
    expect((await sandbox.call('GET', '/nothing/here', undefined, { authorization: '' })).status).toBe(404);
  });
});
