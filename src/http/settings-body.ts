import type { SignalDefinition } from '../core/signal.ts';
import type { EngineConfig } from '../core/tenant-config.ts';

/**
 * The settings page's view of a portal: the document as saved (`{}` before the first save) and the configuration
 * in effect, every default filled in. `effective` has the shape of a settings document, so it can be saved back.
 */
export function settingsBody(saved: unknown, config: EngineConfig) {
  const { signals, levels, trend, tasks, csLeadOwnerId, quietMonths, competitors, mappings } = config;
  return {
    settings: saved ?? {},
    effective: {
      signals: Object.fromEntries(
        signals.map((s) => [s.definition.id, { enabled: s.enabled, weight: s.weight, thresholds: s.thresholds }]),
      ),
      levels,
      trend,
      tasks,
      csLeadOwnerId,
      quietMonths,
      competitors,
      mappings,
    },
  };
}

/** What the settings page lists for each signal: its name, what it detects, and the defaults an admin changes. */
export function signalCatalog(signals: readonly SignalDefinition[]) {
  return signals.map((s) => ({
    id: s.id,
    title: s.title,
    description: s.description,
    defaultWeight: s.defaultWeight,
    thresholds: s.thresholds.parse({}) as Record<string, unknown>,
  }));
}
