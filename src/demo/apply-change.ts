import type { PortalChange } from '../sandbox/demo/demo-seed.ts';
import type { PortalState } from '../sandbox/state/portal-state.ts';

/** Stamped by the sandbox on every record it creates: the id and times the timeline guessed do not carry over. */
const STAMPED = new Set(['hs_object_id', 'createdate', 'hs_lastmodifieddate']);

/**
 * Makes one timeline change in the sandbox, as a user in HubSpot would (CRM_UI source): the state keeps the history
 * and reports the change, so the platform sends the app its webhooks. Returns the id of the record touched.
 */
export function applyChange(portal: PortalState, change: PortalChange): string {
  switch (change.op) {
    case 'update':
      return portal.update(change.objectType, change.id, values(change.properties)).id;
    case 'create': {
      const properties = Object.fromEntries(
        Object.entries(values(change.object.properties)).filter(([name]) => !STAMPED.has(name)),
      );
      const links = change.associations.map((a) => ({ to: { type: a.toType, id: a.toId } }));
      return portal.create(change.objectType, properties, links).id;
    }
    case 'dissociate': {
      const removed = portal.dissociate(
        { type: change.fromType, id: change.fromId },
        { type: change.toType, id: change.toId },
      );
      if (!removed)
        throw new Error(`no association ${change.fromType} ${change.fromId} ↔ ${change.toType} ${change.toId}`);
      return change.fromId;
    }
    case 'delete':
      if (!portal.archive(change.objectType, change.id))
        throw new Error(`no ${change.objectType} ${change.id} to delete`);
      return change.id;
  }
}

/** HubSpot clears a property with '' (a null in a record's JSON means the same). */
function values(properties: Readonly<Record<string, string | null>>): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).map(([name, value]) => [name, value ?? '']));
}
