import { serviceDissatisfaction } from '../../src/signals/service-dissatisfaction.ts';
import { contact, daysAgo, daysAhead, snapshot, survey, ticket } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const jane = contact({ id: '10', name: 'Jane Roe' });
const csat = (id: string, score: number, at: number) => survey({ id, kind: 'csat', score, at, contactId: '10' });

signalTable(serviceDissatisfaction, {
  fires: [
    {
      name: 'CSAT 2 of 5 (exactly the threshold): 0.6',
      snapshot: snapshot({ contacts: [jane], surveys: [csat('s1', 2, daysAgo(10))] }),
      minStrength: 0.6,
      maxStrength: 0.6,
      evidenceIds: ['s1'],
    },
    {
      name: 'CSAT 1 of 5: 0.8',
      snapshot: snapshot({ surveys: [csat('s1', 1, daysAgo(10))] }),
      minStrength: 0.8,
      maxStrength: 0.8,
      evidenceIds: ['s1'],
    },
    {
      name: 'an inflected complaint word in the subject ("Refunds")',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', subject: 'Refunds for October', createdAt: daysAgo(3) })] }),
      minStrength: 0.8,
      maxStrength: 0.8,
      evidenceIds: ['t1'],
    },
    {
      name: 'a complaint in Chinese in the content, on a closed ticket',
      snapshot: snapshot({
        tickets: [ticket({ id: 't1', content: '客户投诉:响应太慢', open: false, createdAt: daysAgo(20) })],
      }),
      evidenceIds: ['t1'],
    },
    {
      name: 'a complaint by category',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', category: 'BILLING_COMPLAINT', createdAt: daysAgo(20) })] }),
      evidenceIds: ['t1'],
    },
    {
      name: 'an inflected complaint word in the content ("disappointed")',
      snapshot: snapshot({
        tickets: [ticket({ id: 't1', content: 'We are disappointed with the last release.', createdAt: daysAgo(2) })],
      }),
      evidenceIds: ['t1'],
    },
    {
      name: 'an old ticket reopened 5 days ago: 0.6',
      snapshot: snapshot({
        tickets: [ticket({ id: 't1', subject: 'Export fails', createdAt: daysAgo(100), reopenedAt: daysAgo(5) })],
      }),
      minStrength: 0.6,
      maxStrength: 0.6,
      evidenceIds: ['t1'],
    },
    {
      name: 'a complaint created exactly 60 days ago',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', subject: 'Formal complaint', createdAt: daysAgo(60) })] }),
      evidenceIds: ['t1'],
    },
    {
      name: 'CSAT 1, a complaint and a reopen together: 0.8 + 0.1 + 0.1',
      snapshot: snapshot({
        contacts: [jane],
        surveys: [csat('s1', 1, daysAgo(10)), csat('s2', 5, daysAgo(9))],
        tickets: [
          ticket({ id: 't1', subject: 'This is unacceptable', createdAt: daysAgo(4) }),
          ticket({ id: 't2', subject: 'Sync broken', createdAt: daysAgo(90), reopenedAt: daysAgo(1) }),
          ticket({ id: 't3', subject: 'How to export', createdAt: daysAgo(1) }),
        ],
      }),
      minStrength: 1,
      evidenceIds: ['s1', 't1', 't2'],
    },
    {
      name: 'a longer window from the tenant config',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', subject: 'Unhappy with support', createdAt: daysAgo(80) })] }),
      thresholds: { windowDays: 90 },
      evidenceIds: ['t1'],
    },
  ],
  quiet: [
    { name: 'CSAT 3 of 5', snapshot: snapshot({ surveys: [csat('s1', 3, daysAgo(5))] }) },
    { name: 'CSAT 1 of 5, 61 days ago', snapshot: snapshot({ surveys: [csat('s1', 1, daysAgo(61))] }) },
    { name: 'CSAT 1 dated in the future', snapshot: snapshot({ surveys: [csat('s1', 1, daysAhead(1))] }) },
    {
      name: 'a low NPS is not a CSAT',
      snapshot: snapshot({ surveys: [survey({ id: 's1', kind: 'nps', score: 1, at: daysAgo(5) })] }),
    },
    { name: 'a CSAT outside the 1–5 scale', snapshot: snapshot({ surveys: [csat('s1', 9, daysAgo(5))] }) },
    {
      name: 'a stricter CSAT cut from the tenant config',
      snapshot: snapshot({ surveys: [csat('s1', 2, daysAgo(5))] }),
      thresholds: { csatMax: 1 },
    },
    {
      name: 'a complaint 61 days ago',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', subject: 'Complaint', createdAt: daysAgo(61) })] }),
    },
    {
      name: 'ordinary tickets; "happy" and "escalator" are not complaint words',
      snapshot: snapshot({
        tickets: [
          ticket({ id: 't1', subject: 'Happy with the new dashboard', createdAt: daysAgo(3) }),
          ticket({
            id: 't2',
            subject: 'Escalator maintenance module',
            content: 'How do I export?',
            createdAt: daysAgo(3),
          }),
        ],
      }),
    },
    {
      name: 'a complaint ticket without a creation date',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', subject: 'Complaint', createdAt: null })] }),
    },
    {
      name: 'a reopen dated in the future',
      snapshot: snapshot({ tickets: [ticket({ id: 't1', createdAt: daysAgo(90), reopenedAt: daysAhead(1) })] }),
    },
  ],
});
