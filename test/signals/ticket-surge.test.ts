import type { Ticket } from '../../src/core/snapshot.ts';
import { ticketSurge } from '../../src/signals/ticket-surge.ts';
import { daysAgo, daysAhead, snapshot, ticket } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

/** `count` tickets with ids prefix1…, created at the given days ago (cycled). */
function tickets(prefix: string, count: number, ...days: number[]): Ticket[] {
  return Array.from({ length: count }, (_, i) =>
    ticket({ id: `${prefix}${i + 1}`, createdAt: daysAgo(days[i % days.length] as number) }),
  );
}

const established = { customerSince: daysAgo(700) };

signalTable(ticketSurge, {
  fires: [
    {
      name: '3 tickets in 30 days after none in the 180 days before: (1 + 0.5) / 2',
      snapshot: snapshot({ account: established, tickets: tickets('t', 3, 2, 10, 29) }),
      minStrength: 0.75,
      maxStrength: 0.75,
      evidenceIds: ['t1', 't2', 't3'],
    },
    {
      name: 'exactly 2× the monthly mean (3 vs 9 in 180 days) and exactly 3: strength 0.5',
      snapshot: snapshot({ account: established, tickets: [...tickets('t', 3, 5), ...tickets('b', 9, 40, 100, 200)] }),
      minStrength: 0.5,
      maxStrength: 0.5,
      evidenceIds: ['t1', 't2', 't3'],
    },
    {
      name: '7 tickets vs 1 a month: full strength, evidence capped at the 5 latest',
      snapshot: snapshot({
        account: established,
        tickets: [...tickets('b', 6, 35, 60, 90, 120, 150, 180), ...tickets('t', 7, 1, 2, 3, 4, 5, 20, 25).reverse()],
      }),
      minStrength: 1,
      evidenceIds: ['t1', 't2', 't3', 't4', 't5'],
    },
    {
      name: 'no customer date, but an old ticket shows the account has history',
      snapshot: snapshot({ tickets: [...tickets('t', 3, 3), ticket({ id: 'old', createdAt: daysAgo(400) })] }),
      evidenceIds: ['t1', 't2', 't3'],
    },
    {
      name: 'a customer of 120 days: the baseline is the 90 days it has (4 in 90 d = 1.3 a month; 3 ≥ 2.7)',
      snapshot: snapshot({
        account: { customerSince: daysAgo(120) },
        tickets: [...tickets('t', 3, 3), ...tickets('b', 4, 40, 70, 100, 115)],
      }),
      evidenceIds: ['t1', 't2', 't3'],
    },
    {
      name: 'a customer of exactly 90 days (the minimum history) with 3 tickets after none',
      snapshot: snapshot({ account: { customerSince: daysAgo(90) }, tickets: tickets('t', 3, 2) }),
      evidenceIds: ['t1', 't2', 't3'],
    },
    {
      name: 'a ticket exactly 30 days old is recent',
      snapshot: snapshot({ account: established, tickets: tickets('t', 3, 1, 2, 30) }),
      evidenceIds: ['t1', 't2', 't3'],
    },
    {
      name: 'a lower minimum from the tenant config',
      snapshot: snapshot({ account: established, tickets: tickets('t', 2, 3) }),
      thresholds: { minCount: 2 },
      evidenceIds: ['t1', 't2'],
    },
  ],
  quiet: [
    { name: 'only 2 tickets in 30 days', snapshot: snapshot({ account: established, tickets: tickets('t', 2, 3) }) },
    {
      name: 'just under 2× (3 vs 10 in 180 days)',
      snapshot: snapshot({ account: established, tickets: [...tickets('t', 3, 5), ...tickets('b', 10, 40, 100)] }),
    },
    {
      name: 'the 3 tickets are 31 days old: baseline, not recent',
      snapshot: snapshot({ account: established, tickets: tickets('t', 3, 31) }),
    },
    {
      name: 'a brand-new customer: its first tickets are onboarding',
      snapshot: snapshot({ account: { customerSince: daysAgo(20) }, tickets: tickets('t', 6, 1, 5, 10) }),
    },
    {
      name: 'a customer of 89 days (just under the minimum history)',
      snapshot: snapshot({ account: { customerSince: daysAgo(89) }, tickets: tickets('t', 3, 2) }),
    },
    {
      name: 'a customer of 120 days: 5 tickets in its 90-day baseline make 3 normal',
      snapshot: snapshot({
        account: { customerSince: daysAgo(120) },
        tickets: [...tickets('t', 3, 3), ...tickets('b', 5, 40, 70, 100)],
      }),
    },
    {
      name: 'no customer date, no creation date, no older ticket (no history)',
      snapshot: snapshot({ tickets: tickets('t', 5, 3) }),
    },
    {
      name: 'tickets dated in the future are ignored',
      snapshot: snapshot({
        account: established,
        tickets: [
          ...tickets('t', 2, 3),
          ticket({ id: 'f1', createdAt: daysAhead(1) }),
          ticket({ id: 'f2', createdAt: daysAhead(2) }),
        ],
      }),
    },
    {
      name: 'tickets without a creation date are skipped',
      snapshot: snapshot({
        account: established,
        tickets: Array.from({ length: 5 }, (_, i) => ticket({ id: `n${i}` })),
      }),
    },
    {
      name: 'a higher ratio from the tenant config',
      snapshot: snapshot({ account: established, tickets: [...tickets('t', 3, 5), ...tickets('b', 6, 40, 100)] }),
      thresholds: { minRatio: 4 },
    },
  ],
});
