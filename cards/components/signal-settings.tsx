import { Accordion, Flex, NumberInput, Text, TextArea, Toggle } from '@hubspot/ui-extensions';
import { humanize, linesOf } from '../lib/format-text.ts';
import type { SignalInfo } from '../lib/settings.ts';
import { errorProps, fieldMessage, type SettingsSectionProps, settingAt } from '../lib/settings-draft.ts';

/** One accordion per signal: on/off, its weight (points at full strength) and its thresholds. */
export function SignalSettings({ catalog, draft, issues, onEdit }: SettingsSectionProps & { catalog: SignalInfo[] }) {
  return (
    <Flex direction="column" gap="xs">
      {catalog.map((signal) => {
        const base = ['signals', signal.id];
        const settings = draft.effective.signals[signal.id];
        const enabled = settings?.enabled ?? true;
        const refused = fieldMessage(issues, base) !== undefined;
        return (
          <Accordion
            key={signal.id}
            testId={`signal-${signal.id}`}
            title={`${signal.title} · ${enabled ? `on, weight ${settings?.weight ?? signal.defaultWeight}` : 'off'}${refused ? ' · check the fields' : ''}`}
            defaultOpen={refused}
          >
            <Flex direction="column" gap="sm">
              <Text variant="microcopy">{signal.description}</Text>
              <Toggle
                label="Signal on"
                name={[...base, 'enabled'].join('.')}
                checked={enabled}
                onChange={(checked) => onEdit([...base, 'enabled'], checked)}
              />
              <NumberInput
                label="Weight (points at full strength)"
                description={`Default ${signal.defaultWeight}`}
                min={0}
                max={100}
                value={settings?.weight ?? signal.defaultWeight}
                onChange={(value) => Number.isFinite(value) && onEdit([...base, 'weight'], value)}
                {...errorProps(issues, [...base, 'weight'])}
              />
              {Object.entries(signal.thresholds).map(([name, fallback]) => (
                <ThresholdInput
                  key={name}
                  path={[...base, 'thresholds', name]}
                  fallback={fallback}
                  draft={draft}
                  issues={issues}
                  onEdit={onEdit}
                />
              ))}
            </Flex>
          </Accordion>
        );
      })}
    </Flex>
  );
}

/** A threshold's input by the type of its default: a number, or a list (one value per line). */
function ThresholdInput({
  path,
  fallback,
  draft,
  issues,
  onEdit,
}: SettingsSectionProps & { path: string[]; fallback: unknown }) {
  const label = humanize(path.at(-1) ?? '');
  const value = settingAt(draft, path) ?? fallback;
  if (typeof fallback === 'number') {
    return (
      <NumberInput
        label={label}
        description={`Default ${fallback}`}
        value={typeof value === 'number' ? value : fallback}
        onChange={(next) => Number.isFinite(next) && onEdit(path, next)}
        {...errorProps(issues, path)}
      />
    );
  }
  if (Array.isArray(fallback)) {
    return (
      <TextArea
        label={label}
        description="One per line"
        rows={4}
        value={(Array.isArray(value) ? value : fallback).join('\n')}
        onChange={(text) => onEdit(path, linesOf(text))}
        {...errorProps(issues, path)}
      />
    );
  }
  return <Text variant="microcopy">{`${label}: ${JSON.stringify(value)}`}</Text>;
}
