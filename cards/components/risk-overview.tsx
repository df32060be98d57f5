import { Flex, Statistics, StatisticsItem, StatisticsTrend, Tag, type TagProps, Text } from '@hubspot/ui-extensions';
import type { CompanyRisk, RiskLevel } from '../lib/company-risk.ts';
import { describeTrend } from '../lib/describe-trend.ts';
import { isoDay } from '../lib/format-text.ts';

/** How a risk level is shown: the Tag's color and its text. */
export const LEVEL_STYLE: Readonly<Record<RiskLevel, { variant: NonNullable<TagProps['variant']>; label: string }>> = {
  low: { variant: 'success', label: 'Low risk' },
  medium: { variant: 'info', label: 'Medium risk' },
  high: { variant: 'warning', label: 'High risk' },
  critical: { variant: 'error', label: 'Critical risk' },
};

/** The risk at a glance: score out of 100 with its change, the level, the trend in words and the summary. */
export function RiskOverview({ risk }: { risk: CompanyRisk }) {
  const { score, level, previousScore, summary, assessedAt } = risk;
  const style = level === null ? null : LEVEL_STYLE[level];
  const trend = describeTrend(risk);
  const delta = score !== null && previousScore !== null ? Math.round((score - previousScore) * 10) / 10 : 0;
  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" align="center" gap="md" wrap>
        <Statistics>
          <StatisticsItem testId="score" label="Churn risk score (out of 100)" number={score ?? '–'}>
            {delta !== 0 && (
              // Risk going up is bad news: red.
              <StatisticsTrend
                value={String(Math.abs(delta))}
                direction={delta > 0 ? 'increase' : 'decrease'}
                color={delta > 0 ? 'red' : 'green'}
              />
            )}
          </StatisticsItem>
        </Statistics>
        {style && (
          <Tag testId="level" variant={style.variant}>
            {style.label}
          </Tag>
        )}
      </Flex>
      {trend && <Text testId="trend">{trend}</Text>}
      {summary && <Text testId="summary">{summary}</Text>}
      {assessedAt && (
        <Text variant="microcopy" testId="assessed-at">
          Assessed on {isoDay(assessedAt)}
        </Text>
      )}
    </Flex>
  );
}
