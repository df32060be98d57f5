import { ownerDeparted } from '../../src/signals/owner-departed.ts';
import { daysAgo, owner, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const alice = owner({ id: '1', name: 'Alice' });
const bob = owner({ id: '2', name: 'Bob' });
const gone = owner({ id: '3', name: 'Gone', active: false });

signalTable(ownerDeparted, {
  fires: [
    {
      name: 'owner is a deactivated user',
      snapshot: snapshot({ account: { ownerId: '3' }, owners: [gone] }),
      minStrength: 1,
      evidenceIds: ['3', 'c1'],
    },
    {
      name: 'owner cleared after being set',
      snapshot: snapshot({
        account: {
          ownerId: null,
          ownerHistory: [
            { value: '1', at: daysAgo(200) },
            { value: null, at: daysAgo(5) },
          ],
        },
      }),
      minStrength: 1,
      evidenceIds: ['c1'],
    },
    {
      name: 'owner changed 10 days ago: half strength',
      snapshot: snapshot({
        account: {
          ownerId: '2',
          ownerHistory: [
            { value: '1', at: daysAgo(300) },
            { value: '2', at: daysAgo(10) },
          ],
        },
        owners: [alice, bob],
      }),
      minStrength: 0.5,
      maxStrength: 0.5,
      evidenceIds: ['c1', '1'],
    },
    {
      name: 'owner changed because the previous one was deactivated: full strength',
      snapshot: snapshot({
        account: {
          ownerId: '2',
          ownerHistory: [
            { value: '3', at: daysAgo(300) },
            { value: '2', at: daysAgo(3) },
          ],
        },
        owners: [gone, bob],
      }),
      minStrength: 1,
    },
    {
      name: 'a longer window from the tenant config',
      snapshot: snapshot({
        account: {
          ownerId: '2',
          ownerHistory: [
            { value: '1', at: daysAgo(300) },
            { value: '2', at: daysAgo(50) },
          ],
        },
      }),
      thresholds: { changedWithinDays: 60 },
    },
  ],
  quiet: [
    { name: 'active owner, never changed', snapshot: snapshot({ account: { ownerId: '1' }, owners: [alice] }) },
    {
      name: 'owner set for the first time recently (no previous owner)',
      snapshot: snapshot({
        account: { ownerId: '1', ownerHistory: [{ value: '1', at: daysAgo(2) }] },
        owners: [alice],
      }),
    },
    {
      name: 'owner changed 31 days ago',
      snapshot: snapshot({
        account: {
          ownerId: '2',
          ownerHistory: [
            { value: '1', at: daysAgo(300) },
            { value: '2', at: daysAgo(31) },
          ],
        },
        owners: [alice, bob],
      }),
    },
    { name: 'never had an owner (missing data)', snapshot: snapshot({ account: { ownerId: null } }) },
    {
      name: 'owner not in the owners list (unknown, not deactivated)',
      snapshot: snapshot({ account: { ownerId: '9' }, owners: [alice] }),
    },
    {
      name: 'owner changed in the future (clock skew)',
      snapshot: snapshot({
        account: {
          ownerId: '2',
          ownerHistory: [
            { value: '1', at: daysAgo(300) },
            { value: '2', at: daysAgo(-1) },
          ],
        },
      }),
    },
  ],
});
