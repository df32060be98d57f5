import type { HubSpotObject, HubSpotWebhookEvent } from '../../../src/adapters/hubspot/bundle.ts';
import type { DemoPortalSeed, ObjectType, TimelineStep } from '../../../src/sandbox/demo/demo-seed.ts';

export interface Played {
  portal: DemoPortalSeed;
  /** The webhook events HubSpot would send about each company (departures), by company id. */
  events: Map<string, HubSpotWebhookEvent[]>;
}

const iso = (at: number) => new Date(at).toISOString();

/**
 * Plays timeline steps on a copy of a portal seed, as HubSpot would apply them at `start + atMs`: updates keep the
 * property history, creates add the record and its associations, dissociations remove the pair and send a
 * `contact.associationChange` event, deletions archive the record.
 */
export function applyTimeline(seed: DemoPortalSeed, steps: readonly TimelineStep[], start: number): Played {
  const portal = structuredClone(seed) as DemoPortalSeed;
  const events = new Map<string, HubSpotWebhookEvent[]>();
  const find = (type: ObjectType, id: string) => {
    const object = portal.objects[type]?.find((o) => o.id === id);
    if (!object) throw new Error(`no ${type} ${id} in the portal`);
    return object;
  };
  let eventId = 1;
  for (const { atMs, change } of steps) {
    const at = start + atMs;
    switch (change.op) {
      case 'update': {
        const object = find(change.objectType, change.id);
        for (const [name, value] of Object.entries(change.properties)) setProperty(object, name, value, at);
        object.updatedAt = iso(at);
        break;
      }
      case 'create': {
        portal.objects[change.objectType] = [
          ...(portal.objects[change.objectType] ?? []),
          structuredClone(change.object),
        ];
        for (const to of change.associations) {
          portal.associations.push({ fromType: change.objectType, fromId: change.object.id, ...to });
        }
        break;
      }
      case 'dissociate': {
        const { fromType, fromId, toType, toId } = change;
        const pair = (a: { fromType: string; fromId: string; toType: string; toId: string }) =>
          (a.fromType === fromType && a.fromId === fromId && a.toType === toType && a.toId === toId) ||
          (a.fromType === toType && a.fromId === toId && a.toType === fromType && a.toId === fromId);
        if (!portal.associations.some(pair))
          throw new Error(`no association ${fromType} ${fromId} ↔ ${toType} ${toId}`);
        portal.associations = portal.associations.filter((a) => !pair(a));
        if (fromType === 'contacts' && toType === 'companies') {
          const list = events.get(toId) ?? [];
          list.push({
            eventId: eventId++,
            subscriptionId: 2_400_001,
            portalId: portal.portalId,
            appId: 1_234_567,
            occurredAt: at,
            subscriptionType: 'contact.associationChange',
            attemptNumber: 0,
            changeSource: 'CRM_UI',
            associationType: 'CONTACT_TO_COMPANY',
            fromObjectId: Number(fromId),
            toObjectId: Number(toId),
            associationRemoved: true,
            isPrimaryAssociation: true,
          });
          events.set(toId, list);
        }
        break;
      }
      case 'delete': {
        const object = find(change.objectType, change.id);
        object.archived = true;
        object.archivedAt = iso(at);
        break;
      }
    }
  }
  return { portal, events };
}

/** Sets a property and records the change first in its history (HubSpot lists history newest first). */
function setProperty(object: HubSpotObject, name: string, value: string | null, at: number): void {
  object.propertiesWithHistory ??= {};
  const history = object.propertiesWithHistory[name] ?? [];
  const current = object.properties[name];
  if (history.length === 0 && current != null && current !== '') {
    history.push({ value: current, timestamp: object.createdAt, sourceType: 'CRM_UI' });
  }
  object.propertiesWithHistory[name] = [{ value: value ?? '', timestamp: iso(at), sourceType: 'CRM_UI' }, ...history];
  object.properties[name] = value;
}
