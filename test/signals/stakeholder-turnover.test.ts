import type { Contact } from '../../src/core/snapshot.ts';
import { stakeholderTurnover } from '../../src/signals/stakeholder-turnover.ts';
import { contact, daysAgo, departed, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

/** n long-standing contacts with no change. */
function steady(n: number): Contact[] {
  return Array.from({ length: n }, (_, i) => contact({ id: `s${i}`, createdAt: daysAgo(400), title: 'Buyer' }));
}
const added = (id: string, days: number) => contact({ id, createdAt: daysAgo(days) });
const retitled = (id: string, days: number) =>
  contact({
    id,
    createdAt: daysAgo(400),
    titleHistory: [
      { value: 'Marketing Manager', at: daysAgo(400) },
      { value: 'Head of Marketing', at: daysAgo(days) },
    ],
  });

signalTable(stakeholderTurnover, {
  fires: [
    {
      name: '2 contacts added out of 10: fires on the count, base strength',
      snapshot: snapshot({ contacts: [...steady(8), added('n1', 10), added('n2', 20)] }),
      minStrength: 0.3,
      maxStrength: 0.3,
      evidenceIds: ['n1', 'n2'],
    },
    {
      name: '2 contacts removed or deleted out of 10',
      snapshot: snapshot({
        contacts: steady(8),
        departedContacts: [
          departed({ id: 'd1', at: daysAgo(5) }),
          departed({ id: 'd2', reason: 'deleted', at: daysAgo(60) }),
        ],
      }),
      evidenceIds: ['d1', 'd2'],
    },
    {
      name: '2 contacts re-titled out of 10',
      snapshot: snapshot({ contacts: [...steady(8), retitled('t1', 10), retitled('t2', 89)] }),
      evidenceIds: ['t1', 't2'],
    },
    {
      name: 'one change out of 2 contacts: fires on the share (50%)',
      snapshot: snapshot({ contacts: [...steady(1), retitled('t1', 10)] }),
      minStrength: 0.62,
      maxStrength: 0.63,
      evidenceIds: ['t1'],
    },
    {
      name: 'exactly 40% with a tenant count threshold of 3',
      snapshot: snapshot({
        contacts: [...steady(3), added('n1', 3)],
        departedContacts: [departed({ id: 'd1', at: daysAgo(3) })],
      }),
      thresholds: { minChanges: 3 },
      minStrength: 0.5,
      maxStrength: 0.5,
    },
    {
      name: 'a change exactly 90 days ago counts',
      snapshot: snapshot({ contacts: [...steady(8), added('n1', 90), added('n2', 1)] }),
    },
    {
      name: '4 of 5 contacts changed: full strength',
      snapshot: snapshot({
        contacts: [...steady(1), added('n1', 3), retitled('t1', 4)],
        departedContacts: [departed({ id: 'd1', at: daysAgo(5) }), departed({ id: 'd2', at: daysAgo(6) })],
      }),
      minStrength: 1,
      evidenceIds: ['n1', 't1', 'd1', 'd2'],
    },
    {
      name: 'many changes: evidence capped at the 5 most recent',
      snapshot: snapshot({
        contacts: [added('n1', 1), added('n2', 2), added('n3', 3), added('n4', 4), added('n5', 5), added('n6', 6)],
      }),
      evidenceIds: ['n1', 'n2', 'n3', 'n4', 'n5'],
    },
    {
      name: 'contacts added well after the account was created count',
      snapshot: snapshot({
        account: { createdAt: daysAgo(200) },
        contacts: [...steady(5), added('n1', 10), added('n2', 30)],
      }),
    },
  ],
  quiet: [
    {
      name: 'one change out of 5 contacts',
      snapshot: snapshot({ contacts: [...steady(4), added('n1', 10)] }),
    },
    {
      name: '2 of 5 changed (40%) but the tenant asks for 3 changes and 50%',
      snapshot: snapshot({ contacts: [...steady(3), added('n1', 3), retitled('t1', 3)] }),
      thresholds: { minChanges: 3, minShare: 0.5 },
    },
    {
      name: 'changes 91 days ago',
      snapshot: snapshot({
        contacts: [...steady(2), added('n1', 91), retitled('t1', 91)],
        departedContacts: [departed({ id: 'd1', at: daysAgo(91) })],
      }),
    },
    {
      name: 'changes dated in the future',
      snapshot: snapshot({
        contacts: [...steady(2), added('n1', -1), retitled('t1', -2)],
        departedContacts: [departed({ id: 'd1', at: daysAgo(-3) })],
      }),
    },
    {
      name: 'a new account: contacts added with the account are its setup',
      snapshot: snapshot({
        account: { createdAt: daysAgo(40) },
        contacts: [added('n1', 40), added('n2', 35), added('n3', 12)],
      }),
    },
    {
      name: 'contacts with no dates and no history (missing data)',
      snapshot: snapshot({ contacts: [contact({ id: 'a' }), contact({ id: 'b' })] }),
    },
    {
      name: 'removed contacts associated again, and a title that only changed case',
      snapshot: snapshot({
        contacts: [
          ...steady(3),
          contact({ id: 'd1' }),
          contact({
            id: 'x',
            titleHistory: [
              { value: 'CEO', at: daysAgo(300) },
              { value: 'ceo', at: daysAgo(3) },
            ],
          }),
        ],
        departedContacts: [departed({ id: 'd1', at: daysAgo(5) })],
      }),
    },
  ],
});
