import type { Logger } from 'pino';
import type { HubSpotBundle, HubSpotWebhookEvent } from '../adapters/hubspot/bundle.ts';
import type { Assessment } from '../core/assessment.ts';
import type { EngineConfig } from '../core/tenant-config.ts';
import type { Instant } from '../core/time.ts';
import type { AppMetrics } from '../metrics/create-app-metrics.ts';
import type { PortalId, Store } from '../store/store.ts';

/** The CRM side of the pipeline, bound to an API client: DESIGN §5's "source" and "adapter" for HubSpot. */
export interface CrmReader {
  /** The companies each event touches (a contact's, deal's or ticket's companies; a company itself). */
  companiesForEvents(portalId: PortalId, events: HubSpotWebhookEvent[]): Promise<Map<string, HubSpotWebhookEvent[]>>;
  /** One bundle per company that still exists, read with batched calls. */
  loadBundles(
    portalId: PortalId,
    requests: { companyId: string; events: HubSpotWebhookEvent[] }[],
    options: { mappings: EngineConfig['mappings'] },
  ): Promise<Map<string, HubSpotBundle>>;
  /** Every company of the portal, a page at a time (`after` from the previous page; null when done). */
  listCompanyIds(portalId: PortalId, after: string | null): Promise<{ ids: string[]; after: string | null }>;
  /**
   * Companies whose signals fire on absence and so need a daily look without any event: renewal near or past, no
   * contact for a while, reasons of that kind already set (to clear them).
   */
  sweepCandidates(portalId: PortalId, now: Instant): Promise<string[]>;
}

export interface WriteReport {
  propertiesUpdated: number;
  companiesUnchanged: number;
  tasksCreated: number;
  tasksSkipped: number;
}

export interface CrmWriter {
  /** Writes what changed and the tasks the assessments call for; records what was written in the store. */
  writeAssessments(portalId: PortalId, items: { companyId: string; assessment: Assessment }[]): Promise<WriteReport>;
}

export interface PipelineDeps {
  store: Store;
  logger: Logger;
  now: () => Instant;
  reader: CrmReader;
  writer: CrmWriter;
  /** The tenant's engine configuration (settings page); the product defaults until a tenant changes them. */
  configFor(portalId: PortalId): Promise<EngineConfig>;
  /** Counts inbox events processed, failed, retried and dead-lettered. */
  metrics?: Pick<AppMetrics, 'inboxEvents'>;
}
