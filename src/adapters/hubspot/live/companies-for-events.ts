import type { PortalId } from '../../../store/store.ts';
import type { HubSpotWebhookEvent } from '../bundle.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { readAssociations } from './read-associations.ts';
import { companyEnds, eventSubject, idOf } from './read-event-subject.ts';

/** Where an event leads: companies named by the event itself, or an object whose companies must be looked up. */
type Target = { companies: string[] } | { lookup: { objectType: string; id: string } };

/**
 * The companies these events affect, each with its events (in their order, each at most once): the accounts to
 * re-score. Events are thin (DESIGN §5), so this only says *which* companies; loadBundles re-reads their state.
 * - A company event maps to the company itself; a merge to the surviving company (newObjectId, else primaryObjectId);
 *   the companies merged away no longer exist.
 * - An association change maps to its company end(s) directly, without a lookup: a contact removed from a company
 *   still reaches its former company, which is how that company learns of the departure (departed-contacts.ts). An
 *   association with no company end changes no bundle and is dropped. One that does not say which end is which
 *   counts as a change of the subscribed object (below).
 * - Any other change of a contact, deal, ticket, engagement or feedback submission maps to the companies the object
 *   is associated with now: ONE association batch read per object type (→ companies, 1,000 ids per call) for all
 *   the events. A merge of such objects looks up the surviving object.
 * - Deletions (and privacy deletions) are dropped: a deleted object can no longer be looked up, and a deleted
 *   company has no account to score. A deletion event names no company (BUNDLE.md), so a company learns that a
 *   contact of its left only through association events naming it (association removed), mapped above.
 * - Events about objects no bundle holds (products, line items, conversations, …) are dropped.
 */
export async function companiesForEvents(
  api: HubSpotApi,
  portalId: PortalId,
  events: readonly HubSpotWebhookEvent[],
): Promise<Map<string, HubSpotWebhookEvent[]>> {
  const targets: (Target | null)[] = [];
  const lookups = new Map<string, Set<string>>();
  for (const event of events) {
    if (event.portalId !== portalId) {
      throw new TypeError(`companiesForEvents: event ${event.eventId} is of portal ${event.portalId}, not ${portalId}`);
    }
    const target = targetOf(event);
    targets.push(target);
    if (target !== null && 'lookup' in target) {
      const { objectType, id } = target.lookup;
      lookups.set(objectType, (lookups.get(objectType) ?? new Set()).add(id));
    }
  }

  const companiesOf = new Map<string, Map<string, string[]>>();
  await Promise.all(
    [...lookups].map(async ([objectType, ids]) => {
      companiesOf.set(objectType, await readAssociations(api, portalId, objectType, 'companies', [...ids]));
    }),
  );

  const out = new Map<string, Set<HubSpotWebhookEvent>>();
  events.forEach((event, i) => {
    const target = targets[i];
    if (target === undefined || target === null) return;
    const companies =
      'companies' in target
        ? target.companies
        : (companiesOf.get(target.lookup.objectType)?.get(target.lookup.id) ?? []);
    for (const companyId of companies) {
      const list = out.get(companyId) ?? new Set<HubSpotWebhookEvent>();
      out.set(companyId, list.add(event));
    }
  });
  return new Map([...out].map(([companyId, list]) => [companyId, [...list]]));
}

function targetOf(event: HubSpotWebhookEvent): Target | null {
  const subject = eventSubject(event);
  if (subject === null) return null;
  const { objectType, action } = subject;
  if (action === 'associationChange') {
    // Generic association events may name no objectTypeId: their ends say enough.
    const ends = companyEnds(event);
    if (ends !== null) return ends.length === 0 ? null : { companies: ends };
    // The event does not say which end is which: the subscribed object is its "from" end.
    return objectTarget(objectType, idOf(event.fromObjectId) ?? idOf(event.objectId));
  }
  switch (action) {
    case 'deletion':
    case 'privacyDeletion':
      return null;
    case 'merge':
      return objectTarget(objectType, idOf(event.newObjectId) ?? idOf(event.primaryObjectId) ?? idOf(event.objectId));
    default:
      return objectTarget(objectType, idOf(event.objectId));
  }
}

/** A company is its own target; any other record leads to the companies it is associated with. */
function objectTarget(objectType: string | null, id: string | null): Target | null {
  if (objectType === null || id === null) return null;
  return objectType === 'companies' ? { companies: [id] } : { lookup: { objectType, id } };
}
