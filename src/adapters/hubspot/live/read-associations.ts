import type { PortalId } from '../../../store/store.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { ASSOCIATION_BATCH_SIZE, chunk, isObjectNotFound } from './read-batches.ts';

interface AssociationsResponse {
  results: {
    from: { id: string };
    to: { toObjectId: string | number }[];
    /** Present only when this object has more associations than the page held. */
    paging?: { next?: { after: string } };
  }[];
}

interface Input {
  id: string;
  after?: string;
}

/**
 * For each id, the ids of the `toType` records it is associated with (any association type or label), in HubSpot's
 * order without repeats: POST /crm/associations/2026-09/{fromType}/{toType}/batch/read with up to 1,000 ids per call.
 * An object with more associations than one page comes back with `paging.next.after`; the next round asks again for
 * just those objects, each with its cursor, so every round serves all the ids still paging. Ids HubSpot does not know
 * (deleted) map to [].
 */
export async function readAssociations(
  api: HubSpotApi,
  portalId: PortalId,
  fromType: string,
  toType: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, Set<string>>();
  let pending: Input[] = [...new Set(ids)].map((id) => ({ id }));
  for (const input of pending) found.set(input.id, new Set());

  while (pending.length > 0) {
    const pages = await Promise.all(
      chunk(pending, ASSOCIATION_BATCH_SIZE).map((inputs) =>
        api
          .request<AssociationsResponse>(portalId, {
            method: 'POST',
            path: `/crm/associations/2026-09/${fromType}/${toType}/batch/read`,
            body: { inputs },
          })
          .catch((error: unknown) => {
            if (isObjectNotFound(error)) return { results: [] } satisfies AssociationsResponse;
            throw error;
          }),
      ),
    );
    pending = [];
    for (const page of pages) {
      for (const result of page.results) {
        const to = found.get(result.from.id);
        if (to === undefined) continue; // not an id we asked for
        for (const associated of result.to) to.add(String(associated.toObjectId));
        const after = result.paging?.next?.after;
        if (after !== undefined) pending.push({ id: result.from.id, after });
      }
    }
  }

  const out = new Map<string, string[]>();
  for (const [id, to] of found) out.set(id, [...to]);
  return out;
}
