import type { LinkedEvidence } from '../../adapters/hubspot/with-record-urls.ts';
import type { Assessment, Reason } from '../../core/assessment.ts';

/** A reason as the card shows it: each evidence record with its link into the CRM (null when it has no page). */
export type LinkedReason = Omit<Reason, 'evidence'> & { evidence: LinkedEvidence[] };

/** The last assessment with evidence links, as the risk card receives it (src/http/company-risk-body.ts). */
export type LinkedAssessment = Omit<Assessment, 'reasons'> & { reasons: LinkedReason[] };

/** One company of the demo portfolio. */
export interface PreviewAccount {
  companyId: string;
  name: string;
  /** Yearly contract value (src/core/contract-value.ts), for revenue at risk. */
  revenue: number;
  /** Null until the company has been assessed (backfill still running). */
  assessment: LinkedAssessment | null;
}
