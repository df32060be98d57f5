import type { HubSpotWebhookEvent } from '../adapters/hubspot/bundle.ts';
import { toSnapshot } from '../adapters/hubspot/to-snapshot.ts';
import { assess } from '../core/assess.ts';
import type { Assessment } from '../core/assessment.ts';
import { SIGNAL_IDS, type SignalId } from '../core/signal.ts';
import type { PortalId } from '../store/store.ts';
import { type CompanyMemory, nameDepartures, rememberContacts, rememberEvents } from './account-memory.ts';
import type { PipelineDeps, WriteReport } from './pipeline-deps.ts';

/** Companies per round trip: HubSpot batch reads and updates take 100 inputs. */
export const COMPANIES_PER_BATCH = 100;

export interface ScoreReport extends WriteReport {
  scored: number;
  /** Companies that no longer exist in HubSpot (deleted, merged away). */
  missing: number;
}

/**
 * The heart of the live loop (DESIGN §5): re-read each company's current state, assess it, write back what changed.
 * Events only say *which* companies changed; order and duplicates do not matter because the state is read anew.
 */
export async function scoreCompanies(
  deps: PipelineDeps,
  portalId: PortalId,
  companies: ReadonlyMap<string, readonly HubSpotWebhookEvent[]>,
): Promise<ScoreReport> {
  const report: ScoreReport = {
    scored: 0,
    missing: 0,
    propertiesUpdated: 0,
    companiesUnchanged: 0,
    tasksCreated: 0,
    tasksSkipped: 0,
  };
  const config = await deps.configFor(portalId);
  const ids = [...companies.keys()];
  for (let start = 0; start < ids.length; start += COMPANIES_PER_BATCH) {
    const batch = ids.slice(start, start + COMPANIES_PER_BATCH);
    const now = deps.now();
    const memories = new Map<string, CompanyMemory>();
    for (const companyId of batch) {
      const state = await deps.store.getAccountState(portalId, companyId);
      const memory = rememberEvents((state?.memory as CompanyMemory | null) ?? {}, companies.get(companyId) ?? [], now);
      memories.set(companyId, memory);
    }
    const bundles = await deps.reader.loadBundles(
      portalId,
      batch.map((companyId) => ({ companyId, events: memories.get(companyId)?.events ?? [] })),
      { mappings: config.mappings },
    );
    const items: { companyId: string; assessment: Assessment }[] = [];
    for (const companyId of batch) {
      const bundle = bundles.get(companyId);
      if (!bundle) {
        report.missing++;
        continue;
      }
      const memory = memories.get(companyId) ?? {};
      const snapshot = nameDepartures(toSnapshot(bundle, config.mappings), memory);
      const suppressed = await snoozedSignals(deps, portalId, companyId, now);
      items.push({ companyId, assessment: assess(snapshot, config, now, { suppressed }) });
      await deps.store.saveAccountState(portalId, companyId, { memory: rememberContacts(memory, snapshot, now) });
    }
    const written = await deps.writer.writeAssessments(portalId, items);
    report.scored += items.length;
    report.propertiesUpdated += written.propertiesUpdated;
    report.companiesUnchanged += written.companiesUnchanged;
    report.tasksCreated += written.tasksCreated;
    report.tasksSkipped += written.tasksSkipped;
  }
  return report;
}

const KNOWN_SIGNALS: ReadonlySet<string> = new Set(SIGNAL_IDS);

/** The signals a user snoozed on the company's card ("not a risk") that are still snoozed at `now`. */
async function snoozedSignals(
  deps: PipelineDeps,
  portalId: PortalId,
  companyId: string,
  now: number,
): Promise<ReadonlySet<SignalId>> {
  const snoozes = await deps.store.activeSnoozes(portalId, companyId, now);
  return new Set(snoozes.map((s) => s.signalId).filter((id): id is SignalId => KNOWN_SIGNALS.has(id)));
}
