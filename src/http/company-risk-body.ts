import { withRecordUrls } from '../adapters/hubspot/with-record-urls.ts';
import type { Level, Trend } from '../core/assessment.ts';
import type { AccountState, ActiveSnooze, PortalId } from '../store/store.ts';

type LinkedReason = ReturnType<typeof withRecordUrls>['reasons'][number];

/** What the company risk card renders (cards/): the last assessment as stored, with links into HubSpot. */
export interface CompanyRiskBody {
  /** not_scored: the company has not been assessed yet (backfill still running, or no event about it so far). */
  status: 'scored' | 'not_scored';
  companyId: string;
  score: number | null;
  level: Level | null;
  trend: Trend | null;
  previousScore: number | null;
  /** Each fired signal with its points, evidence (linked to the record in HubSpot) and playbook steps. */
  reasons: LinkedReason[];
  summary: string | null;
  /** Oldest first; `at` as an ISO instant. */
  scoreHistory: { score: number; at: string }[];
  assessedAt: string | null;
  /** The signals snoozed on this company ("not a risk") and not yet back, by signal id; `until` an ISO instant. */
  snoozes: { signalId: string; until: string }[];
}

export function companyRiskBody(
  portalId: PortalId,
  companyId: string,
  state: AccountState | null,
  activeSnoozes: readonly ActiveSnooze[] = [],
): CompanyRiskBody {
  const snoozes = activeSnoozes.map((s) => ({ signalId: s.signalId, until: new Date(s.until).toISOString() }));
  const scoreHistory = (state?.scoreHistory ?? []).map((p) => ({ score: p.value, at: new Date(p.at).toISOString() }));
  const assessment = state?.assessment;
  if (!assessment) {
    return {
      status: 'not_scored',
      companyId,
      score: null,
      level: null,
      trend: null,
      previousScore: null,
      reasons: [],
      summary: null,
      scoreHistory,
      assessedAt: null,
      snoozes,
    };
  }
  return {
    status: 'scored',
    companyId,
    score: assessment.score,
    level: assessment.level,
    trend: assessment.trend,
    previousScore: assessment.previousScore,
    reasons: withRecordUrls(assessment, portalId).reasons,
    summary: assessment.summary,
    scoreHistory,
    assessedAt: assessment.assessedAt,
    snoozes,
  };
}
