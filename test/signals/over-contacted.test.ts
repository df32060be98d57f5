import type { Engagement } from '../../src/core/snapshot.ts';
import { overContacted } from '../../src/signals/over-contacted.ts';
import { contact, daysAgo, daysAhead, engagement, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

/** `count` outbound touches, one a day from `fromDay` days ago, alternating emails and calls; ids o1, o2... */
function outbound(count: number, fromDay = 1, over: Partial<Engagement> = {}) {
  return Array.from({ length: count }, (_, i) =>
    engagement({
      id: `o${i + 1}`,
      type: i % 2 === 0 ? 'email' : 'call',
      direction: 'outbound',
      subject: 'Checking in',
      at: daysAgo(fromDay + i),
      ...over,
    }),
  );
}

/** Promotional outbound emails, ids p1, p2... */
function promos(...subjects: string[]) {
  return subjects.map((subject, i) =>
    engagement({ id: `p${i + 1}`, type: 'email', direction: 'outbound', subject, at: daysAgo(2 + i) }),
  );
}

signalTable(overContacted, {
  fires: [
    {
      name: '12 outbound emails and calls in 30 days',
      snapshot: snapshot({ engagements: outbound(12) }),
      minStrength: 0.5,
      maxStrength: 0.5,
      evidenceIds: ['o1', 'o2', 'o3', 'o4', 'o5'],
    },
    {
      name: 'promotional share above 20% (3 of 10)',
      snapshot: snapshot({
        engagements: [...outbound(7, 10), ...promos('Special offer for Acme', 'Upgrade today', 'Black Friday sale')],
      }),
      minStrength: 0.74,
      maxStrength: 0.76,
      evidenceIds: ['p1', 'p2', 'p3'],
    },
    {
      name: 'promotional wording in the body and in Chinese',
      snapshot: snapshot({
        engagements: [
          ...outbound(3, 10),
          ...promos('双十一促销', 'News'),
          engagement({
            id: 'b1',
            type: 'email',
            direction: 'outbound',
            text: 'Get 20 % off until Friday',
            at: daysAgo(5),
          }),
        ],
      }),
      evidenceIds: ['p1', 'b1'],
    },
    {
      name: 'a contact opted out 3 days ago',
      snapshot: snapshot({ contacts: [contact({ id: 'k1', optedOutAt: daysAgo(3) }), contact({ id: 'k2' })] }),
      minStrength: 0.5,
      maxStrength: 0.5,
      evidenceIds: ['k1'],
    },
    {
      name: 'opt-out exactly 30 days ago is still fresh',
      snapshot: snapshot({ contacts: [contact({ id: 'k1', optedOutAt: daysAgo(30) })] }),
    },
    {
      name: 'a lower volume threshold from the tenant config (8)',
      snapshot: snapshot({ engagements: outbound(8) }),
      thresholds: { maxOutboundTouches: 8 },
    },
    {
      name: 'all three at once: strength capped at 1, opt-out and promos first in the evidence',
      snapshot: snapshot({
        engagements: [...outbound(10, 10), ...promos('Limited time offer', '50% off', 'New deal', 'Promo')],
        contacts: [contact({ id: 'k1', optedOutAt: daysAgo(1) })],
      }),
      minStrength: 1,
      evidenceIds: ['k1', 'p1', 'p2', 'p3', 'p4'],
    },
  ],
  quiet: [
    { name: '11 outbound touches in 30 days', snapshot: snapshot({ engagements: outbound(11) }) },
    {
      name: 'exactly 20% promotional (2 of 10)',
      snapshot: snapshot({ engagements: [...outbound(8, 10), ...promos('Discount inside', 'Upgrade')] }),
    },
    {
      name: 'high promotional share but fewer than 5 outbound touches',
      snapshot: snapshot({ engagements: [...outbound(2, 10), ...promos('Discount inside', 'Upgrade')] }),
    },
    {
      name: 'words that are not promotions: sales, Salesforce, dealing',
      snapshot: snapshot({
        engagements: [
          ...outbound(3, 10),
          ...promos('Salesforce sync issue', 'Dealing with the import', 'Sales report for Q3', 'Meet the sales team'),
        ],
      }),
    },
    {
      name: 'inbound emails, meetings and notes are not outbound touches',
      snapshot: snapshot({
        engagements: [
          ...outbound(6, 1, { direction: 'inbound' }),
          ...outbound(6, 1, { type: 'meeting' }).map((e) => ({ ...e, id: `m${e.id}` })),
          ...outbound(6, 1, { type: 'note' }).map((e) => ({ ...e, id: `n${e.id}` })),
        ],
      }),
    },
    { name: '12 outbound touches older than 30 days', snapshot: snapshot({ engagements: outbound(12, 31) }) },
    {
      name: 'future-dated touches and opt-out',
      snapshot: snapshot({
        engagements: outbound(12).map((e, i) => ({ ...e, at: daysAhead(i + 1) })),
        contacts: [contact({ id: 'k1', optedOutAt: daysAhead(2) })],
      }),
    },
    { name: 'opt-out 31 days ago', snapshot: snapshot({ contacts: [contact({ id: 'k1', optedOutAt: daysAgo(31) })] }) },
  ],
});
