import type { PortalId } from '../../../store/store.ts';
import type { HubSpotOwner } from '../bundle.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import type { TtlCache } from '../client/ttl-cache.ts';

/** Owners change rarely and every bundle of the portal needs them: one listing per portal per 10 minutes. */
export const OWNERS_TTL_SECONDS = 600;
/** The owners API's largest page. */
const OWNERS_PAGE_LIMIT = 500;

interface OwnersPage {
  results: HubSpotOwner[];
  paging?: { next?: { after: string } };
}

/** The cache key of a portal's owners; under `portal:<id>:`, so deletePrefix drops it on uninstall. */
export function ownersCacheKey(portalId: PortalId): string {
  return `portal:${portalId}:owners`;
}

/**
 * Every owner of the portal, deactivated users included (owner_departed reads `archived`), through the cache. The
 * listing is GET /crm/owners/2026-09 paged by `after`, once with archived=false and once with archived=true: HubSpot's
 * spec says archived=true returns *only* archived owners, so one pass alone would miss either side.
 */
export function readOwners(api: HubSpotApi, portalId: PortalId, cache: TtlCache): Promise<HubSpotOwner[]> {
  return cache.cached(ownersCacheKey(portalId), OWNERS_TTL_SECONDS, async () => {
    const [active, archived] = await Promise.all([listOwners(api, portalId, false), listOwners(api, portalId, true)]);
    const byId = new Map<string, HubSpotOwner>();
    for (const owner of [...active, ...archived]) if (!byId.has(owner.id)) byId.set(owner.id, owner);
    return [...byId.values()];
  });
}

async function listOwners(api: HubSpotApi, portalId: PortalId, archived: boolean): Promise<HubSpotOwner[]> {
  const owners: HubSpotOwner[] = [];
  let after: string | undefined;
  do {
    const page = await api.request<OwnersPage>(portalId, {
      method: 'GET',
      path: '/crm/owners/2026-09',
      query: { limit: OWNERS_PAGE_LIMIT, archived, after },
    });
    owners.push(...page.results);
    after = page.paging?.next?.after;
  } while (after !== undefined);
  return owners;
}
