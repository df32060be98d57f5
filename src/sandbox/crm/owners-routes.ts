import { Router } from 'express';
import { notFound } from '../state/state-error.ts';
import { badRequest } from './http-error.ts';
import { queryBoolean, queryInteger, queryString } from './parse-request.ts';
import { portalOf } from './request-context.ts';

/** The owners listing's page: 100 by default, 500 at most (crm-owners-2026-09.json). */
const OWNERS_DEFAULT = 100;
const OWNERS_MAX = 500;

/**
 * GET /crm/owners/2026-09 and /{ownerId}. `archived=true` lists only the archived (deactivated) owners, as the spec
 * says; `email` filters; `after` is the offset of the next page.
 */
export function ownersRoutes(): Router {
  const router = Router();

  router.get('/', (req, res) => {
    const limit = queryInteger(req, 'limit', OWNERS_DEFAULT, { min: 1, max: OWNERS_MAX });
    const after = queryString(req, 'after');
    if (after !== undefined && !/^\d+$/.test(after)) throw badRequest(`after must be a paging cursor, got ${after}`);
    const email = queryString(req, 'email')?.toLowerCase();
    const owners = portalOf(res)
      .owners({ archived: queryBoolean(req, 'archived', false) })
      .filter((owner) => email === undefined || owner.email?.toLowerCase() === email);
    const start = Number(after ?? 0);
    const end = start + limit;
    res.status(200).json({
      results: owners.slice(start, end),
      ...(end < owners.length ? { paging: { next: { after: String(end) } } } : {}),
    });
  });

  router.get('/:ownerId', (req, res) => {
    const idProperty = queryString(req, 'idProperty') ?? 'id';
    if (idProperty !== 'id' && idProperty !== 'userId')
      throw badRequest(`idProperty must be id or userId, got ${idProperty}`);
    const { ownerId } = req.params;
    const owner = portalOf(res)
      .owners({ archived: queryBoolean(req, 'archived', false) })
      .find((o) => (idProperty === 'id' ? o.id === ownerId : String(o.userId) === ownerId));
    if (owner === undefined)
      throw notFound(`No owner with ${idProperty} ${ownerId}`, { context: { ownerId: [ownerId] } });
    res.status(200).json(owner);
  });

  return router;
}
