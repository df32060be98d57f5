import type { Engagement } from '../../core/snapshot.ts';
import type { HubSpotBundle } from './bundle.ts';
import { instant, str, stripTags } from './property-values.ts';

/** HubSpot's default call disposition "Connected". */
export const CONNECTED_DISPOSITION = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NOT_HELD = new Set(['CANCELED', 'NO_SHOW', 'RESCHEDULED']);

/** Emails, calls, meetings and notes → one list of engagements; records without a usable timestamp are skipped. */
export function mapEngagements(bundle: HubSpotBundle): Engagement[] {
  const out: Engagement[] = [];
  for (const email of bundle.emails) {
    const p = email.properties;
    const at = instant(p.hs_timestamp);
    if (at === null) continue;
    const direction = emailDirection(p.hs_email_direction);
    out.push({
      id: email.id,
      type: 'email',
      direction,
      twoWay: direction === 'inbound',
      at,
      subject: str(p.hs_email_subject),
      text: str(p.hs_email_text) ?? stripTags(p.hs_email_html),
    });
  }
  for (const call of bundle.calls) {
    const p = call.properties;
    const at = instant(p.hs_timestamp);
    if (at === null) continue;
    const direction = callDirection(p.hs_call_direction);
    const connected = p.hs_call_status === 'COMPLETED' && p.hs_call_disposition === CONNECTED_DISPOSITION;
    out.push({
      id: call.id,
      type: 'call',
      direction,
      twoWay: direction === 'inbound' || connected,
      at,
      subject: str(p.hs_call_title),
      text: stripTags(p.hs_call_body),
    });
  }
  for (const meeting of bundle.meetings) {
    const p = meeting.properties;
    const at = instant(p.hs_meeting_start_time) ?? instant(p.hs_timestamp);
    if (at === null) continue;
    const outcome = str(p.hs_meeting_outcome);
    out.push({
      id: meeting.id,
      type: 'meeting',
      direction: null,
      twoWay: outcome === null || !NOT_HELD.has(outcome.toUpperCase()),
      at,
      subject: str(p.hs_meeting_title),
      text: stripTags(p.hs_meeting_body),
    });
  }
  for (const note of bundle.notes) {
    const p = note.properties;
    const at = instant(p.hs_timestamp);
    if (at === null) continue;
    const text = stripTags(p.hs_note_body);
    out.push({ id: note.id, type: 'note', direction: null, twoWay: false, at, subject: null, text });
  }
  return out;
}

function emailDirection(value: string | null | undefined): Engagement['direction'] {
  switch (value) {
    case 'INCOMING_EMAIL':
      return 'inbound';
    case 'EMAIL':
    case 'FORWARDED_EMAIL':
      return 'outbound';
    default:
      return null;
  }
}

function callDirection(value: string | null | undefined): Engagement['direction'] {
  switch (value?.toUpperCase()) {
    case 'INBOUND':
      return 'inbound';
    case 'OUTBOUND':
      return 'outbound';
    default:
      return null;
  }
}
