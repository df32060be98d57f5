import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Engagement } from '../core/snapshot.ts';
import { DAY, isoDate } from '../core/time.ts';
import { companyEvidence, engagementEvidence } from './lib/evidence.ts';
import { ramp } from './lib/value-ramp.ts';

/** Training, webinars, workshops, enablement, onboarding sessions, academy courses (English and Chinese). */
const TRAINING = /\b(?:trainings?|webinars?|workshops?|enablement|onboarding[ -]sessions?|academy)\b|培训|研讨会/i;

/** Bodies are scanned up to here: a mention further down a long email is mostly quoted history, and costly to find. */
const TEXT_SCAN_CHARS = 1000;

function mentionsTraining(e: Engagement): boolean {
  if (e.subject != null && TRAINING.test(e.subject)) return true;
  const text = e.text;
  if (text == null) return false;
  return TRAINING.test(text.length > TEXT_SCAN_CHARS ? text.slice(0, TEXT_SCAN_CHARS) : text);
}

export const trainingGap = defineSignal({
  id: 'training_gap',
  title: 'No training for a new customer',
  description:
    'A customer in its first year has had no training, webinar or enablement session in months and does not click ' +
    'the enablement emails: customers who do not know the learning materials exist struggle with the product.',
  source: {
    refs: ['002 缺乏学习材料的意识'],
    quote:
      '缺乏学习材料的意识:当您创建培训材料以帮助客户学习如何使用产品(如视频、文章和在线研讨会)时,客户必须意识到这些资源。',
  },
  defaultWeight: 10,
  thresholds: z.object({
    /** Days without training that make the gap. */
    windowDays: z.number().positive().default(90),
    /** New customers get this many days before the signal applies. */
    graceDays: z.number().min(0).default(30),
    /** Customers older than this are past the training phase. */
    maxCustomerDays: z.number().positive().default(365),
  }),
  quietInOffSeason: false,
  playbook: [
    'Invite the main contact and the day-to-day users to the next training webinar or a 45-minute session of our own, this week.',
    'Ask which features cost them the most effort and send the 2–3 videos or articles that cover exactly those.',
    'Send a short learning-path email (academy link, how-to videos, upcoming webinars) from the account owner, not marketing, and check a week later who opened it.',
    'Add new users on their side to the enablement emails so the materials reach the people who use the product.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { account, custom, engagements, contacts } = snapshot;
    const since = account.customerSince;
    if (since == null || since > now) return null;
    const ageDays = (now - since) / DAY;
    if (ageDays <= thresholds.graceDays || ageDays > thresholds.maxCustomerDays) return null;
    const start = now - thresholds.windowDays * DAY;

    const lastTraining = custom.lastTrainingAt != null && custom.lastTrainingAt <= now ? custom.lastTrainingAt : null;
    if (lastTraining != null && lastTraining >= start) return null;

    // One pass: a training engagement in the window ends it; remember older trainings and enablement emails.
    let engagementsSeen = 0;
    let lastTrainingEngagement: Engagement | null = null;
    const enablementEmails: Engagement[] = [];
    for (const e of engagements) {
      if (e.at > now) continue;
      engagementsSeen++;
      const customerSide = e.twoWay || e.direction === 'inbound';
      if (e.at < start) {
        // Only for the evidence of the last training: subjects are enough (and cheap) for older records.
        if (
          customerSide &&
          (lastTrainingEngagement == null || e.at > lastTrainingEngagement.at) &&
          e.subject != null &&
          TRAINING.test(e.subject)
        ) {
          lastTrainingEngagement = e;
        }
        continue;
      }
      if (customerSide) {
        if (mentionsTraining(e)) return null;
      } else if (e.type === 'email' && e.direction === 'outbound' && mentionsTraining(e)) {
        enablementEmails.push(e);
      }
    }
    // Missing data: no training date and no activity at all says nothing about training.
    if (lastTraining == null && engagementsSeen === 0) return null;

    // A click counts only if it came after an enablement email sent in the window (it may be a click on it).
    if (enablementEmails.length > 0) {
      let firstEnablement = Number.POSITIVE_INFINITY;
      for (const e of enablementEmails) if (e.at < firstEnablement) firstEnablement = e.at;
      for (const c of contacts) {
        if (c.lastClickAt != null && c.lastClickAt <= now && c.lastClickAt >= firstEnablement) return null;
      }
    }

    let lastSeen = lastTraining;
    if (lastTrainingEngagement != null && (lastSeen == null || lastTrainingEngagement.at > lastSeen)) {
      lastSeen = lastTrainingEngagement.at;
    }
    const daysWithout = Math.floor((now - (lastSeen ?? since)) / DAY);
    // 0.5 up to the window (a young customer never trained), 1.0 at twice the window without training.
    const strength = ramp(daysWithout, thresholds.windowDays, 2 * thresholds.windowDays, 0.5, 1);
    const evidence: Evidence[] = [
      companyEvidence(account, {
        customerSince: isoDate(since),
        lastTrainingAt: lastSeen != null ? isoDate(lastSeen) : null,
        daysWithoutTraining: daysWithout,
        enablementEmailsNotClicked: enablementEmails.length,
      }),
    ];
    if (lastTrainingEngagement != null) {
      evidence.push(engagementEvidence(lastTrainingEngagement, { at: isoDate(lastTrainingEngagement.at) }));
    }
    enablementEmails.sort((a, b) => b.at - a.at);
    for (const e of enablementEmails.slice(0, 3)) {
      evidence.push(engagementEvidence(e, { sentAt: isoDate(e.at), clickedAfter: false }));
    }
    let headline =
      lastSeen != null
        ? `no training in ${daysWithout} days (last on ${isoDate(lastSeen)}), customer since ${isoDate(since)}`
        : `no training since becoming a customer ${daysWithout} days ago`;
    if (enablementEmails.length > 0) {
      const n = enablementEmails.length;
      headline += `; ${n} enablement email${n === 1 ? '' : 's'} not clicked`;
    }
    return { strength, headline, evidence };
  },
});
