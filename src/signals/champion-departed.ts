import { z } from 'zod';
import { defineSignal, type Evidence, type FactValue } from '../core/signal.ts';
import type { BuyingRole, Contact } from '../core/snapshot.ts';
import { daysToMs, type Instant, isoDate } from '../core/time.ts';
import { contactEvidence } from './lib/evidence.ts';
import { recentDepartures } from './lib/relationship-recent-departures.ts';
import { titleChange } from './lib/relationship-title-change.ts';

type Tier = 'champion' | 'sponsor' | 'standIn' | 'unknown';

const ROLE_LABELS = {
  champion: 'champion',
  decision_maker: 'decision maker',
  executive_sponsor: 'executive sponsor',
  budget_holder: 'budget holder',
} as const;

/** The key tier of a set of buying roles: champion / decision maker first, then executive sponsor / budget holder. */
function roleTier(roles: readonly BuyingRole[]): 'champion' | 'sponsor' | null {
  let tier: 'champion' | 'sponsor' | null = null;
  for (const role of roles) {
    if (role === 'champion' || role === 'decision_maker') return 'champion';
    if (role === 'executive_sponsor' || role === 'budget_holder') tier = 'sponsor';
  }
  return tier;
}

const KEY_ROLES = ['champion', 'decision_maker', 'executive_sponsor', 'budget_holder'] as const;

function roleLabel(roles: readonly BuyingRole[] | null, tier: Tier): string {
  if (tier === 'standIn') return 'most engaged contact';
  if (roles) for (const role of KEY_ROLES) if (roles.includes(role)) return ROLE_LABELS[role];
  return 'role unknown';
}

interface Departure {
  tier: Tier;
  strength: number;
  at: Instant;
  /** For the headline, e.g. 'changed title from "VP Marketing" to "Advisor"'. */
  what: string;
  evidence: Evidence;
}

function primaryMoveAway(contact: Contact, accountId: string, since: Instant, now: Instant) {
  // The move away = the first other account after the last time the contact's primary company was this one.
  const history = contact.primaryAccountHistory;
  let lastHere = -1;
  for (let i = 0; i < history.length; i++) {
    const h = history[i] as { value: string | null; at: Instant };
    if (h.at > now) break;
    if (h.value === accountId) lastHere = i;
  }
  if (lastHere < 0) return null;
  for (let i = lastHere + 1; i < history.length; i++) {
    const h = history[i] as { value: string | null; at: Instant };
    if (h.at > now) return null;
    if (h.value != null) return h.at >= since ? { to: h.value, at: h.at } : null;
  }
  return null;
}

export const championDeparted = defineSignal({
  id: 'champion_departed',
  title: 'Champion or key contact left',
  description:
    'A champion, decision maker, sponsor or budget holder left the company, changed role or moved on: their successor ' +
    'was not part of the original sale and often wants to make a visible change.',
  source: {
    refs: ['000 #2', '002 组织中关键利益相关者的变更', '003 2a'],
    quote:
      '当你的主要联系人跳槽到一个新的职位时,是时候准备好进行一场艰难的对话了。继承他们角色的人并没有参与到你最初的销售对话中',
  },
  defaultWeight: 35,
  thresholds: z.object({
    withinDays: z.number().int().positive().default(90),
    /** Strength when a champion or decision maker left. */
    championStrength: z.number().min(0).max(1).default(1),
    /** Strength when an executive sponsor or budget holder left. */
    sponsorStrength: z.number().min(0).max(1).default(0.85),
    /** Strength when one of the most engaged contacts left (the account has no buying roles set). */
    standInStrength: z.number().min(0).max(1).default(0.7),
    /** Strength when a contact whose roles are unknown was removed or deleted. */
    unknownRoleStrength: z.number().min(0).max(1).default(0.5),
    /** How many of the most engaged contacts stand in for key contacts when no contact has a key buying role. */
    standInCount: z.number().int().min(1).default(2),
  }),
  quietInOffSeason: false,
  playbook: [
    'Find out who owns the relationship now: ask the departing contact, colleagues at the company or your own rep, and update the contact roles in the CRM.',
    'Ask the previous contact (if still reachable and on good terms) to hand over and introduce you to their successor in person or on a call.',
    'Meet the new contact within two weeks: walk through the account history, the goals set at the start and the results achieved so far.',
    'Learn the new contact’s own goals and plans, which may differ from their predecessor’s, and adjust the plan or the offer to them.',
    'Check for company changes behind the move (restructuring, new legal entity, renamed company) and update contracts, billing and account details.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { contacts, account } = snapshot;
    const since = now - daysToMs(thresholds.withinDays);
    const strengthOf: Record<Tier, number> = {
      champion: thresholds.championStrength,
      sponsor: thresholds.sponsorStrength,
      standIn: thresholds.standInStrength,
      unknown: thresholds.unknownRoleStrength,
    };

    // Key contacts: those with a key buying role; when none has one, the most engaged contacts stand in.
    let hasKeyRole = false;
    for (const c of contacts) {
      if (roleTier(c.roles) !== null) {
        hasKeyRole = true;
        break;
      }
    }
    const standIns: Contact[] = [];
    if (!hasKeyRole) {
      for (const c of contacts) {
        const engagedAt = c.lastEngagedAt;
        if (engagedAt == null || engagedAt > now) continue;
        let i = standIns.length;
        while (i > 0 && (standIns[i - 1]?.lastEngagedAt ?? 0) < engagedAt) i--;
        if (i >= thresholds.standInCount) continue;
        standIns.splice(i, 0, c);
        if (standIns.length > thresholds.standInCount) standIns.length = thresholds.standInCount;
      }
    }

    const found: Departure[] = [];
    for (const d of recentDepartures(snapshot, since, now)) {
      // A departure of unknown role (the app only saw a webhook) may be the champion only while the account names no
      // key contact: when its key contacts are known and still here, it is turnover, not a key contact leaving.
      const unknown = !hasKeyRole && (d.roles == null || d.roles.length === 0);
      const tier: Tier | null =
        d.roles == null ? (unknown ? 'unknown' : null) : (roleTier(d.roles) ?? (unknown ? 'unknown' : null));
      if (tier === null) continue;
      const how = d.reason === 'deleted' ? 'was deleted from the CRM' : 'was removed from the company';
      const role = roleLabel(d.roles, tier);
      found.push({
        tier,
        strength: strengthOf[tier],
        at: d.at,
        what: how,
        evidence: contactEvidence(
          { id: d.id, name: d.name, email: null },
          { how: d.reason, at: isoDate(d.at), role, title: d.title },
        ),
      });
    }

    const candidates = hasKeyRole ? contacts : standIns;
    for (const c of candidates) {
      const tier: Tier | null = hasKeyRole ? roleTier(c.roles) : 'standIn';
      if (tier === null) continue;
      const ways: string[] = [];
      const whats: string[] = [];
      let at = 0;
      const facts: Record<string, FactValue> = {};
      const change = titleChange(c.titleHistory, since, now);
      if (change) {
        ways.push('title_changed');
        whats.push(`changed title from "${change.before}" to ${change.after == null ? 'none' : `"${change.after}"`}`);
        facts.titleBefore = change.before;
        facts.titleAfter = change.after;
        at = Math.max(at, change.at);
      }
      if (c.hardBouncedAt != null && c.hardBouncedAt >= since && c.hardBouncedAt <= now) {
        ways.push('hard_bounced');
        whats.push('hard-bounced');
        facts.hardBouncedAt = isoDate(c.hardBouncedAt);
        at = Math.max(at, c.hardBouncedAt);
      }
      const move = primaryMoveAway(c, account.id, since, now);
      if (move) {
        ways.push('moved_company');
        whats.push('moved to another company');
        facts.movedTo = move.to;
        at = Math.max(at, move.at);
      }
      if (ways.length === 0) continue;
      if (!change) facts.title = c.title;
      found.push({
        tier,
        strength: strengthOf[tier],
        at,
        what: whats.join(', '),
        evidence: contactEvidence(c, {
          how: ways.join(', '),
          at: isoDate(at),
          role: roleLabel(c.roles, tier),
          ...facts,
        }),
      });
    }
    if (found.length === 0) return null;

    found.sort((a, b) => b.strength - a.strength || b.at - a.at);
    const top = found[0] as Departure;
    const who = `${top.evidence.label} (${top.evidence.facts.role})`;
    const headline =
      found.length === 1
        ? `${who} ${top.what} on ${isoDate(top.at)}`
        : `${found.length} key contacts left or changed role in ${thresholds.withinDays} days; ${who} ${top.what} on ${isoDate(top.at)}`;
    return { strength: top.strength, headline, evidence: found.slice(0, 5).map((f) => f.evidence) };
  },
});
