import { Flex, Input, MultiSelect, TextArea } from '@hubspot/ui-extensions';
import { linesOf } from '../lib/format-text.ts';
import type { PropertyMappings } from '../lib/settings.ts';
import { errorProps, type SettingsSectionProps } from '../lib/settings-draft.ts';

const MAPPING_LABELS: Readonly<Record<keyof PropertyMappings, string>> = {
  renewalDate: 'Renewal date',
  seatsPurchased: 'Seats purchased',
  seatsActive: 'Seats active',
  usageMetric: 'Usage metric',
  onboardingCompletedAt: 'Onboarding completed',
  lastTrainingAt: 'Last training',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The company properties the signals read, the CS lead, the quiet months and the competitors. */
export function AccountSettings({ draft, issues, onEdit }: SettingsSectionProps) {
  const { mappings, csLeadOwnerId, quietMonths, competitors } = draft.effective;
  return (
    <Flex direction="column" gap="sm">
      {(Object.keys(MAPPING_LABELS) as (keyof PropertyMappings)[]).map((key) => (
        <Input
          key={key}
          label={`${MAPPING_LABELS[key]}: company property`}
          description="The internal name of the HubSpot company property that holds it"
          value={mappings[key]}
          onChange={(text) => onEdit(['mappings', key], text.trim())}
          {...errorProps(issues, ['mappings', key])}
        />
      ))}
      <Input
        label="CS lead (HubSpot owner id)"
        description="Gets the tasks of critical accounts; leave empty to give them to the company owner"
        value={csLeadOwnerId ?? ''}
        onChange={(text) => onEdit(['csLeadOwnerId'], text.trim() === '' ? null : text.trim())}
        {...errorProps(issues, ['csLeadOwnerId'])}
      />
      <MultiSelect
        label="Quiet months"
        description="The off-season: silence and paused orders are expected then, so those signals stay quiet"
        options={MONTHS.map((label, index) => ({ label, value: index + 1 }))}
        value={quietMonths}
        onChange={(values) =>
          onEdit(
            ['quietMonths'],
            values.map(Number).sort((a, b) => a - b),
          )
        }
        {...errorProps(issues, ['quietMonths'])}
      />
      <TextArea
        label="Competitors"
        description="One name per line: a mention in an email, note or deal fires the competitor signal"
        rows={4}
        value={competitors.join('\n')}
        onChange={(text) => onEdit(['competitors'], linesOf(text))}
        {...errorProps(issues, ['competitors'])}
      />
    </Flex>
  );
}
