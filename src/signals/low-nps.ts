import { z } from 'zod';
import { defineSignal } from '../core/signal.ts';
import type { Snapshot, Survey } from '../core/snapshot.ts';
import { DAY, isoDate } from '../core/time.ts';
import { contactLabel, surveyEvidence } from './lib/evidence.ts';

interface Answers {
  latest: Survey;
  previous: Survey | null;
}

interface Low {
  latest: Survey;
  previous: Survey | null;
  drop: number;
  strength: number;
}

/** The account's own answers (contactId null) share this key; contact ids are never empty. */
const ACCOUNT_KEY = '';
const MAX_EVIDENCE = 5;

export const lowNps = defineSignal({
  id: 'low_nps',
  title: 'Low or falling NPS',
  description:
    'A contact answered the NPS survey as a detractor, or their score fell sharply since their last answer: survey ' +
    'scores track churn directly, so a low one is the moment to switch to save mode and find the root cause.',
  source: {
    refs: ['000 #3', '002 NPS低分'],
    quote: '当客户提交一个低的NPS时,我们跳转到保存模式来拦截问题,了解其根源',
  },
  defaultWeight: 30,
  thresholds: z.object({
    windowDays: z.number().int().positive().default(180),
    /** Highest score that counts as a detractor (NPS: 0–6). */
    detractorMax: z.number().min(0).max(10).default(6),
    /** Points lost between a contact's two latest answers. */
    minDrop: z.number().positive().default(3),
  }),
  quietInOffSeason: false,
  playbook: [
    'Call the respondent within 48 hours (a call, not an email): thank them for the answer, ask what drove the score and what they expected, and listen rather than defend.',
    'Write the root cause on the record (results, service, product fit, price, a change on their side) and agree one fix with a date; reset expectations where goals were misaligned.',
    'For a score of 3 or less or a large account, bring in your CS lead and name one person to own the save plan.',
    'Pass what you learned to the team concerned (support, onboarding, product) and tell the customer what changed because of it.',
    'Check in again 30 days after the fix, or re-survey, to confirm the score recovered.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { windowDays, detractorMax, minDrop } = thresholds;
    // One pass: the two latest distinct answers of each contact (or of the account when contactId is null).
    let byKey: Map<string, Answers> | null = null;
    for (const s of snapshot.surveys) {
      if (s.kind !== 'nps' || s.at > now || !(s.score >= 0 && s.score <= 10)) continue;
      byKey ??= new Map();
      const key = s.contactId ?? ACCOUNT_KEY;
      const answers = byKey.get(key);
      if (!answers) byKey.set(key, { latest: s, previous: null });
      else if (s.at > answers.latest.at) {
        answers.previous = answers.latest;
        answers.latest = s;
      } else if (s.at !== answers.latest.at && (!answers.previous || s.at > answers.previous.at)) {
        answers.previous = s;
      }
    }
    if (!byKey) return null;

    const from = now - windowDays * DAY;
    const lows: Low[] = [];
    for (const { latest, previous } of byKey.values()) {
      if (latest.at < from) continue;
      let strength = 0;
      // Detractor: 0.4 at detractorMax, rising linearly to 1.0 at 0.
      if (latest.score <= detractorMax) {
        strength = detractorMax > 0 ? 0.4 + (0.6 * (detractorMax - latest.score)) / detractorMax : 1;
      }
      // Drop: 0.4 at minDrop, +0.1 per further point.
      const drop = previous ? previous.score - latest.score : 0;
      if (drop >= minDrop) strength = Math.max(strength, Math.min(1, 0.4 + 0.1 * (drop - minDrop)));
      if (strength > 0) lows.push({ latest, previous, drop, strength });
    }
    if (lows.length === 0) return null;

    lows.sort((a, b) => b.strength - a.strength || b.latest.at - a.latest.at);
    const top = lows[0] as Low;
    const evidence = lows.slice(0, MAX_EVIDENCE).map((low) =>
      surveyEvidence(low.latest, {
        score: low.latest.score,
        at: isoDate(low.latest.at),
        previousScore: low.previous?.score ?? null,
        previousAt: low.previous ? isoDate(low.previous.at) : null,
        drop: low.drop > 0 ? low.drop : null,
        detractor: low.latest.score <= detractorMax,
        respondent: respondent(snapshot, low.latest),
        contactId: low.latest.contactId,
        comment: low.latest.comment,
      }),
    );
    const who = respondent(snapshot, top.latest);
    const fact =
      top.drop >= minDrop && top.previous
        ? `NPS of ${who} fell from ${top.previous.score} to ${top.latest.score}`
        : `${who} gave NPS ${top.latest.score} (detractor)`;
    const more = lows.length > 1 ? ` (+${lows.length - 1} more low or falling)` : '';
    return {
      strength: top.strength,
      headline: `${fact} on ${isoDate(top.latest.at)}${more}`,
      evidence,
    };
  },
});

function respondent(snapshot: Snapshot, survey: Survey): string {
  if (survey.contactId == null) return 'the account';
  const contact = snapshot.contacts.find((c) => c.id === survey.contactId);
  return contact ? contactLabel(contact) : `contact ${survey.contactId}`;
}
