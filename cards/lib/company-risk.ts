/**
 * What the card endpoint answers (src/http/company-risk-body.ts), as the card reads it. The card is built on its
 * own by HubSpot, so it cannot import the server's types: test/cards/card-contract.test.ts checks they agree.
 */
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';
export type RiskTrend = 'rising' | 'steady' | 'falling';

/** A CRM record that made a signal fire; `url` is its page in HubSpot (null for records without one, e.g. owners). */
export interface EvidenceLink {
  type: string;
  id: string;
  label: string;
  facts: Record<string, string | number | boolean | null>;
  url: string | null;
}

export interface RiskReason {
  /** The signal id (`champion_departed`): what a snooze names. */
  id: string;
  title: string;
  /** The reason's share of the score. */
  points: number;
  headline: string;
  evidence: EvidenceLink[];
  playbook: readonly string[];
}

export interface Snooze {
  signalId: string;
  /** ISO instant. */
  until: string;
}

export interface CompanyRisk {
  status: 'scored' | 'not_scored';
  companyId: string;
  score: number | null;
  level: RiskLevel | null;
  trend: RiskTrend | null;
  previousScore: number | null;
  reasons: RiskReason[];
  summary: string | null;
  /** Oldest first; `at` an ISO instant. */
  scoreHistory: { score: number; at: string }[];
  assessedAt: string | null;
  snoozes: Snooze[];
}

/** The body as a CompanyRisk, after the checks a rendering relies on; throws a TypeError otherwise. */
export function asCompanyRisk(body: unknown): CompanyRisk {
  const risk = body as Partial<CompanyRisk> | null;
  const ok =
    typeof risk === 'object' &&
    risk !== null &&
    (risk.status === 'scored' || risk.status === 'not_scored') &&
    Array.isArray(risk.reasons) &&
    Array.isArray(risk.snoozes) &&
    Array.isArray(risk.scoreHistory) &&
    (risk.status === 'not_scored' || typeof risk.score === 'number');
  if (!ok) throw new TypeError('the card endpoint answered something other than a company risk');
  return risk as CompanyRisk;
}
