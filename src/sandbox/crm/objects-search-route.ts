import { Router } from 'express';
import { badRequest } from './http-error.ts';
import { objectTypeParam, parseBody } from './parse-request.ts';
import { renderObject } from './render-object.ts';
import { portalOf } from './request-context.ts';
import { SearchInput } from './request-schemas.ts';

/**
 * POST /crm/objects/2026-09/{objectType}/search: filter groups, sorts, text query, limit ≤200 and `after` (the offset
 * of the next page), with HubSpot's 10,000-result cap (state/search-objects.ts); `total` counts every match.
 */
export function objectsSearchRoute(): Router {
  const router = Router();
  router.post('/:objectType/search', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const body = parseBody(SearchInput, req.body);
    if (!/^\d+$/.test(body.after))
      throw badRequest(`after must be a paging cursor from a previous page, got ${body.after}`);
    const page = portalOf(res).search(type, {
      filterGroups: body.filterGroups,
      sorts: body.sorts,
      limit: body.limit,
      after: Number(body.after),
      ...(body.query === undefined ? {} : { query: body.query }),
    });
    res.status(200).json({
      total: page.total,
      results: page.results.map((record) => renderObject(record, { properties: body.properties })),
      ...(page.next === null ? {} : { paging: { next: { after: String(page.next) } } }),
    });
  });
  return router;
}
