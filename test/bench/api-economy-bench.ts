import { benchPortal } from './bench-portal.ts';
import type { StoreKind } from './bench-store.ts';
import { backfillDone, quiet, startBenchStack } from './start-bench-stack.ts';

export interface ApiEconomyResult {
  store: StoreKind;
  companies: number;
  /** Contact property changes of the import: one webhook event each. */
  events: number;
  /** HubSpot calls the app made for them (general + searches), counted at the sandbox. */
  calls: number;
  callsPer1000Events: number;
  /** One read and one write per event. */
  naivePer1000Events: number;
  throttled: number;
  elapsedMs: number;
}

const PORTAL_ID = 24_060_103;

/**
 * Benchmark 3: an import touching `contactsPerCompany` contacts of each of `companies` companies (one property
 * change each, all at once) → the HubSpot calls the app makes until it is quiet again, per 1,000 events.
 */
export async function apiEconomyBench(
  store: StoreKind,
  databaseUrl: string,
  options: { companies: number; contactsPerCompany: number },
): Promise<ApiEconomyResult> {
  const stack = await startBenchStack({
    seed: benchPortal({
      portalId: PORTAL_ID,
      companies: options.companies,
      contactsPerCompany: options.contactsPerCompany,
      now: Date.now(),
    }),
    databaseUrl,
  });
  try {
    await backfillDone(stack, 180_000);
    await quiet(stack, 120_000);
    const before = stack.calls.counts();
    const started = Date.now();
    let events = 0;
    for (const contact of stack.portal.list('contacts')) {
      stack.portal.update('contacts', contact.id, { jobtitle: `Imported title ${events}` });
      events++;
    }
    await quiet(stack, 300_000);
    const elapsedMs = Date.now() - started;
    const after = stack.calls.counts();
    const calls = after.general + after.search - before.general - before.search;
    return {
      store,
      companies: options.companies,
      events,
      calls,
      callsPer1000Events: (calls / events) * 1000,
      naivePer1000Events: 2000,
      throttled: after.throttled - before.throttled,
      elapsedMs,
    };
  } finally {
    await stack.stop();
  }
}
