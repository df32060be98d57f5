import type { Assessment } from '../../../core/assessment.ts';
import { SIGNAL_IDS } from '../../../core/signal.ts';

/** The company properties of DESIGN §4, in the `churn_signals` group the app provisions. */
export const RISK_PROPERTY_NAMES = [
  'churn_risk_score',
  'churn_risk_level',
  'churn_risk_reasons',
  'churn_risk_top_reason',
  'churn_risk_summary',
  'churn_risk_trend',
  'churn_risk_updated_at',
] as const;
export type RiskPropertyName = (typeof RISK_PROPERTY_NAMES)[number];
export type RiskProperties = Record<RiskPropertyName, string>;

/**
 * Changes on every assessment, so it never counts as a change by itself: it is written only along with a property
 * whose value did change, and then says when HubSpot's risk values last changed (the store keeps every assessment's
 * own time for the card). Writing it alone would update every company on every event and daily sweep.
 */
export const STAMP_PROPERTY: RiskPropertyName = 'churn_risk_updated_at';

/** HubSpot's limit for a string property value (https://knowledge.hubspot.com/properties/property-field-types-in-hubspot). */
export const SUMMARY_MAX_CHARS = 65_536;

const SIGNAL_ORDER = new Map<string, number>(SIGNAL_IDS.map((id, i) => [id, i]));

/**
 * The assessment as HubSpot property values (every value a string, as the CRM objects API takes them):
 * - `churn_risk_reasons` is a multiple checkbox, whose API value is the option values joined with `;`; the ids are
 *   in option order (SIGNAL_IDS), not by points, so a reordering of the same reasons is not a change;
 * - `churn_risk_top_reason` is '' when nothing fired, which clears the select;
 * - `churn_risk_updated_at` is epoch milliseconds, the format HubSpot documents for datetime values in every API
 *   (https://developers.hubspot.com/docs/faq/how-should-timestamps-be-formatted-for-hubspots-apis).
 */
export function riskProperties(assessment: Assessment): RiskProperties {
  const at = Date.parse(assessment.assessedAt);
  if (Number.isNaN(at)) {
    throw new TypeError(
      `assessment of company ${assessment.accountId} has no valid assessedAt: ${assessment.assessedAt}`,
    );
  }
  const reasons = assessment.reasons
    .map((r) => r.id)
    .sort((a, b) => (SIGNAL_ORDER.get(a) ?? Infinity) - (SIGNAL_ORDER.get(b) ?? Infinity));
  return {
    churn_risk_score: String(assessment.score),
    churn_risk_level: assessment.level,
    churn_risk_reasons: reasons.join(';'),
    churn_risk_top_reason: assessment.topReason ?? '',
    churn_risk_summary: fitSummary(assessment.summary),
    churn_risk_trend: assessment.trend,
    churn_risk_updated_at: String(at),
  };
}

/**
 * The properties to send for a company: those whose value differs from what was last written, plus the stamp when
 * anything differs; {} when nothing but the stamp would change. `written` null = never written: everything.
 */
export function changedRiskProperties(
  next: RiskProperties,
  written: Readonly<Record<string, string | null>> | null,
): Partial<RiskProperties> {
  const changed: Partial<RiskProperties> = {};
  for (const name of RISK_PROPERTY_NAMES) {
    if (name === STAMP_PROPERTY) continue;
    if (written?.[name] !== next[name]) changed[name] = next[name];
  }
  if (Object.keys(changed).length === 0) return {};
  changed[STAMP_PROPERTY] = next[STAMP_PROPERTY];
  return changed;
}

/** Room kept for the closing line of a cut summary. */
const NOTE_ROOM = 80;

/** One line per reason (summarize.ts): whole lines while they fit, then a line saying how many were left out. */
function fitSummary(summary: string): string {
  if (summary.length <= SUMMARY_MAX_CHARS) return summary;
  const budget = SUMMARY_MAX_CHARS - NOTE_ROOM;
  const lines = summary.split('\n');
  let text = '';
  let shown = 0;
  for (const line of lines) {
    const next = shown === 0 ? line : `${text}\n${line}`;
    if (next.length > budget) break;
    text = next;
    shown++;
  }
  // A first line longer than the whole budget is cut rather than dropped.
  if (shown === 0) {
    text = `${(lines[0] ?? '').slice(0, budget - 1)}…`;
    shown = 1;
  }
  if (shown === lines.length) return text;
  return `${text}\n… ${lines.length - shown} more reasons: see the Churn Signals card on the company`;
}
