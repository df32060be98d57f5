import { goneSilent } from '../../src/signals/gone-silent.ts';
import { contact, daysAgo, daysAhead, engagement, snapshot } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const HOUR = 3_600_000;

/** Two-way meetings on the given days ago, ids e1, e2... (e1 is the first listed). */
function meetings(...days: number[]) {
  return days.map((d, i) => engagement({ id: `e${i + 1}`, type: 'meeting', twoWay: true, at: daysAgo(d) }));
}

signalTable(goneSilent, {
  fires: [
    {
      name: 'touches every 10 days, silent for 40: allowed silence is the 30-day floor',
      snapshot: snapshot({ engagements: meetings(40, 50, 60, 70) }),
      minStrength: 0.66,
      maxStrength: 0.67,
      evidenceIds: ['c1', 'e1'],
    },
    {
      name: 'silent just past the 30-day floor (31 days)',
      snapshot: snapshot({ engagements: meetings(31, 41, 51, 61) }),
      maxStrength: 0.52,
    },
    {
      name: 'slow cadence (every 25 days): silent just past 2× the median gap',
      snapshot: snapshot({ engagements: meetings(51, 76, 101, 126) }),
      minStrength: 0.51,
      maxStrength: 0.52,
    },
    {
      name: "contacts' last engagement dates count as two-way touches",
      snapshot: snapshot({
        contacts: [35, 45, 55, 65].map((d, i) => contact({ id: `k${i + 1}`, lastEngagedAt: daysAgo(d) })),
      }),
      evidenceIds: ['c1', 'k1'],
    },
    {
      name: 'cadence measured before the silence: silent 200 days, full strength',
      snapshot: snapshot({
        engagements: meetings(200, 210, 220, 230),
        contacts: [contact({ id: 'k1', lastEngagedAt: daysAgo(215) })],
      }),
      minStrength: 1,
      evidenceIds: ['c1', 'e1', 'k1'],
    },
    {
      name: 'a future-dated touch does not hide the silence',
      snapshot: snapshot({
        engagements: [...meetings(40, 50, 60, 70), engagement({ id: 'f1', twoWay: true, at: daysAhead(2) })],
      }),
      evidenceIds: ['c1', 'e1'],
    },
    {
      name: 'a shorter floor from the tenant config (20 days)',
      snapshot: snapshot({ engagements: meetings(25, 35, 45, 55) }),
      thresholds: { minSilenceDays: 20 },
    },
  ],
  quiet: [
    { name: 'silent exactly 30 days (the floor)', snapshot: snapshot({ engagements: meetings(30, 40, 50, 60) }) },
    {
      name: 'silent exactly 2× the median gap of 25 days',
      snapshot: snapshot({ engagements: meetings(50, 75, 100, 125) }),
    },
    { name: 'recent two-way touch', snapshot: snapshot({ engagements: meetings(5, 15, 25, 35) }) },
    {
      name: 'not chatty: only 2 touches before the last one',
      snapshot: snapshot({ engagements: meetings(40, 50, 60) }),
    },
    {
      name: 'touches on the same day count once (a meeting and its follow-up email)',
      snapshot: snapshot({
        engagements: [
          ...meetings(40, 50, 60),
          engagement({ id: 'x1', type: 'email', direction: 'inbound', twoWay: true, at: daysAgo(50) + 2 * HOUR }),
        ],
      }),
    },
    {
      name: 'touches more than 180 days before the last one give no cadence',
      snapshot: snapshot({ engagements: meetings(40, 230, 240, 250) }),
    },
    {
      name: 'one-way engagements (outbound emails, notes) are not touches',
      snapshot: snapshot({
        engagements: [40, 50, 60, 70].map((d, i) =>
          engagement({ id: `o${i}`, type: 'email', direction: 'outbound', twoWay: false, at: daysAgo(d) }),
        ),
      }),
    },
    {
      name: 'only future-dated touches',
      snapshot: snapshot({
        engagements: [1, 2, 3, 4].map((d, i) => engagement({ id: `f${i}`, twoWay: true, at: daysAhead(d) })),
      }),
    },
    {
      name: 'contacts that never engaged',
      snapshot: snapshot({ contacts: [contact({ id: 'k1' }), contact({ id: 'k2' })] }),
    },
    {
      name: 'off-season month declared by the tenant',
      snapshot: snapshot({ engagements: meetings(40, 50, 60, 70) }),
      quietMonths: [11],
    },
  ],
});
