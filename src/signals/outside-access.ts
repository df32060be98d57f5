import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import type { Contact } from '../core/snapshot.ts';
import { daysToMs, type Instant, isoDate } from '../core/time.ts';
import { contactEvidence, contactLabel } from './lib/evidence.ts';

/** Personal mailboxes say nothing about who employs the person. */
export const FREE_MAIL_DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'sina.com',
  'yeah.net',
] as const;

/** Agency, consultant, partner, freelance, 顾问 (adviser), 代理 (agent), but not a firm's own senior partners or 代理总经理 (acting GM). */
const OUTSIDE_TITLE =
  /\b(?:agency|agencies|consultants?|consultancy|consulting|(?<!managing |founding |senior |equity |general )partners?|freelance|freelancer|contractor)\b|顾问|代理(?!总|经理|董事|主任|主管)/i;

/** True when `domain` is `base` or one of its subdomains. */
function isSameOrSubdomain(domain: string, base: string): boolean {
  return (
    domain === base ||
    (domain.length > base.length && domain.endsWith(base) && domain.charCodeAt(domain.length - base.length - 1) === 46)
  );
}

function emailDomainOf(contact: Contact): string | null {
  if (contact.emailDomain) return contact.emailDomain.toLowerCase();
  const at = contact.email?.lastIndexOf('@') ?? -1;
  return at >= 0 ? (contact.email as string).slice(at + 1).toLowerCase() : null;
}

export const outsideAccess = defineSignal({
  id: 'outside_access',
  title: 'Outside people given access',
  description:
    'New contacts from another company or with an agency or consultant title appeared on the account: clients let a ' +
    'prospective agency look into their account when they are shopping for a replacement.',
  source: {
    refs: ['000 #1'],
    quote: '通常情况下,当客户授予帐户上的新用户访问权限时,这是一个很好的迹象,表明他们正在购买一家新的代理公司。',
  },
  defaultWeight: 20,
  thresholds: z.object({
    withinDays: z.number().int().positive().default(30),
    /** Email domains that never count as outside (personal mailboxes). */
    freeMailDomains: z.array(z.string()).default([...FREE_MAIL_DOMAINS]),
    /** Strength for a new contact whose title says agency, consultant, partner, freelance… */
    agencyTitleStrength: z.number().min(0).max(1).default(1),
    /** Strength for a new contact whose only sign is an email domain that is not the company's. */
    outsideDomainStrength: z.number().min(0).max(1).default(0.6),
    /** Added to the strength for each further outside contact. */
    perExtraContact: z.number().min(0).max(1).default(0.2),
  }),
  quietInOffSeason: false,
  playbook: [
    'Ask your main contact, openly and without blame, who the new people are and what they are working on; do not remove their access behind the client’s back.',
    'Book a review call this week: ask whether their needs are being met and what they want to achieve next, and listen for the pain points behind the evaluation.',
    'Prepare the evidence: results against the goals set at the start, and what you would change, so you can show you are the best people for the job.',
    'Offer a concrete improvement plan (an account audit, new goals and a timeline) and agree a date to review it together.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const since = now - daysToMs(thresholds.withinDays);
    const rawDomain = snapshot.account.domain?.toLowerCase() ?? null;
    const companyDomain = rawDomain?.startsWith('www.') ? rawDomain.slice(4) : rawDomain;
    const found: { contact: Contact; byTitle: boolean; domain: string | null; at: Instant }[] = [];
    for (const c of snapshot.contacts) {
      const at = c.createdAt;
      if (at == null || at < since || at > now) continue;
      const byTitle = c.title != null && OUTSIDE_TITLE.test(c.title);
      const domain = emailDomainOf(c);
      const byDomain =
        companyDomain != null &&
        domain != null &&
        !isSameOrSubdomain(domain, companyDomain) &&
        !thresholds.freeMailDomains.some((free) => isSameOrSubdomain(domain, free.toLowerCase()));
      if (byTitle || byDomain) found.push({ contact: c, byTitle, domain, at });
    }
    if (found.length === 0) return null;

    // Title matches first (the stronger sign), then the newest.
    found.sort((a, b) => Number(b.byTitle) - Number(a.byTitle) || b.at - a.at);
    const top = found[0] as (typeof found)[number];
    const best = top.byTitle ? thresholds.agencyTitleStrength : thresholds.outsideDomainStrength;
    const evidence: Evidence[] = found.slice(0, 5).map((f) =>
      contactEvidence(f.contact, {
        createdAt: isoDate(f.at),
        emailDomain: f.domain,
        title: f.contact.title,
        reason: f.byTitle ? 'outside_title' : 'outside_domain',
      }),
    );
    const what = [top.domain, top.contact.title].filter((s) => s != null).join(', ');
    const who = `${contactLabel(top.contact)}${what ? ` (${what})` : ''} added ${isoDate(top.at)}`;
    return {
      strength: Math.min(1, best + thresholds.perExtraContact * (found.length - 1)),
      headline:
        found.length === 1
          ? `new outside contact: ${who}`
          : `${found.length} new outside contacts in ${thresholds.withinDays} days, e.g. ${who}`,
      evidence,
    };
  },
});
