import { budgetCut } from '../../src/signals/budget-cut.ts';
import { daysAgo, deal, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const amounts = (...points: [number | null, number][]) => ({
  amount: points.at(-1)?.[0] ?? null,
  amountHistory: points.map(([value, days]) => ({ value, at: daysAgo(days) })),
});
const contract = deal({ id: 'w1', status: 'won', amount: 10_000, closeDate: daysAgo(300) });
const olderContract = deal({ id: 'w0', status: 'won', amount: 20_000, closeDate: daysAgo(700) });

signalTable(budgetCut, {
  fires: [
    {
      name: 'open deal cut by 20% 20 days ago',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [8_000, 20]) })] }),
      minStrength: 0.55,
      maxStrength: 0.55,
      evidenceIds: ['d1'],
    },
    {
      name: 'cut by exactly 10%',
      snapshot: snapshot({ deals: [deal({ id: 'd1', status: 'won', ...amounts([10_000, 200], [9_000, 20]) })] }),
      minStrength: 0.4,
      maxStrength: 0.4,
    },
    {
      name: 'deal created in the window and cut by 60%: full strength',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([5_000, 60], [2_000, 10]) })] }),
      minStrength: 1,
    },
    {
      name: 'open renewal 20% below the most recent won contract',
      snapshot: snapshot({
        deals: [olderContract, contract, deal({ id: 'r1', isRenewal: true, amount: 8_000, closeDate: daysAgo(-30) })],
      }),
      minStrength: 0.55,
      maxStrength: 0.55,
      evidenceIds: ['r1'],
    },
    {
      name: 'renewal won 30 days ago below the contract before it (a later upsell is not the reference)',
      snapshot: snapshot({
        deals: [
          contract,
          deal({ id: 'r1', isRenewal: true, status: 'won', amount: 9_500, closeDate: daysAgo(30) }),
          deal({ id: 'u1', status: 'won', amount: 1_000, closeDate: daysAgo(10) }),
        ],
      }),
      evidenceIds: ['r1'],
    },
    {
      name: 'deal lost for budget reasons',
      snapshot: snapshot({
        deals: [
          deal({
            id: 'l1',
            status: 'lost',
            amount: 3_000,
            closeDate: daysAgo(20),
            lostReason: 'Budget frozen until Q3',
          }),
        ],
      }),
      minStrength: 0.7,
      maxStrength: 0.7,
      evidenceIds: ['l1'],
    },
    {
      name: 'renewal lost for 预算削减: full strength',
      snapshot: snapshot({
        deals: [deal({ id: 'l1', status: 'lost', isRenewal: true, closeDate: daysAgo(5), lostReason: '客户预算削减' })],
      }),
      minStrength: 1,
    },
    {
      name: 'several deals: strongest first, each deal once',
      snapshot: snapshot({
        deals: [
          contract,
          deal({ id: 'd1', ...amounts([10_000, 200], [9_000, 20]) }),
          deal({ id: 'r1', isRenewal: true, ...amounts([10_000, 120], [4_000, 7]) }),
        ],
      }),
      minStrength: 1,
      evidenceIds: ['r1', 'd1'],
    },
    {
      name: 'a smaller decrease counts with the tenant config',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [9_400, 20]) })] }),
      thresholds: { minDecrease: 0.05 },
    },
  ],
  quiet: [
    {
      name: 'cut by 9.5%',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [9_050, 20]) })] }),
    },
    {
      name: 'cut 100 days ago, before the window',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [5_000, 100]) })] }),
    },
    {
      name: 'cut and restored within the window',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [5_000, 40], [10_000, 5]) })] }),
    },
    {
      name: 'raised then lowered in the window, still above where it started',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [12_000, 40], [10_500, 5]) })] }),
    },
    {
      name: 'cut dated in the future',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [5_000, -3]) })] }),
    },
    {
      name: 'amount cleared (null), not cut',
      snapshot: snapshot({ deals: [deal({ id: 'd1', ...amounts([10_000, 200], [null, 3]) })] }),
    },
    {
      name: 'renewal at the contract amount',
      snapshot: snapshot({ deals: [contract, deal({ id: 'r1', isRenewal: true, amount: 10_000 })] }),
    },
    {
      name: 'renewal below contract but won 100 days ago',
      snapshot: snapshot({
        deals: [contract, deal({ id: 'r1', isRenewal: true, status: 'won', amount: 5_000, closeDate: daysAgo(100) })],
      }),
    },
    {
      name: 'renewal with no earlier won contract',
      snapshot: snapshot({ deals: [deal({ id: 'r1', isRenewal: true, amount: 5_000 })] }),
    },
    {
      name: 'renewal amount not filled in (null or 0)',
      snapshot: snapshot({
        deals: [
          contract,
          deal({ id: 'r1', isRenewal: true, amount: null }),
          deal({ id: 'r2', isRenewal: true, amount: 0 }),
        ],
      }),
    },
    {
      name: 'renewal below a contract that closes in the future',
      snapshot: snapshot({
        deals: [
          deal({ id: 'w2', status: 'won', amount: 10_000, closeDate: daysAgo(-5) }),
          deal({ id: 'r1', isRenewal: true, amount: 5_000 }),
        ],
      }),
    },
    {
      name: 'lost to a competitor, not for budget',
      snapshot: snapshot({
        deals: [deal({ id: 'l1', status: 'lost', closeDate: daysAgo(20), lostReason: 'Went with a competitor' })],
      }),
    },
    {
      name: 'lost for budget 120 days ago',
      snapshot: snapshot({
        deals: [deal({ id: 'l1', status: 'lost', closeDate: daysAgo(120), lostReason: 'No budget' })],
      }),
    },
    {
      name: 'a lost deal whose amount was cut (judged by its reason only)',
      snapshot: snapshot({
        deals: [
          deal({
            id: 'l1',
            status: 'lost',
            closeDate: daysAgo(5),
            lostReason: null,
            ...amounts([10_000, 200], [1_000, 20]),
          }),
        ],
      }),
    },
  ],
});
