import { z } from 'zod';
import { defineSignal, type Evidence, type FactValue } from '../core/signal.ts';
import type { Deal } from '../core/snapshot.ts';
import { DAY, daysToMs, type Instant, isoDate, withinDays } from '../core/time.ts';
import { companyEvidence, dealEvidence } from './lib/evidence.ts';
import { type LastTwoWayTouch, lastTwoWayTouch } from './lib/rhythm-last-two-way-touch.ts';
import { touchEvidence } from './lib/rhythm-touch-evidence.ts';

const MAX_EVIDENCE = 5;

/**
 * Last known movement of a deal up to `now`: its last stage change, or its creation (entering the first stage) when
 * later; null = unknown.
 */
function lastMove(deal: Deal, now: Instant): Instant | null {
  const changed = deal.stageChangedAt != null && deal.stageChangedAt <= now ? deal.stageChangedAt : null;
  const created = deal.createdAt != null && deal.createdAt <= now ? deal.createdAt : null;
  if (changed == null) return created;
  return created == null ? changed : Math.max(changed, created);
}

export const renewalRisk = defineSignal({
  id: 'renewal_risk',
  title: 'Renewal at risk',
  description:
    'The renewal is overdue, or it is close with no progress on the renewal deal and no recent conversation with ' +
    'the client: late renewals lose customers, and renewals won early are the ones started early.',
  source: {
    refs: ['002 尽快开始续订流程', '003 #6 续费不及时'],
    quote:
      '尽快开始续订流程:提醒客户续订时间和您的产品在订购期满前提供的价值 (002) / 续费不及时……找到关键人沟通、跟进续费 (003)',
  },
  defaultWeight: 35,
  thresholds: z.object({
    /** A renewal due within this many days needs progress or a recent conversation. */
    dueWithinDays: z.number().int().positive().default(90),
    /** An open renewal deal whose stage has not moved for longer than this is stalled. */
    stalledAfterDays: z.number().int().positive().default(30),
    /** A two-way touch within this many days counts as engagement near the renewal. */
    engagementWindowDays: z.number().int().positive().default(30),
    /** A renewal deal won up to this many days before the renewal date counts as renewed (renewed early). */
    earlyRenewalDays: z.number().int().nonnegative().default(90),
    /** A renewal date older than this is stale data (or a long-gone customer), not a late renewal. */
    overdueLookbackDays: z.number().int().positive().default(365),
  }),
  quietInOffSeason: false,
  playbook: [
    'Call the person who signs (not only the day-to-day contact) this week, put the renewal date on the table and confirm what they need to decide.',
    'Prepare a short value review for that call: results since the last renewal against the goals set at the start.',
    'Ask directly whether their goals, budget or team changed, or whether they are looking at alternatives, and settle open issues before the renewal date.',
    'Create or update the renewal deal with its close date and next step, and move it forward every week until it is signed.',
    'If the renewal is already overdue, tell your CS lead today and agree with the client on a short extension while the renewal is signed.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { deals, custom, account } = snapshot;
    let nearest: Deal | null = null; // the open renewal deal whose close date is nearest to now
    let nearestDistance = Number.POSITIVE_INFINITY;
    let anyOpen: Deal | null = null;
    for (const d of deals) {
      if (!d.isRenewal || d.status !== 'open') continue;
      anyOpen ??= d;
      if (d.closeDate != null && Math.abs(d.closeDate - now) < nearestDistance) {
        nearest = d;
        nearestDistance = Math.abs(d.closeDate - now);
      }
    }
    const date = custom.renewalDate ?? nearest?.closeDate ?? null;
    if (date == null) return null;
    const overdue = date < now;
    if (
      overdue ? now - date > daysToMs(thresholds.overdueLookbackDays) : date - now > daysToMs(thresholds.dueWithinDays)
    ) {
      return null;
    }

    // Already renewed: a renewal deal won between earlyRenewalDays before the date and now.
    const renewedFrom = date - daysToMs(thresholds.earlyRenewalDays);
    let lastWon: Deal | null = null;
    for (const d of deals) {
      if (!d.isRenewal || d.status !== 'won' || d.closeDate == null || d.closeDate > now) continue;
      if (d.closeDate >= renewedFrom) return null;
      if (lastWon === null || d.closeDate > (lastWon.closeDate as number)) lastWon = d;
    }

    const openDeal = nearest ?? anyOpen;
    let headline: string;
    let strength: number;
    let touch: LastTwoWayTouch | null;
    if (overdue) {
      touch = lastTwoWayTouch(snapshot, now);
      strength = 1;
      headline = `renewal was due on ${isoDate(date)} (${Math.floor((now - date) / DAY)} days ago) and no renewal has been won`;
    } else {
      for (const d of deals) {
        if (d.isRenewal && d.status === 'open' && withinDays(lastMove(d, now), now, thresholds.stalledAfterDays))
          return null;
      }
      touch = lastTwoWayTouch(snapshot, now);
      if (touch && withinDays(touch.at, now, thresholds.engagementWindowDays)) return null;
      // Half strength at the edge of the window, full on the renewal date.
      strength = 1 - (0.5 * (date - now)) / daysToMs(thresholds.dueWithinDays);
      const moved = openDeal ? lastMove(openDeal, now) : null;
      const progress = !openDeal
        ? 'no renewal deal'
        : moved == null
          ? 'renewal deal with no known stage change'
          : `renewal deal${openDeal.stage ? ` (${openDeal.stage})` : ''} not moved since ${isoDate(moved)}`;
      headline =
        `renewal due on ${isoDate(date)} (in ${Math.ceil((date - now) / DAY)} days): ${progress}, ` +
        `no two-way contact in ${thresholds.engagementWindowDays} days`;
    }

    const timing: Record<string, FactValue> = overdue
      ? { daysOverdue: Math.floor((now - date) / DAY) }
      : { daysLeft: Math.ceil((date - now) / DAY) };
    const evidence: Evidence[] = [];
    if (custom.renewalDate != null) evidence.push(companyEvidence(account, { renewalDate: isoDate(date), ...timing }));
    if (openDeal) {
      const moved = lastMove(openDeal, now);
      evidence.push(
        dealEvidence(openDeal, {
          closeDate: openDeal.closeDate == null ? null : isoDate(openDeal.closeDate),
          stage: openDeal.stage,
          lastStageChange: moved == null ? null : isoDate(moved),
          ...(custom.renewalDate == null ? timing : {}),
        }),
      );
    }
    if (lastWon) {
      evidence.push(
        dealEvidence(lastWon, { lastRenewalWon: isoDate(lastWon.closeDate as number), amount: lastWon.amount }),
      );
    }
    for (const e of touchEvidence(touch)) if (evidence.length < MAX_EVIDENCE) evidence.push(e);
    return { strength, headline, evidence };
  },
});
