import type { PortalId } from '../store/store.ts';
import { HttpError } from './http-error.ts';

export interface CardQuery {
  /** The portal HubSpot signed the request for: the only source of the tenant on card routes. */
  portalId: PortalId;
  companyId: string;
}

/**
 * Reads a card request's query: `portalId` (with userId, userEmail and appId, HubSpot adds it to every
 * `hubspot.fetch` call) and the record the card shows, `associatedObjectId` / `associatedObjectType`, which the card
 * passes from its CRM context. The query is part of the signed URL, so none of it can be changed in transit; a name
 * given twice with different values is refused rather than guessed at.
 * https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/fetching-data
 */
export function parseCardQuery(originalUrl: string): CardQuery {
  const query = new URLSearchParams(originalUrl.includes('?') ? originalUrl.slice(originalUrl.indexOf('?') + 1) : '');
  const portal = single(query, 'portalId', 'HubSpot adds it to every hubspot.fetch request');
  if (!/^\d{1,15}$/.test(portal) || Number(portal) === 0) {
    throw new HttpError(400, 'invalid_query', 'portalId must be a HubSpot portal id (digits)');
  }
  const type = single(query, 'associatedObjectType', 'the card sends the type of the record it is shown on');
  if (!['COMPANY', '0-2'].includes(type.toUpperCase())) {
    throw new HttpError(
      400,
      'invalid_query',
      `associatedObjectType must be COMPANY (this card shows companies' churn risk), received ${JSON.stringify(type.slice(0, 40))}`,
    );
  }
  const companyId = single(query, 'associatedObjectId', 'the card sends the id of the company it is shown on');
  if (!/^\d{1,20}$/.test(companyId)) {
    throw new HttpError(400, 'invalid_query', 'associatedObjectId must be a HubSpot company id (digits)');
  }
  return { portalId: Number(portal), companyId };
}

function single(query: URLSearchParams, name: string, hint: string): string {
  const values = [...new Set(query.getAll(name))];
  if (values.length === 0 || values[0] === '') {
    throw new HttpError(400, 'invalid_query', `${name} is missing from the query: ${hint}`);
  }
  if (values.length > 1) {
    throw new HttpError(400, 'invalid_query', `${name} is given ${values.length} different values: send it once`);
  }
  return values[0] as string;
}
