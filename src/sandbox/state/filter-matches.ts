import type { ObjectType } from './portal-seed.ts';
import type { PropertyRecord } from './property-record.ts';
import { invalid } from './state-error.ts';
import { currentValue, type StoredObject } from './stored-object.ts';
import { instant } from './validate-values.ts';

/** A Filter of crm-objects-2026-09.json's PublicObjectSearchRequest. */
export interface SearchFilter {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
  highValue?: string;
}

export interface FilterContext {
  definitionOf(name: string): PropertyRecord | undefined;
  /** For `associations.{type}`: the ids of that type associated with the record. */
  associatedIds(object: StoredObject, toType: ObjectType): string[];
  /** The object type `associations.{name}` names (`company` → companies), or null. */
  associationType(name: string): ObjectType | null;
}

/**
 * Whether the record passes the filter, with HubSpot's semantics
 * (https://developers.hubspot.com/docs/api-reference/search/guide#filter-search-results): values compare by the
 * property's type (numbers as numbers, dates as instants, strings case-insensitively), a multiple-checkbox value
 * matches any of its options, "no value" is an empty or missing value and passes only the negative operators.
 * `associations.company` (any object type's singular name) filters on the ids of the associated records.
 */
export function filterMatches(object: StoredObject, filter: SearchFilter, context: FilterContext): boolean {
  const association = /^associations\.(.+)$/.exec(filter.propertyName);
  if (association) {
    const toType = context.associationType(association[1] as string);
    if (toType === null) throw invalid(`${filter.propertyName} is not a searchable association`);
    return matchValues(context.associatedIds(object, toType), filter, (a, b) => compareText(a, b), true);
  }
  const value = currentValue(object, filter.propertyName);
  const definition = context.definitionOf(filter.propertyName);
  const values = value === undefined || value === '' ? [] : splitValue(value, definition);
  return matchValues(values, filter, comparator(definition), false);
}

function matchValues(
  values: readonly string[],
  filter: SearchFilter,
  compare: (a: string, b: string) => number | null,
  ids: boolean,
): boolean {
  const equal = (v: string, target: string) => compare(v, target) === 0;
  const single = () => filter.value as string;
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return values.length > 0;
    case 'NOT_HAS_PROPERTY':
      return values.length === 0;
    case 'EQ':
      return values.some((v) => equal(v, single()));
    case 'NEQ':
      return !values.some((v) => equal(v, single()));
    case 'IN':
      return values.some((v) => (filter.values ?? []).some((target) => equal(v, target)));
    case 'NOT_IN':
      return !values.some((v) => (filter.values ?? []).some((target) => equal(v, target)));
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      if (ids) throw invalid(`${filter.operator} does not apply to ${filter.propertyName}`);
      return values.some((v) => ordered(compare(v, single()), filter.operator));
    }
    case 'BETWEEN':
      return values.some(
        (v) => ordered(compare(v, single()), 'GTE') && ordered(compare(v, filter.highValue as string), 'LTE'),
      );
    case 'CONTAINS_TOKEN':
      return values.some((v) => containsToken(v, single()));
    case 'NOT_CONTAINS_TOKEN':
      return !values.some((v) => containsToken(v, single()));
    default:
      throw invalid(`Unknown filter operator ${filter.operator}`);
  }
}

function ordered(result: number | null, operator: string): boolean {
  if (result === null) return false;
  if (operator === 'LT') return result < 0;
  if (operator === 'LTE') return result <= 0;
  if (operator === 'GT') return result > 0;
  return result >= 0;
}

/** A multiple checkbox holds several options, `;`-separated: each is one value. */
function splitValue(value: string, definition: PropertyRecord | undefined): string[] {
  return definition?.type === 'enumeration' && definition.fieldType === 'checkbox' ? value.split(';') : [value];
}

/** How two values of the property compare; null when either does not read as the property's type. */
export function comparator(definition: PropertyRecord | undefined): (a: string, b: string) => number | null {
  switch (definition?.type) {
    case 'number':
      return (a, b) => compareNumbers(Number(a), Number(b));
    case 'date':
    case 'datetime':
      return (a, b) => compareNumbers(instant(a) ?? Number.NaN, instant(b) ?? Number.NaN);
    default:
      return compareText;
  }
}

function compareNumbers(a: number, b: number): number | null {
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** CONTAINS_TOKEN: a word of the value equals the token, `*` matching any characters within it. */
function containsToken(value: string, token: string): boolean {
  const pattern = new RegExp(
    `^${token
      .toLowerCase()
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  const words = value.toLowerCase().split(/[^\p{L}\p{N}_@.'-]+/u);
  return pattern.test(value.toLowerCase()) || words.some((word) => pattern.test(word));
}
