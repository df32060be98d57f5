import { z } from 'zod';
import { HubSpotObject, HubSpotOwner } from '../../adapters/hubspot/bundle.ts';

/** The CRM object types the sandbox holds: the ones the app reads and writes (read-plan.ts, write-types.ts). */
export const OBJECT_TYPES = [
  'companies',
  'contacts',
  'deals',
  'tickets',
  'emails',
  'calls',
  'meetings',
  'notes',
  'tasks',
  'feedback_submissions',
] as const;
export const ObjectType = z.enum(OBJECT_TYPES);
export type ObjectType = z.infer<typeof ObjectType>;

const objectId = z.string().regex(/^\d+$/, { error: 'expected an object id: a string of digits' });

export const SeedAssociation = z.object({
  fromType: ObjectType,
  fromId: objectId,
  toType: ObjectType,
  toId: objectId,
});
export type SeedAssociation = z.infer<typeof SeedAssociation>;

/**
 * A portal as JSON: its owners, its records in HubSpot's own shapes (`SimplePublicObject`, whose
 * `propertiesWithHistory` becomes the stored history, newest first) and the associations between them. The demo
 * generator writes this format and the sandbox loads it (`SandboxState.loadPortal`): keep both in step.
 */
export const PortalSeed = z.object({
  portalId: z.number().int().positive(),
  owners: z.array(HubSpotOwner),
  objects: z.partialRecord(ObjectType, z.array(HubSpotObject)),
  associations: z.array(SeedAssociation),
});
export type PortalSeed = z.infer<typeof PortalSeed>;

/** The seed, validated; throws a zod error naming each bad field. */
export function parsePortalSeed(input: unknown): PortalSeed {
  return PortalSeed.parse(input);
}
