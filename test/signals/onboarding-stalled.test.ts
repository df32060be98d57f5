import { onboardingStalled } from '../../src/signals/onboarding-stalled.ts';
import { daysAgo, deal, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const customerFor = (days: number, onboardingCompletedAt: number | null = null) =>
  snapshot({ account: { customerSince: daysAgo(days) }, custom: { onboardingCompletedAt } });

signalTable(onboardingStalled, {
  fires: [
    {
      name: 'customer for 60 days, onboarding not completed',
      snapshot: customerFor(60),
      minStrength: 0.66,
      maxStrength: 0.67,
      evidenceIds: ['c1'],
    },
    {
      name: 'just past the 45-day deadline: half strength',
      snapshot: customerFor(45.5),
      minStrength: 0.5,
      maxStrength: 0.51,
    },
    {
      name: 'customer for 120 days: full strength, first won deal as evidence',
      snapshot: snapshot({
        account: { customerSince: daysAgo(120) },
        deals: [
          deal({ id: 'd2', status: 'won', closeDate: daysAgo(20), amount: 500 }),
          deal({ id: 'd1', status: 'won', closeDate: daysAgo(120), amount: 10_000 }),
          deal({ id: 'd3', status: 'lost', closeDate: daysAgo(200) }),
        ],
      }),
      minStrength: 1,
      evidenceIds: ['c1', 'd1'],
    },
    {
      name: 'exactly at the 365-day horizon',
      snapshot: customerFor(365),
      minStrength: 1,
    },
    {
      name: 'completion date in the future (clock skew) counts as not completed',
      snapshot: customerFor(70, daysAgo(-3)),
      evidenceIds: ['c1'],
    },
    {
      name: 'a shorter deadline from the tenant config',
      snapshot: customerFor(30),
      thresholds: { afterDays: 20, fullStrengthDays: 30 },
      minStrength: 1,
    },
  ],
  quiet: [
    { name: 'exactly 45 days as a customer', snapshot: customerFor(45) },
    { name: 'onboarding completed 10 days ago', snapshot: customerFor(100, daysAgo(10)) },
    { name: 'onboarding completed long ago', snapshot: customerFor(300, daysAgo(250)) },
    { name: 'customer for 366 days: past the horizon', snapshot: customerFor(366) },
    { name: 'a shorter horizon from the tenant config', snapshot: customerFor(120), thresholds: { horizonDays: 100 } },
    {
      name: 'not a customer (customerSince null), even with old deals',
      snapshot: snapshot({ deals: [deal({ id: 'd1', status: 'lost', closeDate: daysAgo(100) })] }),
    },
    { name: 'customerSince in the future', snapshot: customerFor(-10) },
  ],
});
