import { followUpOverdue } from '../../src/signals/follow-up-overdue.ts';
import { daysAgo, daysAhead, owner, snapshot, task } from '../helpers/build.ts';
import { signalTable } from '../helpers/signal-table.ts';

const HOUR = 3_600_000;

signalTable(followUpOverdue, {
  fires: [
    {
      name: 'one task 8 days overdue: weak',
      snapshot: snapshot({
        tasks: [task({ id: 't1', dueAt: daysAgo(8), ownerId: '1' })],
        owners: [owner({ id: '1' })],
      }),
      minStrength: 0.16,
      maxStrength: 0.17,
      evidenceIds: ['t1'],
    },
    {
      name: 'just past 7 days (7 days and an hour)',
      snapshot: snapshot({ tasks: [task({ id: 't1', dueAt: daysAgo(7) - HOUR })] }),
      evidenceIds: ['t1'],
    },
    {
      name: '5 tasks, the oldest 100 days overdue: full strength',
      snapshot: snapshot({ tasks: [20, 40, 60, 80, 100].map((d) => task({ id: `t${d}`, dueAt: daysAgo(d) })) }),
      minStrength: 1,
      evidenceIds: ['t20', 't40', 't60', 't80', 't100'],
    },
    {
      name: '6 overdue tasks: evidence keeps the 5 most overdue',
      snapshot: snapshot({ tasks: [10, 20, 30, 40, 50, 60].map((d) => task({ id: `t${d}`, dueAt: daysAgo(d) })) }),
      minStrength: 1,
      evidenceIds: ['t20', 't30', 't40', 't50', 't60'],
    },
    {
      name: 'only open tasks past due count among completed and future ones',
      snapshot: snapshot({
        tasks: [
          task({ id: 't1', dueAt: daysAgo(30) }),
          task({ id: 't2', dueAt: daysAgo(90), status: 'completed', completedAt: daysAgo(80) }),
          task({ id: 't3', dueAt: daysAhead(3) }),
          task({ id: 't4', dueAt: null }),
        ],
      }),
      minStrength: 0.34,
      maxStrength: 0.36,
      evidenceIds: ['t1'],
    },
    {
      name: 'a shorter grace period from the tenant config (3 days)',
      snapshot: snapshot({ tasks: [task({ id: 't1', dueAt: daysAgo(4) })] }),
      thresholds: { overdueDays: 3 },
      evidenceIds: ['t1'],
    },
  ],
  quiet: [
    { name: 'due exactly 7 days ago', snapshot: snapshot({ tasks: [task({ id: 't1', dueAt: daysAgo(7) })] }) },
    { name: 'due 3 days ago', snapshot: snapshot({ tasks: [task({ id: 't1', dueAt: daysAgo(3) })] }) },
    {
      name: 'completed task long past its due date',
      snapshot: snapshot({
        tasks: [task({ id: 't1', dueAt: daysAgo(60), status: 'completed', completedAt: daysAgo(1) })],
      }),
    },
    { name: 'open task without a due date', snapshot: snapshot({ tasks: [task({ id: 't1', dueAt: null })] }) },
    { name: 'due in the future', snapshot: snapshot({ tasks: [task({ id: 't1', dueAt: daysAhead(10) })] }) },
    {
      name: 'a longer grace period from the tenant config (30 days) with a task 20 days overdue',
      snapshot: snapshot({ tasks: [task({ id: 't1', dueAt: daysAgo(20) })] }),
      thresholds: { overdueDays: 30 },
    },
  ],
});
