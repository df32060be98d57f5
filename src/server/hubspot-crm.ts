import type { HubSpotApi } from '../adapters/hubspot/client/hubspot-api.ts';
import type { TtlCache } from '../adapters/hubspot/client/ttl-cache.ts';
import { companiesForEvents } from '../adapters/hubspot/live/companies-for-events.ts';
import { listCompanyIds, searchCompanyIds } from '../adapters/hubspot/live/list-companies.ts';
import { loadBundles } from '../adapters/hubspot/live/load-bundles.ts';
import { writeAssessments } from '../adapters/hubspot/live/write-assessments.ts';
import type { EngineConfig } from '../core/tenant-config.ts';
import type { CrmReader, CrmWriter, PipelineDeps } from '../pipeline/pipeline-deps.ts';
import type { Store } from '../store/store.ts';
import { sweepFilters } from './sweep-filters.ts';

/** HubSpot as the pipeline's reader and writer (DESIGN §5: one source + one adapter per CRM), bound to one API client. */
export function hubspotCrm(deps: {
  api: HubSpotApi;
  cache: TtlCache;
  store: Store;
  logger: PipelineDeps['logger'];
  now: () => number;
  configFor: (portalId: number) => Promise<EngineConfig>;
}): { reader: CrmReader; writer: CrmWriter } {
  const { api, cache } = deps;
  const reader: CrmReader = {
    companiesForEvents: (portalId, events) => companiesForEvents(api, portalId, events),
    async loadBundles(portalId, requests, { mappings }) {
      const installation = await deps.store.getInstallation(portalId);
      // Survey answers need an optional scope (oauth/scopes.ts): read them only where the admin granted it.
      const feedbackSubmissions = installation?.scopes.includes('crm.objects.feedback_submissions.read') ?? false;
      return loadBundles(api, portalId, requests, { mappings, cache, feedbackSubmissions });
    },
    async listCompanyIds(portalId, after) {
      const page = await listCompanyIds(api, portalId, after ? { after } : {});
      return { ids: page.ids, after: page.next };
    },
    async sweepCandidates(portalId, now) {
      const { mappings } = await deps.configFor(portalId);
      const filters = sweepFilters(now, mappings.renewalDate);
      const ids = new Set<string>();
      let after: string | undefined;
      do {
        const page = await searchCompanyIds(api, portalId, filters, after);
        for (const id of page.ids) ids.add(id);
        after = page.next ?? undefined;
      } while (after);
      return [...ids];
    },
  };
  const writer: CrmWriter = {
    async writeAssessments(portalId, items) {
      const result = await writeAssessments(
        { api, store: deps.store, logger: deps.logger, now: deps.now },
        portalId,
        items,
      );
      if (result.failures.length > 0) {
        // Nothing of a failed company was recorded; failing the batch makes the worker retry it (idempotent).
        const reasons = result.failures.map((f) => `${f.companyId} (${f.stage}): ${f.reason}`).join('; ');
        throw Object.assign(new Error(`HubSpot refused some writes: ${reasons}`), { retryable: true });
      }
      return result;
    },
  };
  return { reader, writer };
}
