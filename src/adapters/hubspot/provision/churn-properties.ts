import { LEVELS, type Trend } from '../../../core/assessment.ts';
import { DEFAULT_MAPPINGS } from '../../../core/mappings.ts';
import { SIGNALS } from '../../../signals/index.ts';

/** The company property group the app creates and owns (DESIGN §4). */
export const CHURN_GROUP = { name: 'churn_signals', label: 'Churn Signals', displayOrder: -1 } as const;

export type PropertyType = 'bool' | 'date' | 'datetime' | 'enumeration' | 'number' | 'phone_number' | 'string';
export type FieldType = 'checkbox' | 'date' | 'number' | 'select' | 'text' | 'textarea';

export interface OptionInput {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

/** A PropertyCreate of crm-properties-2026-09.json, as the app sends it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  description: string;
  groupName: string;
  type: PropertyType;
  fieldType: FieldType;
  options?: OptionInput[];
  /** The app writes it: true for the churn_risk_* properties, false for the mapped inputs the admin fills. */
  written: boolean;
}

const TRENDS: readonly Trend[] = ['rising', 'steady', 'falling'];

const options = (entries: readonly (readonly [value: string, label: string])[]): OptionInput[] =>
  entries.map(([value, label], displayOrder) => ({ label, value, displayOrder, hidden: false }));
const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const signalOptions = () => options(SIGNALS.map((signal) => [signal.id, signal.title] as const));

function property(
  name: string,
  label: string,
  type: PropertyType,
  fieldType: FieldType,
  description: string,
  extra: { options?: OptionInput[]; written?: boolean } = {},
): PropertyDefinition {
  return { name, label, description, groupName: CHURN_GROUP.name, type, fieldType, written: true, ...extra };
}

/** DESIGN §4's write-back contract, types and fieldTypes exactly as its table says. */
export const RISK_PROPERTIES: readonly PropertyDefinition[] = [
  property(
    'churn_risk_score',
    'Churn risk score',
    'number',
    'number',
    'Churn risk from 0 to 100: the sum of the points of the warning signs that fire.',
  ),
  property(
    'churn_risk_level',
    'Churn risk level',
    'enumeration',
    'select',
    'Low below 25, medium below 50, high below 75, critical from 75 (the cut points are in the app settings).',
    {
      options: options(LEVELS.map((level) => [level, capitalised(level)] as const)),
    },
  ),
  property(
    'churn_risk_reasons',
    'Churn risk reasons',
    'enumeration',
    'checkbox',
    'Every warning sign that fires for the company.',
    {
      options: signalOptions(),
    },
  ),
  property(
    'churn_risk_top_reason',
    'Churn risk top reason',
    'enumeration',
    'select',
    'The warning sign worth the most points.',
    {
      options: signalOptions(),
    },
  ),
  property(
    'churn_risk_summary',
    'Churn risk summary',
    'string',
    'textarea',
    'One line per warning sign, with its points and the records behind it.',
  ),
  property('churn_risk_trend', 'Churn risk trend', 'enumeration', 'select', 'The score compared with 30 days ago.', {
    options: options(TRENDS.map((trend) => [trend, capitalised(trend)] as const)),
  }),
  property(
    'churn_risk_updated_at',
    'Churn risk updated at',
    'datetime',
    'date',
    'When the churn risk was last computed.',
  ),
];

/** The defaults of core/mappings.ts: inputs for signals that no standard property holds, filled by the admin. */
export const MAPPED_PROPERTIES: readonly PropertyDefinition[] = [
  property(DEFAULT_MAPPINGS.renewalDate, 'Renewal date', 'date', 'date', 'When the contract renews (renewal_risk).', {
    written: false,
  }),
  property(DEFAULT_MAPPINGS.seatsPurchased, 'Seats purchased', 'number', 'number', 'Licences bought (low_adoption).', {
    written: false,
  }),
  property(DEFAULT_MAPPINGS.seatsActive, 'Seats active', 'number', 'number', 'Licences in use (low_adoption).', {
    written: false,
  }),
  property(
    DEFAULT_MAPPINGS.usageMetric,
    'Usage metric',
    'number',
    'number',
    'Product usage, any unit; a drop of 30% is a warning sign (low_adoption).',
    { written: false },
  ),
  property(
    DEFAULT_MAPPINGS.onboardingCompletedAt,
    'Onboarding completed at',
    'date',
    'date',
    'When onboarding was completed (onboarding_stalled).',
    { written: false },
  ),
  property(
    DEFAULT_MAPPINGS.lastTrainingAt,
    'Last training at',
    'date',
    'date',
    'The last training session (training_gap).',
    { written: false },
  ),
];

export const CHURN_PROPERTIES: readonly PropertyDefinition[] = [...RISK_PROPERTIES, ...MAPPED_PROPERTIES];
