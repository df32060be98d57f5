import type { DatabaseSync } from 'node:sqlite';
import type { TenantSettingsStore } from '../store.ts';

export function sqliteTenantSettings(db: DatabaseSync): TenantSettingsStore {
  const select = db.prepare('SELECT settings FROM tenant_settings WHERE portal_id = ?');
  const upsert = db.prepare(`
    INSERT INTO tenant_settings (portal_id, settings, saved_at) VALUES (?, ?, ?)
    ON CONFLICT (portal_id) DO UPDATE SET settings = excluded.settings, saved_at = excluded.saved_at`);

  return {
    async getTenantSettings(portalId) {
      const row = select.get(portalId) as { settings: string } | undefined;
      return row === undefined ? null : (JSON.parse(row.settings) as unknown);
    },

    async saveTenantSettings(portalId, settings, savedAt) {
      upsert.run(portalId, JSON.stringify(settings ?? null), savedAt);
    },
  };
}
