import type { Reason } from './assessment.ts';

const EVIDENCE_PER_LINE = 3;

/**
 * The `churn_risk_summary` text: one line per reason with its points and the records behind it, readable in a
 * CRM view without the card.
 */
export function summarize(reasons: readonly Reason[]): string {
  if (reasons.length === 0) return 'No churn signals.';
  const lines: string[] = [];
  for (const r of reasons) {
    const shown = r.evidence.slice(0, EVIDENCE_PER_LINE).map((e) => `${e.type.replace('_', ' ')} ${e.label} #${e.id}`);
    const more = r.evidence.length > EVIDENCE_PER_LINE ? ` +${r.evidence.length - EVIDENCE_PER_LINE} more` : '';
    lines.push(`+${r.points} ${r.id}: ${r.headline}${shown.length ? ` [${shown.join('; ')}${more}]` : ''}`);
  }
  return lines.join('\n');
}
