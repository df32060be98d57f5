import { Flex, NumberInput, Text } from '@hubspot/ui-extensions';
import { errorProps, type SettingPath, type SettingsSectionProps, settingAt } from '../lib/settings-draft.ts';

interface NumberField {
  path: SettingPath;
  label: string;
  description: string;
  min: number;
  max: number;
}

const LEVEL_FIELDS: NumberField[] = [
  {
    path: ['levels', 'medium'],
    label: 'Medium from',
    description: 'Score at which a company is medium risk',
    min: 0,
    max: 100,
  },
  {
    path: ['levels', 'high'],
    label: 'High from',
    description: 'Score at which a company is high risk',
    min: 0,
    max: 100,
  },
  {
    path: ['levels', 'critical'],
    label: 'Critical from',
    description: 'Score at which a company is critical',
    min: 0,
    max: 100,
  },
];

const TREND_AND_TASK_FIELDS: NumberField[] = [
  {
    path: ['trend', 'lookbackDays'],
    label: 'Trend compares with the score of (days ago)',
    description: '1 to 365',
    min: 1,
    max: 365,
  },
  {
    path: ['trend', 'tolerance'],
    label: 'Trend tolerance (points)',
    description: 'A smaller change is steady',
    min: 0,
    max: 100,
  },
  {
    path: ['tasks', 'minPoints'],
    label: 'Task from (points)',
    description: 'A reason with fewer points opens no task',
    min: 0,
    max: 100,
  },
];

/** The level cut points, the trend's comparison and when a reason opens a task. */
export function ScoringSettings(props: SettingsSectionProps) {
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">Scores run from 0 to 100; each cut point must be above the one before.</Text>
      <Flex direction="row" gap="sm" wrap>
        {LEVEL_FIELDS.map((field) => (
          <NumberSetting key={field.path.join('.')} field={field} {...props} />
        ))}
      </Flex>
      <Flex direction="row" gap="sm" wrap>
        {TREND_AND_TASK_FIELDS.map((field) => (
          <NumberSetting key={field.path.join('.')} field={field} {...props} />
        ))}
      </Flex>
    </Flex>
  );
}

function NumberSetting({ field, draft, issues, onEdit }: SettingsSectionProps & { field: NumberField }) {
  const value = settingAt(draft, field.path);
  return (
    <NumberInput
      label={field.label}
      description={field.description}
      min={field.min}
      max={field.max}
      value={typeof value === 'number' ? value : undefined}
      onChange={(next) => Number.isFinite(next) && onEdit(field.path, next)}
      {...errorProps(issues, field.path)}
    />
  );
}
