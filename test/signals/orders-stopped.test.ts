import { ordersStopped } from '../../src/signals/orders-stopped.ts';
import { daysAgo, daysAhead, deal, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const HOUR = 3_600_000;

/** Won deals closed the given days ago, ids w1, w2... (w1 is the first listed). */
function wins(...days: number[]) {
  return days.map((d, i) => deal({ id: `w${i + 1}`, status: 'won', closeDate: daysAgo(d), amount: 1000 }));
}

signalTable(ordersStopped, {
  fires: [
    {
      name: 'monthly buyer with no win for 100 days',
      snapshot: snapshot({ deals: wins(100, 130, 160, 190) }),
      minStrength: 0.83,
      maxStrength: 0.84,
      evidenceIds: ['c1', 'w1', 'w2', 'w3', 'w4'],
    },
    {
      name: 'quarterly buyer: silent just past 1.5× the 90-day median interval',
      snapshot: snapshot({ deals: wins(136, 226, 316, 406) }),
      minStrength: 0.5,
      maxStrength: 0.51,
      evidenceIds: ['c1', 'w1', 'w2', 'w3', 'w4'],
    },
    {
      name: 'frequent buyer: silent just past the 60-day floor',
      snapshot: snapshot({ deals: wins(61, 71, 81) }),
      minStrength: 0.5,
      maxStrength: 0.51,
    },
    {
      name: 'three-year customer, no order for 200 days: full strength, 4 latest wins in evidence',
      snapshot: snapshot({ deals: wins(200, 230, 260, 290, 320, 350, 380, 1100) }),
      minStrength: 1,
      evidenceIds: ['c1', 'w1', 'w2', 'w3', 'w4'],
    },
    {
      name: 'a future-dated win and open or lost deals do not hide the silence',
      snapshot: snapshot({
        deals: [
          ...wins(100, 130, 160),
          deal({ id: 'f1', status: 'won', closeDate: daysAhead(5) }),
          deal({ id: 'o1', status: 'open', closeDate: daysAgo(10) }),
          deal({ id: 'l1', status: 'lost', closeDate: daysAgo(5) }),
        ],
      }),
      evidenceIds: ['c1', 'w1', 'w2', 'w3'],
    },
    {
      name: 'a shorter floor from the tenant config (30 days)',
      snapshot: snapshot({ deals: wins(35, 45, 55) }),
      thresholds: { minSilenceDays: 30 },
    },
  ],
  quiet: [
    { name: 'only 2 wins: not a repeat buyer', snapshot: snapshot({ deals: wins(100, 200) }) },
    { name: 'silent exactly 60 days', snapshot: snapshot({ deals: wins(60, 70, 80) }) },
    { name: 'silent exactly 1.5× the median interval', snapshot: snapshot({ deals: wins(135, 225, 315) }) },
    { name: 'recent win', snapshot: snapshot({ deals: wins(10, 40, 70) }) },
    {
      name: 'deals closed together on one day are one order',
      snapshot: snapshot({
        deals: [
          ...wins(100, 130),
          deal({ id: 'w3', status: 'won', closeDate: daysAgo(100) + HOUR }),
          deal({ id: 'w4', status: 'won', closeDate: daysAgo(100) + 2 * HOUR }),
        ],
      }),
    },
    {
      name: 'lost and open deals are not orders',
      snapshot: snapshot({
        deals: [100, 130, 160].map((d) =>
          deal({ id: `l${d}`, status: d === 100 ? 'open' : 'lost', closeDate: daysAgo(d) }),
        ),
      }),
    },
    {
      name: 'won deals without a close date',
      snapshot: snapshot({ deals: [1, 2, 3].map((i) => deal({ id: `w${i}`, status: 'won', closeDate: null })) }),
    },
    {
      name: 'only future-dated wins',
      snapshot: snapshot({
        deals: [1, 2, 3].map((i) => deal({ id: `w${i}`, status: 'won', closeDate: daysAhead(i * 30) })),
      }),
    },
    {
      name: 'off-season month declared by the tenant',
      snapshot: snapshot({ deals: wins(100, 130, 160, 190) }),
      quietMonths: [11],
    },
  ],
});
