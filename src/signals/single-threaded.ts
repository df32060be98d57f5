import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Contact } from '../core/snapshot.ts';
import { daysToMs, isoDate } from '../core/time.ts';
import { contactEvidence, contactLabel } from './lib/evidence.ts';

/** C-level, VP, director, head of, owner, founder, president; Chinese 总 (总经理, 总监, X总…), 经理, 董事, 创始人, 老板. */
const EXECUTIVE_TITLE =
  /\b(?:c[a-z]{1,2}o|chief|vp|svp|evp|vice[ -]president|president|director|head of|(?<!product |process )owner|co-?founder|founder|general manager|gm)\b|总(?![部账务台机])|经理|董事|创始人|老板|厂长/i;
/** Assistants to executives are not executives. */
const NOT_EXECUTIVE_TITLE = /\bassistant\b|助理|秘书/i;

function isExecutive(contact: Contact): boolean {
  for (const role of contact.roles) {
    if (role === 'executive_sponsor' || role === 'decision_maker' || role === 'budget_holder') return true;
  }
  const title = contact.title;
  return title != null && EXECUTIVE_TITLE.test(title) && !NOT_EXECUTIVE_TITLE.test(title);
}

function facts(c: Contact, engaged: boolean) {
  return {
    lastEngagedAt: c.lastEngagedAt == null ? null : isoDate(c.lastEngagedAt),
    engaged,
    title: c.title,
    roles: c.roles.join(', ') || null,
    executive: isExecutive(c),
  };
}

export const singleThreaded = defineSignal({
  id: 'single_threaded',
  title: 'Single-threaded relationship',
  description:
    'Only one person at the customer talks to us, or no executive does: when that person leaves or the boss reviews ' +
    'spending, nobody who knows our value is in the room.',
  source: {
    refs: ['003 #3', '002 组织中关键利益相关者的变更'],
    quote: '前期客服人员在维护过程中,一直与推广负责人联系,企业老总对百度推广了解太少。',
  },
  defaultWeight: 15,
  thresholds: z.object({
    withinDays: z.number().int().positive().default(90),
    /** Fires when at most this many contacts had a two-way engagement in the window. */
    maxEngagedContacts: z.number().int().min(0).default(1),
    /** Strength when too few contacts are engaged. */
    fewContactsStrength: z.number().min(0).max(1).default(1),
    /** Strength when enough contacts are engaged but none of them is an executive. */
    noExecutiveStrength: z.number().min(0).max(1).default(0.5),
  }),
  quietInOffSeason: false,
  playbook: [
    'Ask your main contact to introduce you to their manager and to the other teams that use or pay for the product; propose a short joint review.',
    'Book a results review with the owner or an executive: traffic, leads, deals and money saved, compared with the goals set at the start.',
    'Add every new contact you meet to the CRM with their title and buying role, and engage at least two of them directly this quarter.',
    'Invite the executive and other users to customer events, trainings or webinars to build a relationship beyond the day-to-day contact.',
    'Do the executive a small favour beyond the contract (an audit, a benchmark against their competitors) to earn direct trust.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { account, contacts } = snapshot;
    // Only customers: a small prospect with one contact is normal.
    if (account.customerSince == null || account.customerSince > now || contacts.length === 0) return null;
    const since = now - daysToMs(thresholds.withinDays);
    let known = false;
    let engaged = 0;
    for (const c of contacts) {
      const at = c.lastEngagedAt;
      if (at == null || at > now) continue;
      known = true;
      if (at >= since) engaged++;
    }
    if (!known) return null; // no engagement data at all

    const days = thresholds.withinDays;
    if (engaged <= thresholds.maxEngagedContacts) {
      // The engaged contacts, else (none engaged) the last one that was.
      const shown = byRecentEngagement(contacts, now).slice(0, Math.max(1, Math.min(engaged, 5)));
      const first = shown[0] as Contact;
      const evidence = shown.map((c) => contactEvidence(c, facts(c, (c.lastEngagedAt as number) >= since)));
      const headline =
        engaged === 0
          ? `no contact engaged in ${days} days (last: ${contactLabel(first)} on ${isoDate(first.lastEngagedAt as number)})`
          : engaged === 1
            ? `only 1 contact engaged in ${days} days: ${contactLabel(first)}`
            : `only ${engaged} contacts engaged in ${days} days`;
      return { strength: thresholds.fewContactsStrength, headline, evidence };
    }

    for (const c of contacts) {
      if (c.lastEngagedAt != null && c.lastEngagedAt >= since && c.lastEngagedAt <= now && isExecutive(c)) return null;
    }
    // Evidence: the executives who went quiet first, then the most recently engaged contacts.
    const evidence: Evidence[] = [];
    const executives = contacts.filter(isExecutive);
    executives.sort((a, b) => (b.lastEngagedAt ?? 0) - (a.lastEngagedAt ?? 0));
    for (const c of executives.slice(0, 3)) evidence.push(contactEvidence(c, facts(c, false)));
    for (const c of byRecentEngagement(contacts, now)) {
      if (evidence.length >= 5) break;
      if (!executives.includes(c)) evidence.push(contactEvidence(c, facts(c, (c.lastEngagedAt as number) >= since)));
    }
    const exec = executives[0];
    const detail = exec
      ? `${contactLabel(exec)}${exec.title ? ` (${exec.title})` : ''} last engaged ${exec.lastEngagedAt != null && exec.lastEngagedAt <= now ? isoDate(exec.lastEngagedAt) : 'never'}`
      : 'no executive contact on record';
    return {
      strength: thresholds.noExecutiveStrength,
      headline: `${engaged} contacts engaged in ${days} days, none an executive; ${detail}`,
      evidence,
    };
  },
});

/** Contacts with a known past engagement, most recent first (only called when the signal fires). */
function byRecentEngagement(contacts: readonly Contact[], now: number): Contact[] {
  return contacts
    .filter((c) => c.lastEngagedAt != null && c.lastEngagedAt <= now)
    .sort((a, b) => (b.lastEngagedAt as number) - (a.lastEngagedAt as number));
}
