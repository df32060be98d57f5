import type { Pool } from 'pg';
import type { TenantSettingsStore } from '../store.ts';
import { jsonbText } from './jsonb-text.ts';

export function postgresTenantSettings(pool: Pool): TenantSettingsStore {
  return {
    async getTenantSettings(portalId) {
      const { rows } = await pool.query<{ settings: unknown }>(
        'SELECT settings FROM tenant_settings WHERE portal_id = $1',
        [portalId],
      );
      return rows.length === 0 ? null : rows[0]?.settings;
    },

    async saveTenantSettings(portalId, settings, savedAt) {
      await pool.query(
        `INSERT INTO tenant_settings (portal_id, settings, saved_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (portal_id) DO UPDATE SET settings = excluded.settings, saved_at = excluded.saved_at`,
        [portalId, jsonbText(settings ?? null), savedAt],
      );
    },
  };
}
