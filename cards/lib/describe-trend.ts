import type { CompanyRisk } from './company-risk.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const ARROWS = { rising: '↑', steady: '→', falling: '↓' } as const;

/**
 * The trend in words: "↑ Rising: up 12 since 30 days ago". The server compares with the score `lookbackDays` ago
 * (its previousScore); how long ago that was is read from the score history, the last point with that score before
 * the assessment, and left out when the history does not show it.
 */
export function describeTrend(
  risk: Pick<CompanyRisk, 'score' | 'trend' | 'previousScore' | 'scoreHistory' | 'assessedAt'>,
): string | null {
  const { score, trend, previousScore } = risk;
  if (score === null || trend === null) return null;
  const label = `${ARROWS[trend]} ${trend[0]?.toUpperCase()}${trend.slice(1)}`;
  if (previousScore === null) return `${label}: no earlier score to compare with`;
  const delta = Math.round((score - previousScore) * 10) / 10;
  const change = delta === 0 ? 'unchanged' : `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)}`;
  const days = daysSincePrevious(risk, previousScore);
  const since =
    days === null
      ? ` from ${previousScore}`
      : ` since ${days === 0 ? 'today' : `${days} ${days === 1 ? 'day' : 'days'} ago`}`;
  return `${label}: ${change}${since}`;
}

function daysSincePrevious(
  risk: Pick<CompanyRisk, 'scoreHistory' | 'assessedAt'>,
  previousScore: number,
): number | null {
  const assessedAt = risk.assessedAt === null ? Number.NaN : Date.parse(risk.assessedAt);
  if (Number.isNaN(assessedAt)) return null;
  const earlier = risk.scoreHistory.filter((p) => p.score === previousScore && Date.parse(p.at) < assessedAt);
  const last = earlier.at(-1);
  return last === undefined ? null : Math.floor((assessedAt - Date.parse(last.at)) / DAY_MS);
}
