import type { HubSpotObject } from '../../adapters/hubspot/bundle.ts';
import { type AssociationKind, associationTypeId } from '../state/association-types.ts';
import { SINGULAR } from '../state/object-types.ts';
import type { ObjectType } from '../state/portal-seed.ts';
import type { PortalState } from '../state/portal-state.ts';
import { currentValue, DEFAULT_READ_PROPERTIES, historyOf, type StoredObject } from '../state/stored-object.ts';

export interface RenderOptions {
  /** The properties to return besides HubSpot's defaults (createdate, hs_lastmodifieddate, hs_object_id). */
  properties?: readonly string[];
  /** Properties to return with their history, under `propertiesWithHistory` (left out when none is asked). */
  propertiesWithHistory?: readonly string[];
  objectWriteTraceId?: string;
}

/**
 * A record as HubSpot returns it (SimplePublicObject): the asked properties (null when they have no value) and the
 * three it always adds, each history newest first, ISO timestamps.
 */
export function renderObject(record: StoredObject, options: RenderOptions = {}): HubSpotObject {
  const properties: Record<string, string | null> = {};
  for (const name of [...(options.properties ?? []), ...DEFAULT_READ_PROPERTIES]) {
    properties[name] = currentValue(record, name) ?? null;
  }
  const history = options.propertiesWithHistory ?? [];
  return {
    id: record.id,
    properties,
    ...(history.length > 0
      ? { propertiesWithHistory: Object.fromEntries(history.map((name) => [name, historyOf(record, name)])) }
      : {}),
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
    ...(record.archivedAt === undefined ? {} : { archivedAt: new Date(record.archivedAt).toISOString() }),
    ...(options.objectWriteTraceId === undefined ? {} : { objectWriteTraceId: options.objectWriteTraceId }),
  };
}

/**
 * `associations` of SimplePublicObjectWithAssociations for the asked types: per type (plural name) the associated
 * ids, once per association type, named as HubSpot names them (`contact_to_company` for the primary company and
 * `contact_to_company_unlabeled` beside it; `task_to_company` where a pair has no primary type). Types with none are
 * left out.
 */
export function renderAssociations(portal: PortalState, record: StoredObject, types: readonly ObjectType[]) {
  const out: Record<string, { results: { id: string; type: string }[] }> = {};
  for (const toType of types) {
    const results: { id: string; type: string }[] = [];
    for (const id of portal.associatedIds({ type: record.type, id: record.id }, toType)) {
      const kinds = portal.associationKinds({ type: record.type, id: record.id }, { type: toType, id });
      for (const kind of kinds.sort()) results.push({ id, type: typeName(record.type, toType, kind) });
    }
    if (results.length > 0) out[toType] = { results };
  }
  return out;
}

function typeName(from: ObjectType, to: ObjectType, kind: AssociationKind): string {
  const base = `${SINGULAR[from]}_to_${SINGULAR[to]}`;
  const hasPrimary = associationTypeId(from, to, 'primary') !== null;
  return kind === 'unlabeled' && hasPrimary ? `${base}_unlabeled` : base;
}
