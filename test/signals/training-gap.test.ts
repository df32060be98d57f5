import { trainingGap } from '../../src/signals/training-gap.ts';
import { contact, daysAgo, engagement, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

/** A plain two-way meeting: proof that activity data is there, with no training in it. */
const checkIn = engagement({ id: 'm0', type: 'meeting', twoWay: true, at: daysAgo(10), subject: 'Quarterly check-in' });

signalTable(trainingGap, {
  fires: [
    {
      name: 'customer for 100 days, meetings but never any training',
      snapshot: snapshot({ account: { customerSince: daysAgo(100) }, engagements: [checkIn] }),
      minStrength: 0.55,
      maxStrength: 0.56,
      evidenceIds: ['c1'],
    },
    {
      name: 'last training (mapped property) 91 days ago',
      snapshot: snapshot({ account: { customerSince: daysAgo(200) }, custom: { lastTrainingAt: daysAgo(91) } }),
      maxStrength: 0.51,
      evidenceIds: ['c1'],
    },
    {
      name: 'last training 170 days ago: near full strength',
      snapshot: snapshot({ account: { customerSince: daysAgo(300) }, custom: { lastTrainingAt: daysAgo(170) } }),
      minStrength: 0.94,
    },
    {
      name: 'old training session, enablement email clicked only before it was sent',
      snapshot: snapshot({
        account: { customerSince: daysAgo(200) },
        engagements: [
          engagement({ id: 'm1', type: 'meeting', twoWay: true, at: daysAgo(100), subject: 'Onboarding session #2' }),
          engagement({ id: 'e1', direction: 'outbound', at: daysAgo(20), subject: 'Join our reporting webinar' }),
          engagement({ id: 'e2', direction: 'outbound', at: daysAgo(15), subject: 'Your monthly invoice' }),
        ],
        contacts: [contact({ id: 'p1', lastClickAt: daysAgo(30) })],
      }),
      evidenceIds: ['c1', 'm1', 'e1'],
    },
    {
      name: 'training mentioned only on our side (outbound call, not an email)',
      snapshot: snapshot({
        account: { customerSince: daysAgo(60) },
        engagements: [
          engagement({
            id: 'k1',
            type: 'call',
            direction: 'outbound',
            at: daysAgo(5),
            subject: 'Voicemail about training',
          }),
        ],
      }),
    },
    {
      name: '"constraining" is not "training"',
      snapshot: snapshot({
        account: { customerSince: daysAgo(120) },
        engagements: [
          engagement({ id: 'm2', type: 'meeting', twoWay: true, at: daysAgo(5), subject: 'Constraining the rollout' }),
        ],
      }),
    },
    {
      name: 'training mentioned only deep in a long quoted thread (past the scanned first 1,000 characters)',
      snapshot: snapshot({
        account: { customerSince: daysAgo(120) },
        engagements: [
          engagement({
            id: 'e3',
            direction: 'inbound',
            at: daysAgo(5),
            subject: 'Re: invoice',
            text: `${'Thanks, see below. '.repeat(60)}> On 2026-01-02 you wrote: sign up for our training`,
          }),
        ],
      }),
    },
    {
      name: 'just past the 30-day grace',
      snapshot: snapshot({ account: { customerSince: daysAgo(31) }, engagements: [checkIn] }),
    },
    {
      name: 'exactly one year as a customer',
      snapshot: snapshot({ account: { customerSince: daysAgo(365) }, engagements: [checkIn] }),
      minStrength: 1,
    },
    {
      name: 'training dated in the future is ignored',
      snapshot: snapshot({
        account: { customerSince: daysAgo(150) },
        custom: { lastTrainingAt: daysAgo(-2) },
        engagements: [
          checkIn,
          engagement({ id: 'm3', type: 'meeting', twoWay: true, at: daysAgo(-1), subject: 'Workshop' }),
        ],
      }),
    },
    {
      name: 'a shorter window from the tenant config',
      snapshot: snapshot({ account: { customerSince: daysAgo(200) }, custom: { lastTrainingAt: daysAgo(45) } }),
      thresholds: { windowDays: 30 },
    },
  ],
  quiet: [
    {
      name: 'trained exactly 90 days ago',
      snapshot: snapshot({ account: { customerSince: daysAgo(200) }, custom: { lastTrainingAt: daysAgo(90) } }),
    },
    {
      name: 'two-way workshop meeting 10 days ago',
      snapshot: snapshot({
        account: { customerSince: daysAgo(100) },
        engagements: [
          engagement({ id: 'm1', type: 'meeting', twoWay: true, at: daysAgo(10), subject: 'Admin workshop' }),
        ],
      }),
    },
    {
      name: 'inbound email about 培训 (in the body)',
      snapshot: snapshot({
        account: { customerSince: daysAgo(100) },
        engagements: [
          engagement({ id: 'e1', direction: 'inbound', at: daysAgo(40), subject: '问题', text: '请安排一次产品培训' }),
        ],
      }),
    },
    {
      name: 'a contact clicked after an enablement email',
      snapshot: snapshot({
        account: { customerSince: daysAgo(100) },
        engagements: [
          engagement({
            id: 'e1',
            direction: 'outbound',
            at: daysAgo(20),
            subject: 'Churn Signals Academy: new course',
          }),
        ],
        contacts: [contact({ id: 'p1', lastClickAt: daysAgo(5) })],
      }),
    },
    {
      name: 'exactly 30 days as a customer (grace)',
      snapshot: snapshot({ account: { customerSince: daysAgo(30) }, engagements: [checkIn] }),
    },
    {
      name: 'customer for 366 days',
      snapshot: snapshot({ account: { customerSince: daysAgo(366) }, engagements: [checkIn] }),
    },
    {
      name: 'a shorter customer age from the tenant config',
      snapshot: snapshot({ account: { customerSince: daysAgo(200) }, engagements: [checkIn] }),
      thresholds: { maxCustomerDays: 180 },
    },
    {
      name: 'no training date and no activity at all (missing data)',
      snapshot: snapshot({ account: { customerSince: daysAgo(100) } }),
    },
    { name: 'not a customer', snapshot: snapshot({ engagements: [checkIn] }) },
  ],
});
