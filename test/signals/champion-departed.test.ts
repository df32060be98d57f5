import { championDeparted } from '../../src/signals/champion-departed.ts';
import { contact, daysAgo, departed, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const champion = contact({ id: 'k1', name: 'Jane Roe', roles: ['champion'], lastEngagedAt: daysAgo(5) });
const user = contact({ id: 'u1', roles: ['end_user'], lastEngagedAt: daysAgo(2) });
const retitled = (days: number) => [
  { value: 'VP Marketing', at: daysAgo(400) },
  { value: 'Advisor', at: daysAgo(days) },
];

signalTable(championDeparted, {
  fires: [
    {
      name: 'champion removed from the company 10 days ago: full strength',
      snapshot: snapshot({
        contacts: [user],
        departedContacts: [departed({ id: 'd1', name: 'Jane Roe', roles: ['champion'], at: daysAgo(10) })],
      }),
      minStrength: 1,
      evidenceIds: ['d1'],
    },
    {
      name: 'decision maker changed title',
      snapshot: snapshot({
        contacts: [
          contact({ id: 'k2', roles: ['decision_maker'], title: 'Advisor', titleHistory: retitled(20) }),
          user,
        ],
      }),
      minStrength: 1,
      evidenceIds: ['k2'],
    },
    {
      name: 'executive sponsor hard-bounced: sponsor strength',
      snapshot: snapshot({
        contacts: [contact({ id: 'k3', roles: ['executive_sponsor'], hardBouncedAt: daysAgo(3) }), champion],
      }),
      minStrength: 0.85,
      maxStrength: 0.85,
      evidenceIds: ['k3'],
    },
    {
      name: 'budget holder moved to another company',
      snapshot: snapshot({
        contacts: [
          contact({
            id: 'k4',
            roles: ['budget_holder'],
            primaryAccountHistory: [
              { value: 'c1', at: daysAgo(500) },
              { value: 'c9', at: daysAgo(30) },
            ],
          }),
        ],
      }),
      minStrength: 0.85,
      maxStrength: 0.85,
      evidenceIds: ['k4'],
    },
    {
      name: 'contact of unknown role deleted from an account that names no key contact: reduced strength',
      snapshot: snapshot({
        contacts: [contact({ id: 'u1' })],
        departedContacts: [departed({ id: 'd2', reason: 'deleted', roles: null, at: daysAgo(40) })],
      }),
      minStrength: 0.5,
      maxStrength: 0.5,
      evidenceIds: ['d2'],
    },
    {
      name: 'no buying roles: one of the two most engaged contacts bounced (stand-in strength)',
      snapshot: snapshot({
        contacts: [
          contact({ id: 'a', lastEngagedAt: daysAgo(100), hardBouncedAt: daysAgo(10) }),
          contact({ id: 'b', lastEngagedAt: daysAgo(200) }),
          contact({ id: 'c', lastEngagedAt: null }),
        ],
      }),
      minStrength: 0.7,
      maxStrength: 0.7,
      evidenceIds: ['a'],
    },
    {
      name: 'no buying roles on the account: a departed contact with no roles counts as unknown',
      snapshot: snapshot({
        contacts: [contact({ id: 'a', lastEngagedAt: daysAgo(3) })],
        departedContacts: [departed({ id: 'd3', roles: [], at: daysAgo(5) })],
      }),
      maxStrength: 0.5,
      evidenceIds: ['d3'],
    },
    {
      name: 'departure exactly 90 days ago',
      snapshot: snapshot({ departedContacts: [departed({ id: 'd1', roles: ['champion'], at: daysAgo(90) })] }),
    },
    {
      name: 'several departures: the strongest wins and all are evidence',
      snapshot: snapshot({
        contacts: [contact({ id: 'k3', roles: ['budget_holder'], hardBouncedAt: daysAgo(3) })],
        departedContacts: [
          departed({ id: 'd2', roles: null, at: daysAgo(40) }),
          departed({ id: 'd1', roles: ['decision_maker'], at: daysAgo(60) }),
        ],
      }),
      minStrength: 1,
      evidenceIds: ['d1', 'k3'],
    },
    {
      name: 'a longer window from the tenant config',
      snapshot: snapshot({ departedContacts: [departed({ id: 'd1', roles: ['champion'], at: daysAgo(150) })] }),
      thresholds: { withinDays: 180 },
    },
    {
      name: 'tenant raises the strength of unknown-role departures',
      snapshot: snapshot({ departedContacts: [departed({ id: 'd2', roles: null, at: daysAgo(4) })] }),
      thresholds: { unknownRoleStrength: 0.8 },
      minStrength: 0.8,
      maxStrength: 0.8,
    },
  ],
  quiet: [
    {
      name: 'a contact of unknown role removed while the key contacts are known and still here (turnover, not a key contact)',
      snapshot: snapshot({
        contacts: [champion],
        departedContacts: [departed({ id: 'd2', reason: 'deleted', roles: null, at: daysAgo(40) })],
      }),
    },
    {
      name: 'champion removed 91 days ago',
      snapshot: snapshot({ departedContacts: [departed({ id: 'd1', roles: ['champion'], at: daysAgo(91) })] }),
    },
    {
      name: 'departure dated in the future',
      snapshot: snapshot({ departedContacts: [departed({ id: 'd1', roles: ['champion'], at: daysAgo(-2) })] }),
    },
    {
      name: 'an end user left',
      snapshot: snapshot({ departedContacts: [departed({ id: 'd1', roles: ['end_user'], at: daysAgo(10) })] }),
    },
    {
      name: 'a contact with no key role left while the account has key contacts',
      snapshot: snapshot({
        contacts: [champion],
        departedContacts: [departed({ id: 'd1', roles: [], at: daysAgo(10) })],
      }),
    },
    {
      name: 'removed contact associated again since',
      snapshot: snapshot({
        contacts: [contact({ id: 'd1', roles: ['champion'] })],
        departedContacts: [departed({ id: 'd1', roles: ['champion'], at: daysAgo(10) })],
      }),
    },
    {
      name: 'an end user bounced and changed title while a champion is on record',
      snapshot: snapshot({
        contacts: [
          champion,
          contact({ id: 'u2', roles: ['end_user'], hardBouncedAt: daysAgo(2), titleHistory: retitled(5) }),
        ],
      }),
    },
    {
      name: 'champion title only changed in case and spacing, or set for the first time',
      snapshot: snapshot({
        contacts: [
          contact({
            id: 'k1',
            roles: ['champion'],
            titleHistory: [
              { value: 'VP  Marketing', at: daysAgo(400) },
              { value: 'vp marketing', at: daysAgo(10) },
            ],
          }),
          contact({ id: 'k2', roles: ['decision_maker'], titleHistory: [{ value: 'CEO', at: daysAgo(10) }] }),
        ],
      }),
    },
    {
      name: 'champion title change 91 days ago, bounce dated in the future',
      snapshot: snapshot({
        contacts: [contact({ id: 'k1', roles: ['champion'], titleHistory: retitled(91), hardBouncedAt: daysAgo(-1) })],
      }),
    },
    {
      name: 'champion moved away and came back, or was never primary here',
      snapshot: snapshot({
        contacts: [
          contact({
            id: 'k1',
            roles: ['champion'],
            primaryAccountHistory: [
              { value: 'c1', at: daysAgo(500) },
              { value: 'c9', at: daysAgo(30) },
              { value: 'c1', at: daysAgo(20) },
            ],
          }),
          contact({ id: 'k2', roles: ['champion'], primaryAccountHistory: [{ value: 'c9', at: daysAgo(10) }] }),
        ],
      }),
    },
    {
      name: 'no buying roles: only the third most engaged contact bounced',
      snapshot: snapshot({
        contacts: [
          contact({ id: 'a', lastEngagedAt: daysAgo(1) }),
          contact({ id: 'b', lastEngagedAt: daysAgo(2) }),
          contact({ id: 'c', lastEngagedAt: daysAgo(3), hardBouncedAt: daysAgo(1) }),
        ],
      }),
    },
    {
      name: 'key contacts with no history at all (missing data)',
      snapshot: snapshot({ contacts: [contact({ id: 'k1', roles: ['champion'] }), contact({ id: 'x' })] }),
    },
  ],
});
