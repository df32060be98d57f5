import type { DepartedContact } from '../../core/snapshot.ts';
import type { HubSpotObject, HubSpotWebhookEvent } from './bundle.ts';

const CONTACT_TYPE_ID = '0-1';
// HubSpot-defined association type ids: contact → company (primary, unlabeled) and company → contact.
const CONTACT_TO_COMPANY_IDS = new Set([1, 279]);
const COMPANY_TO_CONTACT_IDS = new Set([2, 280]);

/** What one event says about one contact: left (a departure) or (still / again) with the company. */
interface Fact {
  departure: DepartedContact['reason'] | null;
  at: number;
}

/**
 * Contacts that left the company, from webhook events: an association between the company and a contact removed, or
 * the contact deleted. The latest event per contact wins, so a later association-added (or restore, or merge into a
 * surviving contact) cancels a departure, and so does the contact still being among `contacts`. A contact merged away
 * into another is not a departure. Deletion events carry no company: the bundle's events are trusted to be this
 * company's. Name, title and roles are unknown from an event.
 */
export function departedContacts(
  companyId: string,
  contacts: readonly HubSpotObject[],
  events: readonly HubSpotWebhookEvent[],
): DepartedContact[] {
  const facts = new Map<string, Fact>();
  let mergedAway: Set<string> | undefined;
  for (const event of events) {
    const kind = contactEventKind(event);
    if (kind === null) continue;
    const at = event.occurredAt;
    if (kind === 'association') {
      const contactId = associatedContact(companyId, event);
      const departure = event.associationRemoved === true ? 'association_removed' : null;
      if (contactId !== null) note(facts, contactId, departure, at);
    } else if (kind === 'deletion') {
      if (event.objectId !== undefined) note(facts, String(event.objectId), 'deleted', at);
    } else if (kind === 'restore') {
      if (event.objectId !== undefined) note(facts, String(event.objectId), null, at);
    } else {
      mergedAway ??= new Set();
      for (const id of event.mergedObjectIds ?? []) mergedAway.add(String(id));
      for (const id of [event.primaryObjectId, event.newObjectId, event.objectId]) {
        if (id !== undefined) note(facts, String(id), null, at);
      }
    }
  }
  if (facts.size === 0) return [];

  const present = new Set<string>();
  for (const contact of contacts) present.add(contact.id);
  const departed: DepartedContact[] = [];
  for (const [id, fact] of facts) {
    if (fact.departure === null || present.has(id) || mergedAway?.has(id)) continue;
    departed.push({ id, reason: fact.departure, at: fact.at, name: null, title: null, roles: null });
  }
  return departed.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Events arrive in any order: the latest occurrence wins; on a tie, the later one in the bundle. */
function note(facts: Map<string, Fact>, contactId: string, departure: Fact['departure'], at: number): void {
  const known = facts.get(contactId);
  if (known === undefined || at >= known.at) facts.set(contactId, { departure, at });
}

type ContactEventKind = 'association' | 'deletion' | 'restore' | 'merge';

function contactEventKind(event: HubSpotWebhookEvent): ContactEventKind | null {
  switch (event.subscriptionType) {
    case 'contact.associationChange':
    case 'company.associationChange':
    case 'object.associationChange':
      return 'association';
    case 'contact.deletion':
    case 'contact.privacyDeletion':
      return 'deletion';
    case 'contact.restore':
      return 'restore';
    case 'contact.merge':
      return 'merge';
    case 'object.deletion':
    case 'object.privacyDeletion':
      return event.objectTypeId === CONTACT_TYPE_ID ? 'deletion' : null;
    case 'object.restore':
      return event.objectTypeId === CONTACT_TYPE_ID ? 'restore' : null;
    case 'object.merge':
      return event.objectTypeId === CONTACT_TYPE_ID ? 'merge' : null;
    default:
      return null;
  }
}

/** The contact at the other end of an association event whose company end is this company; null otherwise. */
function associatedContact(companyId: string, event: HubSpotWebhookEvent): string | null {
  if (event.fromObjectId === undefined || event.toObjectId === undefined) return null;
  const from = String(event.fromObjectId);
  const to = String(event.toObjectId);
  let direction: 'contact_to_company' | 'company_to_contact' | null = null;
  const type = event.associationType?.toUpperCase();
  if (type !== undefined) {
    if (type.startsWith('CONTACT_TO_COMPANY')) direction = 'contact_to_company';
    else if (type.startsWith('COMPANY_TO_CONTACT')) direction = 'company_to_contact';
    else return null;
  } else if (event.associationTypeId !== undefined && event.associationCategory !== 'USER_DEFINED') {
    if (CONTACT_TO_COMPANY_IDS.has(event.associationTypeId)) direction = 'contact_to_company';
    else if (COMPANY_TO_CONTACT_IDS.has(event.associationTypeId)) direction = 'company_to_contact';
    else return null;
  } else if (
    event.subscriptionType === 'contact.associationChange' ||
    (event.subscriptionType === 'object.associationChange' && event.objectTypeId === CONTACT_TYPE_ID)
  ) {
    // Without a type, a contact's event says only "to some object": accept it when that object is this company.
    direction = 'contact_to_company';
  } else {
    return null; // a company's association to an object of unknown type
  }
  if (direction === 'contact_to_company') return to === companyId ? from : null;
  return from === companyId ? to : null;
}
