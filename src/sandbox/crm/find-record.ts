import type { ObjectType } from '../state/portal-seed.ts';
import type { PortalState } from '../state/portal-state.ts';
import { currentValue, type StoredObject } from '../state/stored-object.ts';
import { badRequest } from './http-error.ts';

/**
 * The record `id` names: its record id, or with `idProperty` the value of a unique property (`email` of contacts), as
 * the objects API reads it. A property whose values are not unique cannot identify records: 400.
 */
export function findRecord(
  portal: PortalState,
  type: ObjectType,
  id: string,
  options: { idProperty?: string; archived?: boolean } = {},
): StoredObject | undefined {
  const { idProperty } = options;
  if (idProperty === undefined || idProperty === 'hs_object_id') return portal.get(type, id, options);
  if (!portal.properties.get(type, idProperty)?.hasUniqueValue) {
    throw badRequest(`${idProperty} is not a unique value property of ${type}: it cannot be an idProperty`, {
      context: { idProperty: [idProperty] },
    });
  }
  return portal.list(type, options).find((record) => currentValue(record, idProperty) === id);
}
