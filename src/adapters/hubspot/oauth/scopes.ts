/**
 * Exactly the OAuth scopes the app uses, each with why. The scope each operation needs is the `security` of that
 * operation in HubSpot's specs (../shared/hubspot-openapi); the app's install URL, its app-hsmeta.json and this list
 * must agree, or HubSpot refuses the install (https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/scopes).
 * The Webhooks Journal's `developer.webhooks_journal.*` scopes are not here: they belong to the app's client-credentials
 * token, not to an installation.
 */
export const REQUIRED_SCOPES = {
  oauth: 'every OAuth app; also DELETE /appinstalls/2026-09/external-install when an admin uninstalls from the app',
  'crm.objects.companies.read': 'read companies (batch read, search for the backfill and the daily sweep)',
  'crm.objects.companies.write': 'write the churn_risk_* values on companies (batch update)',
  'crm.schemas.companies.write': 'create the churn_signals property group and properties, add options to them',
  'crm.objects.contacts.read':
    'read contacts, and the engagements HubSpot files under contacts: emails, calls, meetings, notes and tasks',
  'crm.objects.contacts.write': 'create the follow-up tasks (tasks are written under the contacts scope)',
  'sales-email-read': 'read email engagements (the specs require it with crm.objects.contacts.read for emails)',
  'crm.objects.deals.read': 'read deals: renewals, amounts and closed-won history',
  tickets: 'read tickets: surges, unresolved and reopened tickets',
  'crm.objects.owners.read': 'read owners, archived ones included, for owner_departed and task assignment',
  'crm.lists.read': 'find the "Churn risk: high or critical" list by name before creating it',
  'crm.lists.write': 'create that list on install',
} as const satisfies Record<string, string>;

/**
 * Granted when the account has them, without blocking the install when it does not: feedback submissions need Service
 * Hub Professional (the spec's x-hubspot-product-tier-requirements). Without it low_nps and service_dissatisfaction
 * read the contacts' hs_feedback_last_* properties only; check Installation.scopes before calling these endpoints.
 */
export const OPTIONAL_SCOPES = {
  'crm.objects.feedback_submissions.read': 'read NPS and CSAT survey responses',
} as const satisfies Record<string, string>;

export type RequiredScope = keyof typeof REQUIRED_SCOPES;
export type OptionalScope = keyof typeof OPTIONAL_SCOPES;

export const REQUIRED_SCOPE_NAMES = Object.keys(REQUIRED_SCOPES) as RequiredScope[];
export const OPTIONAL_SCOPE_NAMES = Object.keys(OPTIONAL_SCOPES) as OptionalScope[];
