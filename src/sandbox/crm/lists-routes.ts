import { Router } from 'express';
import type { ListRecord } from '../state/list-store.ts';
import { OBJECT_TYPE_IDS } from '../state/object-types.ts';
import { notFound } from '../state/state-error.ts';
import { badRequest } from './http-error.ts';
import { parseBody, queryBoolean, queryList } from './parse-request.ts';
import { portalOf } from './request-context.ts';
import { ListCreate, ListSearch } from './request-schemas.ts';

const KNOWN_TYPE_IDS = new Set<string>(Object.values(OBJECT_TYPE_IDS));

/**
 * /crm/lists/2026-09 (crm-lists-2026-09.json): create (200 with the list, filters included), fetch by ids, by object
 * type and name, or by id, and search by name. Names are unique in a portal (409 for a second one). Membership is
 * not computed: lists report no size.
 */
export function listsRoutes(): Router {
  const router = Router();

  router.post('/', (req, res) => {
    const input = parseBody(ListCreate, req.body);
    if (!KNOWN_TYPE_IDS.has(input.objectTypeId)) {
      throw badRequest(`Unknown objectTypeId ${input.objectTypeId}`, {
        context: { objectTypeId: [input.objectTypeId] },
      });
    }
    const list = portalOf(res).lists.create({
      name: input.name,
      objectTypeId: input.objectTypeId,
      processingType: input.processingType,
      ...(input.filterBranch === undefined ? {} : { filterBranch: input.filterBranch }),
    });
    res.status(200).json({ list: renderList(list, true) });
  });

  router.get('/', (req, res) => {
    const ids = queryList(req, 'listIds');
    const includeFilters = queryBoolean(req, 'includeFilters', false);
    const lists = portalOf(res)
      .lists.all()
      .filter((list) => ids === undefined || ids.includes(list.listId));
    res.status(200).json({ lists: lists.map((list) => renderList(list, includeFilters)) });
  });

  router.post('/search', (req, res) => {
    const input = parseBody(ListSearch, req.body);
    const text = input.query?.toLowerCase();
    const matches = portalOf(res)
      .lists.all()
      .filter(
        (list) =>
          (input.listIds.length === 0 || input.listIds.includes(list.listId)) &&
          (input.processingTypes.length === 0 || input.processingTypes.includes(list.processingType)) &&
          (input.objectTypeId === undefined || input.objectTypeId === list.objectTypeId) &&
          (!text || list.name.toLowerCase().includes(text)),
      );
    const count = input.count ?? 20;
    const page = matches.slice(input.offset, input.offset + count);
    const offset = input.offset + page.length;
    res.status(200).json({
      lists: page.map((list) => ({ ...renderList(list, false), additionalProperties: {} })),
      total: matches.length,
      offset,
      hasMore: offset < matches.length,
    });
  });

  router.get('/object-type-id/:objectTypeId/name/:listName', (req, res) => {
    const list = portalOf(res).lists.byName(req.params.objectTypeId, req.params.listName);
    if (list === undefined) {
      throw notFound(`List ${req.params.listName} does not exist for object type ${req.params.objectTypeId}`, {
        context: { listName: [req.params.listName] },
      });
    }
    res.status(200).json({ list: renderList(list, queryBoolean(req, 'includeFilters', false)) });
  });

  router.get('/:listId', (req, res) => {
    const list = portalOf(res).lists.byId(req.params.listId);
    if (list === undefined)
      throw notFound(`List ${req.params.listId} does not exist`, { context: { listId: [req.params.listId] } });
    res.status(200).json({ list: renderList(list, queryBoolean(req, 'includeFilters', false)) });
  });

  return router;
}

/** PublicObjectList; `filterBranch` only when asked (includeFilters) and in the answer to its creation. */
function renderList(list: ListRecord, includeFilters: boolean) {
  return {
    listId: list.listId,
    listVersion: list.listVersion,
    name: list.name,
    objectTypeId: list.objectTypeId,
    processingStatus: list.processingStatus,
    processingType: list.processingType,
    createdAt: new Date(list.createdAt).toISOString(),
    updatedAt: new Date(list.updatedAt).toISOString(),
    filtersUpdatedAt: new Date(list.filtersUpdatedAt).toISOString(),
    ...(includeFilters && list.filterBranch !== undefined ? { filterBranch: list.filterBranch } : {}),
  };
}
