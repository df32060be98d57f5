import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toJsonSchema } from './contract/openapi-to-json-schema.ts';
import { schemaProblems } from './contract/schema-validators.ts';
import { specIndex } from './contract/spec-index.ts';
import { checkExchange, contractReply, hubspotOperation, takeContractViolations } from './hubspot-contract.ts';

const BASE = 'https://api.hubspot.test';
const AT = '2026-11-15T12:00:00.000Z';
const CORRELATION_ID = 'c033cdaa-2c40-4a64-ae48-b4cec88dad24';

function company(id: string, properties: Record<string, string | null>) {
  return { id, properties, createdAt: '2024-03-01T09:00:00.000Z', updatedAt: AT, archived: false };
}

function batchResponse(results: unknown[]) {
  return { status: 'COMPLETE', results, requestedAt: AT, startedAt: AT, completedAt: AT };
}

const batchReadRequest = {
  inputs: [{ id: '101' }, { id: '102' }],
  properties: ['name', 'hubspot_owner_id', 'churn_risk_score'],
  propertiesWithHistory: ['annualrevenue'],
};

const batchReadResponse = batchResponse([
  {
    ...company('101', { name: 'Acme', hubspot_owner_id: '77', churn_risk_score: null }),
    propertiesWithHistory: {
      annualrevenue: [
        { value: '900000', timestamp: '2026-10-01T00:00:00.000Z', sourceType: 'CRM_UI', updatedByUserId: 12 },
        { value: '1200000', timestamp: '2026-01-01T00:00:00.000Z', sourceType: 'IMPORT', sourceId: 'import-1' },
      ],
    },
  },
  company('102', { name: 'Globex', hubspot_owner_id: null, churn_risk_score: '40' }),
]);

describe('checkExchange: exchanges HubSpot documents', () => {
  it('accepts a batch read of companies with propertiesWithHistory (null property values allowed)', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/objects/2026-09/companies/batch/read?archived=false',
        requestBody: batchReadRequest,
        status: 200,
        responseBody: batchReadResponse,
      }),
    ).not.toThrow();
  });

  it('accepts an association batch read on the dated associations path, with paging', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/associations/2026-09/contacts/companies/batch/read',
        requestBody: { inputs: [{ id: '501' }, { id: '502', after: 'MTAtNi0xODQ3MjAxMzg5' }] },
        status: 200,
        responseBody: batchResponse([
          {
            from: { id: '501' },
            to: [
              { toObjectId: '101', associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' }] },
            ],
            paging: { next: { after: 'MC0yLTE1OTc0MDA2NTg' } },
          },
        ]),
      }),
    ).not.toThrow();
  });

  it('accepts a batch update of the risk properties', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/objects/2026-09/companies/batch/update',
        requestBody: { inputs: [{ id: '101', properties: { churn_risk_score: '72', churn_risk_level: 'high' } }] },
        status: 200,
        responseBody: batchResponse([company('101', { churn_risk_score: '72', churn_risk_level: 'high' })]),
      }),
    ).not.toThrow();
  });

  it('accepts a task created with its association to the company (201)', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/objects/2026-09/tasks',
        requestBody: {
          properties: {
            hs_task_subject: 'Champion departed: Jane Roe left Acme',
            hs_task_priority: 'HIGH',
            hs_timestamp: AT,
            hubspot_owner_id: '77',
          },
          associations: [
            { to: { id: '101' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 192 }] },
          ],
        },
        status: 201,
        responseBody: company('9001', { hs_task_subject: 'Champion departed: Jane Roe left Acme' }),
      }),
    ).not.toThrow();
  });

  it('accepts the owners list with archived=true and a limit, typed from the query string', () => {
    expect(() =>
      checkExchange({
        method: 'GET',
        url: '/crm/owners/2026-09?archived=true&limit=100',
        status: 200,
        responseBody: {
          results: [
            {
              id: '77',
              email: 'sam@example.com',
              type: 'PERSON',
              archived: true,
              createdAt: AT,
              updatedAt: AT,
              userId: 5,
            },
          ],
        },
      }),
    ).not.toThrow();
  });

  it('accepts the property group create of DESIGN §4', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/properties/2026-09/companies/groups',
        requestBody: { name: 'churn_signals', label: 'Churn signals', displayOrder: -1 },
        status: 201,
        responseBody: { name: 'churn_signals', label: 'Churn signals', displayOrder: -1, archived: false },
      }),
    ).not.toThrow();
  });

  it('accepts a search with filters, sent as JSON text', () => {
    const request = {
      filterGroups: [{ filters: [{ propertyName: 'churn_risk_level', operator: 'IN', values: ['high', 'critical'] }] }],
      properties: ['name'],
      sorts: ['hs_object_id'],
      limit: 200,
      after: '0',
    };
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/objects/2026-09/companies/search',
        requestBody: JSON.stringify(request),
        requestContentType: 'application/json',
        status: 200,
        responseBody: JSON.stringify({ total: 1, results: [company('101', { name: 'Acme' })] }),
      }),
    ).not.toThrow();
  });

  it('accepts a form-encoded token exchange and a 429 error body that fits the Error schema', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/oauth/v1/token',
        requestBody:
          'grant_type=authorization_code&client_id=id&client_secret=s&redirect_uri=https%3A%2F%2Fa.test&code=c',
        requestContentType: 'application/x-www-form-urlencoded',
        status: 200,
        responseBody: {
          access_token: 'a',
          refresh_token: 'r',
          expires_in: 1800,
          token_type: 'bearer',
          token_use: 'access_token',
        },
      }),
    ).not.toThrow();
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/objects/2026-09/companies/batch/update',
        requestBody: { inputs: [] },
        status: 429,
        responseBody: {
          status: 'error',
          message: 'You have reached your ten_secondly_rolling limit.',
          category: 'RATE_LIMITS',
          correlationId: CORRELATION_ID,
          policyName: 'TEN_SECONDLY_ROLLING',
        },
      }),
    ).not.toThrow();
  });

  it('accepts an empty 204 and a DELETE without a body', () => {
    expect(() =>
      checkExchange({ method: 'DELETE', url: '/crm/properties/2026-09/companies/groups/churn_signals', status: 204 }),
    ).not.toThrow();
  });
});

describe('checkExchange: exchanges HubSpot refuses, each named', () => {
  it('refuses an unknown path and lists the nearest operations', () => {
    expect(() => checkExchange({ method: 'POST', url: '/crm/v3/objects/companies/batch/read', status: 200 })).toThrow(
      /^no HubSpot operation matches POST \/crm\/v3\/objects\/companies\/batch\/read; nearest:\n {2}POST \/crm\/objects\/2026-09\/\{objectType\}\/batch\/read\n/,
    );
  });

  it('refuses a method the path does not take', () => {
    expect(() =>
      checkExchange({ method: 'GET', url: '/crm/objects/2026-09/companies/batch/read', status: 200 }),
    ).toThrow(
      'no HubSpot operation matches GET /crm/objects/2026-09/companies/batch/read: ' +
        '/crm/objects/2026-09/{objectType}/batch/read takes POST',
    );
  });

  it('refuses a request body missing a required field, naming operation, file, part and instance path', () => {
    const exchange = {
      method: 'POST',
      url: '/crm/objects/2026-09/companies/batch/read',
      requestBody: { inputs: [{ id: '101' }, {}], properties: ['name'] },
      status: 200,
      responseBody: batchResponse([]),
    };
    expect(() => checkExchange(exchange)).toThrow(
      "POST /crm/objects/2026-09/companies/batch/read breaks HubSpot's contract:\n" +
        '  operation post-/crm/objects/2026-09/{objectType}/batch/read_/crm/objects/2026-03/{objectType}/batch/read ' +
        '(crm-companies-2026-09.json, crm-objects-2026-09.json,',
    );
    expect(() => checkExchange(exchange)).toThrow(
      "    - request body: (root): must have required property 'propertiesWithHistory'\n" +
        "    - request body: /inputs/1: must have required property 'id'",
    );
  });

  it('refuses a wrong type in a response', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/objects/2026-09/companies/batch/read',
        requestBody: batchReadRequest,
        status: 200,
        responseBody: batchResponse([company('101', { name: 'Acme' }), { ...company('102', {}), archived: 'no' }]),
      }),
    ).toThrow('    - response 200: /results/1/archived: must be boolean');
    expect(() =>
      checkExchange({
        method: 'GET',
        url: '/crm/owners/2026-09',
        status: 200,
        responseBody: { results: [{ id: '77', type: 'ROBOT', archived: false, createdAt: AT, updatedAt: AT }] },
      }),
    ).toThrow('    - response 200: /results/0/type: must be one of "PERSON", "QUEUE"');
  });

  it('refuses a success status the operation does not declare, and an error body that is not an Error', () => {
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/crm/objects/2026-09/companies/batch/read',
        requestBody: batchReadRequest,
        status: 201,
        responseBody: batchReadResponse,
      }),
    ).toThrow('    - response 201: not a status this operation answers (declared: 200, default (errors only))');
    expect(() =>
      checkExchange({
        method: 'GET',
        url: '/crm/owners/2026-09',
        status: 429,
        responseBody: { message: 'slow down', correlationId: 'not-a-uuid' },
      }),
    ).toThrow(
      "    - response 429: (root): must have required property 'category'\n" +
        '    - response 429: /correlationId: must match format "uuid"',
    );
  });

  it('refuses badly typed, missing and unknown query parameters', () => {
    expect(() =>
      checkExchange({ method: 'GET', url: '/crm/owners/2026-09?archived=maybe&limit=ten&archive=true', status: 200 }),
    ).toThrow(
      '    - query param archive: not a parameter of this operation (it takes: after, archived, email, limit)\n' +
        '    - query param archived: must be boolean\n' +
        '    - query param limit: must be integer',
    );
  });

  it('refuses a body where the operation takes none, a missing body, and a body sent as the wrong media type', () => {
    expect(() =>
      checkExchange({ method: 'GET', url: '/crm/owners/2026-09', requestBody: { archived: true }, status: 200 }),
    ).toThrow('    - request body: the operation takes none, one was sent');
    expect(() =>
      checkExchange({ method: 'POST', url: '/crm/objects/2026-09/companies/batch/update', status: 200 }),
    ).toThrow('    - request body: required (application/json), none sent');
    expect(() =>
      checkExchange({
        method: 'POST',
        url: '/oauth/v1/token',
        requestBody: { grant_type: 'refresh_token', refresh_token: 'r' },
        requestContentType: 'application/json',
        status: 200,
      }),
    ).toThrow('    - request body: sent as application/json, the operation accepts application/x-www-form-urlencoded');
  });

  it('refuses a body on a 204 and a missing body on a 200', () => {
    expect(() =>
      checkExchange({
        method: 'DELETE',
        url: '/crm/properties/2026-09/companies/groups/churn_signals',
        status: 204,
        responseBody: { ok: true },
      }),
    ).toThrow('    - response 204: the operation answers this status with no body, one was sent');
    expect(() => checkExchange({ method: 'GET', url: '/crm/owners/2026-09', status: 200 })).toThrow(
      '    - response 200: body missing, the operation answers application/json',
    );
  });
});

describe('hubspotOperation', () => {
  it('prefers the spec file named after the object type, then the generic objects file', () => {
    expect(hubspotOperation('POST', '/crm/objects/2026-09/companies/batch/read?archived=false')).toEqual({
      operationId: 'post-/crm/objects/2026-09/{objectType}/batch/read_/crm/objects/2026-03/{objectType}/batch/read',
      file: 'crm-companies-2026-09.json',
      pathTemplate: '/crm/objects/2026-09/{objectType}/batch/read',
    });
    expect(hubspotOperation('POST', '/crm/objects/2026-09/tasks')?.file).toBe('crm-tasks-2026-09.json');
    expect(hubspotOperation('POST', '/crm/objects/2026-09/deals/batch/read')?.file).toBe('crm-objects-2026-09.json');
  });

  it('prefers a literal segment over a parameter, as routers do', () => {
    expect(hubspotOperation('GET', '/crm/lists/2026-09/folders')?.pathTemplate).toBe('/crm/lists/2026-09/folders');
    expect(hubspotOperation('GET', '/crm/lists/2026-09/123')?.pathTemplate).toBe('/crm/lists/2026-09/{listId}');
    expect(hubspotOperation('POST', '/crm/objects/2026-09/companies/search')?.pathTemplate).toBe(
      '/crm/objects/2026-09/{objectType}/search',
    );
    expect(hubspotOperation('DELETE', '/crm/objects/2026-09/companies/search')).toBeNull();
  });

  it('is null for a path HubSpot does not have', () => {
    expect(hubspotOperation('POST', '/crm/v3/objects/companies/batch/read')).toBeNull();
  });
});

describe('contractReply with nock and fetch', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    takeContractViolations();
  });
  afterAll(() => nock.enableNetConnect());

  it('answers a conforming request with the mocked response', async () => {
    const scope = nock(BASE)
      .post('/crm/objects/2026-09/companies/batch/read')
      .query({ archived: 'false' })
      .reply(contractReply(200, batchReadResponse));

    const response = await fetch(`${BASE}/crm/objects/2026-09/companies/batch/read?archived=false`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batchReadRequest),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(batchReadResponse);
    expect(scope.isDone()).toBe(true);
    expect(takeContractViolations()).toEqual([]);
  });

  it('builds the reply from the request when given a function, and passes headers', async () => {
    nock(BASE)
      .post('/crm/objects/2026-09/companies/batch/read')
      .reply(
        contractReply(200, (request) => {
          const { inputs } = request.body as { inputs: { id: string }[] };
          return batchResponse(inputs.map(({ id }) => company(id, { name: `Company ${id}` })));
        }),
      );
    nock(BASE)
      .get('/crm/owners/2026-09')
      .reply(
        contractReply(
          429,
          {
            message: 'limit',
            category: 'RATE_LIMITS',
            correlationId: CORRELATION_ID,
            policyName: 'TEN_SECONDLY_ROLLING',
          },
          { 'Retry-After': '2' },
        ),
      );

    const read = await fetch(`${BASE}/crm/objects/2026-09/companies/batch/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batchReadRequest),
    });
    const limited = await fetch(`${BASE}/crm/owners/2026-09`);

    expect(((await read.json()) as { results: { id: string }[] }).results.map((r) => r.id)).toEqual(['101', '102']);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(takeContractViolations()).toEqual([]);
  });

  it('fails the request and records the violation when the request breaks the contract', async () => {
    nock(BASE).post('/crm/objects/2026-09/companies/batch/read').reply(contractReply(200, batchReadResponse));

    const sent = fetch(`${BASE}/crm/objects/2026-09/companies/batch/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ id: 101 }], properties: [], propertiesWithHistory: [] }),
    });

    await expect(sent).rejects.toThrow('fetch failed');
    const violations = takeContractViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain('    - request body: /inputs/0/id: must be string');
    expect(takeContractViolations()).toEqual([]);
  });

  it('accepts the (uri, requestBody) call that nock documents, with the method from this.req', async () => {
    const reply = contractReply(201, { name: 'churn_signals', label: 'Churn signals', archived: false });
    const result = await reply.call({ req: { method: 'POST' } }, '/crm/properties/2026-09/companies/groups', {
      name: 'churn_signals',
      label: 'Churn signals',
    });
    expect(result).toEqual([201, { name: 'churn_signals', label: 'Churn signals', archived: false }]);
    await expect(
      reply.call({ req: { method: 'POST' } }, '/crm/properties/2026-09/companies/groups', '{}'),
    ).rejects.toThrow("    - request body: (root): must have required property 'label'");
  });
});

describe('the OpenAPI 3.0 translation', () => {
  it('turns nullable into a type union, drops example and x- keys, and lets a $ref replace its siblings', () => {
    const id = 'https://hubspot-openapi.invalid/x.json';
    expect(
      toJsonSchema(
        {
          type: 'object',
          example: null,
          'x-hubspot-sub-type-impl': true,
          additionalProperties: { type: 'string', nullable: true, format: 'date-time' },
          properties: {
            level: { type: 'string', enum: ['low', 'high'], nullable: true },
            owner: { $ref: '#/components/schemas/PublicOwner', description: 'ignored', example: {} },
          },
        },
        id,
      ),
    ).toEqual({
      type: 'object',
      additionalProperties: { type: ['string', 'null'], format: 'date-time' },
      properties: {
        level: { type: ['string', 'null'], enum: ['low', 'high', null] },
        owner: { $ref: `${id}#/$defs/PublicOwner` },
      },
    });
  });

  it('compiles every request and response schema of every spec (a keyword the translation missed would throw)', () => {
    let compiled = 0;
    for (const route of specIndex().routes) {
      for (const op of route.operations) {
        const bodies = [op.raw.requestBody, ...Object.values(op.raw.responses as Record<string, unknown>)];
        for (const body of bodies) {
          const content = (body as { content?: Record<string, { schema?: object }> } | undefined)?.content ?? {};
          for (const { schema } of Object.values(content)) {
            if (!schema) continue;
            expect(() => schemaProblems(op.file, schema, {}, 'exact')).not.toThrow();
            compiled++;
          }
        }
      }
    }
    expect(compiled).toBeGreaterThan(200);
  });
});
