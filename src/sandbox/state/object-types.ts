import { OBJECT_TYPES, type ObjectType } from './portal-seed.ts';

/**
 * HubSpot's object type ids (https://developers.hubspot.com/docs/guides/crm/understanding-the-crm#object-type-ids),
 * which paths accept in place of the names, and which lists and association answers carry.
 */
export const OBJECT_TYPE_IDS: Readonly<Record<ObjectType, string>> = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tickets: '0-5',
  feedback_submissions: '0-19',
  tasks: '0-27',
  notes: '0-46',
  meetings: '0-47',
  calls: '0-48',
  emails: '0-49',
};

/** The singular names HubSpot uses in association type names (`contact_to_company`) and `associations.company`. */
export const SINGULAR: Readonly<Record<ObjectType, string>> = {
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  emails: 'email',
  calls: 'call',
  meetings: 'meeting',
  notes: 'note',
  tasks: 'task',
  feedback_submissions: 'feedback_submission',
};

const BY_ALIAS = new Map<string, ObjectType>();
for (const type of OBJECT_TYPES) {
  BY_ALIAS.set(type, type);
  BY_ALIAS.set(SINGULAR[type], type);
  BY_ALIAS.set(OBJECT_TYPE_IDS[type], type);
}

/** The object type a path segment names (`companies`, `company`, `0-2`; case-insensitive), or null. */
export function objectTypeOf(segment: string): ObjectType | null {
  return BY_ALIAS.get(segment.toLowerCase()) ?? null;
}

/** The object type whose singular name is `name` (`company` → companies), for `associations.company`. */
export function objectTypeOfSingular(name: string): ObjectType | null {
  const type = BY_ALIAS.get(name.toLowerCase());
  return type !== undefined && SINGULAR[type] === name.toLowerCase() ? type : null;
}
