import { Router } from 'express';
import {
  type AssociationKind,
  associationKindOf,
  associationTypeId,
  canAssociate,
} from '../state/association-types.ts';
import { OBJECT_TYPE_IDS } from '../state/object-types.ts';
import type { ObjectType } from '../state/portal-seed.ts';
import { batchEnvelope, batchError } from './batch-envelope.ts';
import { badRequest } from './http-error.ts';
import { checkBatchSize, objectTypeParam, parseBody } from './parse-request.ts';
import { portalOf, sourceOf } from './request-context.ts';
import { AssociationsCreateInput, AssociationsReadInput } from './request-schemas.ts';

/** Batch read takes 1,000 inputs, batch create 2,000; one page holds 500 associated records per input. */
export const ASSOCIATION_READ_LIMIT = 1000;
export const ASSOCIATION_CREATE_LIMIT = 2000;
export const ASSOCIATION_PAGE_SIZE = 500;

const LABELS: Record<AssociationKind, string | undefined> = { primary: 'Primary', unlabeled: undefined };

/**
 * POST /crm/associations/2026-09/{fromObjectType}/{toObjectType}/batch/read and /batch/create (crm-associations-
 * 2026-09.json; https://developers.hubspot.com/docs/api-reference/legacy/crm/associations/associate-records/guide).
 * Reading pages per input: an input with more associated records than a page comes back with `paging.next.after`,
 * to be sent again with its id. Inputs that do not exist, or have nothing associated, are answered under `errors`.
 */
export function associationsRoutes(now: () => number): Router {
  const router = Router();

  router.post('/:fromObjectType/:toObjectType/batch/read', (req, res) => {
    const { from, to } = pairOf(req.params.fromObjectType, req.params.toObjectType);
    const { inputs } = parseBody(AssociationsReadInput, req.body);
    checkBatchSize(inputs, ASSOCIATION_READ_LIMIT);
    const portal = portalOf(res);
    const results = [];
    const unknown: string[] = [];
    const none: string[] = [];
    for (const input of inputs) {
      const record = portal.get(from, input.id);
      if (record === undefined) {
        unknown.push(input.id);
        continue;
      }
      const ids = portal.associatedIds({ type: from, id: record.id }, to);
      const start = input.after === undefined ? 0 : decodeCursor(input.after);
      const page = ids.slice(start, start + ASSOCIATION_PAGE_SIZE);
      if (page.length === 0) {
        none.push(input.id);
        continue;
      }
      const more = start + ASSOCIATION_PAGE_SIZE < ids.length;
      results.push({
        from: { id: input.id },
        to: page.map((toId) => ({
          toObjectId: toId,
          associationTypes: portal
            .associationKinds({ type: from, id: record.id }, { type: to, id: toId })
            .sort()
            .map((kind) => ({
              category: 'HUBSPOT_DEFINED' as const,
              typeId: associationTypeId(from, to, kind) ?? 0,
              ...(LABELS[kind] ? { label: LABELS[kind] } : {}),
            })),
        })),
        ...(more ? { paging: { next: { after: encodeCursor(start + ASSOCIATION_PAGE_SIZE) } } } : {}),
      });
    }
    const errors = [
      ...(unknown.length > 0
        ? [batchError('OBJECT_NOT_FOUND', `No ${from} with these ids.`, { fromObjectId: unknown })]
        : []),
      ...(none.length > 0
        ? [batchError('OBJECT_NOT_FOUND', `These ${from} have no ${to} associated.`, { fromObjectId: none })]
        : []),
    ];
    res.status(200).json(batchEnvelope(now(), results, errors));
  });

  router.post('/:fromObjectType/:toObjectType/batch/create', (req, res) => {
    const { from, to } = pairOf(req.params.fromObjectType, req.params.toObjectType);
    const { inputs } = parseBody(AssociationsCreateInput, req.body);
    checkBatchSize(inputs, ASSOCIATION_CREATE_LIMIT);
    const planned = inputs.map((input) => ({
      input,
      kinds: input.types.map((spec) => {
        const kind =
          spec.associationCategory === 'HUBSPOT_DEFINED' ? associationKindOf(from, to, spec.associationTypeId) : null;
        if (kind === null) {
          throw badRequest(
            `${spec.associationCategory} association type ${spec.associationTypeId} is not defined from ${from} to ${to}`,
            { context: { associationTypeId: [String(spec.associationTypeId)] } },
          );
        }
        return kind;
      }),
    }));
    const portal = portalOf(res);
    const results = [];
    const missing: string[] = [];
    for (const { input, kinds } of planned) {
      const a = portal.get(from, input.from.id);
      const b = portal.get(to, input.to.id);
      if (a === undefined || b === undefined) {
        missing.push(...(a === undefined ? [input.from.id] : []), ...(b === undefined ? [input.to.id] : []));
        continue;
      }
      portal.associate({ type: from, id: a.id }, { type: to, id: b.id }, kinds, sourceOf(res));
      const labels = portal
        .associationKinds({ type: from, id: a.id }, { type: to, id: b.id })
        .map((kind) => LABELS[kind])
        .filter((label): label is string => label !== undefined);
      results.push({
        fromObjectTypeId: OBJECT_TYPE_IDS[from],
        fromObjectId: a.id,
        toObjectTypeId: OBJECT_TYPE_IDS[to],
        toObjectId: b.id,
        labels,
      });
    }
    const errors =
      missing.length > 0
        ? [batchError('OBJECT_NOT_FOUND', 'Some of the objects to associate do not exist.', { ids: missing })]
        : [];
    res.status(200).json(batchEnvelope(now(), results, errors));
  });

  return router;
}

function pairOf(fromName: string | undefined, toName: string | undefined): { from: ObjectType; to: ObjectType } {
  const from = objectTypeParam(fromName);
  const to = objectTypeParam(toName);
  if (!canAssociate(from, to)) throw badRequest(`${from} and ${to} cannot be associated`);
  return { from, to };
}

/** Paging cursors are opaque to callers, as HubSpot's are: the offset, base64url. */
function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function decodeCursor(after: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw badRequest(`after ${after} is not a paging cursor of this endpoint`);
  return Number(match[1]);
}
