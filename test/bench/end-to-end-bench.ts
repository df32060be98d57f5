import { benchPortal, SEATS_PURCHASED } from './bench-portal.ts';
import type { StoreKind } from './bench-store.ts';
import { percentile } from './percentile.ts';
import { backfillDone, quiet, startBenchStack } from './start-bench-stack.ts';

export interface EndToEndResult {
  store: StoreKind;
  companies: number;
  /** Changes made in the sandbox, each one webhook event. */
  changes: number;
  durationMs: number;
  /** Events the sandbox sent over the drive, per second. */
  eventsPerSecond: number;
  /** Changes whose value reached HubSpot in the app's write-back. */
  measured: number;
  /** Changes never covered by a write-back before the wait ran out. */
  unresolved: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** HubSpot calls the app made while driven, and how many HubSpot answered 429. */
  calls: number;
  throttled: number;
}

const PORTAL_ID = 24_060_102;
const SEATS = new RegExp(`(\\d+) of ${SEATS_PURCHASED} seats active`);

/**
 * Benchmark 2: the sandbox's state changes at `eventsPerSecond` for `durationMs` (each change a new, lower
 * `churn_seats_active` on one of `companies` companies, round robin: one webhook event each, sent as HubSpot sends
 * them), and each change is timed to the moment the app writes a `churn_risk_summary` naming that value or a later
 * one for the company (the app reads the company anew, so a later value covers every earlier change). The app runs
 * as deployed: its 2 s debounce, its 500 ms poll, HubSpot's rate limits enforced by the sandbox.
 */
export async function endToEndBench(
  store: StoreKind,
  databaseUrl: string,
  options: { eventsPerSecond: number; durationMs: number; companies: number },
): Promise<EndToEndResult> {
  const stack = await startBenchStack({
    seed: benchPortal({ portalId: PORTAL_ID, companies: options.companies, contactsPerCompany: 3, now: Date.now() }),
    databaseUrl,
  });
  try {
    await backfillDone(stack, 180_000);
    await quiet(stack, 120_000);
    // A fresh 10 s rate-limit window, as a portal that has been running a while would have.
    await new Promise((resolve) => setTimeout(resolve, 10_000));

    const ids = stack.portal.list('companies').map((c) => c.id);
    const pending = new Map<string, { value: number; at: number }[]>();
    const latencies: number[] = [];
    const unsubscribe = stack.state.onChange((portalId, change) => {
      if (portalId !== PORTAL_ID || change.objectType !== 'companies') return;
      if (change.propertyName !== 'churn_risk_summary' || change.changeSource !== 'INTEGRATION') return;
      const seen = Number(SEATS.exec(change.propertyValue ?? '')?.[1] ?? Number.NaN);
      if (Number.isNaN(seen)) return;
      const waiting = pending.get(change.objectId) ?? [];
      const now = Date.now();
      // Values fall with each change: the one written covers every change up to it.
      const covered = waiting.filter((w) => w.value >= seen);
      for (const w of covered) latencies.push(now - w.at);
      pending.set(
        change.objectId,
        waiting.filter((w) => w.value < seen),
      );
    });

    const before = stack.calls.counts();
    const sentBefore = sentEvents(stack);
    const tickMs = 50;
    const perTick = Math.max(1, Math.round((options.eventsPerSecond * tickMs) / 1000));
    const ticks = Math.round(options.durationMs / tickMs);
    let value = SEATS_PURCHASED / 2 - 1;
    let changes = 0;
    const started = Date.now();
    for (let tick = 0; tick < ticks; tick++) {
      // Paced against the start, so a slow tick does not lower the rate.
      const due = started + tick * tickMs;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      for (let k = 0; k < perTick; k++) {
        const companyId = ids[changes % ids.length] as string;
        value--;
        stack.portal.update('companies', companyId, { churn_seats_active: String(value) });
        const list = pending.get(companyId) ?? [];
        list.push({ value, at: Date.now() });
        pending.set(companyId, list);
        changes++;
      }
    }
    const durationMs = Date.now() - started;
    const sent = sentEvents(stack) - sentBefore;
    const deadline = Date.now() + 60_000;
    const open = () => [...pending.values()].reduce((n, list) => n + list.length, 0);
    while (open() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    unsubscribe();
    const after = stack.calls.counts();
    return {
      store,
      companies: ids.length,
      changes,
      durationMs,
      eventsPerSecond: Math.round(sent / (durationMs / 1000)),
      measured: latencies.length,
      unresolved: open(),
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      calls: after.general + after.search - before.general - before.search,
      throttled: after.throttled - before.throttled,
    };
  } finally {
    await stack.stop();
  }
}

function sentEvents(stack: { platform: { senders: ReadonlyMap<number, { stats(): { events: number } }> } }) {
  let events = 0;
  for (const sender of stack.platform.senders.values()) events += sender.stats().events;
  return events;
}
