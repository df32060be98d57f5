import { associationKindOf } from '../state/association-types.ts';
import { OBJECT_TYPES, type ObjectType } from '../state/portal-seed.ts';
import type { NewAssociation, PortalState } from '../state/portal-state.ts';
import { badRequest } from './http-error.ts';

interface AssociationInput {
  to: { id: string };
  types: { associationCategory: string; associationTypeId: number }[];
}

/**
 * The associations a create asks for (PublicAssociationsForObject: a target id and association types), resolved:
 * the HUBSPOT_DEFINED type id says which object type the target is, and the target must exist. Anything else is a
 * 400, as HubSpot refuses the create (the sandbox has no user-defined labels).
 */
export function resolveAssociations(
  portal: PortalState,
  from: ObjectType,
  inputs: readonly AssociationInput[],
): NewAssociation[] {
  return inputs.map((input) => {
    const resolved = input.types.map((spec) => {
      const toType =
        spec.associationCategory === 'HUBSPOT_DEFINED'
          ? OBJECT_TYPES.find((type) => associationKindOf(from, type, spec.associationTypeId) !== null)
          : undefined;
      if (toType === undefined) {
        throw badRequest(
          `${spec.associationCategory} association type ${spec.associationTypeId} is not defined from ${from}`,
          { context: { associationTypeId: [String(spec.associationTypeId)] } },
        );
      }
      return { toType, kind: associationKindOf(from, toType, spec.associationTypeId) ?? 'unlabeled' };
    });
    const toType = resolved[0]?.toType;
    if (toType === undefined) throw badRequest(`The association to ${input.to.id} names no association type`);
    if (resolved.some((r) => r.toType !== toType)) {
      throw badRequest(`The association types of the association to ${input.to.id} name different object types`);
    }
    if (portal.get(toType, input.to.id) === undefined) {
      throw badRequest(`Cannot associate with ${toType} ${input.to.id}: it does not exist`, {
        context: { toObjectId: [input.to.id] },
      });
    }
    return { to: { type: toType, id: input.to.id }, kinds: resolved.map((r) => r.kind) };
  });
}
