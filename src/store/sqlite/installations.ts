import type { DatabaseSync } from 'node:sqlite';
import { openTokens, sealTokens } from '../installation-tokens.ts';
import type { InstallationStore, OAuthStateStore } from '../store.ts';
import type { TokenCipher } from '../token-cipher.ts';
import { purgePortal } from './purge-portal.ts';

interface InstallationRow {
  portal_id: number;
  access_token: string;
  refresh_token: string;
  expires_at: number;
  scopes: string;
  hub_domain: string | null;
  installed_at: number;
}

export function sqliteInstallations(
  db: DatabaseSync,
  cipher: TokenCipher,
  clock: () => number,
): InstallationStore & OAuthStateStore {
  const upsert = db.prepare(`
    INSERT INTO installations (portal_id, access_token, refresh_token, expires_at, scopes, hub_domain, installed_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (portal_id) DO UPDATE SET
      access_token = excluded.access_token, refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
      scopes = excluded.scopes, hub_domain = excluded.hub_domain, installed_at = excluded.installed_at,
      updated_at = excluded.updated_at`);
  const updateTokens = db.prepare(
    'UPDATE installations SET access_token = ?, refresh_token = ?, expires_at = ?, updated_at = ? WHERE portal_id = ?',
  );
  const select = db.prepare('SELECT * FROM installations WHERE portal_id = ?');
  const selectIds = db.prepare('SELECT portal_id FROM installations ORDER BY portal_id');
  const insertState = db.prepare(
    'INSERT INTO oauth_states (state, expires_at, return_to, portal_id) VALUES (?, ?, ?, ?)',
  );
  const takeState = db.prepare('DELETE FROM oauth_states WHERE state = ? RETURNING expires_at, return_to');
  const dropExpiredStates = db.prepare('DELETE FROM oauth_states WHERE expires_at <= ?');

  return {
    async saveInstallation(installation) {
      const { portalId } = installation;
      upsert.run(
        portalId,
        ...sealTokens(cipher, portalId, installation),
        installation.expiresAt,
        JSON.stringify(installation.scopes),
        installation.hubDomain ?? null,
        installation.installedAt,
        clock(),
      );
    },

    async updateTokens(portalId, tokens) {
      const result = updateTokens.run(...sealTokens(cipher, portalId, tokens), tokens.expiresAt, clock(), portalId);
      return Number(result.changes) > 0;
    },

    async getInstallation(portalId) {
      const row = select.get(portalId) as InstallationRow | undefined;
      if (row === undefined) return null;
      return {
        portalId: row.portal_id,
        ...openTokens(cipher, portalId, row),
        expiresAt: row.expires_at,
        scopes: JSON.parse(row.scopes) as string[],
        hubDomain: row.hub_domain,
        installedAt: row.installed_at,
      };
    },

    async listPortalIds() {
      return (selectIds.all() as { portal_id: number }[]).map((row) => row.portal_id);
    },

    async purgePortal(portalId) {
      return purgePortal(db, portalId);
    },

    async createOAuthState({ state, expiresAt, returnTo, portalId }) {
      insertState.run(state, expiresAt, returnTo ?? null, portalId ?? null);
    },

    async consumeOAuthState(state, now) {
      // Taken (deleted) whether valid or not: a state is single use even when it comes too late.
      const row = takeState.get(state) as { expires_at: number; return_to: string | null } | undefined;
      dropExpiredStates.run(now);
      if (row === undefined || row.expires_at <= now) return false;
      return { returnTo: row.return_to };
    },
  };
}
