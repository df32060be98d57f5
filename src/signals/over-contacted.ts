import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Contact, Engagement } from '../core/snapshot.ts';
import { type Instant, isoDate, withinDays } from '../core/time.ts';
import { contactEvidence, contactLabel, engagementEvidence } from './lib/evidence.ts';

/** Promotional wording in a subject or body (seed 001 #5: promotions should stay under 20% of touches). */
const PROMOTIONAL =
  /\b(?:offers?|discounts?|promos?|promotions?|promotional|upgrades?|sale|deals?|limited[\s-]time)\b|%\s*off\b|优惠|促销|折扣/i;

const MAX_EVIDENCE = 5;

function isOutboundTouch(e: Engagement, now: Instant, days: number): boolean {
  return e.direction === 'outbound' && (e.type === 'email' || e.type === 'call') && withinDays(e.at, now, days);
}

/**
 * Only the opening of a body is read: an offer is made up front, and the rest of a long email is often the quoted
 * thread (old messages, footers), which would match by accident and cost time.
 */
const BODY_CHARS = 200;

function isPromotional(e: Engagement): boolean {
  if (e.subject != null && PROMOTIONAL.test(e.subject)) return true;
  const text = e.text;
  return text != null && PROMOTIONAL.test(text.length > BODY_CHARS ? text.slice(0, BODY_CHARS) : text);
}

export const overContacted = defineSignal({
  id: 'over_contacted',
  title: 'Pushing too hard',
  description:
    'Too many sales calls and emails, a stream of promotions, or a contact opting out: clients who feel chased for ' +
    'their money go and find the same solution elsewhere.',
  source: {
    refs: ['001 #5', '003 #5'],
    quote: '请确保宣传外联不超过 20%的相互作用;值填充其他 80% (001) / 销售人员的营销电话过于频繁,让客户感到反感 (003)',
  },
  defaultWeight: 10,
  thresholds: z.object({
    windowDays: z.number().int().positive().default(30),
    /** Outbound emails and calls in the window that count as too many. */
    maxOutboundTouches: z.number().int().positive().default(12),
    /** Promotional share of outbound touches above which the client is being pushed (strictly above). */
    maxPromoShare: z.number().min(0).max(1).default(0.2),
    /** The share is only judged on at least this many outbound touches. */
    minTouchesForShare: z.number().int().positive().default(5),
    optOutWithinDays: z.number().int().positive().default(30),
  }),
  quietInOffSeason: false,
  playbook: [
    'Pause sales sequences and promotional sends to this account today, and agree with sales and marketing on one person who speaks to the client for the next 30 days.',
    'Review the touches in the evidence (who called or wrote, how often, which offers); if the client complained, check whether the calls were ours or a competitor’s and call back with an explanation.',
    'Make the next touches about value: a results review, a usage tip, content for their current problem; keep promotions under 20% of all contact.',
    'Respect opt-outs: keep the contact off marketing lists and ask, through the account owner, which channel and frequency they prefer.',
    'Coach the reps involved to bring value before asking for more business, and watch the contacts’ open and click rates over the next month.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { engagements, contacts } = snapshot;
    const { windowDays } = thresholds;

    let outbound = 0;
    for (const e of engagements) if (isOutboundTouch(e, now, windowDays)) outbound++;
    let promotional = 0;
    if (outbound >= thresholds.minTouchesForShare) {
      for (const e of engagements) if (isOutboundTouch(e, now, windowDays) && isPromotional(e)) promotional++;
    }
    const optedOut: Contact[] = [];
    for (const c of contacts) {
      if (withinDays(c.optedOutAt, now, thresholds.optOutWithinDays)) optedOut.push(c);
    }

    const tooMany = outbound >= thresholds.maxOutboundTouches;
    const share = outbound > 0 ? promotional / outbound : 0;
    const tooPromotional = outbound >= thresholds.minTouchesForShare && share > thresholds.maxPromoShare;
    if (!tooMany && !tooPromotional && optedOut.length === 0) return null;

    // Each sub-rule adds 0.5 at its threshold, growing to 1 at twice it (each fresh opt-out adds 0.5); capped at 1.
    let strength = 0;
    const parts: string[] = [];
    if (tooMany) {
      strength += Math.min(1, (0.5 * outbound) / thresholds.maxOutboundTouches);
      parts.push(`${outbound} outbound emails and calls in ${windowDays} days`);
    }
    if (tooPromotional) {
      strength += Math.min(1, (0.5 * share) / thresholds.maxPromoShare);
      parts.push(`${promotional} of ${outbound} outbound touches promotional (${Math.round(share * 100)}%)`);
    }
    const evidence: Evidence[] = [];
    if (optedOut.length > 0) {
      optedOut.sort((a, b) => (b.optedOutAt as number) - (a.optedOutAt as number));
      strength += 0.5 * optedOut.length;
      const latest = optedOut[0] as Contact;
      parts.push(
        optedOut.length === 1
          ? `${contactLabel(latest)} opted out on ${isoDate(latest.optedOutAt as number)}`
          : `${optedOut.length} contacts opted out in ${thresholds.optOutWithinDays} days (latest ${contactLabel(latest)})`,
      );
      // Leave room for the touches when another sub-rule fired too.
      for (const c of optedOut.slice(0, tooMany || tooPromotional ? 2 : MAX_EVIDENCE)) {
        evidence.push(contactEvidence(c, { optedOutAt: isoDate(c.optedOutAt as number) }));
      }
    }
    if (tooMany || tooPromotional) {
      // The touches themselves, most recent first; the promotional ones first when the share fired.
      const touches: Engagement[] = [];
      for (const e of engagements) if (isOutboundTouch(e, now, windowDays)) touches.push(e);
      touches.sort((a, b) => b.at - a.at);
      const promos = tooPromotional ? touches.filter(isPromotional) : [];
      const others = tooMany ? touches.filter((e) => !tooPromotional || !isPromotional(e)) : [];
      for (const e of [...promos, ...others]) {
        if (evidence.length >= MAX_EVIDENCE) break;
        evidence.push(engagementEvidence(e, { at: isoDate(e.at), type: e.type, promotional: isPromotional(e) }));
      }
    }

    return { strength: Math.min(1, strength), headline: parts.join('; '), evidence };
  },
});
