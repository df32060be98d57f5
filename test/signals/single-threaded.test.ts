import type { Contact } from '../../src/core/snapshot.ts';
import { singleThreaded } from '../../src/signals/single-threaded.ts';
import { contact, daysAgo, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const customer = { customerSince: daysAgo(400) };
const engagedAgo = (id: string, days: number, title: string | null = 'Marketing Specialist') =>
  contact({ id, title, lastEngagedAt: daysAgo(days) });
const customerWith = (...contacts: Contact[]) => snapshot({ account: customer, contacts });

signalTable(singleThreaded, {
  fires: [
    {
      name: 'only one contact engaged in 90 days: full strength',
      snapshot: customerWith(engagedAgo('a', 10), engagedAgo('b', 120), engagedAgo('c', 300, 'CEO')),
      minStrength: 1,
      evidenceIds: ['a'],
    },
    {
      name: 'no contact engaged in 90 days: the last one engaged is the evidence',
      snapshot: customerWith(engagedAgo('a', 95), engagedAgo('b', 200), contact({ id: 'c' })),
      minStrength: 1,
      evidenceIds: ['a'],
    },
    {
      name: 'three contacts engaged, no executive among them: lower strength',
      snapshot: customerWith(
        engagedAgo('a', 5),
        engagedAgo('b', 20, 'Analyst'),
        engagedAgo('c', 40, null),
        engagedAgo('ceo', 200, 'CEO'),
      ),
      minStrength: 0.5,
      maxStrength: 0.5,
      evidenceIds: ['ceo', 'a', 'b', 'c'],
    },
    {
      name: 'a product owner and an assistant to the CEO are not executives',
      snapshot: customerWith(engagedAgo('a', 5, 'Product Owner'), engagedAgo('b', 6, 'Assistant to the CEO')),
      maxStrength: 0.5,
      evidenceIds: ['a', 'b'],
    },
    {
      name: 'Chinese titles without an executive',
      snapshot: customerWith(engagedAgo('a', 5, '推广专员'), engagedAgo('b', 6, '总部采购')),
      maxStrength: 0.5,
    },
    {
      name: 'second contact engaged 91 days ago: single-threaded',
      snapshot: customerWith(engagedAgo('a', 5, 'CEO'), engagedAgo('b', 91)),
      minStrength: 1,
      evidenceIds: ['a'],
    },
    {
      name: 'executive engaged 91 days ago, two others recently',
      snapshot: customerWith(engagedAgo('a', 5), engagedAgo('b', 90), engagedAgo('vp', 91, 'VP Sales')),
      maxStrength: 0.5,
      evidenceIds: ['vp', 'a', 'b'],
    },
    {
      name: 'tenant counts two engaged contacts as single-threaded',
      snapshot: customerWith(engagedAgo('a', 5, 'CEO'), engagedAgo('b', 6)),
      thresholds: { maxEngagedContacts: 2 },
      minStrength: 1,
      evidenceIds: ['a', 'b'],
    },
    {
      name: 'an engagement dated in the future is ignored',
      snapshot: customerWith(engagedAgo('a', 5), engagedAgo('b', -3, 'CEO')),
      minStrength: 1,
      evidenceIds: ['a'],
    },
  ],
  quiet: [
    {
      name: 'not a customer (prospect with one contact)',
      snapshot: snapshot({ contacts: [engagedAgo('a', 5)] }),
    },
    {
      name: 'becomes a customer in the future',
      snapshot: snapshot({ account: { customerSince: daysAgo(-10) }, contacts: [engagedAgo('a', 5)] }),
    },
    { name: 'customer without contacts', snapshot: snapshot({ account: customer }) },
    {
      name: 'customer with contacts but no engagement data',
      snapshot: customerWith(contact({ id: 'a' }), contact({ id: 'b' })),
    },
    {
      name: 'customer whose only engagement data is dated in the future',
      snapshot: customerWith(engagedAgo('a', -1)),
    },
    {
      name: 'two engaged, one a decision maker by role',
      snapshot: customerWith(
        engagedAgo('a', 5),
        contact({ id: 'b', roles: ['decision_maker'], lastEngagedAt: daysAgo(7) }),
      ),
    },
    {
      name: 'two engaged, one a VP by title',
      snapshot: customerWith(engagedAgo('a', 5), engagedAgo('b', 60, 'VP Sales')),
    },
    {
      name: 'two engaged, one a Chinese general manager',
      snapshot: customerWith(engagedAgo('a', 5, '推广专员'), engagedAgo('b', 60, '总经理')),
    },
    {
      name: 'executive engaged exactly 90 days ago',
      snapshot: customerWith(engagedAgo('a', 5), engagedAgo('b', 90, 'Head of Growth')),
    },
  ],
});
