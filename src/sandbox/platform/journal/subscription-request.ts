import { z } from 'zod';

/** The app lifecycle event types a journal subscription names (webhooks-2026-09.json, eventTypeId). */
export const LIFECYCLE_EVENT_TYPES = { APP_INSTALL: '4-1909196', APP_UNINSTALL: '4-1916193' } as const;

const OBJECT_ACTIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'MERGE',
  'RESTORE',
  'ASSOCIATION_ADDED',
  'ASSOCIATION_REMOVED',
  'SNAPSHOT',
] as const;

const portalId = z.number().int().positive();
const objectTypeId = z.string().regex(/^\d+-\d+$/, 'expected an object type id such as 0-1');
const objectIds = z.array(z.number().int().positive());
const actions = <T extends readonly [string, ...string[]]>(allowed: T) => z.array(z.enum(allowed)).min(1);

/**
 * SubscriptionUpsertRequest of webhooks-journal-2026-03.json, one schema per subscriptionType with the fields the
 * spec requires, and the actions the subscriptions guide lists for each type
 * (https://developers.hubspot.com/docs/api-reference/latest/webhooks-journal/subscriptions/guide). Empty objectIds
 * or associatedObjectTypeIds mean every object or type, empty properties every property (the sandbox's reading:
 * the docs do not say).
 */
export const SubscriptionUpsertRequest = z.discriminatedUnion('subscriptionType', [
  z.object({
    subscriptionType: z.literal('OBJECT'),
    portalId,
    objectTypeId,
    actions: actions(OBJECT_ACTIONS),
    objectIds,
    properties: z.array(z.string().min(1)),
  }),
  z.object({
    subscriptionType: z.literal('ASSOCIATION'),
    portalId,
    objectTypeId,
    actions: actions(['ASSOCIATION_ADDED', 'ASSOCIATION_REMOVED']),
    objectIds,
    associatedObjectTypeIds: z.array(objectTypeId),
  }),
  z.object({
    subscriptionType: z.literal('APP_LIFECYCLE_EVENT'),
    eventTypeId: z.enum(Object.values(LIFECYCLE_EVENT_TYPES) as [string, ...string[]], {
      error: `expected ${LIFECYCLE_EVENT_TYPES.APP_INSTALL} (app install) or ${LIFECYCLE_EVENT_TYPES.APP_UNINSTALL} (app uninstall)`,
    }),
    properties: z.array(z.string()),
  }),
  z.object({
    subscriptionType: z.literal('GDPR_PRIVACY_DELETION'),
    portalId,
    objectTypeId,
    actions: actions(['GDPR_DELETE']),
  }),
  z.object({
    subscriptionType: z.literal('LIST_MEMBERSHIP'),
    portalId,
    actions: actions(['ADDED_TO_LIST', 'REMOVED_FROM_LIST']),
    listIds: z.array(z.number().int().positive()),
    objectIds,
  }),
]);
export type SubscriptionUpsertRequest = z.infer<typeof SubscriptionUpsertRequest>;

/** A problem with one field of a request: HubSpot's ErrorDetail. */
export interface RequestProblem {
  in: string;
  message: string;
}

/** The request, or each problem with it. */
export function parseSubscriptionRequest(
  body: unknown,
): { request: SubscriptionUpsertRequest } | { problems: RequestProblem[] } {
  const parsed = SubscriptionUpsertRequest.safeParse(body ?? null);
  if (parsed.success) return { request: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const at = issue.path.length > 0 ? issue.path.join('.') : '(body)';
      return { in: at, message: `${at}: ${issue.message}` };
    }),
  };
}
