import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import { isoDate, withinDays } from '../core/time.ts';
import { dealEvidence, engagementEvidence, ticketEvidence } from './lib/evidence.ts';
import { keywordCandidates, keywordPattern } from './lib/voice-keyword-pattern.ts';

// Budget words are budget_cut's; bare "cost" is too common in ordinary talk to mean a price complaint.
const PRICE_WORDS = [
  'too expensive',
  'expensive',
  'overpriced',
  'price',
  'prices',
  'pricing',
  'cheaper',
  'discount*',
  'costly',
  '太贵',
  '价格',
  '便宜',
  '费用',
  '折扣',
  '降价',
];
const PRICE = keywordPattern(PRICE_WORDS, true);
const MAX_EVIDENCE = 5;
const EXCERPT_CHARS = 40;
const SPACES = /\s+/g;

/**
 * One regex per competitor list: group 1 = a competitor, group 2 = a price word. Built once per distinct list (the
 * tenant config hands the same array to every call, so the last one is checked first by identity).
 */
interface Matcher {
  /** Group 1 = a competitor, group 2 = a price word, whole words only. */
  full: RegExp;
  /** Literal pre-filter: no match here means no match in `full`. */
  candidate: RegExp;
}

const PRICE_CANDIDATES = keywordCandidates(PRICE_WORDS, true);
const matchers = new Map<string, Matcher>();
let lastList: readonly string[] | null = null;
let lastMatcher: Matcher | null = null;

function matcherFor(competitors: readonly string[]): Matcher {
  if (competitors === lastList && lastMatcher) return lastMatcher;
  const key = competitors.join('\u0000');
  let matcher = matchers.get(key);
  if (!matcher) {
    if (matchers.size >= 256) matchers.clear();
    matcher = {
      full: new RegExp(`(${keywordPattern(competitors)})|(${PRICE})`, 'giu'),
      candidate: new RegExp(`${keywordCandidates(competitors)}|${PRICE_CANDIDATES}`, 'i'),
    };
    matchers.set(key, matcher);
  }
  lastList = competitors;
  lastMatcher = matcher;
  return matcher;
}

interface Mention {
  competitor: boolean;
  term: string;
  field: string;
  excerpt: string;
}

/** The first competitor named in `text`, else its first price word; null when neither. */
function scan({ full, candidate }: Matcher, text: string | null, field: string): Mention | null {
  if (!text || !candidate.test(text)) return null;
  full.lastIndex = 0;
  let price: RegExpExecArray | null = null;
  for (let m = full.exec(text); m; m = full.exec(text)) {
    if (m[1] !== undefined) return mention(true, m, text, field);
    price ??= m;
  }
  return price ? mention(false, price, text, field) : null;
}

function mention(competitor: boolean, m: RegExpExecArray, text: string, field: string): Mention {
  const start = Math.max(0, m.index - EXCERPT_CHARS);
  const end = Math.min(text.length, m.index + m[0].length + EXCERPT_CHARS);
  const excerpt = `${start > 0 ? '…' : ''}${text.slice(start, end).replace(SPACES, ' ').trim()}${end < text.length ? '…' : ''}`;
  return { competitor, term: m[0], field, excerpt };
}

/** The better of two mentions of one record: a competitor beats a price word, the first found beats a later one. */
function better(a: Mention | null, b: Mention | null): Mention | null {
  return !a || (b?.competitor && !a.competitor) ? b : a;
}

interface Hit {
  mention: Mention;
  at: number;
  /** "closed-lost deal “Renewal 2027”", "email “Re: quote”". */
  where: string;
  evidence: Evidence;
}

export const competitorOrPrice = defineSignal({
  id: 'competitor_or_price',
  title: 'Competitor or price mentioned',
  description:
    'A competitor was named, or price came up as a concern, in lost deals, conversations or tickets: price is the ' +
    'first reason customers leave and a competitor’s moves pull them away.',
  source: {
    refs: ['003 原因 1, 5', '003 1b', '003 1e'],
    quote: '商品价格是导致客户流失的主要原因……竞争对手的行动势必在一定程度上形成对客户的吸引力',
  },
  defaultWeight: 25,
  thresholds: z.object({
    windowDays: z.number().int().positive().default(90),
    competitorStrength: z.number().min(0).max(1).default(1),
    priceStrength: z.number().min(0).max(1).default(0.6),
  }),
  quietInOffSeason: false,
  playbook: [
    'Read the mention in context (the excerpt in the evidence) and call the contact: ask what the other offer or the price they expect is, and what they were told.',
    'On price: review their real spend and results against similar customers, show the return (leads, orders, time saved) and compare the total cost of the alternatives.',
    'On a competitor: prepare a side-by-side of what you do better for their use case, with a reference customer from their industry.',
    'If budget is truly tight, propose a plan within it (smaller scope, phased rollout) to keep the account rather than lose it, and revisit when their budget recovers.',
    'For a closed-lost deal, find out who decided and why, and book a review before their next budget or renewal date.',
  ],
  evaluate(snapshot, { thresholds, tenant }, now) {
    const { windowDays } = thresholds;
    const matcher = matcherFor(tenant.competitors);
    const hits: Hit[] = [];
    for (const d of snapshot.deals) {
      if (d.status !== 'lost' || !withinDays(d.closeDate, now, windowDays)) continue;
      const m = scan(matcher, d.lostReason, 'lostReason');
      if (!m) continue;
      const at = d.closeDate;
      hits.push({
        mention: m,
        at,
        where: `closed-lost deal “${d.name ?? d.id}”`,
        evidence: dealEvidence(d, { ...facts(m), closeDate: isoDate(at), amount: d.amount }),
      });
    }
    for (const e of snapshot.engagements) {
      // Our own outbound emails (quotes, renewals) talk about price by design: only the customer's voice counts.
      if ((e.type === 'email' && e.direction === 'outbound') || !withinDays(e.at, now, windowDays)) continue;
      const m = better(scan(matcher, e.subject, 'subject'), scan(matcher, e.text, 'text'));
      if (!m) continue;
      hits.push({
        mention: m,
        at: e.at,
        where: e.subject ? `${e.type} “${e.subject}”` : `${e.type} ${e.id}`,
        evidence: engagementEvidence(e, { ...facts(m), at: isoDate(e.at), direction: e.direction }),
      });
    }
    for (const t of snapshot.tickets) {
      if (!withinDays(t.createdAt, now, windowDays)) continue;
      const m = better(scan(matcher, t.subject, 'subject'), scan(matcher, t.content, 'content'));
      if (!m) continue;
      hits.push({
        mention: m,
        at: t.createdAt,
        where: t.subject ? `ticket “${t.subject}”` : `ticket ${t.id}`,
        evidence: ticketEvidence(t, { ...facts(m), createdAt: isoDate(t.createdAt) }),
      });
    }
    if (hits.length === 0) return null;

    hits.sort((a, b) => Number(b.mention.competitor) - Number(a.mention.competitor) || b.at - a.at);
    const top = hits[0] as Hit;
    const latest = isoDate(Math.max(...hits.map((h) => h.at)));
    let headline: string;
    if (hits.length === 1) {
      headline = top.mention.competitor
        ? `competitor ${canonical(tenant.competitors, top.mention.term)} mentioned in ${top.where} on ${latest}`
        : `price raised (“${top.mention.term}”) in ${top.where} on ${latest}`;
    } else {
      const names = new Set<string>();
      const words = new Set<string>();
      let competitorHits = 0;
      for (const h of hits) {
        if (h.mention.competitor) {
          competitorHits++;
          names.add(canonical(tenant.competitors, h.mention.term));
        } else words.add(h.mention.term.toLowerCase());
      }
      const priceHits = hits.length - competitorHits;
      const priced = `price raised ${times(priceHits)} (“${[...words].slice(0, 3).join('”, “')}”)`;
      headline =
        competitorHits > 0
          ? `competitor ${[...names].join(', ')} mentioned ${times(competitorHits)}` +
            `${priceHits > 0 ? `, ${priced}` : ''} in ${windowDays} days (latest ${latest})`
          : `${priced} in ${windowDays} days (latest ${latest})`;
    }
    return {
      strength: top.mention.competitor ? thresholds.competitorStrength : thresholds.priceStrength,
      headline,
      evidence: hits.slice(0, MAX_EVIDENCE).map((h) => h.evidence),
    };
  },
});

function facts(m: Mention) {
  return { mention: m.competitor ? 'competitor' : 'price', matched: m.term, field: m.field, excerpt: m.excerpt };
}

/** The tenant's spelling of a matched competitor name. */
function canonical(competitors: readonly string[], term: string): string {
  const folded = term.toLowerCase().replace(SPACES, ' ');
  return competitors.find((c) => c.trim().toLowerCase().replace(SPACES, ' ') === folded)?.trim() ?? term;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
