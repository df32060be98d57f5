import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Snapshot, Survey, Ticket } from '../core/snapshot.ts';
import { isoDate, withinDays } from '../core/time.ts';
import { contactLabel, surveyEvidence, ticketEvidence } from './lib/evidence.ts';
import { keywordPattern } from './lib/voice-keyword-pattern.ts';

const COMPLAINT = new RegExp(
  keywordPattern(
    [
      'complain*',
      'unhappy',
      'dissatisf*',
      'disappoint*',
      'unacceptable',
      'escalate',
      'escalated',
      'escalating',
      'escalation',
      'refund*',
      '投诉',
      '不满',
      '差评',
    ],
    true,
  ),
  'iu',
);

/** Strength of one complaint ticket (seed 001 #1: only 4% of unhappy customers complain) and of one reopen. */
const COMPLAINT_STRENGTH = 0.8;
const REOPEN_STRENGTH = 0.6;
const CSAT_SCALE = 5;
const MAX_EVIDENCE = 5;

interface Hit {
  at: number;
  strength: number;
  evidence: Evidence;
  /** The headline when this is the only record. */
  line: string;
}

export const serviceDissatisfaction = defineSignal({
  id: 'service_dissatisfaction',
  title: 'Unhappy with the service',
  description:
    'A low CSAT, a complaint or a reopened ticket: bad service is the first reason customers leave and never come ' +
    'back, and only a few unhappy customers ever say so, so each one that does counts.',
  source: {
    refs: ['001 #1', '003 #4'],
    quote: '90%的客户有据报道完全放弃了业务由于糟糕的客户服务……只是 4%的不满意的客户实际上报告问题',
  },
  defaultWeight: 30,
  thresholds: z.object({
    windowDays: z.number().int().positive().default(60),
    /** Highest CSAT (1–5 scale) that counts as dissatisfied. */
    csatMax: z.number().min(0).max(5).default(2),
  }),
  quietInOffSeason: false,
  playbook: [
    'Call the customer today and find the core of the problem (a promise sales did not keep, a slow fix, the tone of support, a billing error); acknowledge it and give a date for an answer.',
    'Get the facts from the people involved (ticket history, the agent, the rep), then resolve it in the company’s name, in the customer’s favour wherever reasonable.',
    'Close the loop before closing the ticket: confirm with the requester that the fix works; never close a reopened ticket again without their OK.',
    'Review the support replies on this account for empathy, patience and speed; coach the agent or reassign the account if needed.',
    'Check in two weeks later and ask what would make the service meet their expectations.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { windowDays, csatMax } = thresholds;
    const hits: Hit[] = [];
    let lowCsat = 0;
    let lowestCsat = Number.POSITIVE_INFINITY;
    let complaints = 0;
    let reopens = 0;
    for (const s of snapshot.surveys) {
      if (s.kind !== 'csat' || !(s.score >= 0 && s.score <= csatMax) || !withinDays(s.at, now, windowDays)) continue;
      lowCsat++;
      if (s.score < lowestCsat) lowestCsat = s.score;
      // 0.6 at 2 of 5, 0.8 at 1, 1.0 at 0.
      const strength = Math.min(1, 0.6 + 0.2 * (csatMax - s.score));
      const who = respondent(snapshot, s);
      hits.push({
        at: s.at,
        strength,
        evidence: surveyEvidence(s, {
          score: s.score,
          scale: CSAT_SCALE,
          at: isoDate(s.at),
          respondent: who,
          contactId: s.contactId,
          comment: s.comment,
        }),
        line: `CSAT ${s.score} of ${CSAT_SCALE} from ${who} on ${isoDate(s.at)}`,
      });
    }
    for (const t of snapshot.tickets) {
      const complaint = withinDays(t.createdAt, now, windowDays) && isComplaint(t);
      const reopened = withinDays(t.reopenedAt, now, windowDays);
      if (!complaint && !reopened) continue;
      if (complaint) complaints++;
      if (reopened) reopens++;
      const name = t.subject ? `ticket “${t.subject}”` : `ticket ${t.id}`;
      const reopenedOn = reopened ? isoDate(t.reopenedAt as number) : null;
      hits.push({
        at: Math.max(complaint ? (t.createdAt as number) : 0, reopened ? (t.reopenedAt as number) : 0),
        strength: complaint ? COMPLAINT_STRENGTH : REOPEN_STRENGTH,
        evidence: ticketEvidence(t, {
          complaint,
          reopenedAt: reopenedOn,
          createdAt: t.createdAt == null ? null : isoDate(t.createdAt),
          open: t.open,
          category: t.category,
          priority: t.priority,
        }),
        line: complaint
          ? `complaint in ${name} on ${isoDate(t.createdAt as number)}${reopenedOn ? `, reopened on ${reopenedOn}` : ''}`
          : `${name} reopened on ${reopenedOn}`,
      });
    }
    if (hits.length === 0) return null;

    hits.sort((a, b) => b.strength - a.strength || b.at - a.at);
    const top = hits[0] as Hit;
    // The worst record, plus 0.1 for each further one.
    const strength = Math.min(1, top.strength + 0.1 * (hits.length - 1));
    let headline: string;
    if (hits.length === 1) {
      headline = top.line;
    } else {
      const parts: string[] = [];
      if (lowCsat > 0) parts.push(`${lowCsat} CSAT ≤ ${csatMax} (lowest ${lowestCsat} of ${CSAT_SCALE})`);
      if (complaints > 0) parts.push(`${complaints} complaint ticket${complaints > 1 ? 's' : ''}`);
      if (reopens > 0) parts.push(`${reopens} reopened ticket${reopens > 1 ? 's' : ''}`);
      headline = `in the last ${windowDays} days: ${parts.join(', ')}`;
    }
    return { strength, headline, evidence: hits.slice(0, MAX_EVIDENCE).map((h) => h.evidence) };
  },
});

function isComplaint(t: Ticket): boolean {
  return (
    (t.category != null && COMPLAINT.test(t.category)) ||
    (t.subject != null && COMPLAINT.test(t.subject)) ||
    (t.content != null && COMPLAINT.test(t.content))
  );
}

function respondent(snapshot: Snapshot, s: Survey): string {
  if (s.contactId == null) return 'the account';
  const contact = snapshot.contacts.find((c) => c.id === s.contactId);
  return contact ? contactLabel(contact) : `contact ${s.contactId}`;
}
