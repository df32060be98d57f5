import type { Finding, SignalConfig, SignalDefinition } from './signal.ts';
import type { Snapshot } from './snapshot.ts';
import { type Instant, monthOf } from './time.ts';

export interface ResolvedSignalConfig<T> extends SignalConfig<T> {
  /** Months (1–12, UTC) the tenant declared as off-season. */
  quietMonths: readonly number[];
}

/**
 * Runs one signal the way assess() does: off-season suppression, then evaluate, then a strength clamped to (0, 1].
 * A finding with no strength is no finding.
 */
export function evaluateSignal(
  signal: SignalDefinition,
  snapshot: Snapshot,
  config: ResolvedSignalConfig<unknown>,
  now: Instant,
): Finding | null {
  if (signal.quietInOffSeason && config.quietMonths.includes(monthOf(now))) return null;
  // Thresholds were parsed by this signal's own zod object (tenant-config.ts), so they have the type evaluate() expects.
  const finding = signal.evaluate(snapshot, { thresholds: config.thresholds as never, tenant: config.tenant }, now);
  if (!finding || !(finding.strength > 0)) return null;
  return finding.strength > 1 ? { ...finding, strength: 1 } : finding;
}
