import type { HubSpotWebhookEvent } from '../adapters/hubspot/bundle.ts';
import type { Snapshot } from '../core/snapshot.ts';
import { DAY, type Instant } from '../core/time.ts';
import type { AccountMemory, KnownContact } from '../store/store.ts';

/** How long the memory keeps what it learned: past the longest signal window (180 days) with room to spare. */
const KEEP_DAYS = 200;
const MAX_EVENTS = 500;
const MAX_CONTACTS = 500;

/**
 * What a company must remember between assessments (DESIGN §2 champion_departed: a removed or deleted contact is
 * only visible in the events; the CRM no longer lists it). Pure: the worker loads and saves it.
 */
export interface CompanyMemory extends AccountMemory {
  knownContacts?: KnownContact[];
  /** Events that say something is gone (association removed, deletion, merge), as received. */
  events?: HubSpotWebhookEvent[];
}

const LASTING = /associationChange|deletion|privacyDeletion|merge|restore/;

/** Keeps the events about removals, deletions and merges; an event seen twice is kept once. */
export function rememberEvents(
  memory: CompanyMemory,
  events: readonly HubSpotWebhookEvent[],
  now: Instant,
): CompanyMemory {
  const kept = new Map<string, HubSpotWebhookEvent>();
  for (const event of [...(memory.events ?? []), ...events]) {
    if (!LASTING.test(event.subscriptionType) || now - event.occurredAt > KEEP_DAYS * DAY) continue;
    kept.set(eventKey(event), event);
  }
  const all = [...kept.values()].sort((a, b) => a.occurredAt - b.occurredAt).slice(-MAX_EVENTS);
  return { ...memory, events: all };
}

/** Remembers every current contact's name, title and roles, so one who leaves can still be named. */
export function rememberContacts(memory: CompanyMemory, snapshot: Snapshot, now: Instant): CompanyMemory {
  const known = new Map((memory.knownContacts ?? []).map((c) => [c.id, c]));
  for (const c of snapshot.contacts) {
    known.set(c.id, { id: c.id, name: c.name, title: c.title, roles: c.roles, seenAt: now });
  }
  const recent = [...known.values()]
    .filter((c) => now - c.seenAt <= KEEP_DAYS * DAY)
    .sort((a, b) => b.seenAt - a.seenAt)
    .slice(0, MAX_CONTACTS);
  return { ...memory, knownContacts: recent };
}

/** The snapshot with each departed contact named as last seen (the events alone carry only an id). */
export function nameDepartures(snapshot: Snapshot, memory: CompanyMemory): Snapshot {
  if (snapshot.departedContacts.length === 0 || !memory.knownContacts?.length) return snapshot;
  const known = new Map(memory.knownContacts.map((c) => [c.id, c]));
  return {
    ...snapshot,
    departedContacts: snapshot.departedContacts.map((d) => {
      const last = known.get(d.id);
      return last ? { ...d, name: d.name ?? last.name, title: d.title ?? last.title, roles: d.roles ?? last.roles } : d;
    }),
  };
}

function eventKey(e: HubSpotWebhookEvent): string {
  return [e.subscriptionType, e.objectId ?? '', e.fromObjectId ?? '', e.toObjectId ?? '', e.occurredAt].join('|');
}
