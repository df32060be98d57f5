import { companyChange } from '../../src/signals/company-change.ts';
import { daysAgo, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const created = { createdAt: daysAgo(800) };
const heads = (...points: [value: number | null, days: number][]) =>
  points.map(([value, days]) => ({ value, at: daysAgo(days) }));

signalTable(companyChange, {
  fires: [
    {
      name: 'another company merged into this one 10 days ago',
      snapshot: snapshot({ account: { ...created, merges: [{ at: daysAgo(10), mergedIds: ['c7'] }] } }),
      minStrength: 1,
      evidenceIds: ['c1'],
    },
    {
      name: 'parent company set for the first time (acquired)',
      snapshot: snapshot({
        account: { ...created, parentAccountId: 'p1', parentHistory: [{ value: 'p1', at: daysAgo(20) }] },
      }),
      minStrength: 1,
      evidenceIds: ['c1'],
    },
    {
      name: 'parent company changed',
      snapshot: snapshot({
        account: {
          ...created,
          parentHistory: [
            { value: 'p1', at: daysAgo(500) },
            { value: 'p2', at: daysAgo(30) },
          ],
        },
      }),
      minStrength: 1,
    },
    {
      name: 'parent company removed (spun off)',
      snapshot: snapshot({
        account: {
          ...created,
          parentHistory: [
            { value: 'p1', at: daysAgo(500) },
            { value: null, at: daysAgo(30) },
          ],
        },
      }),
    },
    {
      name: 'headcount down 25%: strength by the size of the drop',
      snapshot: snapshot({ account: { ...created, employeesHistory: heads([180, 400], [200, 300], [150, 10]) } }),
      minStrength: 0.62,
      maxStrength: 0.63,
      evidenceIds: ['c1'],
    },
    {
      name: 'headcount down exactly 20%',
      snapshot: snapshot({ account: { ...created, employeesHistory: heads([100, 300], [80, 10]) } }),
      minStrength: 0.5,
      maxStrength: 0.5,
    },
    {
      name: 'no value before the window: the earliest one in it is the baseline',
      snapshot: snapshot({ account: { employeesHistory: heads([100, 60], [90, 30], [50, 5]) } }),
      minStrength: 1,
    },
    {
      name: 'address changed: half strength',
      snapshot: snapshot({
        account: {
          ...created,
          addressHistory: [
            { value: '1 Main St, Springfield', at: daysAgo(700) },
            { value: '9 Harbour Rd, Shelbyville', at: daysAgo(15) },
          ],
        },
      }),
      minStrength: 0.5,
      maxStrength: 0.5,
      evidenceIds: ['c1'],
    },
    {
      name: 'address change and a 45% headcount drop: the strongest wins, both are evidence',
      snapshot: snapshot({
        account: {
          ...created,
          employeesHistory: heads([200, 120], [110, 3]),
          addressHistory: [
            { value: 'A', at: daysAgo(700) },
            { value: 'B', at: daysAgo(15) },
          ],
        },
      }),
      minStrength: 1,
      evidenceIds: ['c1', 'c1'],
    },
    {
      name: 'merge exactly 90 days ago',
      snapshot: snapshot({ account: { merges: [{ at: daysAgo(90), mergedIds: ['c7', 'c8'] }] } }),
    },
    {
      name: 'tenant fires on a 10% headcount drop',
      snapshot: snapshot({ account: { ...created, employeesHistory: heads([100, 300], [85, 10]) } }),
      thresholds: { headcountDropRatio: 0.1 },
    },
  ],
  quiet: [
    {
      name: 'merge 91 days ago, another dated in the future',
      snapshot: snapshot({
        account: {
          merges: [
            { at: daysAgo(91), mergedIds: ['c7'] },
            { at: daysAgo(-2), mergedIds: ['c8'] },
          ],
        },
      }),
    },
    {
      name: 'headcount down 19%',
      snapshot: snapshot({ account: { ...created, employeesHistory: heads([100, 300], [81, 10]) } }),
    },
    {
      name: 'headcount grew, or fell before the window',
      snapshot: snapshot({ account: { ...created, employeesHistory: heads([100, 300], [50, 100], [60, 10]) } }),
    },
    {
      name: 'headcount drop dated in the future, and an unknown (cleared) latest value',
      snapshot: snapshot({ account: { ...created, employeesHistory: heads([100, 300], [null, 10], [40, -5]) } }),
    },
    {
      name: 'first address set, and an address only reformatted',
      snapshot: snapshot({
        account: {
          ...created,
          addressHistory: [
            { value: '1 Main St, Springfield', at: daysAgo(20) },
            { value: '1 main st.  springfield', at: daysAgo(5) },
          ],
        },
      }),
    },
    {
      name: 'parent set when the record was created, then the same value written again',
      snapshot: snapshot({
        account: {
          createdAt: daysAgo(30),
          parentHistory: [
            { value: 'p1', at: daysAgo(30) },
            { value: 'p1', at: daysAgo(10) },
          ],
        },
      }),
    },
    {
      name: 'parent change 91 days ago, another dated in the future',
      snapshot: snapshot({
        account: {
          ...created,
          parentHistory: [
            { value: 'p1', at: daysAgo(91) },
            { value: 'p2', at: daysAgo(-1) },
          ],
        },
      }),
    },
    {
      name: 'headcount baseline of zero (no ratio possible)',
      snapshot: snapshot({ account: { ...created, employees: 0, employeesHistory: heads([0, 60], [0, 5]) } }),
    },
  ],
});
