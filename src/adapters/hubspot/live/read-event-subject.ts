import type { HubSpotWebhookEvent } from '../bundle.ts';

/**
 * What a webhook event is about, in the terms companiesForEvents needs: the object type (as HubSpot's paths name it)
 * and the kind of change. Both subscription styles are read: legacy `contact.*`, `company.*`, `deal.*`, `ticket.*`
 * and generic `object.*` with `objectTypeId`
 * (https://developers.hubspot.com/changelog/public-beta-generic-webhook-subscriptions).
 */
export interface EventSubject {
  /** Null for objects no bundle holds (products, line items, conversations, …). */
  objectType: string | null;
  /** creation, propertyChange, deletion, privacyDeletion, merge, restore, associationChange, … */
  action: string;
}

/** HubSpot's object type ids of the records a bundle holds (https://developers.hubspot.com/docs/guides/crm/using-object-apis). */
export const OBJECT_TYPES_BY_ID: Readonly<Record<string, string>> = {
  '0-1': 'contacts',
  '0-2': 'companies',
  '0-3': 'deals',
  '0-5': 'tickets',
  '0-46': 'notes',
  '0-47': 'meetings',
  '0-48': 'calls',
  '0-49': 'emails',
  '0-27': 'tasks',
  '0-19': 'feedback_submissions',
};

const LEGACY_TYPES: Readonly<Record<string, string>> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  ticket: 'tickets',
};

/** The subject of the event; null when its subscription type is not `<object>.<action>`. */
export function eventSubject(event: HubSpotWebhookEvent): EventSubject | null {
  const type = event.subscriptionType;
  const dot = type.indexOf('.');
  if (dot === -1) return null;
  const prefix = type.slice(0, dot);
  const action = type.slice(dot + 1);
  const objectType =
    prefix === 'object'
      ? OBJECT_TYPES_BY_ID[event.objectTypeId ?? stringField(event, 'fromObjectTypeId') ?? '']
      : LEGACY_TYPES[prefix];
  return { objectType: objectType ?? null, action };
}

/** A string field HubSpot sends that the bundle schema keeps without naming (it is a loose object). */
export function stringField(event: HubSpotWebhookEvent, name: string): string | undefined {
  const value = (event as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** An object id HubSpot sent as a number or a string of digits, as a string. */
export function idOf(value: string | number | undefined): string | null {
  return value === undefined ? null : String(value);
}

// HubSpot-defined association type ids with a company end (https://developers.hubspot.com/docs/api-reference/latest/crm/associations/overview):
// contact → company 1 (primary) and 279, deal → company 5 and 341, ticket → company 26 and 339; the reverse types;
// parent ↔ child company 13 and 14.
const TO_COMPANY_TYPE_IDS = new Set([1, 279, 5, 341, 26, 339]);
const FROM_COMPANY_TYPE_IDS = new Set([2, 280, 6, 342, 25, 340]);
const COMPANY_TO_COMPANY_TYPE_IDS = new Set([13, 14]);

/**
 * The company ids at the ends of an association event: from its object type ids (generic events), else its
 * associationType (`CONTACT_TO_COMPANY`, `COMPANY_TO_DEAL`, `PARENT_TO_CHILD_COMPANY`, …), else a HubSpot-defined type
 * id. [] when neither end is a company; null when the event does not say which end is which.
 */
export function companyEnds(event: HubSpotWebhookEvent): string[] | null {
  const from = idOf(event.fromObjectId);
  const to = idOf(event.toObjectId);
  if (from === null || to === null) return null;
  const ends = (fromIsCompany: boolean, toIsCompany: boolean) => [
    ...(fromIsCompany ? [from] : []),
    ...(toIsCompany && to !== from ? [to] : []),
  ];

  const fromTypeId = stringField(event, 'fromObjectTypeId');
  const toTypeId = stringField(event, 'toObjectTypeId');
  if (fromTypeId !== undefined && toTypeId !== undefined) return ends(fromTypeId === '0-2', toTypeId === '0-2');

  const type = event.associationType?.toUpperCase();
  const split = type?.indexOf('_TO_') ?? -1;
  if (type !== undefined && split > 0) {
    const left = type.slice(0, split);
    const right = type.slice(split + 4);
    const companyToCompany = /^(PARENT|CHILD)(_COMPANY)?$/.test(left) && /^(PARENT|CHILD)_COMPANY/.test(right);
    return ends(companyToCompany || isCompany(left), companyToCompany || isCompany(right));
  }

  const typeId = event.associationTypeId;
  if (typeId !== undefined && event.associationCategory !== 'USER_DEFINED') {
    if (COMPANY_TO_COMPANY_TYPE_IDS.has(typeId)) return ends(true, true);
    if (TO_COMPANY_TYPE_IDS.has(typeId)) return ends(false, true);
    if (FROM_COMPANY_TYPE_IDS.has(typeId)) return ends(true, false);
  }
  return null;
}

/** `COMPANY`, `COMPANY_UNLABELED`, `PARENT_COMPANY`: the side of an associationType naming a company. */
function isCompany(side: string): boolean {
  return side === 'COMPANY' || side.startsWith('COMPANY_') || side.endsWith('_COMPANY');
}
