import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxChange } from '../../../src/sandbox/state/sandbox-change.ts';
import { APP_ID, PORTAL } from '../state/seed.ts';
import { checkedCall, type RunningSandbox, startSandbox } from './start-sandbox.ts';

let sandbox: RunningSandbox;
beforeEach(async () => {
  sandbox = await startSandbox();
});
afterEach(() => sandbox.close());

const READ = '/crm/associations/2026-09/contacts/companies/batch/read';
const CREATE = '/crm/associations/2026-09/contacts/companies/batch/create';

describe('association batch read', () => {
  it("answers each input's associated records with HubSpot's type ids, and the unknown ones as errors", async () => {
    const answer = await checkedCall(sandbox, 'POST', READ, { inputs: [{ id: '201' }, { id: '999' }] });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      {
        from: { id: '201' },
        to: [
          {
            toObjectId: '101',
            associationTypes: [
              { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
              { category: 'HUBSPOT_DEFINED', typeId: 279 },
            ],
          },
        ],
      },
    ]);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ category: 'OBJECT_NOT_FOUND', context: { fromObjectId: ['999'] } }),
    ]);
  });

  it('refuses more than 1,000 inputs, a cursor it did not hand out, and types HubSpot does not associate', async () => {
    const inputs = Array.from({ length: 1001 }, (_, i) => ({ id: String(i) }));
    expect((await checkedCall(sandbox, 'POST', READ, { inputs })).status).toBe(400);
    expect((await checkedCall(sandbox, 'POST', READ, { inputs: [{ id: '201', after: 'bogus' }] })).status).toBe(400);
    const pair = await checkedCall(sandbox, 'POST', '/crm/associations/2026-09/emails/notes/batch/read', {
      inputs: [],
    });
    expect(pair.status).toBe(400);
  });
});

describe('association batch create', () => {
  it('associates, reports the change as the app in both directions, and answers the labels', async () => {
    const changes: SandboxChange[] = [];
    sandbox.state.onChange((_, change) => changes.push(change));
    const answer = await checkedCall(sandbox, 'POST', CREATE, {
      inputs: [
        {
          from: { id: '203' },
          to: { id: '101' },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }],
        },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { fromObjectTypeId: '0-1', fromObjectId: '203', toObjectTypeId: '0-2', toObjectId: '101', labels: ['Primary'] },
    ]);
    const portal = sandbox.state.portal(PORTAL);
    expect(portal?.associationKinds({ type: 'contacts', id: '203' }, { type: 'companies', id: '102' })).toEqual([
      'unlabeled',
    ]);
    expect(changes.map((c) => [c.kind, c.objectType, c.associationTypeId ?? c.propertyName, c.sourceId])).toEqual([
      ['associationChange', 'contacts', 279, String(APP_ID)],
      ['associationChange', 'companies', 280, String(APP_ID)],
      ['propertyChange', 'contacts', 'associatedcompanyid', String(APP_ID)],
    ]);
  });

  it('answers records that do not exist under errors, and a USER_DEFINED type with 400', async () => {
    const missing = await checkedCall(sandbox, 'POST', CREATE, {
      inputs: [
        {
          from: { id: '999' },
          to: { id: '101' },
          types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }],
        },
      ],
    });
    expect(missing.body.results).toEqual([]);
    expect(missing.body.errors[0].context.ids).toEqual(['999']);
    const labelled = await checkedCall(sandbox, 'POST', CREATE, {
      inputs: [
        {
          from: { id: '201' },
          to: { id: '101' },
          types: [{ associationCategory: 'USER_DEFINED', associationTypeId: 28 }],
        },
      ],
    });
    expect(labelled.status).toBe(400);
  });
});
