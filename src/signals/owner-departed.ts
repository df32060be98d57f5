import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import { isoDate, withinDays } from '../core/time.ts';
import { companyEvidence, ownerEvidence } from './lib/evidence.ts';

export const ownerDeparted = defineSignal({
  id: 'owner_departed',
  title: 'Account owner gone or changed',
  description:
    'The account has no owner, its owner is a deactivated user, or the owner changed recently: when the rep leaves, ' +
    'customers tend to follow, and a handover loses what was promised and quoted.',
  source: {
    refs: ['003 销售人员离职导致客户资源流失'],
    quote: '销售人员离职导致客户资源流失……当销售人员离职时……对哪些是临近签单客户、哪些是重点客户……企业却无从知晓',
  },
  defaultWeight: 20,
  thresholds: z.object({
    changedWithinDays: z.number().int().positive().default(30),
    /** Strength when the owner merely changed (the relationship is new, not broken). */
    changedStrength: z.number().min(0).max(1).default(0.5),
  }),
  quietInOffSeason: false,
  playbook: [
    'Confirm who owns the account now and assign it in the CRM today; an unowned customer gets no follow-up.',
    'Hand over in writing: open deals and quotes, promises made, key contacts and their goals, open tickets.',
    'Have the new owner (with the previous one, where possible) call the main contact within a week to introduce themselves.',
    'Review the account history with the customer: goals set at the start and the results so far.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { account, owners } = snapshot;
    if (account.ownerId == null) {
      // Only an owner that was once set and then cleared counts: a never-owned record is missing data.
      const cleared = account.ownerHistory.findLast((h) => h.value == null);
      const previous = account.ownerHistory.findLast((h) => h.value != null);
      if (!cleared || !previous) return null;
      return {
        strength: 1,
        headline: `no owner since ${isoDate(cleared.at)}`,
        evidence: [
          companyEvidence(account, { ownerBefore: previous.value, ownerAfter: null, at: isoDate(cleared.at) }),
        ],
      };
    }
    const current = owners.find((o) => o.id === account.ownerId);
    if (current && !current.active) {
      return {
        strength: 1,
        headline: `owner ${current.name ?? current.id} is a deactivated user`,
        evidence: [ownerEvidence(current, { active: false }), companyEvidence(account, { ownerId: current.id })],
      };
    }
    const change = account.ownerHistory.at(-1);
    const before = account.ownerHistory.at(-2);
    if (!change || !before?.value || change.value !== account.ownerId || before.value === change.value) return null;
    if (!withinDays(change.at, now, thresholds.changedWithinDays)) return null;
    const previousOwner = owners.find((o) => o.id === before.value);
    const evidence: Evidence[] = [
      companyEvidence(account, { ownerBefore: before.value, ownerAfter: change.value, at: isoDate(change.at) }),
    ];
    if (previousOwner) evidence.push(ownerEvidence(previousOwner, { active: previousOwner.active }));
    const strength = previousOwner && !previousOwner.active ? 1 : thresholds.changedStrength;
    return {
      strength,
      headline: `owner changed from ${previousOwner?.name ?? before.value} on ${isoDate(change.at)}`,
      evidence,
    };
  },
});
