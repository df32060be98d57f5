import type { PortalId } from './store.ts';
import type { TokenCipher } from './token-cipher.ts';

type Column = 'access_token' | 'refresh_token';

/**
 * Each token is sealed bound to its portal and column: an access token pasted over a refresh token (or another
 * portal's) fails to decrypt instead of being used. Both stores use these same contexts.
 */
const context = (portalId: PortalId, column: Column) => `portal:${portalId}:${column}`;

/** The two token columns as stored: [access_token, refresh_token]. */
export function sealTokens(
  cipher: TokenCipher,
  portalId: PortalId,
  tokens: { accessToken: string; refreshToken: string },
): [string, string] {
  return [
    cipher.encrypt(tokens.accessToken, context(portalId, 'access_token')),
    cipher.encrypt(tokens.refreshToken, context(portalId, 'refresh_token')),
  ];
}

export function openTokens(
  cipher: TokenCipher,
  portalId: PortalId,
  row: { access_token: string; refresh_token: string },
): { accessToken: string; refreshToken: string } {
  return {
    accessToken: cipher.decrypt(row.access_token, context(portalId, 'access_token')),
    refreshToken: cipher.decrypt(row.refresh_token, context(portalId, 'refresh_token')),
  };
}
