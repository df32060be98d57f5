import type { Assessment } from '../../core/assessment.ts';
import type { Evidence } from '../../core/signal.ts';
import { hubspotRecordUrl } from './record-url.ts';

export type LinkedEvidence = Evidence & { url: string | null };

/** The assessment with a link to each evidence record in HubSpot, for people (CLI, card); the core stays CRM-neutral. */
export function withRecordUrls(assessment: Assessment, portalId: number | string) {
  return {
    ...assessment,
    reasons: assessment.reasons.map((reason) => ({
      ...reason,
      evidence: reason.evidence.map((e): LinkedEvidence => ({ ...e, url: hubspotRecordUrl(portalId, e.type, e.id) })),
    })),
  };
}
