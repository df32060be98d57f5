import type { Level, PlannedTask, Reason, TaskPriority } from './assessment.ts';
import type { Evidence } from './signal.ts';
import type { Snapshot } from './snapshot.ts';
import type { EngineConfig } from './tenant-config.ts';
import { DAY, type Instant, isoDateTime } from './time.ts';

const PRIORITY: Record<Level, TaskPriority> = { critical: 'HIGH', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };
const SUBJECT_MAX = 200;

/**
 * The follow-up tasks the reasons call for (DESIGN §4): one per reason worth at least `tasks.minPoints`, HIGH for
 * high/critical accounts, assigned to the owner — or to the CS lead when the account is critical (seed 002: escalate)
 * or its owner is gone.
 */
export function planTasks(
  snapshot: Snapshot,
  reasons: readonly Reason[],
  level: Level,
  score: number,
  config: EngineConfig,
  now: Instant,
): PlannedTask[] {
  const assignee = assigneeFor(snapshot, level, config.csLeadOwnerId);
  const dueAt = isoDateTime(now + config.tasks.dueDays[level] * DAY);
  const accountName = snapshot.account.name ?? `account ${snapshot.account.id}`;
  const tasks: PlannedTask[] = [];
  for (const reason of reasons) {
    if (reason.points < config.tasks.minPoints) continue;
    tasks.push({
      signalId: reason.id,
      dedupeKey: `${snapshot.crm}:${snapshot.tenantId}:${snapshot.account.id}:${reason.id}`,
      subject: truncate(`Churn risk · ${reason.title}: ${accountName} — ${reason.headline}`, SUBJECT_MAX),
      body: taskBody(accountName, reason, level, score),
      priority: PRIORITY[level],
      dueAt,
      assignee,
    });
  }
  return tasks;
}

function assigneeFor(snapshot: Snapshot, level: Level, csLead: string | null): PlannedTask['assignee'] {
  if (level === 'critical' && csLead) return { rule: 'cs_lead', ownerId: csLead };
  const ownerId = snapshot.account.ownerId;
  const owner = ownerId == null ? undefined : snapshot.owners.find((o) => o.id === ownerId);
  if (ownerId != null && owner?.active !== false) return { rule: 'owner', ownerId };
  if (csLead) return { rule: 'cs_lead', ownerId: csLead };
  return { rule: 'unassigned', ownerId: null };
}

function taskBody(accountName: string, reason: Reason, level: Level, score: number): string {
  const lines = [
    `${accountName} is at ${level} churn risk (score ${score}/100). This reason adds ${reason.points} points.`,
    '',
    `Why: ${reason.headline}`,
    ...reason.evidence.map((e) => `  - ${describeEvidence(e)}`),
    '',
    'Next steps:',
    ...reason.playbook.map((step, i) => `${i + 1}. ${step}`),
  ];
  return lines.join('\n');
}

export function describeEvidence(e: Evidence): string {
  const facts = Object.entries(e.facts)
    .map(([k, v]) => `${k}: ${v ?? '—'}`)
    .join(', ');
  return `${e.type.replace('_', ' ')} ${e.label} (#${e.id})${facts ? ` — ${facts}` : ''}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
