import { z } from 'zod';
import { defineSignal, type Evidence } from '../core/signal.ts';
import { daysToMs, type Instant, isoDate } from '../core/time.ts';
import { contactEvidence } from './lib/evidence.ts';
import { recentDepartures } from './lib/relationship-recent-departures.ts';
import { titleChange } from './lib/relationship-title-change.ts';

export const stakeholderTurnover = defineSignal({
  id: 'stakeholder_turnover',
  title: 'Stakeholder turnover at the client',
  description:
    'Many of the people we deal with were added, removed or re-titled recently: management changes at the client ' +
    'put the relationship, the goals and the budget up for review.',
  source: {
    refs: ['001 #4', '002 组织中关键利益相关者的变更', '003 2a'],
    quote: '如果客户一直通过单点联系进行沟通,他们的组织经历了管理变更,客户可能会流失。',
  },
  defaultWeight: 20,
  thresholds: z.object({
    withinDays: z.number().int().positive().default(90),
    /** Fires when at least this many contacts changed... */
    minChanges: z.number().int().min(1).default(2),
    /** ...or at least this share of the account's contacts (current + departed in the window). */
    minShare: z.number().min(0).max(1).default(0.4),
    /** Share of contacts changed at which the strength reaches 1. */
    fullShare: z.number().positive().max(1).default(0.8),
    /** Strength floor when the signal fires on the count alone (a small share of a large account). */
    baseStrength: z.number().min(0).max(1).default(0.3),
    /** Contacts added within this many days of the account's creation are its initial setup, not turnover. */
    setupGraceDays: z.number().int().min(0).default(30),
  }),
  quietInOffSeason: false,
  playbook: [
    'Map who is who now: confirm with your main contact which people joined, left or changed role, and update titles and buying roles in the CRM.',
    'Book an introduction meeting with each new manager: review the account history, the goals set at the start and the results achieved so far.',
    'Ask the new people about their own goals, strategy and plans, and check whether the original objectives still hold.',
    'Make sure the right new people have access, licences and training, and that departed users are removed or reassigned.',
    'Widen the relationship: connect with at least one more decision maker so that the account does not hang on a single person.',
  ],
  evaluate(snapshot, { thresholds }, now) {
    const { contacts, account } = snapshot;
    const since = now - daysToMs(thresholds.withinDays);
    // A contact created shortly after the account itself belongs to its initial setup.
    const setupEnd = account.createdAt == null ? null : account.createdAt + daysToMs(thresholds.setupGraceDays);

    const changes: { at: Instant; evidence: Evidence }[] = [];
    let added = 0;
    let retitled = 0;
    for (const c of contacts) {
      const isAdded =
        c.createdAt != null &&
        c.createdAt >= since &&
        c.createdAt <= now &&
        (setupEnd == null || c.createdAt > setupEnd);
      const change = titleChange(c.titleHistory, since, now);
      if (!isAdded && !change) continue;
      if (isAdded) added++;
      if (change) retitled++;
      const at = Math.max(isAdded ? (c.createdAt as Instant) : 0, change ? change.at : 0);
      const what = isAdded && change ? 'added, title_changed' : isAdded ? 'added' : 'title_changed';
      changes.push({
        at,
        evidence: contactEvidence(c, {
          change: what,
          at: isoDate(at),
          ...(isAdded ? { createdAt: isoDate(c.createdAt as Instant) } : {}),
          ...(change ? { titleBefore: change.before, titleAfter: change.after } : { title: c.title }),
        }),
      });
    }
    const departures = recentDepartures(snapshot, since, now);
    for (const d of departures) {
      changes.push({
        at: d.at,
        evidence: contactEvidence(
          { id: d.id, name: d.name, email: null },
          { change: d.reason === 'deleted' ? 'deleted' : 'removed', at: isoDate(d.at), title: d.title },
        ),
      });
    }
    if (changes.length === 0) return null;

    const total = contacts.length + departures.length;
    const share = changes.length / total;
    if (changes.length < thresholds.minChanges && share < thresholds.minShare) return null;

    changes.sort((a, b) => b.at - a.at);
    const parts: string[] = [];
    if (added > 0) parts.push(`${added} added`);
    if (departures.length > 0) parts.push(`${departures.length} removed`);
    if (retitled > 0) parts.push(`${retitled} re-titled`);
    return {
      strength: Math.min(1, Math.max(thresholds.baseStrength, share / thresholds.fullShare)),
      headline: `${changes.length} of ${total} contacts changed in ${thresholds.withinDays} days (${Math.round(share * 100)}%): ${parts.join(', ')}`,
      evidence: changes.slice(0, 5).map((c) => c.evidence),
    };
  },
});
