import { DAY } from '../../src/core/time.ts';
import { unresolvedTickets } from '../../src/signals/unresolved-tickets.ts';
import { daysAgo, daysAhead, snapshot, ticket } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const HOUR = DAY / 24;

signalTable(unresolvedTickets, {
  fires: [
    {
      name: 'a HIGH ticket open 8 days: 0.3 + 0.4 × 8/90',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'high', createdAt: daysAgo(8) })] }),
      minStrength: 0.33,
      maxStrength: 0.34,
      evidenceIds: ['t1'],
    },
    {
      name: 'an URGENT ticket just past 7 days',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'urgent', createdAt: daysAgo(7) - HOUR })] }),
      evidenceIds: ['t1'],
    },
    {
      name: 'a ticket of no priority just past 30 days',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', createdAt: daysAgo(30) - HOUR })] }),
      minStrength: 0.43,
      maxStrength: 0.44,
      evidenceIds: ['t1'],
    },
    {
      name: 'one of each, oldest 90 days: 0.3 + 0.2 + 0.4',
      snapshot: snapshot({
        tickets: [
          ticket({ id: 't1', priority: 'urgent', createdAt: daysAgo(10) }),
          ticket({ id: 't2', priority: 'medium', createdAt: daysAgo(45) }),
          ticket({ id: 't3', createdAt: daysAgo(90) }),
          ticket({ id: 't4', priority: 'low', createdAt: daysAgo(20) }),
          ticket({ id: 't5', createdAt: daysAgo(200), open: false }),
        ],
      }),
      minStrength: 0.89,
      maxStrength: 0.91,
      evidenceIds: ['t1', 't2', 't3'],
    },
    {
      name: 'six stuck tickets: full strength; evidence = the high one, then the 4 oldest',
      snapshot: snapshot({
        tickets: [
          ticket({ id: 's5', createdAt: daysAgo(60) }),
          ticket({ id: 's3', createdAt: daysAgo(80) }),
          ticket({ id: 'h1', priority: 'high', createdAt: daysAgo(8) }),
          ticket({ id: 's1', createdAt: daysAgo(100) }),
          ticket({ id: 's4', createdAt: daysAgo(70) }),
          ticket({ id: 's2', createdAt: daysAgo(90) }),
        ],
      }),
      minStrength: 1,
      evidenceIds: ['h1', 's1', 's2', 's3', 's4'],
    },
    {
      name: 'a shorter high-priority limit from the tenant config',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'high', createdAt: daysAgo(4) })] }),
      thresholds: { highPriorityDays: 3 },
      evidenceIds: ['t1'],
    },
  ],
  quiet: [
    {
      name: 'a HIGH ticket exactly 7 days old',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'high', createdAt: daysAgo(7) })] }),
    },
    {
      name: 'a MEDIUM ticket exactly 30 days old',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'medium', createdAt: daysAgo(30) })] }),
    },
    {
      name: 'a LOW ticket open 20 days',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'low', createdAt: daysAgo(20) })] }),
    },
    {
      name: 'old URGENT tickets that are closed',
      snapshot: snapshot({
        tickets: [ticket({ id: 't1', priority: 'urgent', open: false, createdAt: daysAgo(100), closedAt: daysAgo(1) })],
      }),
    },
    {
      name: 'an open ticket without a creation date',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'urgent', createdAt: null })] }),
    },
    {
      name: 'a ticket dated in the future',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', priority: 'urgent', createdAt: daysAhead(40) })] }),
    },
    {
      name: 'a longer limit for any ticket from the tenant config',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', createdAt: daysAgo(45) })] }),
      thresholds: { anyDays: 60 },
    },
  ],
});
