import type { PortalId } from '../../../store/store.ts';
import { chunk } from './read-batches.ts';
import { changedRiskProperties, type RiskProperties, riskProperties } from './risk-properties.ts';
import { batchFailures, parseBatchResponse } from './write-batch-response.ts';
import { BATCH_LIMIT, COMPANIES_PATH, type WriteDeps, type WriteFailure, type WriteItem } from './write-types.ts';

export interface PropertiesOutcome {
  /** Companies whose changes HubSpot accepted, and those with nothing to change: both recorded in the store. */
  updated: string[];
  unchanged: string[];
  failures: WriteFailure[];
}

interface Pending {
  item: WriteItem;
  previous: Record<string, string | null> | null;
  changed: Partial<RiskProperties>;
}

/**
 * DESIGN §4 "write only the properties that changed": each company's risk properties are compared with what the store
 * says was last written; the changed ones go out in batch updates of ≤100 companies, and the store records the
 * assessment, its score and the written values only for companies HubSpot accepted. A company HubSpot refused keeps
 * its old record, so the next attempt sends the same changes again.
 */
export async function writeRiskProperties(
  deps: WriteDeps,
  portalId: PortalId,
  items: readonly WriteItem[],
): Promise<PropertiesOutcome> {
  const { api, store, logger } = deps;
  const outcome: PropertiesOutcome = { updated: [], unchanged: [], failures: [] };
  const pending: Pending[] = [];
  for (const item of items) {
    const state = await store.getAccountState(portalId, item.companyId);
    const next = riskProperties(item.assessment);
    const previous = state?.writtenProperties ?? null;
    const changed = changedRiskProperties(next, previous);
    if (Object.keys(changed).length > 0) {
      pending.push({ item, previous, changed });
      continue;
    }
    await record(deps, portalId, item, null);
    outcome.unchanged.push(item.companyId);
  }

  for (const batch of chunk(pending, BATCH_LIMIT)) {
    const answer = await api.request<unknown>(portalId, {
      method: 'POST',
      path: `${COMPANIES_PATH}/batch/update`,
      body: { inputs: batch.map((p) => ({ id: p.item.companyId, properties: p.changed })) },
    });
    const response = parseBatchResponse(answer, 'batch update of companies');
    const confirmed = new Set(response.results.map((r) => r.id));
    const { byId, unattributed } = batchFailures(response);
    for (const p of batch) {
      const id = p.item.companyId;
      // An error naming no company leaves only the results to go by; otherwise a company no error names went through
      // (a merged company answers under its surviving id).
      const refused = byId.get(id) ?? (unattributed.length > 0 && !confirmed.has(id) ? unattributed[0] : undefined);
      if (refused !== undefined) {
        outcome.failures.push({ companyId: id, stage: 'properties', reason: `HubSpot refused the update: ${refused}` });
        logger.warn({ portalId, companyId: id, reason: refused }, 'HubSpot refused a risk property update');
        continue;
      }
      await record(deps, portalId, p.item, { ...p.previous, ...p.changed });
      outcome.updated.push(id);
    }
  }
  return outcome;
}

/** The assessment (for the card) and its score point; the written values when some were sent. */
async function record(
  deps: WriteDeps,
  portalId: PortalId,
  item: WriteItem,
  written: Record<string, string | null> | null,
): Promise<void> {
  const { assessment } = item;
  await deps.store.saveAccountState(portalId, item.companyId, {
    assessment,
    score: { value: assessment.score, at: Date.parse(assessment.assessedAt) },
    ...(written ? { writtenProperties: written } : {}),
  });
}
