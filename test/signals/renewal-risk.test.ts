import { renewalRisk } from '../../src/signals/renewal-risk.ts';
import { contact, daysAgo, daysAhead, deal, engagement, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

signalTable(renewalRisk, {
  fires: [
    {
      name: 'renewal date passed 10 days ago with no won renewal',
      snapshot: snapshot({ custom: { renewalDate: daysAgo(10) } }),
      minStrength: 1,
      evidenceIds: ['c1'],
    },
    {
      name: 'open renewal deal past its close date',
      snapshot: snapshot({
        deals: [deal({ id: 'd1', isRenewal: true, closeDate: daysAgo(5), stageChangedAt: daysAgo(2) })],
      }),
      minStrength: 1,
      evidenceIds: ['d1'],
    },
    {
      name: "last year's won renewal does not cover this year's overdue date",
      snapshot: snapshot({
        custom: { renewalDate: daysAgo(10) },
        deals: [deal({ id: 'd0', isRenewal: true, status: 'won', closeDate: daysAgo(375) })],
        contacts: [contact({ id: 'k1', lastEngagedAt: daysAgo(3) })],
      }),
      minStrength: 1,
      evidenceIds: ['c1', 'd0', 'k1'],
    },
    {
      name: 'due in 60 days, no renewal deal, no two-way contact',
      snapshot: snapshot({ custom: { renewalDate: daysAhead(60) } }),
      minStrength: 0.66,
      maxStrength: 0.67,
      evidenceIds: ['c1'],
    },
    {
      name: 'due in 30 days, renewal deal stalled 45 days, last two-way touch 40 days ago',
      snapshot: snapshot({
        deals: [
          deal({
            id: 'd1',
            isRenewal: true,
            closeDate: daysAhead(30),
            createdAt: daysAgo(100),
            stageChangedAt: daysAgo(45),
          }),
        ],
        engagements: [engagement({ id: 'e1', type: 'meeting', twoWay: true, at: daysAgo(40) })],
      }),
      minStrength: 0.83,
      maxStrength: 0.84,
      evidenceIds: ['d1', 'e1'],
    },
    {
      name: 'due in 40 days, renewal deal moved and contact engaged 31 days ago (just past both windows)',
      snapshot: snapshot({
        deals: [deal({ id: 'd1', isRenewal: true, closeDate: daysAhead(40), stageChangedAt: daysAgo(31) })],
        contacts: [contact({ id: 'k1', lastEngagedAt: daysAgo(31) })],
      }),
      evidenceIds: ['d1', 'k1'],
    },
    {
      name: 'due exactly 90 days out: half strength',
      snapshot: snapshot({ custom: { renewalDate: daysAhead(90) } }),
      minStrength: 0.5,
      maxStrength: 0.5,
    },
    {
      name: 'renewal deal with no known stage change or creation date',
      snapshot: snapshot({ deals: [deal({ id: 'd1', isRenewal: true, closeDate: daysAhead(20) })] }),
      evidenceIds: ['d1'],
    },
    {
      name: 'future-dated stage change and engagement are not progress',
      snapshot: snapshot({
        custom: { renewalDate: daysAhead(40) },
        deals: [deal({ id: 'd1', isRenewal: true, closeDate: daysAhead(40), stageChangedAt: daysAhead(1) })],
        engagements: [engagement({ id: 'e1', twoWay: true, at: daysAhead(1) })],
      }),
      evidenceIds: ['c1', 'd1'],
    },
    {
      name: "the mapped renewal date wins over the renewal deal's close date",
      snapshot: snapshot({
        custom: { renewalDate: daysAgo(3) },
        deals: [deal({ id: 'd1', isRenewal: true, closeDate: daysAhead(200), stageChangedAt: daysAgo(1) })],
      }),
      minStrength: 1,
      evidenceIds: ['c1', 'd1'],
    },
    {
      name: 'a longer renewal window from the tenant config (120 days)',
      snapshot: snapshot({ custom: { renewalDate: daysAhead(100) } }),
      thresholds: { dueWithinDays: 120 },
    },
  ],
  quiet: [
    { name: 'renewal due in 91 days', snapshot: snapshot({ custom: { renewalDate: daysAhead(91) } }) },
    {
      name: 'overdue, but a renewal deal was won after the date',
      snapshot: snapshot({
        custom: { renewalDate: daysAgo(10) },
        deals: [deal({ id: 'd2', isRenewal: true, status: 'won', closeDate: daysAgo(2) })],
      }),
    },
    {
      name: 'renewed early: renewal deal won 30 days before the date',
      snapshot: snapshot({
        custom: { renewalDate: daysAhead(20) },
        deals: [deal({ id: 'd2', isRenewal: true, status: 'won', closeDate: daysAgo(10) })],
      }),
    },
    {
      name: 'due in 40 days, renewal deal moved exactly 30 days ago',
      snapshot: snapshot({
        deals: [deal({ id: 'd1', isRenewal: true, closeDate: daysAhead(40), stageChangedAt: daysAgo(30) })],
      }),
    },
    {
      name: 'due in 40 days, renewal deal created 10 days ago (no stage change yet)',
      snapshot: snapshot({
        custom: { renewalDate: daysAhead(40) },
        deals: [deal({ id: 'd1', isRenewal: true, closeDate: daysAhead(40), createdAt: daysAgo(10) })],
      }),
    },
    {
      name: 'due in 40 days with no progress, but a contact engaged exactly 30 days ago',
      snapshot: snapshot({
        custom: { renewalDate: daysAhead(40) },
        contacts: [contact({ id: 'k1', lastEngagedAt: daysAgo(30) })],
      }),
    },
    {
      name: 'due in 40 days with no progress, but an inbound email 5 days ago',
      snapshot: snapshot({
        custom: { renewalDate: daysAhead(40) },
        engagements: [engagement({ id: 'e1', direction: 'inbound', twoWay: true, at: daysAgo(5) })],
      }),
    },
    {
      name: "a non-renewal or lost renewal deal's close date is no renewal date",
      snapshot: snapshot({
        deals: [
          deal({ id: 'd1', closeDate: daysAgo(5) }),
          deal({ id: 'd2', isRenewal: true, status: 'lost', closeDate: daysAgo(5) }),
        ],
      }),
    },
    {
      name: 'renewal date more than a year past is stale data',
      snapshot: snapshot({ custom: { renewalDate: daysAgo(400) } }),
    },
  ],
});
