import { lowNps } from '../../src/signals/low-nps.ts';
import { contact, daysAgo, daysAhead, snapshot, survey } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const jane = contact({ id: '10', name: 'Jane Roe' });
const joe = contact({ id: '11', name: 'Joe Poe' });

signalTable(lowNps, {
  fires: [
    {
      name: 'a detractor (3) 10 days ago: 0.4 + 0.6 × 3/6',
      snapshot: snapshot({
        contacts: [jane],
        surveys: [survey({ id: 's1', score: 3, at: daysAgo(10), contactId: '10' })],
      }),
      minStrength: 0.69,
      maxStrength: 0.71,
      evidenceIds: ['s1'],
    },
    {
      name: 'a 6 is still a detractor, at the lowest strength',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 6, at: daysAgo(10), contactId: '10' })] }),
      minStrength: 0.4,
      maxStrength: 0.4,
      evidenceIds: ['s1'],
    },
    {
      name: 'a 0 is full strength',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 0, at: daysAgo(10), contactId: '10' })] }),
      minStrength: 1,
    },
    {
      name: 'a drop of exactly 3 from 10 to 7 (not a detractor)',
      snapshot: snapshot({
        surveys: [
          survey({ id: 's1', score: 10, at: daysAgo(300), contactId: '10' }),
          survey({ id: 's2', score: 7, at: daysAgo(20), contactId: '10' }),
        ],
      }),
      minStrength: 0.4,
      maxStrength: 0.4,
      evidenceIds: ['s2'],
    },
    {
      name: 'a drop of 6 from 10 to 4 scores by the drop (0.7), more than the detractor score (0.6)',
      snapshot: snapshot({
        surveys: [
          survey({ id: 's2', score: 4, at: daysAgo(20), contactId: '10' }),
          survey({ id: 's1', score: 10, at: daysAgo(200), contactId: '10' }),
        ],
      }),
      minStrength: 0.69,
      maxStrength: 0.71,
      evidenceIds: ['s2'],
    },
    {
      name: "the account's own answers (no contact) dropping 9 → 6",
      snapshot: snapshot({
        surveys: [
          survey({ id: 's1', score: 9, at: daysAgo(100), recordType: 'contact' }),
          survey({ id: 's2', score: 6, at: daysAgo(5), recordType: 'contact' }),
        ],
      }),
      evidenceIds: ['s2'],
    },
    {
      name: 'a detractor exactly 180 days ago',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 5, at: daysAgo(180), contactId: '10' })] }),
      evidenceIds: ['s1'],
    },
    {
      name: 'two contacts low: both in the evidence, the lower score sets the strength',
      snapshot: snapshot({
        contacts: [jane, joe],
        surveys: [
          survey({ id: 's1', score: 6, at: daysAgo(10), contactId: '10' }),
          survey({ id: 's2', score: 1, at: daysAgo(30), contactId: '11' }),
          survey({ id: 's3', score: 10, at: daysAgo(30), contactId: '12' }),
        ],
      }),
      minStrength: 0.89,
      maxStrength: 0.91,
      evidenceIds: ['s1', 's2'],
    },
    {
      name: 'an answer dated in the future is ignored: the earlier detractor stays the latest',
      snapshot: snapshot({
        surveys: [
          survey({ id: 's1', score: 2, at: daysAgo(10), contactId: '10' }),
          survey({ id: 's2', score: 10, at: daysAhead(2), contactId: '10' }),
        ],
      }),
      evidenceIds: ['s1'],
    },
    {
      name: 'a longer window from the tenant config',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 4, at: daysAgo(300), contactId: '10' })] }),
      thresholds: { windowDays: 365 },
      evidenceIds: ['s1'],
    },
  ],
  quiet: [
    {
      name: 'a detractor who later answered 9',
      snapshot: snapshot({
        surveys: [
          survey({ id: 's1', score: 2, at: daysAgo(60), contactId: '10' }),
          survey({ id: 's2', score: 9, at: daysAgo(10), contactId: '10' }),
        ],
      }),
    },
    {
      name: 'a detractor 181 days ago',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 0, at: daysAgo(181), contactId: '10' })] }),
    },
    {
      name: 'a passive 7 with no earlier answer',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 7, at: daysAgo(5), contactId: '10' })] }),
    },
    {
      name: 'a drop of 2 (9 → 7)',
      snapshot: snapshot({
        surveys: [
          survey({ id: 's1', score: 9, at: daysAgo(100), contactId: '10' }),
          survey({ id: 's2', score: 7, at: daysAgo(5), contactId: '10' }),
        ],
      }),
    },
    {
      name: 'a drop whose later answer is out of the window',
      snapshot: snapshot({
        surveys: [
          survey({ id: 's1', score: 10, at: daysAgo(400), contactId: '10' }),
          survey({ id: 's2', score: 7, at: daysAgo(200), contactId: '10' }),
        ],
      }),
    },
    {
      name: 'scores of different contacts are not a drop',
      snapshot: snapshot({
        surveys: [
          survey({ id: 's1', score: 10, at: daysAgo(100), contactId: '10' }),
          survey({ id: 's2', score: 7, at: daysAgo(5), contactId: '11' }),
        ],
      }),
    },
    {
      name: 'a detractor dated in the future',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 1, at: daysAhead(3), contactId: '10' })] }),
    },
    {
      name: 'a low CSAT is not an NPS answer',
      snapshot: snapshot({ surveys: [survey({ id: 's1', kind: 'csat', score: 1, at: daysAgo(3), contactId: '10' })] }),
    },
    {
      name: 'a score outside 0–10 is bad data',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: -1, at: daysAgo(3), contactId: '10' })] }),
    },
    {
      name: 'a stricter detractor cut from the tenant config',
      snapshot: snapshot({ surveys: [survey({ id: 's1', score: 5, at: daysAgo(3), contactId: '10' })] }),
      thresholds: { detractorMax: 4 },
    },
  ],
});
