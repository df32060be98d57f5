import type { ObjectType } from './portal-seed.ts';

/**
 * HubSpot-defined association type ids between the sandbox's object types, per direction, from the "Association type
 * ID values" tables of https://developers.hubspot.com/docs/api-reference/legacy/crm/associations/associate-records/guide.
 * Every associated pair has the unlabeled type; a contact, deal or ticket may also have a company as its primary one
 * ("Contact to primary company" 1, "Company to primary contact" 2, …).
 */
export type AssociationKind = 'unlabeled' | 'primary';

/** [a, b, a→b unlabeled, b→a unlabeled, a→b primary?, b→a primary?] */
type Row = readonly [ObjectType, ObjectType, number, number, number?, number?];

const ROWS: readonly Row[] = [
  ['contacts', 'companies', 279, 280, 1, 2],
  ['deals', 'companies', 341, 342, 5, 6],
  ['tickets', 'companies', 339, 340, 26, 25],
  ['calls', 'companies', 182, 181],
  ['emails', 'companies', 186, 185],
  ['meetings', 'companies', 188, 187],
  ['notes', 'companies', 190, 189],
  ['tasks', 'companies', 192, 191],
  ['feedback_submissions', 'companies', 928, 929],
  ['contacts', 'deals', 4, 3],
  ['contacts', 'tickets', 15, 16],
  ['calls', 'contacts', 194, 193],
  ['emails', 'contacts', 198, 197],
  ['meetings', 'contacts', 200, 199],
  ['notes', 'contacts', 202, 201],
  ['tasks', 'contacts', 204, 203],
  ['feedback_submissions', 'contacts', 98, 97],
  ['deals', 'tickets', 27, 28],
  ['calls', 'deals', 206, 205],
  ['emails', 'deals', 210, 209],
  ['meetings', 'deals', 212, 211],
  ['notes', 'deals', 214, 213],
  ['tasks', 'deals', 216, 215],
  ['feedback_submissions', 'deals', 984, 985],
  ['calls', 'tickets', 220, 219],
  ['emails', 'tickets', 224, 223],
  ['meetings', 'tickets', 226, 225],
  ['notes', 'tickets', 228, 227],
  ['tasks', 'tickets', 230, 229],
  ['feedback_submissions', 'tickets', 100, 99],
  ['feedback_submissions', 'calls', 1155, 1156],
];

const TYPE_IDS = new Map<string, Partial<Record<AssociationKind, number>>>();
for (const [a, b, ab, ba, abPrimary, baPrimary] of ROWS) {
  TYPE_IDS.set(`${a}>${b}`, { unlabeled: ab, ...(abPrimary === undefined ? {} : { primary: abPrimary }) });
  TYPE_IDS.set(`${b}>${a}`, { unlabeled: ba, ...(baPrimary === undefined ? {} : { primary: baPrimary }) });
}

/** Whether HubSpot defines associations between the two types (in either direction: the table is symmetric). */
export function canAssociate(from: ObjectType, to: ObjectType): boolean {
  return TYPE_IDS.has(`${from}>${to}`);
}

/** The type id of `kind` from `from` to `to`, or null when HubSpot defines none. */
export function associationTypeId(from: ObjectType, to: ObjectType, kind: AssociationKind): number | null {
  return TYPE_IDS.get(`${from}>${to}`)?.[kind] ?? null;
}

/** The kind a HUBSPOT_DEFINED type id stands for in this direction, or null when it is not one of the pair's. */
export function associationKindOf(from: ObjectType, to: ObjectType, typeId: number): AssociationKind | null {
  const ids = TYPE_IDS.get(`${from}>${to}`);
  if (ids?.unlabeled === typeId) return 'unlabeled';
  if (ids?.primary === typeId) return 'primary';
  return null;
}
