import type { PortalId } from '../store/store.ts';
import { HttpError } from './http-error.ts';

export interface PortalQuery {
  /** The portal HubSpot signed the request for: the only source of the tenant on settings and card routes. */
  portalId: PortalId;
  /** The HubSpot user who made the request (`userId`, added by `hubspot.fetch`), when given. */
  userId: string | null;
}

/**
 * Reads the signed query HubSpot's `hubspot.fetch` adds to every request of an extension without a record (the
 * settings page): `portalId`, `userId`, `userEmail`, `appId`. Like card-query.ts, a name given twice with different
 * values is refused.
 */
export function parsePortalQuery(originalUrl: string): PortalQuery {
  const query = new URLSearchParams(originalUrl.includes('?') ? originalUrl.slice(originalUrl.indexOf('?') + 1) : '');
  const portal = single(query, 'portalId');
  if (portal === null) {
    throw new HttpError(
      400,
      'invalid_query',
      'portalId is missing from the query: HubSpot adds it to every hubspot.fetch request',
    );
  }
  if (!/^\d{1,15}$/.test(portal) || Number(portal) === 0) {
    throw new HttpError(400, 'invalid_query', 'portalId must be a HubSpot portal id (digits)');
  }
  const userId = single(query, 'userId');
  if (userId !== null && !/^\d{1,20}$/.test(userId)) {
    throw new HttpError(400, 'invalid_query', 'userId must be a HubSpot user id (digits)');
  }
  return { portalId: Number(portal), userId };
}

function single(query: URLSearchParams, name: string): string | null {
  const values = [...new Set(query.getAll(name))];
  if (values.length > 1) {
    throw new HttpError(400, 'invalid_query', `${name} is given ${values.length} different values: send it once`);
  }
  return values[0] || null;
}
