import type { Survey } from '../../core/snapshot.ts';
import { DAY } from '../../core/time.ts';
import type { HubSpotObject, HubSpotValueWithTimestamp } from './bundle.ts';
import { propertyHistory } from './property-history.ts';
import { instant, num, str } from './property-values.ts';

/**
 * Survey answers: every feedback submission with a numeric score, plus the answers kept on contacts (each history entry
 * of their last-NPS / last-CSAT rating is one answer). A contact answer that repeats a submission (same contact, kind
 * and score within a day) is dropped.
 */
export function mapSurveys(submissions: readonly HubSpotObject[], contacts: readonly HubSpotObject[]): Survey[] {
  const out: Survey[] = [];
  for (const submission of submissions) {
    const p = submission.properties;
    const score = num(p.hs_value);
    if (score === null) continue;
    const at = instant(p.hs_submission_timestamp) ?? instant(submission.createdAt);
    if (at === null) continue;
    out.push({
      id: submission.id,
      kind: surveyKind(p.hs_survey_type),
      score,
      at,
      contactId: str(p.hs_contact_id),
      comment: str(p.hs_content),
      recordType: 'feedback_submission',
      recordId: submission.id,
    });
  }
  const submitted = out.length;
  for (const contact of contacts) {
    const p = contact.properties;
    const h = contact.propertiesWithHistory;
    const nps = h?.hs_feedback_last_nps_rating;
    const csat = h?.hs_feedback_last_csat_survey_rating;
    const npsNow = p.hs_feedback_last_nps_rating;
    const csatNow = p.hs_feedback_last_csat_survey_rating;
    if (nps === undefined && csat === undefined && npsNow == null && csatNow == null) continue;
    const surveyDate = instant(p.hs_feedback_last_survey_date);
    addContactAnswers(out, submitted, contact.id, 'nps', nps, npsNow, surveyDate);
    addContactAnswers(out, submitted, contact.id, 'csat', csat, csatNow, surveyDate);
  }
  return out;
}

/** Each history entry of a contact's rating is an answer; without history, the current rating at the survey date. */
function addContactAnswers(
  out: Survey[],
  submitted: number,
  contactId: string,
  kind: Survey['kind'],
  history: readonly HubSpotValueWithTimestamp[] | undefined,
  current: string | null | undefined,
  surveyDate: number | null,
): void {
  const changes = propertyHistory(history, num);
  if (changes.length > 0) {
    for (const change of changes) {
      if (change.value !== null) addContactAnswer(out, submitted, contactId, kind, change.value, change.at);
    }
    return;
  }
  const score = num(current);
  if (score !== null && surveyDate !== null) addContactAnswer(out, submitted, contactId, kind, score, surveyDate);
}

function addContactAnswer(
  out: Survey[],
  submitted: number,
  contactId: string,
  kind: Survey['kind'],
  score: number,
  at: number,
): void {
  for (let i = 0; i < submitted; i++) {
    const s = out[i] as Survey;
    if (s.contactId === contactId && s.kind === kind && s.score === score && Math.abs(s.at - at) <= DAY) return;
  }
  out.push({
    id: `${contactId}:${kind}:${at}`,
    kind,
    score,
    at,
    contactId,
    comment: null,
    recordType: 'contact',
    recordId: contactId,
  });
}

function surveyKind(value: string | null | undefined): Survey['kind'] {
  switch (value?.toUpperCase()) {
    case 'NPS':
      return 'nps';
    case 'CSAT':
      return 'csat';
    case 'CES':
      return 'ces';
    default:
      return 'other';
  }
}
