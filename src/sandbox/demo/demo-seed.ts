/**
 * The timeline the demo plays on a portal (the portal itself is the sandbox's PortalSeed, src/sandbox/state/portal-seed.ts).
 * Each change is an operation on the portal's state, as HubSpot's API or a user in HubSpot would make it.
 */
import { z } from 'zod';
import { HubSpotObject } from '../../adapters/hubspot/bundle.ts';
import { ObjectType, type PortalSeed } from '../state/portal-seed.ts';

export type { ObjectType, SeedAssociation } from '../state/portal-seed.ts';
/** The generated portal: exactly the sandbox's seed format. */
export type DemoPortalSeed = PortalSeed;

/** A property change, as a PATCH of the object would make it (the sandbox keeps the history). */
const Update = z.strictObject({
  op: z.literal('update'),
  objectType: ObjectType,
  id: z.string(),
  properties: z.record(z.string(), z.string().nullable()),
});

/** A new record and its associations from it; the sandbox may stamp its own id and times when it plays the change. */
const Create = z.strictObject({
  op: z.literal('create'),
  objectType: ObjectType,
  object: HubSpotObject,
  associations: z.array(z.strictObject({ toType: ObjectType, toId: z.string() })),
});

/** An association removed (both directions: HubSpot associations are pairs). */
const Dissociate = z.strictObject({
  op: z.literal('dissociate'),
  fromType: ObjectType,
  fromId: z.string(),
  toType: ObjectType,
  toId: z.string(),
});

const Delete = z.strictObject({ op: z.literal('delete'), objectType: ObjectType, id: z.string() });

export const PortalChange = z.discriminatedUnion('op', [Update, Create, Dissociate, Delete]);
export type PortalChange = z.infer<typeof PortalChange>;

export const TimelineStep = z.strictObject({
  /** Offset from the start of the demo. */
  atMs: z.number().int().nonnegative(),
  /** One line for the console. */
  description: z.string(),
  change: PortalChange,
});
export type TimelineStep = z.infer<typeof TimelineStep>;
