import { compareIds } from './compare-ids.ts';
import { comparator, type FilterContext, filterMatches, type SearchFilter } from './filter-matches.ts';
import { invalid } from './state-error.ts';
import { currentValue, propertyNames, type StoredObject } from './stored-object.ts';

/** A PublicObjectSearchRequest of crm-objects-2026-09.json, `after` read as the offset it is. */
export interface SearchQuery {
  filterGroups: { filters: SearchFilter[] }[];
  /** Property names, each sorting ascending (the 2026-09 spec declares sorts as strings). */
  sorts: string[];
  query?: string;
  limit: number;
  after: number;
}

export interface SearchPage {
  /** Every match, past the 10,000 a query can page through included. */
  total: number;
  results: StoredObject[];
  /** The `after` of the next page; null after the last one (or at the 10,000-result cap). */
  next: number | null;
}

/**
 * HubSpot's search limits (https://developers.hubspot.com/docs/api-reference/search/guide#limitations and
 * https://developers.hubspot.com/changelog/breaking-change-expanded-filtering-capabilities-and-error-messaging-in-hubspots-search-api):
 * 200 results a page, 10,000 results a query (paging past them answers 400), 5 filter groups of 10 filters, 25 in all.
 */
export const SEARCH_PAGE_MAX = 200;
export const SEARCH_RESULT_CAP = 10_000;
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 10;
export const MAX_FILTERS = 25;

/** One page of the records matching the query: any group (OR) whose filters all match (AND), sorted, then paged. */
export function searchObjects(records: readonly StoredObject[], q: SearchQuery, context: FilterContext): SearchPage {
  checkQuery(q);
  const text = q.query?.trim().toLowerCase();
  const matches = records.filter(
    (record) =>
      (q.filterGroups.length === 0 ||
        q.filterGroups.some((group) => group.filters.every((filter) => filterMatches(record, filter, context)))) &&
      (!text || propertyNames(record).some((name) => currentValue(record, name)?.toLowerCase().includes(text))),
  );
  const sorted = matches.sort((a, b) => {
    for (const name of q.sorts) {
      const order = compareBy(a, b, name, context);
      if (order !== 0) return order;
    }
    return compareIds(a.id, b.id);
  });
  const end = Math.min(q.after + q.limit, SEARCH_RESULT_CAP, sorted.length);
  return {
    total: sorted.length,
    results: sorted.slice(q.after, end),
    next: end < Math.min(sorted.length, SEARCH_RESULT_CAP) ? end : null,
  };
}

/** Ascending, records without a value last. */
function compareBy(a: StoredObject, b: StoredObject, name: string, context: FilterContext): number {
  const x = currentValue(a, name) || undefined;
  const y = currentValue(b, name) || undefined;
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  return comparator(context.definitionOf(name))(x, y) ?? 0;
}

function checkQuery(q: SearchQuery): void {
  if (!Number.isInteger(q.limit) || q.limit < 0 || q.limit > SEARCH_PAGE_MAX) {
    throw invalid(`limit must be between 0 and ${SEARCH_PAGE_MAX}, got ${q.limit}`, {
      context: { limit: [String(q.limit)] },
    });
  }
  if (!Number.isInteger(q.after) || q.after < 0) {
    throw invalid(`after must be a paging cursor from a previous page, got ${q.after}`);
  }
  if (q.after >= SEARCH_RESULT_CAP) {
    throw invalid(
      `Search results are limited to ${SEARCH_RESULT_CAP} per query: after ${q.after} is past them. Narrow the query (e.g. filter on hs_object_id) to read further.`,
      { context: { after: [String(q.after)] } },
    );
  }
  const total = q.filterGroups.reduce((sum, group) => sum + group.filters.length, 0);
  if (q.filterGroups.length > MAX_FILTER_GROUPS) {
    throw invalid(`Too many filter groups (${q.filterGroups.length}); the limit is ${MAX_FILTER_GROUPS}.`);
  }
  if (q.filterGroups.some((group) => group.filters.length > MAX_FILTERS_PER_GROUP)) {
    throw invalid(`Too many filters in a filter group; the limit is ${MAX_FILTERS_PER_GROUP}.`);
  }
  if (total > MAX_FILTERS) throw invalid(`Too many filters (${total}); the limit is ${MAX_FILTERS}.`);
  for (const filter of q.filterGroups.flatMap((group) => group.filters)) checkFilter(filter);
}

function checkFilter(f: SearchFilter): void {
  const needs = (what: string) =>
    invalid(`Filter on ${f.propertyName} with operator ${f.operator} needs ${what}`, {
      context: { propertyName: [f.propertyName], operator: [f.operator] },
    });
  switch (f.operator) {
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      return;
    case 'IN':
    case 'NOT_IN':
      if (!f.values || f.values.length === 0) throw needs('values');
      return;
    case 'BETWEEN':
      if (f.value === undefined || f.highValue === undefined) throw needs('value and highValue');
      return;
    default:
      if (f.value === undefined) throw needs('a value');
  }
}
