import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';

/** A page of company ids and the cursor of the next one (null after the last). */
export interface CompanyIdPage {
  ids: string[];
  next: string | null;
}

/** The list endpoint's largest page. */
export const LIST_PAGE_LIMIT = 100;

interface ListResponse {
  results: { id: string }[];
  paging?: { next?: { after: string } };
}

/**
 * One page of the portal's companies (archived ones left out), for the backfill: GET /crm/objects/2026-09/companies
 * paged by `after`, asking for no property but the id. Unlike search it has no 10,000-result cap and counts against
 * the general limit only; pass the returned `next` as `after` until it is null.
 */
export async function listCompanyIds(
  api: HubSpotApi,
  portalId: PortalId,
  options: { after?: string; limit?: number } = {},
): Promise<CompanyIdPage> {
  const limit = Math.min(options.limit ?? LIST_PAGE_LIMIT, LIST_PAGE_LIMIT);
  const page = await api.request<ListResponse>(portalId, {
    method: 'GET',
    path: '/crm/objects/2026-09/companies',
    query: { limit, after: options.after, properties: ['hs_object_id'], archived: false },
  });
  return { ids: page.results.map((company) => company.id), next: page.paging?.next?.after ?? null };
}

export interface SearchFilter {
  propertyName: string;
  operator:
    | 'BETWEEN'
    | 'CONTAINS_TOKEN'
    | 'EQ'
    | 'GT'
    | 'GTE'
    | 'HAS_PROPERTY'
    | 'IN'
    | 'LT'
    | 'LTE'
    | 'NEQ'
    | 'NOT_CONTAINS_TOKEN'
    | 'NOT_HAS_PROPERTY'
    | 'NOT_IN';
  value?: string;
  values?: string[];
  highValue?: string;
}

export interface SearchFilterGroup {
  filters: SearchFilter[];
}

/** Search's page size, and its filter limits (https://developers.hubspot.com/changelog/breaking-change-expanded-filtering-capabilities-and-error-messaging-in-hubspots-search-api). */
export const SEARCH_PAGE_LIMIT = 200;
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 10;
export const MAX_FILTERS = 25;

interface SearchResponse {
  total: number;
  results: { id: string }[];
}

/**
 * One page (200) of the ids of the companies matching `filterGroups` (OR of groups, AND within a group), for the daily
 * sweep: POST /crm/objects/2026-09/companies/search, which HubSpot limits to 5 requests a second (rate-limit-kind.ts) and
 * to 10,000 results per query: its `after` offset fails past that. So this pages by key instead of by offset: results
 * sorted by hs_object_id, and each next page adds `hs_object_id > <last id>` to every group; the cursor is that last id.
 * Every page is then a fresh query of at most 200 results, however many companies match. The key filter takes one
 * filter per group, so each group may hold at most 9 of the caller's filters, 25 minus the groups in all.
 */
export async function searchCompanyIds(
  api: HubSpotApi,
  portalId: PortalId,
  filterGroups: readonly SearchFilterGroup[],
  after?: string,
): Promise<CompanyIdPage> {
  if (after !== undefined && !/^\d+$/.test(after)) {
    throw new TypeError(`searchCompanyIds: after must be the last company id of the previous page, not "${after}"`);
  }
  const base = filterGroups.length === 0 ? [{ filters: [] }] : filterGroups;
  // Checked with the key filter every page after the first adds, so a sweep fails on its first page, not its 51st.
  checkLimits(keyed(base, after ?? '0'));
  const groups = keyed(base, after);
  const page = await api.request<SearchResponse>(portalId, {
    method: 'POST',
    path: '/crm/objects/2026-09/companies/search',
    body: {
      after: '0',
      filterGroups: groups.filter((group) => group.filters.length > 0),
      limit: SEARCH_PAGE_LIMIT,
      properties: ['hs_object_id'],
      // The 2026-09 spec declares sorts as strings: a property name sorts ascending.
      sorts: ['hs_object_id'],
    },
  });
  const ids = page.results.map((company) => company.id);
  const last = ids.at(-1);
  return { ids, next: last !== undefined && page.total > ids.length ? last : null };
}

function keyed(groups: readonly SearchFilterGroup[], after: string | undefined): SearchFilterGroup[] {
  if (after === undefined) return groups.map((group) => ({ filters: [...group.filters] }));
  const key: SearchFilter = { propertyName: 'hs_object_id', operator: 'GT', value: after };
  return groups.map((group) => ({ filters: [...group.filters, key] }));
}

function checkLimits(groups: readonly SearchFilterGroup[]): void {
  const total = groups.reduce((sum, group) => sum + group.filters.length, 0);
  const widest = Math.max(...groups.map((group) => group.filters.length));
  if (groups.length > MAX_FILTER_GROUPS || widest > MAX_FILTERS_PER_GROUP || total > MAX_FILTERS) {
    throw new RangeError(
      `searchCompanyIds: HubSpot search takes at most ${MAX_FILTER_GROUPS} filter groups of ${MAX_FILTERS_PER_GROUP} ` +
        `filters, ${MAX_FILTERS} in all; with the paging filter this query has ${groups.length} groups, ` +
        `${widest} filters in the widest and ${total} in all`,
    );
  }
}
