import { type Request, Router } from 'express';
import { compareIds } from '../state/compare-ids.ts';
import { objectTypeOf } from '../state/object-types.ts';
import type { ObjectType } from '../state/portal-seed.ts';
import type { PortalState } from '../state/portal-state.ts';
import { notFound } from '../state/state-error.ts';
import type { StoredObject } from '../state/stored-object.ts';
import { findRecord } from './find-record.ts';
import { badRequest } from './http-error.ts';
import { objectTypeParam, parseBody, queryBoolean, queryInteger, queryList, queryString } from './parse-request.ts';
import { type RenderOptions, renderAssociations, renderObject } from './render-object.ts';
import { portalOf, sourceOf } from './request-context.ts';
import { CreateInput, UpdateInput } from './request-schemas.ts';
import { resolveAssociations } from './resolve-associations.ts';

/** The list endpoint's page: 10 by default, 100 at most. */
const LIST_DEFAULT = 10;
const LIST_MAX = 100;

/**
 * GET/POST /crm/objects/2026-09/{objectType} and GET/PATCH/DELETE /crm/objects/2026-09/{objectType}/{objectId}, as
 * crm-objects-2026-09.json describes them. The list pages by record id: `after` is the id the next page starts at.
 */
export function objectsBasicRoutes(): Router {
  const router = Router();

  router.get('/:objectType', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const limit = queryInteger(req, 'limit', LIST_DEFAULT, { min: 1, max: LIST_MAX });
    const after = queryString(req, 'after');
    if (after !== undefined && !/^\d+$/.test(after)) throw badRequest(`after must be a paging cursor, got ${after}`);
    const portal = portalOf(res);
    const records = portal
      .list(type, { archived: queryBoolean(req, 'archived', false) })
      .filter((r) => after === undefined || compareIds(r.id, after) >= 0);
    const page = records.slice(0, limit);
    const next = records[limit];
    const associations = associationTypes(queryList(req, 'associations'));
    const options = readOptions(req);
    res.status(200).json({
      results: page.map((record) => withAssociations(portal, record, options, associations)),
      ...(next ? { paging: { next: { after: next.id, link: `${req.baseUrl}${req.path}?after=${next.id}` } } } : {}),
    });
  });

  router.post('/:objectType', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const body = parseBody(CreateInput, req.body);
    const portal = portalOf(res);
    const values = portal.validateWrite(type, body.properties);
    const links = resolveAssociations(portal, type, body.associations);
    const record = portal.create(type, values, links, sourceOf(res));
    res.status(201).json(renderObject(record, { properties: Object.keys(values) }));
  });

  router.get('/:objectType/:objectId', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const portal = portalOf(res);
    const record = findRecord(portal, type, req.params.objectId, {
      idProperty: queryString(req, 'idProperty'),
      archived: queryBoolean(req, 'archived', false),
    });
    if (record === undefined) throw missing(type, req.params.objectId);
    res
      .status(200)
      .json(withAssociations(portal, record, readOptions(req), associationTypes(queryList(req, 'associations'))));
  });

  router.patch('/:objectType/:objectId', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const body = parseBody(UpdateInput, req.body);
    const portal = portalOf(res);
    const record = findRecord(portal, type, req.params.objectId, { idProperty: queryString(req, 'idProperty') });
    if (record === undefined) throw missing(type, req.params.objectId);
    const values = portal.validateWrite(type, body.properties, record.id);
    const updated = portal.update(type, record.id, values, sourceOf(res));
    res.status(200).json(renderObject(updated, { properties: Object.keys(values) }));
  });

  router.delete('/:objectType/:objectId', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    portalOf(res).archive(type, req.params.objectId, sourceOf(res));
    res.status(204).end();
  });

  return router;
}

function readOptions(req: Request): RenderOptions {
  return {
    properties: queryList(req, 'properties') ?? [],
    propertiesWithHistory: queryList(req, 'propertiesWithHistory') ?? [],
  };
}

/** The object types named in `associations`; unknown ones are ignored, as the spec says. */
function associationTypes(names: string[] | undefined): ObjectType[] {
  return (names ?? []).map(objectTypeOf).filter((type): type is ObjectType => type !== null);
}

function withAssociations(portal: PortalState, record: StoredObject, options: RenderOptions, types: ObjectType[]) {
  const rendered = renderObject(record, options);
  const associations = renderAssociations(portal, record, types);
  return Object.keys(associations).length > 0 ? { ...rendered, associations } : rendered;
}

function missing(type: ObjectType, id: string) {
  return notFound(`Object not found. objectId are usually numeric. ${type} ${id} does not exist.`, {
    context: { id: [id] },
  });
}
