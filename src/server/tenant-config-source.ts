import type { Logger } from 'pino';
import { resolveStoredSettings } from '../core/resolve-stored-settings.ts';
import type { SignalDefinition } from '../core/signal.ts';
import type { EngineConfig } from '../core/tenant-config.ts';
import type { PortalId, TenantSettingsStore } from '../store/store.ts';

export interface TenantConfigSource {
  /** The portal's engine config from its saved settings, cached for `ttlMs`. */
  configFor(portalId: PortalId): Promise<EngineConfig>;
  /** Drops the portal's cached config, so the next read sees a save made just now. */
  forget(portalId: PortalId): void;
}

/** A minute: the worker scores batch after batch of a portal without a read each, and a save is seen soon after. */
export const CONFIG_TTL_MS = 60_000;

/**
 * Every portal's engine config, read from its tenant settings (the settings page). A stored document that no longer
 * validates is logged as an error and the portal is scored on the product defaults meanwhile. Each process caches
 * briefly: a save through another process is seen within `ttlMs`.
 */
export function tenantConfigSource(deps: {
  store: Pick<TenantSettingsStore, 'getTenantSettings'>;
  logger: Logger;
  signals: readonly SignalDefinition[];
  now: () => number;
  ttlMs?: number;
}): TenantConfigSource {
  const { store, logger, signals, now, ttlMs = CONFIG_TTL_MS } = deps;
  const cache = new Map<PortalId, { config: Promise<EngineConfig>; until: number }>();

  const load = async (portalId: PortalId): Promise<EngineConfig> => {
    const { config, error } = resolveStoredSettings(await store.getTenantSettings(portalId), signals);
    if (error) {
      logger.error(
        { portalId, issues: error.issues },
        'the saved tenant settings are invalid: scoring on the product defaults until an admin saves the settings page',
      );
    }
    return config;
  };

  return {
    configFor(portalId) {
      const cached = cache.get(portalId);
      if (cached && cached.until > now()) return cached.config;
      const config = load(portalId);
      cache.set(portalId, { config, until: now() + ttlMs });
      // A failed read (database down) is not kept: the next call tries again.
      config.catch(() => {
        if (cache.get(portalId)?.config === config) cache.delete(portalId);
      });
      return config;
    },
    forget(portalId) {
      cache.delete(portalId);
    },
  };
}
