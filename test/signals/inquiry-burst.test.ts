import type { Engagement } from '../../src/core/snapshot.ts';
import { inquiryBurst } from '../../src/signals/inquiry-burst.ts';
import { daysAgo, daysAhead, engagement, snapshot, ticket } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

/** `count` inbound emails with ids prefix1…, at the given days ago (cycled). */
function inbound(prefix: string, count: number, ...days: number[]): Engagement[] {
  return Array.from({ length: count }, (_, i) =>
    engagement({
      id: `${prefix}${i + 1}`,
      direction: 'inbound',
      twoWay: true,
      at: daysAgo(days[i % days.length] as number),
    }),
  );
}

const established = { customerSince: daysAgo(700) };

signalTable(inquiryBurst, {
  fires: [
    {
      name: '4 inbound emails in 14 days after none in 180 days: (1 + 0.5) / 2',
      snapshot: snapshot({ account: established, engagements: inbound('e', 4, 1, 3, 8, 13) }),
      minStrength: 0.75,
      maxStrength: 0.75,
      evidenceIds: ['e1', 'e2', 'e3', 'e4'],
    },
    {
      name: 'exactly 3× the usual rate (7 vs 30 in 180 days = 2.33 per 14 days)',
      snapshot: snapshot({
        account: established,
        engagements: [...inbound('e', 7, 2), ...inbound('b', 30, 20, 90, 190)],
      }),
      minStrength: 0.68,
      maxStrength: 0.69,
    },
    {
      name: 'emails, a call and a ticket all count',
      snapshot: snapshot({
        account: established,
        engagements: [
          ...inbound('e', 2, 4),
          engagement({ id: 'c1', type: 'call', direction: 'inbound', at: daysAgo(5) }),
          engagement({ id: 'o1', type: 'email', direction: 'outbound', at: daysAgo(5) }),
        ],
        tickets: [ticket({ id: 't1', createdAt: daysAgo(6) })],
      }),
      evidenceIds: ['e1', 'e2', 'c1', 't1'],
    },
    {
      name: 'a question exactly 14 days old is recent',
      snapshot: snapshot({ account: established, engagements: inbound('e', 4, 1, 2, 3, 14) }),
      evidenceIds: ['e1', 'e2', 'e3', 'e4'],
    },
    {
      name: 'ten questions: evidence capped at the 5 latest',
      snapshot: snapshot({
        account: established,
        engagements: inbound('e', 10, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13).reverse(),
      }),
      minStrength: 1,
      evidenceIds: ['e1', 'e2', 'e3', 'e4', 'e5'],
    },
    {
      name: 'no customer date, but an old inbound email shows the account has history',
      snapshot: snapshot({ engagements: [...inbound('e', 4, 2), ...inbound('old', 1, 400)] }),
      evidenceIds: ['e1', 'e2', 'e3', 'e4'],
    },
    {
      name: 'a customer of exactly 90 days (the minimum history) with 4 questions after none',
      snapshot: snapshot({ account: { customerSince: daysAgo(90) }, engagements: inbound('e', 4, 2) }),
      evidenceIds: ['e1', 'e2', 'e3', 'e4'],
    },
    {
      name: 'a lower minimum from the tenant config',
      snapshot: snapshot({ account: established, engagements: inbound('e', 3, 2) }),
      thresholds: { minCount: 3 },
      evidenceIds: ['e1', 'e2', 'e3'],
    },
  ],
  quiet: [
    { name: 'only 3 questions', snapshot: snapshot({ account: established, engagements: inbound('e', 3, 2) }) },
    {
      name: 'just under 3× the usual rate (6 vs 2.33 per 14 days)',
      snapshot: snapshot({
        account: established,
        engagements: [...inbound('e', 6, 2), ...inbound('b', 30, 20, 90, 190)],
      }),
    },
    {
      name: 'outbound emails, meetings and notes are not questions',
      snapshot: snapshot({
        account: established,
        engagements: [
          ...Array.from({ length: 5 }, (_, i) => engagement({ id: `o${i}`, direction: 'outbound', at: daysAgo(2) })),
          ...Array.from({ length: 5 }, (_, i) =>
            engagement({ id: `m${i}`, type: 'meeting', direction: 'inbound', at: daysAgo(2) }),
          ),
          ...Array.from({ length: 5 }, (_, i) => engagement({ id: `n${i}`, type: 'note', at: daysAgo(2) })),
          ...Array.from({ length: 5 }, (_, i) => engagement({ id: `u${i}`, direction: null, at: daysAgo(2) })),
        ],
      }),
    },
    {
      name: 'the questions are 15 days old: baseline, not recent',
      snapshot: snapshot({ account: established, engagements: inbound('e', 6, 15) }),
    },
    {
      name: 'a brand-new customer asks while it learns',
      snapshot: snapshot({ account: { customerSince: daysAgo(30) }, engagements: inbound('e', 8, 1, 5, 10) }),
    },
    {
      name: 'a customer of 89 days (just under the minimum history)',
      snapshot: snapshot({ account: { customerSince: daysAgo(89) }, engagements: inbound('e', 4, 2) }),
    },
    {
      name: 'no customer date, no creation date, nothing older (no history)',
      snapshot: snapshot({ engagements: inbound('e', 8, 2) }),
    },
    {
      name: 'questions dated in the future are ignored',
      snapshot: snapshot({
        account: established,
        engagements: [...inbound('e', 3, 2), ...inbound('f', 3, 1).map((e) => ({ ...e, at: daysAhead(1) }))],
      }),
    },
    {
      name: 'a higher ratio from the tenant config',
      snapshot: snapshot({
        account: established,
        engagements: [...inbound('e', 7, 2), ...inbound('b', 30, 20, 90, 190)],
      }),
      thresholds: { minRatio: 4 },
    },
  ],
});
