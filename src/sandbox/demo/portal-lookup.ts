import type { HubSpotObject } from '../../adapters/hubspot/bundle.ts';
import type { DemoPortalSeed, ObjectType } from './demo-seed.ts';
import { nextIdAfter } from './portal-builder.ts';

/** Reads a generated portal seed: what the timeline needs to find its records and add new ones. */
export interface PortalLookup {
  companyNamed(name: string): HubSpotObject | undefined;
  /** Live records of `type` associated with the company (either direction). */
  associated(companyId: string, type: ObjectType): HubSpotObject[];
  /** A fresh id after every id of the type, and after those handed out before. */
  nextId(type: ObjectType): string;
  /** The latest change in the portal (epoch ms). */
  latestChange(): number;
}

export function portalLookup(portal: DemoPortalSeed): PortalLookup {
  const handedOut = new Map<ObjectType, string>();
  return {
    companyNamed(name) {
      return portal.objects.companies?.find((c) => c.properties.name === name && !c.archived);
    },
    associated(companyId, type) {
      const ids = new Set<string>();
      for (const a of portal.associations) {
        if (a.fromType === 'companies' && a.fromId === companyId && a.toType === type) ids.add(a.toId);
        if (a.toType === 'companies' && a.toId === companyId && a.fromType === type) ids.add(a.fromId);
      }
      return (portal.objects[type] ?? []).filter((o) => ids.has(o.id) && !o.archived);
    },
    nextId(type) {
      const last = handedOut.get(type);
      const id = nextIdAfter(type, [...(portal.objects[type] ?? []).map((o) => o.id), ...(last ? [last] : [])]);
      handedOut.set(type, id);
      return id;
    },
    latestChange() {
      let latest = 0;
      for (const list of Object.values(portal.objects)) {
        for (const o of list ?? []) latest = Math.max(latest, Date.parse(o.updatedAt));
      }
      return latest;
    },
  };
}

/** A new record as HubSpot returns it after a create. */
export function newRecord(id: string, at: number, properties: Record<string, string | null>): HubSpotObject {
  const iso = new Date(at).toISOString();
  return {
    id,
    properties: { ...properties, hs_object_id: id, createdate: iso, hs_lastmodifieddate: iso },
    createdAt: iso,
    updatedAt: iso,
    archived: false,
  };
}
