import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import { DAY, daysToMs, type Instant, isoDate } from '../core/time.ts';
import { companyEvidence } from './lib/evidence.ts';

type History<T> = readonly { value: T | null; at: Instant }[];

const ADDRESS_NOISE = /[\s,.;]+/g;

function normalizeAddress(address: string): string {
  return address.replace(ADDRESS_NOISE, ' ').trim().toLowerCase();
}

/** Index of the last entry at or before `now` (histories are oldest first), -1 when none. */
function lastIndexUpTo<T>(history: History<T>, now: Instant): number {
  let i = history.length - 1;
  while (i >= 0 && (history[i] as { at: Instant }).at > now) i--;
  return i;
}

export const companyChange = defineSignal({
  id: 'company_change',
  title: 'Merger, acquisition, shrinkage or move',
  description:
    'The company was acquired or merged, shrank sharply or moved: new owners, new processes and new budgets often ' +
    'bring a different supplier or an in-house team.',
  source: {
    refs: ['001 #4', '000 #2', '003 2a'],
    quote: '自然流失可以发生到期︰人事变动导致不同的产品或服务上岗;公司的过程,需要不同的解决办法的变化;客户搬迁或倒闭',
  },
  defaultWeight: 20,
  thresholds: z.object({
    withinDays: z.number().int().positive().default(90),
    /** Headcount drop (share of the earlier value) that fires. */
    headcountDropRatio: z.number().positive().max(1).default(0.2),
    /** Headcount drop at which the strength reaches 1 (strength = drop / this). */
    headcountFullDropRatio: z.number().positive().max(1).default(0.4),
    mergeStrength: z.number().min(0).max(1).default(1),
    parentStrength: z.number().min(0).max(1).default(1),
    addressStrength: z.number().min(0).max(1).default(0.5),
  }),
  quietInOffSeason: false,
  playbook: [
    'Call your main contact to confirm what changed (new parent, merger, relocation, downsizing) and who decides on suppliers now.',
    'Identify and meet the new decision makers at the parent or merged company; present the account history and the results achieved.',
    'Check whether the new organisation has an in-house team or another supplier for this work; if so, offer a different role (audits, specialist support) rather than lose the account.',
    'Update the legal name, billing entity, address and contract details in the CRM and in your contracts.',
    'If the company shrank, review their budget and plan with them: propose a plan that fits the smaller team before they cancel.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { account } = snapshot;
    const since = now - daysToMs(thresholds.withinDays);
    // Entries written within a day of the record's creation are its initial values, not changes.
    const initialEnd = account.createdAt == null ? -Infinity : account.createdAt + DAY;
    const changeFrom = Math.max(since, initialEnd + 1);
    const parts: { strength: number; at: Instant; text: string; evidence: Evidence }[] = [];

    for (const merge of account.merges) {
      if (merge.at < since || merge.at > now) continue;
      parts.push({
        strength: thresholds.mergeStrength,
        at: merge.at,
        text: `merged with ${merge.mergedIds.length} other company record${merge.mergedIds.length === 1 ? '' : 's'} on ${isoDate(merge.at)}`,
        evidence: companyEvidence(account, {
          change: 'merge',
          at: isoDate(merge.at),
          mergedIds: merge.mergedIds.join(', '),
        }),
      });
    }

    // Parent company set, changed or removed: the value before the window against the latest one.
    const parents = account.parentHistory;
    const p = lastIndexUpTo(parents, now);
    const latestParent = parents[p];
    if (latestParent && latestParent.at >= changeFrom) {
      let before: string | null = null;
      for (let i = p - 1; i >= 0; i--) {
        const h = parents[i] as { value: string | null; at: Instant };
        if (h.at < changeFrom) {
          before = h.value;
          break;
        }
      }
      if (before !== latestParent.value) {
        const what =
          latestParent.value == null
            ? 'parent company removed'
            : before == null
              ? 'parent company set'
              : 'parent company changed';
        parts.push({
          strength: thresholds.parentStrength,
          at: latestParent.at,
          text: `${what} on ${isoDate(latestParent.at)}`,
          evidence: companyEvidence(account, {
            change: 'parent',
            at: isoDate(latestParent.at),
            parentBefore: before,
            parentAfter: latestParent.value,
          }),
        });
      }
    }

    // Headcount: the latest value against the one in force at the window start, else the earliest in the window.
    const heads = account.employeesHistory;
    let latest = lastIndexUpTo(heads, now);
    while (latest >= 0 && heads[latest]?.value == null) latest--;
    const last = heads[latest];
    if (last && last.at >= since) {
      let base: { value: number | null; at: Instant } | undefined;
      for (let i = latest - 1; i >= 0; i--) {
        const h = heads[i] as { value: number | null; at: Instant };
        if (h.value == null) continue;
        base = h;
        if (h.at < since) break;
      }
      const after = last.value as number;
      const before = base?.value;
      if (base && before != null && before > 0) {
        const drop = (before - after) / before;
        if (drop >= thresholds.headcountDropRatio) {
          parts.push({
            strength: Math.min(1, drop / thresholds.headcountFullDropRatio),
            at: last.at,
            text: `headcount down ${Math.round(drop * 100)}% (${before} → ${after})`,
            evidence: companyEvidence(account, {
              change: 'headcount',
              at: isoDate(last.at),
              employeesBefore: before,
              employeesAfter: after,
              baselineAt: isoDate(base.at),
              dropPercent: Math.round(drop * 100),
            }),
          });
        }
      }
    }

    // Address: a known address replaced by a different one (a first address is not a move).
    const addresses = account.addressHistory;
    const a = lastIndexUpTo(addresses, now);
    const latestAddress = addresses[a];
    if (latestAddress?.value != null && latestAddress.at >= changeFrom) {
      let before: string | null = null;
      for (let i = a - 1; i >= 0; i--) {
        const h = addresses[i] as { value: string | null; at: Instant };
        if (h.value == null) continue;
        before = h.value;
        if (h.at < since) break;
      }
      if (before != null && normalizeAddress(before) !== normalizeAddress(latestAddress.value)) {
        parts.push({
          strength: thresholds.addressStrength,
          at: latestAddress.at,
          text: `address changed on ${isoDate(latestAddress.at)}`,
          evidence: companyEvidence(account, {
            change: 'address',
            at: isoDate(latestAddress.at),
            addressBefore: before,
            addressAfter: latestAddress.value,
          }),
        });
      }
    }

    if (parts.length === 0) return null;
    parts.sort((x, y) => y.strength - x.strength || y.at - x.at);
    return {
      strength: (parts[0] as (typeof parts)[number]).strength,
      headline: parts
        .slice(0, 3)
        .map((x) => x.text)
        .join('; '),
      evidence: parts.slice(0, 5).map((x) => x.evidence),
    };
  },
});
