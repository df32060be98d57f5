import { Accordion, Flex, Heading, Link, List, LoadingButton, Tag, Text } from '@hubspot/ui-extensions';
import type { RiskReason, Snooze } from '../lib/company-risk.ts';
import { isoDay, points } from '../lib/format-text.ts';
import type { RiskActions } from '../lib/use-risk-actions.ts';

export interface RiskReasonsProps {
  reasons: readonly RiskReason[];
  snoozes: readonly Snooze[];
  actions: Pick<RiskActions, 'snoozing' | 'snooze'>;
}

/** Every reason, most points first: what fired it (linked to the records in HubSpot) and the playbook for it. */
export function RiskReasons({ reasons, snoozes, actions }: RiskReasonsProps) {
  if (reasons.length === 0) {
    return <Text testId="no-reasons">No warning sign fired for this company.</Text>;
  }
  const sorted = [...reasons].sort((a, b) => b.points - a.points);
  return (
    <Flex direction="column" gap="xs">
      <Heading>Why</Heading>
      {sorted.map((reason, index) => {
        const snoozedUntil = snoozes.find((s) => s.signalId === reason.id)?.until;
        return (
          <Accordion
            key={reason.id}
            testId={`reason-${reason.id}`}
            title={`${reason.title} · ${points(reason.points)}`}
            defaultOpen={index === 0}
          >
            <Flex direction="column" gap="sm">
              <Text>{reason.headline}</Text>
              {reason.evidence.length > 0 && (
                <Flex direction="column" gap="flush">
                  <Text format={{ fontWeight: 'demibold' }}>Evidence</Text>
                  <List testId={`evidence-${reason.id}`}>
                    {reason.evidence.map((e) =>
                      e.url ? (
                        <Link key={`${e.type}-${e.id}`} href={{ url: e.url, external: true }}>
                          {e.label}
                        </Link>
                      ) : (
                        <Text key={`${e.type}-${e.id}`}>{e.label}</Text>
                      ),
                    )}
                  </List>
                </Flex>
              )}
              <Flex direction="column" gap="flush">
                <Text format={{ fontWeight: 'demibold' }}>Next steps</Text>
                <List testId={`playbook-${reason.id}`} variant="ordered">
                  {reason.playbook.map((step) => (
                    <Text key={step}>{step}</Text>
                  ))}
                </List>
              </Flex>
              {snoozedUntil ? (
                <Tag testId={`snoozed-${reason.id}`}>Not a risk: snoozed until {isoDay(snoozedUntil)}</Tag>
              ) : (
                <LoadingButton
                  testId={`snooze-${reason.id}`}
                  size="sm"
                  loading={actions.snoozing === reason.id}
                  disabled={actions.snoozing !== null && actions.snoozing !== reason.id}
                  onClick={() => void actions.snooze(reason.id, reason.title)}
                >
                  Not a risk: snooze for 30 days
                </LoadingButton>
              )}
            </Flex>
          </Accordion>
        );
      })}
    </Flex>
  );
}
