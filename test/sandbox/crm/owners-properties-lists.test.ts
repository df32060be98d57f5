import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { owner, smallSeed } from '../state/seed.ts';
import { checkedCall, type RunningSandbox, startSandbox } from './start-sandbox.ts';

let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox(
    smallSeed({ owners: [owner('77'), owner('78', true), owner('79'), owner('80', false, 'Sam@Vendor.example')] }),
  );
});
afterEach(() => sandbox.close());

describe('owners', () => {
  it('lists active owners page by page, archived ones only with archived=true, filters by email', async () => {
    const first = await checkedCall(sandbox, 'GET', '/crm/owners/2026-09?limit=2');
    expect(first.body.results.map((o: { id: string }) => o.id)).toEqual(['77', '79']);
    const second = await checkedCall(
      sandbox,
      'GET',
      `/crm/owners/2026-09?limit=2&after=${first.body.paging.next.after}`,
    );
    expect(second.body.results.map((o: { id: string }) => o.id)).toEqual(['80']);
    expect(second.body.paging).toBeUndefined();
    const archived = await checkedCall(sandbox, 'GET', '/crm/owners/2026-09?archived=true');
    expect(archived.body.results).toEqual([expect.objectContaining({ id: '78', archived: true })]);
    const byEmail = await checkedCall(sandbox, 'GET', '/crm/owners/2026-09?email=sam@vendor.example');
    expect(byEmail.body.results.map((o: { id: string }) => o.id)).toEqual(['80']);
  });

  it('reads one owner, and answers 404 for an archived one unless asked, 400 for a limit past 500', async () => {
    expect((await checkedCall(sandbox, 'GET', '/crm/owners/2026-09/78')).status).toBe(404);
    expect((await checkedCall(sandbox, 'GET', '/crm/owners/2026-09/78?archived=true')).body.id).toBe('78');
    expect((await checkedCall(sandbox, 'GET', '/crm/owners/2026-09?limit=501')).status).toBe(400);
  });
});

describe('properties and groups', () => {
  const RISK_LEVEL = {
    name: 'churn_risk_level',
    label: 'Churn risk level',
    type: 'enumeration',
    fieldType: 'select',
    groupName: 'churn_signals',
    options: [{ label: 'Low', value: 'low', displayOrder: 0, hidden: false }],
  };

  it('creates a group and a property in it; a second one of either name answers 409', async () => {
    const group = await checkedCall(sandbox, 'POST', '/crm/properties/2026-09/companies/groups', {
      name: 'churn_signals',
      label: 'Churn Signals',
      displayOrder: -1,
    });
    expect(group.status).toBe(201);
    const created = await checkedCall(sandbox, 'POST', '/crm/properties/2026-09/companies', RISK_LEVEL);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'churn_risk_level', hubspotDefined: false, groupName: 'churn_signals' });
    const again = await checkedCall(sandbox, 'POST', '/crm/properties/2026-09/companies', RISK_LEVEL);
    expect(again.status).toBe(409);
    expect(again.body.category).toBe('OBJECT_ALREADY_EXISTS');
  });

  it('refuses a property in a group that does not exist, or with a fieldType its type does not take', async () => {
    const noGroup = await checkedCall(sandbox, 'POST', '/crm/properties/2026-09/companies', RISK_LEVEL);
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.message).toMatch(/churn_signals does not exist/);
    const mismatch = await checkedCall(sandbox, 'POST', '/crm/properties/2026-09/companies', {
      ...RISK_LEVEL,
      type: 'number',
      groupName: 'companyinformation',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.message).toMatch(/fieldType select is not valid for a property of type number/);
  });

  it('batch creates what it can and lists the rest under errors; PATCH replaces the options', async () => {
    const batch = await checkedCall(sandbox, 'POST', '/crm/properties/2026-09/companies/batch/create', {
      inputs: [
        { ...RISK_LEVEL, groupName: 'companyinformation' },
        { ...RISK_LEVEL, name: 'name', groupName: 'companyinformation' },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((p: { name: string }) => p.name)).toEqual(['churn_risk_level']);
    expect(batch.body.errors[0]).toMatchObject({ category: 'OBJECT_ALREADY_EXISTS', context: { name: ['name'] } });
    const options = [
      { label: 'Low', value: 'low', displayOrder: 0, hidden: false },
      { label: 'High', value: 'high', displayOrder: 1, hidden: false },
    ];
    const patched = await checkedCall(sandbox, 'PATCH', '/crm/properties/2026-09/companies/churn_risk_level', {
      options,
    });
    expect(patched.body.options).toEqual(options);
    const write = await checkedCall(sandbox, 'PATCH', '/crm/objects/2026-09/companies/101', {
      properties: { churn_risk_level: 'high' },
    });
    expect(write.status).toBe(200);
    const missing = await checkedCall(sandbox, 'PATCH', '/crm/properties/2026-09/companies/no_such', { label: 'x' });
    expect(missing.status).toBe(404);
  });

  it("lists HubSpot's default properties with their types", async () => {
    const answer = await checkedCall(sandbox, 'GET', '/crm/properties/2026-09/contacts');
    const email = answer.body.results.find((p: { name: string }) => p.name === 'email');
    expect(email).toMatchObject({ type: 'string', hasUniqueValue: true, hubspotDefined: true });
  });
});

describe('lists', () => {
  const LIST = { name: 'At risk', objectTypeId: '0-2', processingType: 'MANUAL' };

  it('creates a list, finds it by name (any case) and by id, and refuses a second of that name', async () => {
    const created = await checkedCall(sandbox, 'POST', '/crm/lists/2026-09', LIST);
    expect(created.status).toBe(200);
    const { listId } = created.body.list;
    const byName = await checkedCall(sandbox, 'GET', '/crm/lists/2026-09/object-type-id/0-2/name/at%20risk');
    expect(byName.body.list.listId).toBe(listId);
    const byIds = await checkedCall(sandbox, 'GET', `/crm/lists/2026-09?listIds=${listId}`);
    expect(byIds.body.lists).toHaveLength(1);
    expect((await checkedCall(sandbox, 'POST', '/crm/lists/2026-09', LIST)).status).toBe(409);
  });

  it('answers 404 for a name or id it does not hold, 400 for an object type it does not know', async () => {
    expect((await checkedCall(sandbox, 'GET', '/crm/lists/2026-09/object-type-id/0-2/name/nothing')).status).toBe(404);
    expect((await checkedCall(sandbox, 'GET', '/crm/lists/2026-09/42')).status).toBe(404);
    expect((await checkedCall(sandbox, 'POST', '/crm/lists/2026-09', { ...LIST, objectTypeId: '2-999' })).status).toBe(
      400,
    );
  });

  it('searches lists by name and processing type, paged by offset', async () => {
    await checkedCall(sandbox, 'POST', '/crm/lists/2026-09', LIST);
    await checkedCall(sandbox, 'POST', '/crm/lists/2026-09', {
      ...LIST,
      name: 'At risk, big',
      processingType: 'SNAPSHOT',
    });
    const answer = await checkedCall(sandbox, 'POST', '/crm/lists/2026-09/search', {
      additionalProperties: [],
      listIds: [],
      offset: 0,
      count: 1,
      processingTypes: [],
      query: 'risk',
    });
    expect(answer.body).toMatchObject({ total: 2, offset: 1, hasMore: true });
  });
});
