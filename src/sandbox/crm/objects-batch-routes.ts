import { Router } from 'express';
import { batchEnvelope, batchError } from './batch-envelope.ts';
import { findRecord } from './find-record.ts';
import { badRequest } from './http-error.ts';
import { checkBatchSize, objectTypeParam, parseBody, queryBoolean } from './parse-request.ts';
import { renderObject } from './render-object.ts';
import { portalOf, sourceOf } from './request-context.ts';
import { BatchCreateInput, BatchIdsInput, BatchReadInput, BatchUpdateInput } from './request-schemas.ts';
import { resolveAssociations } from './resolve-associations.ts';

/** HubSpot's batch create, read, update and archive take 100 inputs (crm-objects-2026-09.json, DESIGN §7). */
export const OBJECT_BATCH_LIMIT = 100;

/**
 * POST /crm/objects/2026-09/{objectType}/batch/{read,update,create,archive}. Records that do not exist are answered
 * under `errors` (OBJECT_NOT_FOUND, their ids in `context.ids`) next to the others' results; an invalid property value
 * anywhere refuses the whole batch with 400, as HubSpot does.
 */
export function objectsBatchRoutes(now: () => number): Router {
  const router = Router();

  router.post('/:objectType/batch/read', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const body = parseBody(BatchReadInput, req.body);
    checkBatchSize(body.inputs, OBJECT_BATCH_LIMIT);
    const portal = portalOf(res);
    const archived = queryBoolean(req, 'archived', false);
    const found = new Map<string, ReturnType<typeof renderObject>>();
    const missing: string[] = [];
    for (const { id } of body.inputs) {
      const record = findRecord(portal, type, id, { idProperty: body.idProperty, archived });
      if (record === undefined) missing.push(id);
      else found.set(record.id, renderObject(record, body));
    }
    const errors = missing.length > 0 ? [notFoundError(type, missing)] : [];
    res.status(200).json(batchEnvelope(now(), [...found.values()], errors));
  });

  router.post('/:objectType/batch/update', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const { inputs } = parseBody(BatchUpdateInput, req.body);
    checkBatchSize(inputs, OBJECT_BATCH_LIMIT);
    const ids = inputs.map((input) => input.id);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (repeated.length > 0) {
      throw badRequest(
        `Duplicate IDs found in batch input: [${[...new Set(repeated)].join(', ')}]. IDs must be unique`,
      );
    }
    const portal = portalOf(res);
    const planned = inputs.map((input) => {
      const record = findRecord(portal, type, input.id, { idProperty: input.idProperty });
      return { input, record, values: portal.validateWrite(type, input.properties, record?.id) };
    });
    const results = [];
    const missing: string[] = [];
    for (const { input, record, values } of planned) {
      if (record === undefined) {
        missing.push(input.id);
        continue;
      }
      const updated = portal.update(type, record.id, values, sourceOf(res));
      results.push(
        renderObject(updated, {
          properties: Object.keys(values),
          ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
        }),
      );
    }
    const errors = missing.length > 0 ? [notFoundError(type, missing)] : [];
    res.status(200).json(batchEnvelope(now(), results, errors));
  });

  router.post('/:objectType/batch/create', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const { inputs } = parseBody(BatchCreateInput, req.body);
    checkBatchSize(inputs, OBJECT_BATCH_LIMIT);
    const portal = portalOf(res);
    const planned = inputs.map((input) => ({
      input,
      values: portal.validateWrite(type, input.properties),
      links: resolveAssociations(portal, type, input.associations),
    }));
    checkUniqueWithinBatch(
      planned.map((p) => p.values),
      (name) => portal.properties.get(type, name)?.hasUniqueValue,
    );
    const results = planned.map(({ input, values, links }) => {
      const record = portal.create(type, values, links, sourceOf(res));
      return renderObject(record, {
        properties: Object.keys(values),
        ...(input.objectWriteTraceId ? { objectWriteTraceId: input.objectWriteTraceId } : {}),
      });
    });
    res.status(201).json(batchEnvelope(now(), results));
  });

  router.post('/:objectType/batch/archive', (req, res) => {
    const type = objectTypeParam(req.params.objectType);
    const { inputs } = parseBody(BatchIdsInput, req.body);
    checkBatchSize(inputs, OBJECT_BATCH_LIMIT);
    const portal = portalOf(res);
    // HubSpot answers 204 whether or not each record existed.
    for (const { id } of inputs) portal.archive(type, id, sourceOf(res));
    res.status(204).end();
  });

  return router;
}

function notFoundError(type: string, ids: string[]) {
  return batchError(
    'OBJECT_NOT_FOUND',
    `Could not get some ${type} objects, they may be deleted or not exist. Check that ids are valid.`,
    { ids },
  );
}

/** Two creates of one batch cannot take the same unique value (a contact's email) either. */
function checkUniqueWithinBatch(
  values: readonly Record<string, string>[],
  isUnique: (name: string) => boolean | undefined,
): void {
  const seen = new Set<string>();
  for (const record of values) {
    for (const [name, value] of Object.entries(record)) {
      if (value === '' || !isUnique(name)) continue;
      const key = `${name}\u0000${value}`;
      if (seen.has(key))
        throw badRequest(`Duplicate ${name} ${value} in batch input: values of ${name} must be unique`);
      seen.add(key);
    }
  }
}
