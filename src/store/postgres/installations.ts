import type { Pool } from 'pg';
import { openTokens, sealTokens } from '../installation-tokens.ts';
import type { InstallationStore, OAuthStateStore } from '../store.ts';
import type { TokenCipher } from '../token-cipher.ts';
import { purgePortal } from './purge-portal.ts';

interface InstallationRow {
  portal_id: number;
  access_token: string;
  refresh_token: string;
  expires_at: number;
  scopes: string[];
  hub_domain: string | null;
  installed_at: number;
}

export function postgresInstallations(
  pool: Pool,
  cipher: TokenCipher,
  clock: () => number,
): InstallationStore & OAuthStateStore {
  return {
    async saveInstallation(installation) {
      const { portalId } = installation;
      await pool.query(
        `INSERT INTO installations (portal_id, access_token, refresh_token, expires_at, scopes, hub_domain, installed_at,
           updated_at)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
         ON CONFLICT (portal_id) DO UPDATE SET
           access_token = excluded.access_token, refresh_token = excluded.refresh_token,
           expires_at = excluded.expires_at, scopes = excluded.scopes, hub_domain = excluded.hub_domain,
           installed_at = excluded.installed_at, updated_at = excluded.updated_at`,
        [
          portalId,
          ...sealTokens(cipher, portalId, installation),
          installation.expiresAt,
          JSON.stringify(installation.scopes),
          installation.hubDomain ?? null,
          installation.installedAt,
          clock(),
        ],
      );
    },

    async updateTokens(portalId, tokens) {
      // An UPDATE, never an upsert: a refresh racing an uninstall must not bring the installation back.
      const result = await pool.query(
        'UPDATE installations SET access_token = $1, refresh_token = $2, expires_at = $3, updated_at = $4 WHERE portal_id = $5',
        [...sealTokens(cipher, portalId, tokens), tokens.expiresAt, clock(), portalId],
      );
      return (result.rowCount ?? 0) > 0;
    },

    async getInstallation(portalId) {
      const { rows } = await pool.query<InstallationRow>('SELECT * FROM installations WHERE portal_id = $1', [
        portalId,
      ]);
      const row = rows[0];
      if (row === undefined) return null;
      return {
        portalId: row.portal_id,
        ...openTokens(cipher, portalId, row),
        expiresAt: row.expires_at,
        scopes: row.scopes,
        hubDomain: row.hub_domain,
        installedAt: row.installed_at,
      };
    },

    async listPortalIds() {
      const { rows } = await pool.query<{ portal_id: number }>(
        'SELECT portal_id FROM installations ORDER BY portal_id',
      );
      return rows.map((row) => row.portal_id);
    },

    async purgePortal(portalId) {
      return purgePortal(pool, portalId);
    },

    async createOAuthState({ state, expiresAt, returnTo, portalId }) {
      await pool.query('INSERT INTO oauth_states (state, expires_at, return_to, portal_id) VALUES ($1, $2, $3, $4)', [
        state,
        expiresAt,
        returnTo ?? null,
        portalId ?? null,
      ]);
    },

    async consumeOAuthState(state, now) {
      // Taken (deleted) whether valid or not: single use even when too late. Of concurrent DELETEs of one row, the
      // later ones wait for the first to commit and then find nothing.
      const { rows } = await pool.query<{ expires_at: number; return_to: string | null }>(
        'DELETE FROM oauth_states WHERE state = $1 RETURNING expires_at, return_to',
        [state],
      );
      await pool.query('DELETE FROM oauth_states WHERE expires_at <= $1', [now]);
      const row = rows[0];
      if (row === undefined || row.expires_at <= now) return false;
      return { returnTo: row.return_to };
    },
  };
}
