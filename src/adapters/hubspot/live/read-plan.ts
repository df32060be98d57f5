import type { PropertyMappings } from '../../../core/mappings.ts';

/**
 * What the live adapter reads of each object type: exactly the properties BUNDLE.md maps to the snapshot, and
 * `propertiesWithHistory` only for those whose past values a signal reads. A property is asked in one list only:
 * history includes the current value, and the mapping takes a property missing from `properties` from its newest
 * history entry (BUNDLE.md, "Obj"). Keep this in step with BUNDLE.md when a mapping reads a new property.
 */
export interface ReadSpec {
  /** The object type as HubSpot's paths name it: `/crm/objects/2026-09/{objectType}/batch/read`. */
  objectType: string;
  properties: string[];
  propertiesWithHistory: string[];
}

/** The bundle lists filled from the company's associations, and the object type behind each. */
export type AssociatedKey =
  | 'contacts'
  | 'deals'
  | 'tickets'
  | 'emails'
  | 'calls'
  | 'meetings'
  | 'notes'
  | 'tasks'
  | 'feedbackSubmissions';

/**
 * Engagements kept per company and type: the newest by id (HubSpot hands out ids in increasing order, so the highest
 * ids are the latest records). The signals look back 180 days at most; a company with thousands of logged emails
 * would otherwise cost tens of batch reads for records no signal reads. Tasks are not capped: an old open task is
 * exactly what follow_up_overdue looks for.
 */
export const ENGAGEMENT_CAP = 500;

export interface AssociatedRead extends ReadSpec {
  key: AssociatedKey;
  /** At most this many records per company (the newest), or null for all. */
  cap: number | null;
}

function spec(objectType: string, properties: readonly string[], history: readonly string[] = []): ReadSpec {
  const withHistory = [...new Set(history)];
  const plain = [...new Set(properties)].filter((name) => !withHistory.includes(name));
  return { objectType, properties: plain, propertiesWithHistory: withHistory };
}

/** The company: its mapped properties, and history for owner, parent, headcount, address, score and the usage trends. */
export function companyReadSpec(mappings: PropertyMappings): ReadSpec {
  return spec(
    'companies',
    [
      'name',
      'domain',
      'createdate',
      'lifecyclestage',
      'hs_lifecyclestage_customer_date',
      'annualrevenue',
      'notes_last_contacted',
      mappings.renewalDate,
      mappings.seatsPurchased,
      mappings.onboardingCompletedAt,
      mappings.lastTrainingAt,
    ],
    [
      'hubspot_owner_id',
      'hs_parent_company_id',
      'numberofemployees',
      'address',
      'city',
      'state',
      'zip',
      'country',
      'churn_risk_score',
      mappings.seatsActive,
      mappings.usageMetric,
    ],
  );
}

const contacts = spec(
  'contacts',
  [
    'firstname',
    'lastname',
    'email',
    'hs_email_domain',
    'hs_buying_role',
    'createdate',
    'hs_sales_email_last_replied',
    'hs_email_last_reply_date',
    'hs_email_last_open_date',
    'hs_email_last_click_date',
    'hs_email_last_send_date',
    'hs_feedback_last_survey_date',
  ],
  [
    'jobtitle',
    'associatedcompanyid',
    'hs_email_optout',
    'hs_email_hard_bounce_reason_enum',
    'hs_email_bad_address',
    'hs_feedback_last_nps_rating',
    'hs_feedback_last_csat_survey_rating',
  ],
);

/** In the order loadBundles reads them; `key` is the bundle list, `objectType` the path segment. */
export const ASSOCIATED_READS: readonly AssociatedRead[] = [
  { key: 'contacts', cap: null, ...contacts },
  {
    key: 'deals',
    cap: null,
    ...spec(
      'deals',
      ['dealname', 'closedate', 'closed_lost_reason', 'hs_is_closed_won', 'hs_is_closed', 'dealtype', 'createdate'],
      ['amount', 'dealstage'],
    ),
  },
  {
    key: 'tickets',
    cap: null,
    ...spec(
      'tickets',
      ['subject', 'content', 'hs_ticket_priority', 'hs_ticket_category', 'hs_is_closed', 'hs_pipeline', 'createdate'],
      ['hs_pipeline_stage', 'closed_date'],
    ),
  },
  {
    key: 'emails',
    cap: ENGAGEMENT_CAP,
    ...spec('emails', ['hs_timestamp', 'hs_email_subject', 'hs_email_text', 'hs_email_html', 'hs_email_direction']),
  },
  {
    key: 'calls',
    cap: ENGAGEMENT_CAP,
    ...spec('calls', [
      'hs_timestamp',
      'hs_call_title',
      'hs_call_body',
      'hs_call_direction',
      'hs_call_status',
      'hs_call_disposition',
    ]),
  },
  {
    key: 'meetings',
    cap: ENGAGEMENT_CAP,
    ...spec('meetings', [
      'hs_meeting_start_time',
      'hs_timestamp',
      'hs_meeting_title',
      'hs_meeting_body',
      'hs_meeting_outcome',
    ]),
  },
  { key: 'notes', cap: ENGAGEMENT_CAP, ...spec('notes', ['hs_timestamp', 'hs_note_body']) },
  {
    key: 'tasks',
    cap: null,
    ...spec('tasks', [
      'hs_task_subject',
      'hs_task_status',
      'hs_timestamp',
      'hs_task_completion_date',
      'hubspot_owner_id',
    ]),
  },
  {
    key: 'feedbackSubmissions',
    cap: null,
    ...spec('feedback_submissions', [
      'hs_survey_type',
      'hs_value',
      'hs_submission_timestamp',
      'hs_contact_id',
      'hs_content',
    ]),
  },
];
