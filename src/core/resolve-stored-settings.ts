import type { SignalDefinition } from './signal.ts';
import { type EngineConfig, resolveConfig } from './tenant-config.ts';
import { ValidationError } from './validation-error.ts';

export interface StoredSettingsResolution {
  config: EngineConfig;
  /** Why the stored document was set aside for the product defaults; null when it was used. */
  error: ValidationError | null;
}

/**
 * A tenant's stored settings document (null before the first save) as the engine's config. A document that no
 * longer validates (saved by an older build, edited in the database) gives the product defaults and the reason, so
 * one bad document never stops a portal from being scored.
 */
export function resolveStoredSettings(stored: unknown, signals: readonly SignalDefinition[]): StoredSettingsResolution {
  try {
    return { config: resolveConfig(stored ?? {}, signals), error: null };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { config: resolveConfig({}, signals), error };
  }
}
