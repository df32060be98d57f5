import { z } from 'zod';
import { formatPath, ValidationError, type ValidationIssue } from '../../core/validation-error.ts';

/**
 * The HubSpot account bundle: everything the adapter read about one company, in HubSpot's own shapes, so the mapping
 * to the snapshot (to-snapshot.ts) is pure. An external contract (see BUNDLE.md and bundle.schema.json): keep it
 * exactly. These zod schemas are the single source of its types.
 */

// ---- error messages: say what was expected and what came instead ------------------------------------------------

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : 'number';
  return typeof input;
}

function quoted(input: unknown): string {
  if (typeof input === 'number') return String(input);
  if (typeof input !== 'string') return received(input);
  return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
}

function describe(what: string, input: unknown, showValue: boolean): string {
  if (input === undefined) return `missing, expected ${what}`;
  return `expected ${what}, received ${showValue ? quoted(input) : received(input)}`;
}

/** A schema-level error message: `expected <what>, received <type>` (or the value, when showValue). */
function expected(what: string, showValue = false) {
  return (issue: { input?: unknown }) => describe(what, issue.input, showValue);
}

const text = (what = 'string') => z.string({ error: expected(what) });
const textOrNull = z.string({ error: expected('string or null') }).nullable();
const flag = z.boolean({ error: expected('boolean (true or false)') });
const integer = (what = 'integer') => z.number({ error: expected(what) }).int({ error: expected(what, true) });
const isoDateTime = z.iso
  .datetime({ offset: true, error: expected('an ISO 8601 date-time like "2026-09-01T12:00:00.000Z"', true) })
  .meta({ id: 'DateTime', description: 'ISO 8601 date-time' });
const objectRefError = expected('a HubSpot object id (integer or string of digits)', true);
const objectRef = z
  .union(
    [
      z.number().int({ error: objectRefError }).nonnegative({ error: objectRefError }),
      z.string().regex(/^\d+$/, { error: objectRefError }),
    ],
    { error: objectRefError },
  )
  .meta({ id: 'ObjectId', description: 'HubSpot object id' });

// ---- CRM objects: SimplePublicObject of /crm/objects/2026-09/{type}/batch/read -------------------------------

export const HubSpotValueWithTimestamp = z
  .looseObject({
    value: text(),
    timestamp: isoDateTime,
    sourceType: text().describe('CRM_UI, INTEGRATION, API, IMPORT, CALCULATED, …'),
    sourceId: text().optional(),
    sourceLabel: text().optional(),
    updatedByUserId: integer().optional(),
  })
  .meta({ id: 'ValueWithTimestamp', description: 'one past value of a property' });
export type HubSpotValueWithTimestamp = z.infer<typeof HubSpotValueWithTimestamp>;

export const HubSpotObject = z
  .looseObject({
    id: text(),
    properties: z
      .record(z.string(), textOrNull)
      .describe('property name → value; HubSpot sends every value as a string'),
    propertiesWithHistory: z
      .record(z.string(), z.array(HubSpotValueWithTimestamp))
      .optional()
      .describe('property name → its past values (HubSpot lists them newest first)'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    archived: flag,
    archivedAt: isoDateTime.optional(),
    objectWriteTraceId: text().optional(),
    url: text().optional(),
    associations: z.record(z.string(), z.unknown()).optional().describe('as HubSpot returns them; not read'),
  })
  .meta({ id: 'SimplePublicObject', description: 'a CRM record as HubSpot returns it' });
export type HubSpotObject = z.infer<typeof HubSpotObject>;

// ---- owners: PublicOwner of crm-owners-2026-09 ------------------------------------------------------------------

export const HubSpotOwner = z
  .looseObject({
    id: text(),
    type: z.enum(['PERSON', 'QUEUE'], { error: expected('"PERSON" or "QUEUE"', true) }),
    archived: flag.describe('true for deactivated users'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    email: text().optional(),
    firstName: text().optional(),
    lastName: text().optional(),
    userId: integer().optional(),
    userIdIncludingInactive: integer().optional(),
    teams: z.array(z.looseObject({ id: text(), name: text(), primary: flag })).optional(),
  })
  .meta({ id: 'PublicOwner', description: 'a CRM user' });
export type HubSpotOwner = z.infer<typeof HubSpotOwner>;

// ---- webhook events ---------------------------------------------------------------------------------------------

export const HubSpotWebhookEvent = z
  .looseObject({
    eventId: integer(),
    subscriptionId: integer(),
    portalId: integer(),
    appId: integer(),
    occurredAt: integer('epoch milliseconds (integer)'),
    subscriptionType: text().describe(
      'contact.associationChange, contact.deletion, contact.privacyDeletion, contact.merge, company.merge, ' +
        'company.propertyChange, … or the generic object.* forms (with objectTypeId)',
    ),
    attemptNumber: integer(),
    objectId: objectRef.optional(),
    objectTypeId: text().optional().describe('generic object.* events: 0-1 contact, 0-2 company, …'),
    changeSource: text().optional(),
    changeFlag: text().optional(),
    sourceId: text().optional(),
    propertyName: text().optional(),
    propertyValue: text().optional(),
    associationType: text().optional().describe('e.g. CONTACT_TO_COMPANY, COMPANY_TO_CONTACT'),
    associationCategory: text().optional(),
    associationTypeId: integer().optional(),
    fromObjectId: objectRef.optional(),
    toObjectId: objectRef.optional(),
    associationRemoved: flag.optional(),
    isPrimaryAssociation: flag.optional(),
    primaryObjectId: objectRef.optional(),
    mergedObjectIds: z.array(objectRef, { error: expected('array of object ids') }).optional(),
    newObjectId: objectRef.optional(),
    numberOfPropertiesMoved: integer().optional(),
  })
  .meta({ id: 'WebhookEvent', description: 'a HubSpot webhook event, as delivered' });
export type HubSpotWebhookEvent = z.infer<typeof HubSpotWebhookEvent>;

// ---- the bundle -------------------------------------------------------------------------------------------------

const records = (what: string) =>
  z
    .array(HubSpotObject, { error: expected(`array of ${what}`) })
    .default(() => [])
    .describe(`${what} associated with the company; missing = none`);

export const HubSpotBundle = z
  .strictObject(
    {
      portalId: z
        .number({ error: expected('number (the HubSpot portal id, a positive integer)') })
        .int({ error: expected('number (the HubSpot portal id, a positive integer)', true) })
        .positive({ error: expected('number (the HubSpot portal id, a positive integer)', true) }),
      company: HubSpotObject.describe('the company (object type 0-2)'),
      contacts: records('contacts'),
      deals: records('deals'),
      tickets: records('tickets'),
      emails: records('emails'),
      calls: records('calls'),
      meetings: records('meetings'),
      notes: records('notes'),
      tasks: records('tasks'),
      feedbackSubmissions: records('feedback submissions'),
      owners: z
        .array(HubSpotOwner, { error: expected('array of owners') })
        .default(() => [])
        .describe('the owners the records refer to (company, contacts, tasks), archived ones included'),
      events: z
        .array(HubSpotWebhookEvent, { error: expected('array of webhook events') })
        .default(() => [])
        .describe('recent webhook events about the company and its contacts (departures, merges)'),
    },
    { error: expected('an object (the account bundle)') },
  )
  .superRefine((bundle, ctx) => {
    bundle.events.forEach((event, i) => {
      if (event.portalId !== bundle.portalId) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'portalId'],
          message: `expected ${bundle.portalId} (the bundle's portalId), received ${event.portalId}: the event belongs to another portal`,
          input: event.portalId,
        });
      }
    });
  })
  .describe('HubSpot account bundle: one company and everything associated with it that Churn Signals reads');
export type HubSpotBundle = z.output<typeof HubSpotBundle>;
export type HubSpotBundleInput = z.input<typeof HubSpotBundle>;

const BUNDLE_KEYS = Object.keys(HubSpotBundle.shape).join(', ');

// ---- parsing ----------------------------------------------------------------------------------------------------

export type BundleIssue = ValidationIssue;

/**
 * A bundle that does not match the contract; `issues` names each field (JS notation from the bundle root, e.g.
 * `contacts[3].properties.email`) and what was expected there. A ValidationError, so callers report it as bad input.
 */
export class BundleError extends ValidationError {
  constructor(issues: readonly BundleIssue[]) {
    super('HubSpot bundle', issues);
    this.name = 'BundleError';
  }
}

/** Messages for the issues the schemas above do not word themselves. */
const fallbackMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return describe(issue.expected === 'object' ? 'an object' : issue.expected, issue.input, false);
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return undefined;
  }
};

/** Validates a bundle (parsed JSON) against the contract; throws a BundleError listing every problem. */
export function parseHubSpotBundle(json: unknown): HubSpotBundle {
  const result = HubSpotBundle.safeParse(json, { error: fallbackMessages });
  if (result.success) return result.data;
  const issues: BundleIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: formatPath([...issue.path, key]), message: `unknown key: expected one of ${BUNDLE_KEYS}` });
      }
    } else {
      issues.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  throw new BundleError(issues);
}
