import { benchPortal } from './bench-portal.ts';
import type { StoreKind } from './bench-store.ts';
import { backfillDone, startBenchStack } from './start-bench-stack.ts';

export interface BackfillResult {
  store: StoreKind;
  companies: number;
  elapsedMs: number;
  /** HubSpot calls counted against the 110 / 10 s limit, and searches (5 / s). */
  calls: number;
  searches: number;
  throttled: number;
  /** The least time the limits allow for these calls: calls ÷ 110 × 10 s (searches ÷ 5 × 1 s if more). */
  lowerBoundMs: number;
  /** Elapsed over the lower bound. */
  ratio: number;
}

const PORTAL_ID = 24_060_104;

/**
 * Benchmark 4: install into a portal of `companies` companies (each with contacts, a deal and a ticket) and time
 * the backfill, from the start of the OAuth install to the app reporting it done, against the sandbox's enforced
 * 110 / 10 s.
 */
export async function backfillBench(
  store: StoreKind,
  databaseUrl: string,
  options: { companies: number; timeoutMs: number },
): Promise<BackfillResult> {
  const seed = benchPortal({
    portalId: PORTAL_ID,
    companies: options.companies,
    contactsPerCompany: 3,
    now: Date.now(),
  });
  const stack = await startBenchStack({ seed, databaseUrl });
  try {
    const doneAt = await backfillDone(stack, options.timeoutMs);
    const elapsedMs = doneAt - stack.installedAt;
    const counts = stack.calls.counts();
    const lowerBoundMs = Math.max((counts.general / 110) * 10_000, (counts.search / 5) * 1_000);
    return {
      store,
      companies: options.companies,
      elapsedMs,
      calls: counts.general,
      searches: counts.search,
      throttled: counts.throttled,
      lowerBoundMs,
      ratio: elapsedMs / lowerBoundMs,
    };
  } finally {
    await stack.stop();
  }
}
