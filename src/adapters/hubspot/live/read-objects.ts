import type { PortalId } from '../../../store/store.ts';
import type { HubSpotObject } from '../bundle.ts';
import type { HubSpotApi } from '../client/hubspot-api.ts';
import { BATCH_READ_SIZE, chunk, isObjectNotFound } from './read-batches.ts';
import type { ReadSpec } from './read-plan.ts';

interface BatchReadResponse {
  results: HubSpotObject[];
  /** One entry per group of ids that could not be read (deleted, archived, never existed). */
  errors?: unknown[];
}

/**
 * The records with these ids, read with POST /crm/objects/2026-09/{objectType}/batch/read, 100 ids per call (the calls
 * of one read go out together; the portal's limiter paces them). Records that do not exist or are archived are absent
 * from the map: HubSpot lists them under `errors`, and `archived=false` (its default) leaves archived ones out. The
 * objects are returned as HubSpot sent them: parseHubSpotBundle validates them with the rest of the bundle.
 */
export async function readObjects(
  api: HubSpotApi,
  portalId: PortalId,
  spec: ReadSpec,
  ids: readonly string[],
): Promise<Map<string, HubSpotObject>> {
  const found = new Map<string, HubSpotObject>();
  const unique = [...new Set(ids)];
  const pages = await Promise.all(
    chunk(unique, BATCH_READ_SIZE).map((inputs) =>
      api
        .request<BatchReadResponse>(portalId, {
          method: 'POST',
          path: `/crm/objects/2026-09/${spec.objectType}/batch/read`,
          body: {
            inputs: inputs.map((id) => ({ id })),
            properties: spec.properties,
            propertiesWithHistory: spec.propertiesWithHistory,
          },
        })
        .catch((error: unknown) => {
          if (isObjectNotFound(error)) return { results: [] } satisfies BatchReadResponse;
          throw error;
        }),
    ),
  );
  for (const page of pages) {
    for (const record of page.results) if (!record.archived) found.set(record.id, record);
  }
  return found;
}
