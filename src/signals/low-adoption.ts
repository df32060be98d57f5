import { z } from 'zod';
import { defineSignal, type FactValue } from '../core/signal.ts';
import { isoDate } from '../core/time.ts';
import { companyEvidence } from './lib/evidence.ts';
import { ramp } from './lib/value-ramp.ts';
import { valueWindow } from './lib/value-window.ts';

/** A drop of this share of the peak (or more) is full strength. */
const FULL_DROP = 0.8;

/** The fall from the window's peak to its latest value, when it is at least `minDrop` of the peak. */
function dropFrom(window: ReturnType<typeof valueWindow>, minDrop: number): number | null {
  if (window.peak == null || window.peak <= 0 || window.latest == null) return null;
  const drop = (window.peak - window.latest) / window.peak;
  return drop >= minDrop ? drop : null;
}

function pct(ratio: number): number {
  return Math.round(ratio * 100);
}

export const lowAdoption = defineSignal({
  id: 'low_adoption',
  title: 'Low or falling product adoption',
  description:
    'Few of the purchased seats are in use, or usage or active seats fell sharply: customers who stop using what ' +
    'they bought start to doubt its value, and the renewal is where they act on that doubt.',
  source: {
    refs: ['002 许可证使用率低', '001 #3'],
    quote:
      '许可证使用率低:如果收集客户如何使用许可证的数据,可以跟踪利用率下降或完全停止的情况。……若随时发现使用量减少,请进行干预。',
  },
  defaultWeight: 35,
  thresholds: z.object({
    /** Fires when active seats are below this share of purchased seats. */
    maxActiveShare: z.number().positive().max(1).default(0.5),
    /** Fires when usage or active seats fell by at least this share of their peak in the window. */
    minDrop: z.number().positive().max(1).default(0.3),
    windowDays: z.number().positive().default(90),
  }),
  quietInOffSeason: false,
  playbook: [
    'Ask the main contact for 20 minutes this week to review usage together: who uses it, who stopped, and why.',
    'Find the inactive users by name and send each a short how-to for the task they bought the product for, with a link to the training videos or next webinar.',
    'Offer a hands-on session with the team that stopped using it; fix the blocking setup or feature issue on the call.',
    'If fewer seats are needed now, agree on a usage plan with dated milestones before the renewal, rather than letting the seats sit idle.',
    'Share a short value report: results so far against the goals set at the start.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { account, custom } = snapshot;
    const facts: Record<string, FactValue> = {};
    const parts: string[] = [];
    let strength = 0;

    const seats = valueWindow(custom.seatsActiveHistory, now, thresholds.windowDays);
    // The dated history is the truth when there is one (changes after now ignored); else the current value.
    const active = custom.seatsActiveHistory.length > 0 ? seats.latest : custom.seatsActive;
    const purchased = custom.seatsPurchased;
    if (active != null && purchased != null && purchased > 0 && active >= 0) {
      const share = active / purchased;
      if (share < thresholds.maxActiveShare) {
        // 0.4 just under the threshold, 1.0 when no seat is active.
        strength = Math.max(strength, ramp(share, thresholds.maxActiveShare, 0, 0.4, 1));
        facts.seatsPurchased = purchased;
        facts.seatsActive = active;
        facts.activeSharePct = pct(share);
        parts.push(`${active} of ${purchased} seats active (${pct(share)}%)`);
      }
    }

    const usage = valueWindow(custom.usageHistory, now, thresholds.windowDays);
    for (const [key, label, window] of [
      ['seatsActive', 'active seats', seats],
      ['usage', 'usage', usage],
    ] as const) {
      const drop = dropFrom(window, thresholds.minDrop);
      if (drop == null || window.latest == null || window.latestAt == null) continue;
      strength = Math.max(strength, ramp(drop, thresholds.minDrop, FULL_DROP, 0.4, 1));
      facts[`${key}Before`] = window.peak;
      facts[`${key}BeforeAt`] = window.peakAt != null ? isoDate(window.peakAt) : null;
      facts[`${key}After`] = window.latest;
      facts[`${key}AfterAt`] = isoDate(window.latestAt);
      facts[`${key}DropPct`] = pct(drop);
      parts.push(`${label} down ${pct(drop)}% in ${thresholds.windowDays} days (${window.peak} → ${window.latest})`);
    }

    if (parts.length === 0) return null;
    return {
      strength,
      headline: parts.join('; '),
      evidence: [companyEvidence(account, facts)],
    };
  },
});
