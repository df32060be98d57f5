import { lowAdoption } from '../../src/signals/low-adoption.ts';
import { daysAgo, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const seats = (seatsActive: number | null, seatsPurchased: number | null) =>
  snapshot({ custom: { seatsActive, seatsPurchased } });
const usage = (...points: [number | null, number][]) =>
  snapshot({
    custom: {
      usage: points.at(-1)?.[0] ?? null,
      usageHistory: points.map(([value, days]) => ({ value, at: daysAgo(days) })),
    },
  });

signalTable(lowAdoption, {
  fires: [
    {
      name: '3 of 10 seats active',
      snapshot: seats(3, 10),
      minStrength: 0.63,
      maxStrength: 0.65,
      evidenceIds: ['c1'],
    },
    { name: 'no seat active: full strength', snapshot: seats(0, 25), minStrength: 1 },
    { name: '49 of 100 seats active: just under half', snapshot: seats(49, 100), maxStrength: 0.42 },
    {
      name: 'usage down 40% from its peak in the window',
      snapshot: usage([200, 120], [250, 60], [150, 5]),
      minStrength: 0.51,
      maxStrength: 0.53,
      evidenceIds: ['c1'],
    },
    {
      name: 'usage down exactly 30% from the value in force when the window opened',
      snapshot: usage([100, 200], [70, 10]),
      minStrength: 0.4,
      maxStrength: 0.4,
    },
    {
      name: 'usage down to zero: full strength',
      snapshot: usage([80, 50], [0, 1]),
      minStrength: 1,
    },
    {
      name: 'active seats down 40% while still above half of purchased',
      snapshot: snapshot({
        custom: {
          seatsPurchased: 20,
          seatsActive: 12,
          seatsActiveHistory: [
            { value: 20, at: daysAgo(100) },
            { value: 12, at: daysAgo(3) },
          ],
        },
      }),
      evidenceIds: ['c1'],
    },
    {
      name: 'active seats down exactly 30%',
      snapshot: snapshot({
        custom: {
          seatsPurchased: 10,
          seatsActiveHistory: [
            { value: 10, at: daysAgo(30) },
            { value: 7, at: daysAgo(1) },
          ],
        },
      }),
      minStrength: 0.4,
      maxStrength: 0.4,
    },
    {
      name: 'a higher share from the tenant config',
      snapshot: seats(6, 10),
      thresholds: { maxActiveShare: 0.8 },
    },
  ],
  quiet: [
    { name: 'exactly half the seats active', snapshot: seats(5, 10) },
    { name: 'most seats active', snapshot: seats(9, 10) },
    { name: 'no seats purchased', snapshot: seats(0, 0) },
    { name: 'seats purchased unknown', snapshot: seats(2, null) },
    { name: 'seats active unknown', snapshot: seats(null, 10) },
    {
      name: 'active seats down 20%, still 80% of purchased',
      snapshot: snapshot({
        custom: {
          seatsPurchased: 10,
          seatsActiveHistory: [
            { value: 10, at: daysAgo(30) },
            { value: 8, at: daysAgo(1) },
          ],
        },
      }),
    },
    { name: 'usage down 29%', snapshot: usage([100, 200], [71, 10]) },
    { name: 'usage fell before the window, flat since', snapshot: usage([300, 200], [100, 120]) },
    { name: 'usage rising', snapshot: usage([100, 60], [180, 2]) },
    { name: 'usage cleared (null) now', snapshot: usage([100, 30], [null, 5]) },
    { name: 'a single usage value', snapshot: usage([5, 10]) },
    { name: 'usage drop dated in the future', snapshot: usage([100, 30], [10, -2]) },
    {
      name: 'seats drop dated in the future: the value in force now is 8 of 10',
      snapshot: snapshot({
        custom: {
          seatsPurchased: 10,
          seatsActive: 2,
          seatsActiveHistory: [
            { value: 8, at: daysAgo(100) },
            { value: 2, at: daysAgo(-1) },
          ],
        },
      }),
    },
    {
      name: 'a larger drop needed from the tenant config',
      snapshot: usage([100, 60], [50, 2]),
      thresholds: { minDrop: 0.6 },
    },
  ],
});
