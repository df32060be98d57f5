import {
  type HubSpotBundleInput,
  type HubSpotObject,
  type HubSpotWebhookEvent,
  parseHubSpotBundle,
} from '../../../src/adapters/hubspot/bundle.ts';
import { ASSOCIATED_READS, companyReadSpec, type ReadSpec } from '../../../src/adapters/hubspot/live/read-plan.ts';
import { toSnapshot } from '../../../src/adapters/hubspot/to-snapshot.ts';
import { assess } from '../../../src/core/assess.ts';
import type { Assessment } from '../../../src/core/assessment.ts';
import { DEFAULT_MAPPINGS } from '../../../src/core/mappings.ts';
import { resolveConfig } from '../../../src/core/tenant-config.ts';
import { nameDepartures, rememberContacts } from '../../../src/pipeline/account-memory.ts';
import type { DemoPortalSeed, ObjectType } from '../../../src/sandbox/demo/demo-seed.ts';
import { SIGNALS } from '../../../src/signals/index.ts';

const DEFAULTS = ['hs_object_id', 'createdate', 'hs_lastmodifieddate'];

/** A record as the app's batch read returns it: only the properties it asks for, history only where it asks. */
function asRead(object: HubSpotObject, spec: ReadSpec): HubSpotObject {
  const properties: Record<string, string | null> = {};
  for (const name of [...DEFAULTS, ...spec.properties]) properties[name] = object.properties[name] ?? null;
  const history: NonNullable<HubSpotObject['propertiesWithHistory']> = {};
  for (const name of spec.propertiesWithHistory) {
    const entries = object.propertiesWithHistory?.[name];
    if (entries) history[name] = entries;
  }
  const { propertiesWithHistory: _, ...rest } = object;
  return { ...rest, properties, propertiesWithHistory: history };
}

/** Ids associated with each company, per object type (associations are pairs: either direction counts). */
function companyLinks(seed: DemoPortalSeed): Map<string, Map<ObjectType, Set<string>>> {
  const links = new Map<string, Map<ObjectType, Set<string>>>();
  const link = (companyId: string, type: ObjectType, id: string) => {
    const byType = links.get(companyId) ?? new Map<ObjectType, Set<string>>();
    links.set(companyId, byType);
    const ids = byType.get(type) ?? new Set<string>();
    byType.set(type, ids);
    ids.add(id);
  };
  for (const a of seed.associations) {
    if (a.fromType === 'companies') link(a.fromId, a.toType, a.toId);
    else if (a.toType === 'companies') link(a.toId, a.fromType, a.fromId);
  }
  return links;
}

/**
 * The HubSpot account bundle of every company in a portal seed, as the live adapter would read it from the sandbox:
 * the company, its associated records, the owners (archived ones included) and the company's webhook events.
 */
export function portalBundles(
  seed: DemoPortalSeed,
  events: ReadonlyMap<string, HubSpotWebhookEvent[]> = new Map(),
): Map<string, HubSpotBundleInput> {
  const links = companyLinks(seed);
  const byId = new Map<ObjectType, Map<string, HubSpotObject>>();
  for (const [type, list] of Object.entries(seed.objects) as [ObjectType, HubSpotObject[]][]) {
    byId.set(type, new Map(list.filter((o) => !o.archived).map((o) => [o.id, o])));
  }
  const bundles = new Map<string, HubSpotBundleInput>();
  for (const company of seed.objects.companies ?? []) {
    if (company.archived) continue;
    const bundle: HubSpotBundleInput = {
      portalId: seed.portalId,
      company: asRead(company, companyReadSpec(DEFAULT_MAPPINGS)),
      owners: seed.owners,
      events: events.get(company.id) ?? [],
    };
    for (const read of ASSOCIATED_READS) {
      const type = read.objectType as ObjectType;
      const ids = [...(links.get(company.id)?.get(type) ?? [])];
      const records = ids.map((id) => byId.get(type)?.get(id)).filter((o): o is HubSpotObject => o !== undefined);
      bundle[read.key] = records.map((o) => asRead(o, read));
    }
    bundles.set(company.id, bundle);
  }
  return bundles;
}

export interface AssessOptions {
  events?: ReadonlyMap<string, HubSpotWebhookEvent[]>;
  /** A portal assessed before: its contacts name the ones that left since, as the worker's memory does. */
  before?: DemoPortalSeed;
}

/** Every company of the portal assessed by the real engine with the default configuration at `now`. */
export function assessPortal(seed: DemoPortalSeed, now: number, options: AssessOptions = {}): Map<string, Assessment> {
  const config = resolveConfig({}, SIGNALS);
  const remembered = new Map<string, ReturnType<typeof rememberContacts>>();
  if (options.before) {
    for (const [id, bundle] of portalBundles(options.before)) {
      remembered.set(id, rememberContacts({}, toSnapshot(parseHubSpotBundle(bundle), config.mappings), now));
    }
  }
  const out = new Map<string, Assessment>();
  for (const [id, bundle] of portalBundles(seed, options.events)) {
    const snapshot = nameDepartures(toSnapshot(parseHubSpotBundle(bundle), config.mappings), remembered.get(id) ?? {});
    out.set(id, assess(snapshot, config, now));
  }
  return out;
}
