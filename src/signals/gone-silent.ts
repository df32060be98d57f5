import { z } from 'zod';
import { defineSignal } from '../core/signal.ts';
import { DAY, daysToMs, isoDate } from '../core/time.ts';
import { companyEvidence } from './lib/evidence.ts';
import { cadence } from './lib/rhythm-cadence.ts';
import { lastTwoWayTouch } from './lib/rhythm-last-two-way-touch.ts';
import { touchEvidence } from './lib/rhythm-touch-evidence.ts';

export const goneSilent = defineSignal({
  id: 'gone_silent',
  title: 'Chatty client gone silent',
  description:
    'A client who used to talk with us at a steady rhythm has not replied, met or called for far longer than usual: ' +
    'sudden radio silence from a chatty client is often the first sign they are disengaging.',
  source: {
    refs: ['000 #4', '001 #3'],
    quote: '对于经常与你交谈的客户,要警惕突然的无线电静默;这可能是他们脱离现实的信号',
  },
  defaultWeight: 25,
  thresholds: z.object({
    /** The account's cadence is measured over this many days before its last two-way touch. */
    cadenceWindowDays: z.number().int().positive().default(180),
    /** Silence always allowed, however chatty the client. */
    minSilenceDays: z.number().positive().default(30),
    /** Silence allowed = this many times the account's median gap between two-way touches (at least minSilenceDays). */
    gapMultiplier: z.number().positive().default(2),
    /** Two-way touches needed in the cadence window before the last one: fewer means no cadence to break. */
    minPriorTouches: z.number().int().positive().default(3),
    /** Silence / allowed silence at which the strength reaches 1 (it is 1 / this ratio just past the threshold). */
    fullStrengthRatio: z.number().min(1).default(2),
  }),
  quietInOffSeason: true,
  playbook: [
    'Call the contact who engaged last (see evidence) this week rather than sending another email; ask openly whether anything changed on their side and how they see the results.',
    'If nobody answers, reach someone else at the company (a colleague, their manager) to learn whether the person in charge changed or priorities moved, and who owns the relationship now.',
    'Bring value to the conversation, not a pitch: a short review of results since you last spoke and one concrete recommendation.',
    'Agree on a regular check-in rhythm (e.g. a monthly call) and book the next one before you hang up.',
    'If the silence hides a change (new person, budget, project), log it in the CRM and follow the playbook for that cause.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const touch = lastTwoWayTouch(snapshot, now);
    if (!touch) return null;
    const minSilence = daysToMs(thresholds.minSilenceDays);
    // Cheap exit for most accounts: the allowed silence is never shorter than minSilenceDays.
    if (now - touch.at <= minSilence) return null;

    const from = touch.at - daysToMs(thresholds.cadenceWindowDays);
    const { engagements, contacts } = snapshot;
    const times: number[] = [];
    for (const e of engagements) if (e.twoWay && e.at >= from && e.at <= touch.at) times.push(e.at);
    for (const c of contacts) {
      const at = c.lastEngagedAt;
      if (at != null && at >= from && at <= touch.at) times.push(at);
    }
    const rhythm = cadence(times);
    if (!rhythm || rhythm.medianGap == null) return null;
    const priorTouches = rhythm.count - 1;
    if (priorTouches < thresholds.minPriorTouches) return null;

    const allowed = Math.max(minSilence, thresholds.gapMultiplier * rhythm.medianGap);
    const silence = now - touch.at;
    if (silence <= allowed) return null;

    const silentDays = Math.floor(silence / DAY);
    const gapDays = Math.round(rhythm.medianGap / DAY);
    return {
      strength: Math.min(1, silence / allowed / thresholds.fullStrengthRatio),
      headline:
        `no two-way contact for ${silentDays} days (usually every ${gapDays} days; ` +
        `${priorTouches} touches in the ${thresholds.cadenceWindowDays} days before)`,
      evidence: [
        companyEvidence(snapshot.account, {
          lastTwoWayTouch: isoDate(touch.at),
          silentDays,
          medianGapDays: gapDays,
          allowedSilenceDays: Math.round(allowed / DAY),
          priorTouches,
        }),
        ...touchEvidence(touch),
      ],
    };
  },
});
