import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Deal } from '../core/snapshot.ts';
import { DAY, isoDate } from '../core/time.ts';
import { dealEvidence } from './lib/evidence.ts';
import { valueWindow } from './lib/value-window.ts';

/** Lost reasons that say the money is not there (English and Chinese). */
const BUDGET_REASON = /\b(?:budgets?|costs?|spend(?:s|ing)?|spent|cutbacks?|afford)\b|预算|削减|经费/i;

const AMOUNTS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 10% cut → 0.4, 50% and more → 1.0, linear (0.25 + 1.5 × cut). */
function cutStrength(cut: number): number {
  return Math.min(1, 0.25 + 1.5 * cut);
}

function pct(ratio: number): number {
  return Math.round(ratio * 100);
}

interface Cut {
  deal: Deal;
  strength: number;
  headline: string;
  evidence: Evidence;
}

export const budgetCut = defineSignal({
  id: 'budget_cut',
  title: 'Budget cut or spend reduced',
  description:
    'A deal amount was cut, a renewal came in below the last contract, or a deal was lost for budget reasons: a ' +
    'customer cutting spend is often questioning the value it gets, not only short of money.',
  source: {
    refs: ['000 #5', '003 1b', '003 1d'],
    quote:
      '否则,这是一个不那么微妙的迹象,表明他们正在缩减他们的付费搜索努力,很可能正在质疑它给他们的营销引擎带来的价值。',
  },
  defaultWeight: 30,
  thresholds: z.object({
    windowDays: z.number().positive().default(90),
    /** A deal amount decrease of at least this share of its amount when the window opened. */
    minDecrease: z.number().positive().max(1).default(0.1),
    /** A renewal fires when it is more than this share below the last won contract (0 = any amount below). */
    minRenewalCut: z.number().min(0).max(1).default(0),
    /** Strength of a deal lost for budget reasons (a lost renewal is always 1). */
    lostForBudgetStrength: z.number().positive().max(1).default(0.7),
  }),
  quietInOffSeason: false,
  playbook: [
    'Call the budget holder this week: ask what drove the cut (budget, results, a shift to another channel or vendor) and what the money goes to now.',
    'Prepare the numbers before the call: spend so far against the results it brought (leads, usage, savings), and how that compares with peers.',
    'If the budget is truly short, propose a plan that fits it (smaller scope, phased or paused items) rather than losing the account, and agree when to review it.',
    'If they are moving spend to another solution, compare it honestly with ours on their goals and offer a trial period or audit to prove the difference.',
    'Meet the executive above your contact to show the results so far and the cost of stopping (lost pipeline, market share).',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { deals } = snapshot;
    const start = now - thresholds.windowDays * DAY;
    const cuts: Cut[] = [];

    for (const deal of deals) {
      // Amount decreased within the window (open or won deals; a lost deal is judged by its reason).
      if (deal.status !== 'lost' && deal.amountHistory.length > 1) {
        const w = valueWindow(deal.amountHistory, now, thresholds.windowDays);
        const before = w.before ?? w.first;
        const beforeAt = w.before != null ? w.beforeAt : w.firstAt;
        if (before != null && before > 0 && w.latest != null && w.latestAt != null && w.latestAt > start) {
          const cut = (before - w.latest) / before;
          if (cut >= thresholds.minDecrease) {
            cuts.push({
              deal,
              strength: cutStrength(cut),
              headline: `${deal.name ?? `deal ${deal.id}`} cut from ${AMOUNTS.format(before)} to ${AMOUNTS.format(w.latest)} (-${pct(cut)}%) on ${isoDate(w.latestAt)}`,
              evidence: dealEvidence(deal, {
                amountBefore: before,
                amountBeforeAt: beforeAt != null ? isoDate(beforeAt) : null,
                amountAfter: w.latest,
                amountAfterAt: isoDate(w.latestAt),
                cutPct: pct(cut),
                status: deal.status,
              }),
            });
          }
        }
      }

      // Renewal below the last won contract (a zero amount is taken as not filled in yet).
      if (deal.isRenewal && deal.amount != null && deal.amount > 0) {
        const wonRecently =
          deal.status === 'won' && deal.closeDate != null && deal.closeDate <= now && deal.closeDate >= start;
        const openNow = deal.status === 'open' && (deal.createdAt == null || deal.createdAt <= now);
        if (wonRecently || openNow) {
          const until = wonRecently ? (deal.closeDate as number) : now;
          let contract: Deal | null = null;
          for (const d of deals) {
            if (d.id === deal.id || d.status !== 'won' || d.closeDate == null || d.amount == null || d.amount <= 0)
              continue;
            if (d.closeDate > now || d.closeDate >= until) continue;
            if (contract == null || d.closeDate > (contract.closeDate as number)) contract = d;
          }
          if (contract?.amount != null && contract.closeDate != null) {
            const cut = (contract.amount - deal.amount) / contract.amount;
            if (cut > thresholds.minRenewalCut) {
              cuts.push({
                deal,
                strength: cutStrength(cut),
                headline: `renewal ${deal.name ?? deal.id} at ${AMOUNTS.format(deal.amount)}, ${pct(cut)}% below the last contract (${AMOUNTS.format(contract.amount)})`,
                evidence: dealEvidence(deal, {
                  amountBefore: contract.amount,
                  amountAfter: deal.amount,
                  cutPct: pct(cut),
                  status: deal.status,
                  closeDate: deal.closeDate != null ? isoDate(deal.closeDate) : null,
                  lastContractId: contract.id,
                  lastContractName: contract.name,
                  lastContractClosedAt: isoDate(contract.closeDate),
                }),
              });
            }
          }
        }
      }

      // Lost for budget reasons.
      if (deal.status === 'lost' && deal.lostReason != null) {
        const at = deal.closeDate ?? deal.stageChangedAt;
        if (at != null && at <= now && at >= start && BUDGET_REASON.test(deal.lostReason)) {
          cuts.push({
            deal,
            strength: deal.isRenewal ? 1 : thresholds.lostForBudgetStrength,
            headline: `${deal.isRenewal ? 'renewal' : 'deal'} ${deal.name ?? deal.id} lost on ${isoDate(at)}: "${deal.lostReason}"`,
            evidence: dealEvidence(deal, {
              amountBefore: deal.amount,
              amountAfter: 0,
              lostAt: isoDate(at),
              lostReason: deal.lostReason,
              isRenewal: deal.isRenewal,
            }),
          });
        }
      }
    }

    if (cuts.length === 0) return null;
    // Strongest first; one evidence per deal (a renewal both cut and below its contract counts once).
    cuts.sort((a, b) => b.strength - a.strength);
    const seen = new Set<string>();
    const evidence: Evidence[] = [];
    for (const c of cuts) {
      if (seen.has(c.deal.id)) continue;
      seen.add(c.deal.id);
      if (evidence.length < 5) evidence.push(c.evidence);
    }
    const top = cuts[0] as Cut;
    const more = seen.size - 1;
    return {
      strength: top.strength,
      headline: more > 0 ? `${top.headline} (+${more} more deal${more === 1 ? '' : 's'})` : top.headline,
      evidence,
    };
  },
});
