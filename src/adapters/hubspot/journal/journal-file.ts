import { z } from 'zod';
import { ValidationError } from '../../../core/validation-error.ts';

const objectId = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)], {
  error: 'expected a HubSpot object id (integer or string of digits)',
});
/** Epoch milliseconds; an ISO date-time is read too. */
const instant = z.union([z.number().int(), z.iso.datetime({ offset: true }).transform((value) => Date.parse(value))], {
  error: 'expected epoch milliseconds or an ISO 8601 date-time',
});

/**
 * One event of a journal file. HubSpot's specs only say an entry's `url` leads to "the file for the associated
 * journal data"; this follows its journal guide (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/guide)
 * as the sandbox implements it (src/sandbox/platform/journal/journal-events.ts): the subscription type (OBJECT,
 * ASSOCIATION, APP_LIFECYCLE_EVENT), the action (CREATE, UPDATE, DELETE, MERGE, ASSOCIATION_ADDED,
 * ASSOCIATION_REMOVED, APP_INSTALL, APP_UNINSTALL), the portal, when, and what changed. Unknown keys are kept.
 */
export const JournalEvent = z.looseObject({
  type: z.string(),
  action: z.string(),
  portalId: z.number().int(),
  occurredAt: instant,
  objectTypeId: z.string().optional(),
  objectId: objectId.optional(),
  propertyChanges: z
    .array(z.looseObject({ propertyName: z.string(), newValue: z.string().nullable().optional() }))
    .optional(),
  mergedObjectIds: z.array(objectId).optional(),
  fromObjectTypeId: z.string().optional(),
  fromObjectId: objectId.optional(),
  toObjectTypeId: z.string().optional(),
  toObjectId: objectId.optional(),
  associationTypeId: z.number().int().optional(),
  associationCategory: z.string().optional(),
  isPrimary: z.boolean().optional(),
  changeSource: z.string().optional(),
  sourceId: z.string().optional(),
  appId: z.number().int().optional(),
});
export type JournalEvent = z.infer<typeof JournalEvent>;

const JournalFile = z.looseObject({ journalEvents: z.array(JournalEvent) });

/** The events of a downloaded journal file; a ValidationError naming each bad field otherwise. */
export function parseJournalFile(json: unknown, offset: string): JournalEvent[] {
  const parsed = JournalFile.safeParse(json);
  if (parsed.success) return parsed.data.journalEvents;
  throw ValidationError.fromZod(`the Webhooks Journal file of offset ${offset}`, parsed.error);
}
