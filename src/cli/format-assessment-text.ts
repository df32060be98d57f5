import type { Assessment } from '../core/assessment.ts';
import { describeEvidence } from '../core/plan-tasks.ts';
import type { Evidence } from '../core/signal.ts';

type Printable = Omit<Assessment, 'reasons'> & {
  reasons: (Omit<Assessment['reasons'][number], 'evidence'> & { evidence: (Evidence & { url?: string | null })[] })[];
};

/** A readable table for people at a terminal; JSON stays the default for machines. */
export function formatAssessmentText(a: Printable): string {
  const name = a.accountName ?? `account ${a.accountId}`;
  const delta =
    a.previousScore == null ? 'no score 30 days ago' : `${signed(a.score - a.previousScore)} since ${a.previousScore}`;
  const out = [
    `${name} (${a.crm} ${a.tenantId}/${a.accountId})`,
    `score ${a.score}/100  level ${a.level.toUpperCase()}  trend ${a.trend} (${delta})`,
    '',
  ];
  if (a.reasons.length === 0) out.push('No churn signals fired.');
  else {
    const idWidth = Math.max(6, ...a.reasons.map((r) => r.id.length));
    out.push(`${'points'.padStart(6)}  ${'signal'.padEnd(idWidth)}  strength  why`);
    for (const r of a.reasons) {
      out.push(
        `${r.points.toFixed(1).padStart(6)}  ${r.id.padEnd(idWidth)}  ${r.strength.toFixed(2).padStart(8)}  ${r.headline}`,
      );
      for (const e of r.evidence)
        out.push(`${' '.repeat(idWidth + 18)}· ${describeEvidence(e)}${e.url ? `  ${e.url}` : ''}`);
    }
  }
  if (a.tasks.length > 0) {
    out.push('', `Tasks (${a.tasks.length}):`);
    for (const t of a.tasks) {
      const who = t.assignee.ownerId ? `${t.assignee.rule} ${t.assignee.ownerId}` : 'unassigned';
      out.push(`  [${t.priority}] due ${t.dueAt.slice(0, 10)}  ${who}  ${t.subject}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
