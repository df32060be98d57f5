import type { PropertyMappings } from '../../../core/mappings.ts';
import type { PortalId } from '../../../store/store.ts';
import {
  BundleError,
  type HubSpotBundle,
  type HubSpotBundleInput,
  type HubSpotObject,
  type HubSpotOwner,
  type HubSpotWebhookEvent,
  parseHubSpotBundle,
} from '../bundle.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { HubSpotApiError } from '../client/hubspot-error.ts';
import type { TtlCache } from '../client/ttl-cache.ts';
import { readAssociations } from './read-associations.ts';
import { newestFirst } from './read-batches.ts';
import { readObjects } from './read-objects.ts';
import { readOwners } from './read-owners.ts';
import { ASSOCIATED_READS, type AssociatedKey, type AssociatedRead, companyReadSpec } from './read-plan.ts';

export interface BundleRequest {
  companyId: string;
  /** The events that made the company due; they go into its bundle (departures and merges are read from them). */
  events: HubSpotWebhookEvent[];
}

export interface LoadBundlesOptions {
  mappings: PropertyMappings;
  /** Shared by the app: owners are cached in it per portal (read-owners.ts). */
  cache: TtlCache;
  /**
   * Whether to read feedback submissions: they need the optional scope crm.objects.feedback_submissions.read (see
   * oauth/scopes.ts). Default true; when the portal did not grant it, a missing-scopes answer reads as "none".
   */
  feedbackSubmissions?: boolean;
}

/**
 * The HubSpot account bundles of these companies (up to ~100 at once: the worker's coalesced batch), read with the
 * fewest calls. The calls are the same whether 1 or 100 companies are asked, as long as each type's records fit:
 * - one companies batch read per 100 companies, with the properties of read-plan.ts;
 * - per associated type (contacts, deals, tickets, emails, calls, meetings, notes, tasks, feedback submissions), one
 *   association batch read companies → type serving all the companies (1,000 per call), plus one per further page;
 * - per type, one batch read per 100 of the records associated with any of the companies (none when there are none);
 * - the owners listing, from the cache when it is younger than 10 minutes (else 2 calls, more when paged).
 * These go out together (the portal's limiter paces them); the object reads wait for the associations.
 * Companies that do not exist anymore (deleted, merged away, archived) are absent from the result. Each bundle is
 * validated (parseHubSpotBundle), so it maps with toSnapshot like a bundle the CLI reads from a file.
 */
export async function loadBundles(
  api: HubSpotApi,
  portalId: PortalId,
  requests: readonly BundleRequest[],
  options: LoadBundlesOptions,
): Promise<Map<string, HubSpotBundle>> {
  const eventsByCompany = new Map<string, HubSpotWebhookEvent[]>();
  for (const { companyId, events } of requests) {
    eventsByCompany.set(companyId, [...(eventsByCompany.get(companyId) ?? []), ...events]);
  }
  const companyIds = [...eventsByCompany.keys()];
  if (companyIds.length === 0) return new Map();

  const reads = ASSOCIATED_READS.filter(
    (read) => read.key !== 'feedbackSubmissions' || options.feedbackSubmissions !== false,
  );
  const [companies, owners, associated] = await Promise.all([
    readObjects(api, portalId, companyReadSpec(options.mappings), companyIds),
    readOwners(api, portalId, options.cache),
    Promise.all(reads.map((read) => readAssociatedRecords(api, portalId, read, companyIds))),
  ]);

  const bundles = new Map<string, HubSpotBundle>();
  for (const companyId of companyIds) {
    const company = companies.get(companyId);
    if (company === undefined) continue;
    const input: HubSpotBundleInput = { portalId, company, events: eventsByCompany.get(companyId) ?? [] };
    const records: HubSpotObject[] = [company];
    for (const { key, byCompany } of associated) {
      const list = byCompany.get(companyId) ?? [];
      input[key] = list;
      records.push(...list);
    }
    input.owners = ownersReferenced(owners, records);
    bundles.set(companyId, parse(input, companyId, portalId));
  }
  return bundles;
}

interface AssociatedRecords {
  key: AssociatedKey;
  byCompany: Map<string, HubSpotObject[]>;
}

/** One type's records per company: the association read, the cap, then one batch read of the union of their ids. */
async function readAssociatedRecords(
  api: HubSpotApi,
  portalId: PortalId,
  read: AssociatedRead,
  companyIds: readonly string[],
): Promise<AssociatedRecords> {
  let associations: Map<string, string[]>;
  try {
    associations = await readAssociations(api, portalId, 'companies', read.objectType, companyIds);
  } catch (error) {
    // feedback submissions need an optional scope (oauth/scopes.ts): a portal that did not grant it has none to read.
    if (read.key === 'feedbackSubmissions' && error instanceof HubSpotApiError && error.kind === 'missing_scopes') {
      return { key: read.key, byCompany: new Map() };
    }
    throw error;
  }
  const idsByCompany = new Map<string, string[]>();
  const union = new Set<string>();
  for (const [companyId, ids] of associations) {
    const kept = read.cap === null || ids.length <= read.cap ? ids : newest(ids, read.cap);
    idsByCompany.set(companyId, kept);
    for (const id of kept) union.add(id);
  }
  const records =
    union.size === 0 ? new Map<string, HubSpotObject>() : await readObjects(api, portalId, read, [...union]);
  const byCompany = new Map<string, HubSpotObject[]>();
  for (const [companyId, ids] of idsByCompany) {
    const list: HubSpotObject[] = [];
    for (const id of ids) {
      const record = records.get(id);
      if (record !== undefined) list.push(record); // deleted between the two reads
    }
    byCompany.set(companyId, list);
  }
  return { key: read.key, byCompany };
}

/** The `cap` highest ids, in their original order. */
function newest(ids: readonly string[], cap: number): string[] {
  const keep = new Set([...ids].sort(newestFirst).slice(0, cap));
  return ids.filter((id) => keep.has(id));
}

/** The owners the records name in hubspot_owner_id, now or in its history (a former company owner is evidence). */
function ownersReferenced(owners: readonly HubSpotOwner[], records: readonly HubSpotObject[]): HubSpotOwner[] {
  const ids = new Set<string>();
  for (const record of records) {
    const current = record.properties.hubspot_owner_id;
    if (current) ids.add(current);
    for (const past of record.propertiesWithHistory?.hubspot_owner_id ?? []) if (past.value) ids.add(past.value);
  }
  return owners.filter((owner) => ids.has(owner.id));
}

function parse(input: HubSpotBundleInput, companyId: string, portalId: PortalId): HubSpotBundle {
  try {
    return parseHubSpotBundle(input);
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    throw new Error(
      `HubSpot company ${companyId} of portal ${portalId} did not read as an account bundle (see BUNDLE.md): ${error.message}`,
      { cause: error },
    );
  }
}
