import { Router } from 'express';
import { notFound, StateError } from '../state/state-error.ts';
import { batchEnvelope, batchError } from './batch-envelope.ts';
import { checkBatchSize, objectTypeParam, parseBody, queryBoolean } from './parse-request.ts';
import { renderGroup, renderProperty } from './render-property.ts';
import { portalOf } from './request-context.ts';
import { BatchPropertyCreate, PropertyCreate, PropertyGroupCreate, PropertyUpdate } from './request-schemas.ts';

const PROPERTY_BATCH_LIMIT = 100;

/**
 * /crm/properties/2026-09/{objectType}: the definitions (GET, POST, batch/create), the groups (GET, POST,
 * GET one) and one definition (GET, PATCH; PATCH replaces `options` whole, as HubSpot does). A name taken answers
 * 409; in a batch create it is an `errors` entry and the other properties are created.
 */
export function propertiesRoutes(now: () => number): Router {
  const router = Router();

  router.get('/:objectType', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const archived = queryBoolean(req, 'archived', false);
    const list = portalOf(res)
      .properties.list(type)
      .filter((p) => p.archived === archived);
    res.status(200).json({ results: list.map(renderProperty) });
  });

  router.post('/:objectType', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const input = parseBody(PropertyCreate, req.body);
    res.status(201).json(renderProperty(portalOf(res).properties.create(type, input)));
  });

  router.post('/:objectType/batch/create', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const { inputs } = parseBody(BatchPropertyCreate, req.body);
    checkBatchSize(inputs, PROPERTY_BATCH_LIMIT);
    const results = [];
    const errors = [];
    for (const input of inputs) {
      try {
        results.push(renderProperty(portalOf(res).properties.create(type, input)));
      } catch (error) {
        if (!(error instanceof StateError)) throw error;
        errors.push(batchError(error.category, error.message, error.context ?? { name: [input.name] }));
      }
    }
    res.status(200).json(batchEnvelope(now(), results, errors));
  });

  router.get('/:objectType/groups', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    res.status(200).json({ results: portalOf(res).properties.groups(type).map(renderGroup) });
  });

  router.post('/:objectType/groups', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const input = parseBody(PropertyGroupCreate, req.body);
    res.status(201).json(renderGroup(portalOf(res).properties.createGroup(type, input)));
  });

  router.get('/:objectType/groups/:groupName', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const group = portalOf(res)
      .properties.groups(type)
      .find((g) => g.name === req.params.groupName);
    if (group === undefined) throw notFound(`Property group ${req.params.groupName} does not exist`);
    res.status(200).json(renderGroup(group));
  });

  router.get('/:objectType/:propertyName', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const property = portalOf(res).properties.get(type, req.params.propertyName);
    if (property === undefined || property.archived !== queryBoolean(req, 'archived', false)) {
      throw notFound(`Property ${req.params.propertyName} does not exist`, {
        context: { name: [req.params.propertyName] },
      });
    }
    res.status(200).json(renderProperty(property));
  });

  router.patch('/:objectType/:propertyName', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const patch = parseBody(PropertyUpdate, req.body);
    res.status(200).json(renderProperty(portalOf(res).properties.update(type, req.params.propertyName, patch)));
  });

  return router;
}
