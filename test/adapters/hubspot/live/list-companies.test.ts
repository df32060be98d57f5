import { isDeepStrictEqual } from 'node:util';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHubSpotApi, type HubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter, type RequestKind } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import {
  listCompanyIds,
  SEARCH_PAGE_LIMIT,
  type SearchFilterGroup,
  searchCompanyIds,
} from '../../../../src/adapters/hubspot/live/list-companies.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { contractReply, type MockedRequest } from '../../../helpers/hubspot-contract.ts';
import { useStrictNock } from '../../../helpers/strict-nock.ts';
import { hsObject, PORTAL } from '../build.ts';

const BASE = 'https://api.hubspot.test';
const AT = '2026-11-15T12:00:00.000Z';
const SEARCH = '/crm/objects/2026-09/companies/search';

/** The client over a fake clock, recording the kind of each request its limiter let through. */
function testApi(): { api: HubSpotApi; kinds: RequestKind[] } {
  let clock = Date.parse(AT);
  const now = () => clock;
  const sleep = async (ms: number) => {
    await new Promise((resolve) => setImmediate(resolve));
    clock += ms;
  };
  const limiter = createRateLimiter({ now, sleep });
  const kinds: RequestKind[] = [];
  const api = createHubSpotApi({
    baseUrl: BASE,
    accessToken: async () => 'test-token',
    limiter: {
      ...limiter,
      acquire: (portalId, kind = 'default') => {
        kinds.push(kind);
        return limiter.acquire(portalId, kind);
      },
    },
    logger: createLogger({ level: 'silent' }),
    sleep,
    now,
  });
  return { api, kinds };
}

interface SearchBody {
  after: string;
  filterGroups: SearchFilterGroup[];
  limit: number;
  properties: string[];
  sorts: string[];
}

/**
 * HubSpot's company search over `ids` (sorted), as HubSpot limits it: it understands only `hs_object_id GT` filters
 * (what these tests send), and a page reaching past the 10,000th result fails the request.
 */
function serveSearch(ids: readonly number[], bodies: SearchBody[]) {
  nock(BASE)
    .persist()
    .post(SEARCH)
    .reply(
      contractReply(200, (req: MockedRequest) => {
        const body = req.body as SearchBody;
        bodies.push(body);
        const offset = Number(body.after);
        if (offset + body.limit > 10_000) throw new Error('the test sent a query HubSpot refuses (past 10,000)');
        const matches = ids.filter(
          (id) =>
            body.filterGroups.length === 0 ||
            body.filterGroups.some((group) => group.filters.every((f) => f.operator === 'GT' && id > Number(f.value))),
        );
        const page = matches.slice(offset, offset + body.limit);
        return { total: matches.length, results: page.map((id) => hsObject(String(id))) };
      }),
    );
}

useStrictNock();

describe('listCompanyIds', () => {
  it('pages through the companies, 100 per call, asking only for ids', async () => {
    const { api, kinds } = testApi();
    nock(BASE)
      .get('/crm/objects/2026-09/companies')
      .query({ limit: '100', properties: 'hs_object_id', archived: 'false' })
      .reply(contractReply(200, { results: [hsObject('11'), hsObject('12')], paging: { next: { after: '12' } } }))
      .get('/crm/objects/2026-09/companies')
      .query({ limit: '100', after: '12', properties: 'hs_object_id', archived: 'false' })
      .reply(contractReply(200, { results: [hsObject('13')] }));

    await expect(listCompanyIds(api, PORTAL)).resolves.toEqual({ ids: ['11', '12'], next: '12' });
    await expect(listCompanyIds(api, PORTAL, { after: '12' })).resolves.toEqual({ ids: ['13'], next: null });
    expect(kinds).toEqual(['default', 'default']);
  });

  it('never asks for more than the endpoint’s 100 a page', async () => {
    const { api } = testApi();
    nock(BASE)
      .get('/crm/objects/2026-09/companies')
      .query({ limit: '100', properties: 'hs_object_id', archived: 'false' })
      .reply(contractReply(200, { results: [] }));
    await expect(listCompanyIds(api, PORTAL, { limit: 500 })).resolves.toEqual({ ids: [], next: null });
  });
});

describe('searchCompanyIds', () => {
  const renewalSoon: SearchFilterGroup = {
    filters: [{ propertyName: 'churn_renewal_date', operator: 'LTE', value: '2027-02-13' }],
  };
  const customers: SearchFilterGroup = {
    filters: [{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'customer' }],
  };

  it('asks a search page of 200 sorted by id, as a search request', async () => {
    const { api, kinds } = testApi();
    nock(BASE)
      .post(SEARCH, (body) =>
        isDeepStrictEqual(body, {
          after: '0',
          filterGroups: [renewalSoon, customers],
          limit: 200,
          properties: ['hs_object_id'],
          sorts: ['hs_object_id'],
        }),
      )
      .reply(contractReply(200, { total: 201, results: [hsObject('5'), hsObject('9')] }));

    await expect(searchCompanyIds(api, PORTAL, [renewalSoon, customers])).resolves.toEqual({
      ids: ['5', '9'],
      next: '9',
    });
    expect(kinds).toEqual(['search']);
  });

  it('pages by key: the next page adds hs_object_id > the last id to every group', async () => {
    const { api } = testApi();
    const key = { propertyName: 'hs_object_id', operator: 'GT', value: '9' };
    nock(BASE)
      .post(SEARCH, (body) =>
        isDeepStrictEqual(body, {
          after: '0',
          filterGroups: [{ filters: [...renewalSoon.filters, key] }, { filters: [...customers.filters, key] }],
          limit: 200,
          properties: ['hs_object_id'],
          sorts: ['hs_object_id'],
        }),
      )
      .reply(contractReply(200, { total: 1, results: [hsObject('12')] }));

    await expect(searchCompanyIds(api, PORTAL, [renewalSoon, customers], '9')).resolves.toEqual({
      ids: ['12'],
      next: null,
    });
  });

  it('walks past the 10,000-result cap: 10,250 matches in 52 pages, every page within the cap', async () => {
    const { api } = testApi();
    const ids = Array.from({ length: 10_250 }, (_, i) => 3_000_000 + i * 7);
    const bodies: SearchBody[] = [];
    serveSearch(ids, bodies);

    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await searchCompanyIds(api, PORTAL, [], after);
      seen.push(...page.ids);
      after = page.next ?? undefined;
    } while (after !== undefined);

    expect(seen).toEqual(ids.map(String));
    expect(bodies.every((body) => body.after === '0')).toBe(true);
    expect(bodies).toHaveLength(Math.ceil(10_250 / SEARCH_PAGE_LIMIT));
    expect(bodies[0]?.filterGroups).toEqual([]);
    expect(bodies[1]?.filterGroups).toEqual([
      { filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: String(ids[199]) }] },
    ]);
  });

  it('refuses, before any call, a query that the paging filter would push past HubSpot’s filter limits', async () => {
    const { api, kinds } = testApi();
    const wide: SearchFilterGroup = {
      filters: Array.from({ length: 10 }, (_, i) => ({ propertyName: `p${i}`, operator: 'HAS_PROPERTY' as const })),
    };
    await expect(searchCompanyIds(api, PORTAL, [wide])).rejects.toThrow(
      'at most 5 filter groups of 10 filters, 25 in all; with the paging filter this query has 1 groups, 11 filters',
    );
    const six = Array.from({ length: 6 }, () => customers);
    await expect(searchCompanyIds(api, PORTAL, six)).rejects.toThrow(RangeError);
    expect(kinds).toEqual([]);
  });

  it('refuses a cursor that is not a company id', async () => {
    const { api } = testApi();
    await expect(searchCompanyIds(api, PORTAL, [], 'NTI1Cg%3D%3D')).rejects.toThrow(
      'after must be the last company id of the previous page',
    );
  });
});
