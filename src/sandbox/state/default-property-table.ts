import type { ObjectType } from './portal-seed.ts';
import type { PropertyDataType, PropertyRecord } from './property-record.ts';

/**
 * HubSpot's default properties that the app reads or writes (src/adapters/hubspot/live/read-plan.ts, the task
 * create of write-task-create.ts), with HubSpot's types, so that writes are validated and searches compare as HubSpot
 * does (numbers as numbers, dates as instants). A seed may carry other properties: their values are stored and read
 * back, but the API refuses writes to them, as HubSpot does for a property that does not exist.
 */
export type Def = [name: string, type: PropertyDataType, fieldType: string, extra?: Partial<PropertyRecord>];

const READ_ONLY = { readOnlyValue: true, calculated: true } as const;
const options = (...values: string[]) =>
  values.map((value, displayOrder) => ({ label: label(value), value, displayOrder, hidden: false }));
const text = (name: string): Def => [name, 'string', 'text'];
const textarea = (name: string): Def => [name, 'string', 'textarea'];
const datetime = (name: string, extra?: Partial<PropertyRecord>): Def => [name, 'datetime', 'date', extra];
const number = (name: string, extra?: Partial<PropertyRecord>): Def => [name, 'number', 'number', extra];
const select = (name: string, ...values: string[]): Def => [
  name,
  'enumeration',
  'select',
  { options: options(...values) },
];
const flag = (name: string, extra?: Partial<PropertyRecord>): Def => [
  name,
  'bool',
  'booleancheckbox',
  { options: [...options('true', 'false')], ...extra },
];

export const COMMON: Def[] = [
  number('hs_object_id', READ_ONLY),
  datetime('createdate'),
  datetime('hs_lastmodifieddate', READ_ONLY),
  ['hubspot_owner_id', 'enumeration', 'select', { externalOptions: true, referencedObjectType: 'OWNER' }],
];

export const DEFS: Record<ObjectType, Def[]> = {
  companies: [
    text('name'),
    text('domain'),
    text('website'),
    text('phone'),
    text('industry'),
    textarea('description'),
    select(
      'lifecyclestage',
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      'other',
    ),
    datetime('hs_lifecyclestage_customer_date'),
    number('annualrevenue'),
    datetime('notes_last_contacted', READ_ONLY),
    number('hs_parent_company_id'),
    number('numberofemployees'),
    text('address'),
    text('city'),
    text('state'),
    text('zip'),
    text('country'),
  ],
  contacts: [
    text('firstname'),
    text('lastname'),
    ['email', 'string', 'text', { hasUniqueValue: true }],
    ['hs_email_domain', 'string', 'text', READ_ONLY],
    text('jobtitle'),
    [
      'hs_buying_role',
      'enumeration',
      'checkbox',
      {
        options: options(
          'BUDGET_HOLDER',
          'CHAMPION',
          'DECISION_MAKER',
          'END_USER',
          'EXECUTIVE_SPONSOR',
          'INFLUENCER',
          'LEGAL_AND_COMPLIANCE',
          'BLOCKER',
          'OTHER',
        ),
      },
    ],
    select(
      'lifecyclestage',
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      'other',
    ),
    number('associatedcompanyid'),
    datetime('hs_sales_email_last_replied', READ_ONLY),
    datetime('hs_email_last_reply_date', READ_ONLY),
    datetime('hs_email_last_open_date', READ_ONLY),
    datetime('hs_email_last_click_date', READ_ONLY),
    datetime('hs_email_last_send_date', READ_ONLY),
    flag('hs_email_optout'),
    ['hs_email_hard_bounce_reason_enum', 'enumeration', 'select', READ_ONLY],
    flag('hs_email_bad_address', READ_ONLY),
    number('hs_feedback_last_nps_rating', READ_ONLY),
    number('hs_feedback_last_csat_survey_rating', READ_ONLY),
    datetime('hs_feedback_last_survey_date', READ_ONLY),
  ],
  deals: [
    text('dealname'),
    number('amount'),
    select(
      'dealstage',
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
      'closedwon',
      'closedlost',
    ),
    text('pipeline'),
    datetime('closedate'),
    textarea('closed_lost_reason'),
    flag('hs_is_closed_won', READ_ONLY),
    flag('hs_is_closed', READ_ONLY),
    ['dealtype', 'enumeration', 'radio'],
  ],
  tickets: [
    text('subject'),
    textarea('content'),
    select('hs_ticket_priority', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'),
    ['hs_ticket_category', 'enumeration', 'checkbox'],
    flag('hs_is_closed', READ_ONLY),
    text('hs_pipeline'),
    ['hs_pipeline_stage', 'enumeration', 'select'],
    datetime('closed_date'),
  ],
  emails: [
    datetime('hs_timestamp'),
    text('hs_email_subject'),
    textarea('hs_email_text'),
    ['hs_email_html', 'string', 'html'],
    select('hs_email_direction', 'EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'),
  ],
  calls: [
    datetime('hs_timestamp'),
    text('hs_call_title'),
    ['hs_call_body', 'string', 'html'],
    select('hs_call_direction', 'INBOUND', 'OUTBOUND'),
    ['hs_call_status', 'enumeration', 'select'],
    text('hs_call_disposition'),
  ],
  meetings: [
    datetime('hs_timestamp'),
    datetime('hs_meeting_start_time'),
    text('hs_meeting_title'),
    ['hs_meeting_body', 'string', 'html'],
    ['hs_meeting_outcome', 'enumeration', 'select'],
  ],
  notes: [datetime('hs_timestamp'), ['hs_note_body', 'string', 'html']],
  tasks: [
    datetime('hs_timestamp'),
    text('hs_task_subject'),
    ['hs_task_body', 'string', 'html'],
    select('hs_task_status', 'NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'),
    select('hs_task_priority', 'NONE', 'LOW', 'MEDIUM', 'HIGH'),
    select('hs_task_type', 'CALL', 'EMAIL', 'TODO'),
    datetime('hs_task_completion_date'),
  ],
  feedback_submissions: [
    ['hs_survey_type', 'enumeration', 'select'],
    number('hs_value'),
    datetime('hs_submission_timestamp'),
    number('hs_contact_id'),
    textarea('hs_content'),
  ],
};

/** A label from a property name: `hs_task_status` → `Task status`. */
export function label(name: string): string {
  const words = name.replace(/^hs_/, '').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
