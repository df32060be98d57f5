import { Flex, List, Text } from '@hubspot/ui-extensions';
import type { RiskReason, Snooze } from '../lib/company-risk.ts';
import { humanize, isoDay } from '../lib/format-text.ts';

/**
 * The signals marked "not a risk" on this company and still snoozed. Once re-scored, a snoozed signal is no longer a
 * reason, so it is listed here by name; a reason still on screen shows its snooze itself.
 */
export function SnoozedSignals({ reasons, snoozes }: { reasons: readonly RiskReason[]; snoozes: readonly Snooze[] }) {
  const hidden = snoozes.filter((s) => !reasons.some((r) => r.id === s.signalId));
  if (hidden.length === 0) return null;
  return (
    <Flex direction="column" gap="flush">
      <Text format={{ fontWeight: 'demibold' }}>Marked as not a risk</Text>
      <List testId="snoozed-signals">
        {hidden.map((s) => (
          <Text key={s.signalId} variant="microcopy">
            {humanize(s.signalId)}: snoozed until {isoDay(s.until)}
          </Text>
        ))}
      </List>
    </Flex>
  );
}
