import { createHash } from 'node:crypto';
import type { Assessment, PlannedTask } from '../../../core/assessment.ts';
import { describeEvidence } from '../../../core/plan-tasks.ts';
import { hubspotRecordUrl } from '../record-url.ts';

/** Evidence items listed in a task; the card shows them all. */
const EVIDENCE_SHOWN = 10;
const REF_LABEL = 'churn-signals-ref:';
const REF_PATTERN = /churn-signals-ref:\s*([\w:.-]+)/;

/**
 * The task's `hs_task_body`, which HubSpot shows as rich text: the account's risk, why this reason fired with links
 * to the records behind it, the playbook as an ordered list, and a last line naming the task's dedupe key.
 *
 * That line is how a task created just before a crash (before the ledger recorded it) is found again (see
 * write-tasks.ts). It is visible text on purpose: HubSpot sanitizes rich text and its editor re-saves the body when a
 * user edits the task, and neither is documented to keep an HTML comment or a hidden element.
 */
export function taskHtml(assessment: Assessment, task: PlannedTask, portalId: number): string {
  const reason = assessment.reasons.find((r) => r.id === task.signalId);
  const ref = `<p>${REF_LABEL} ${taskRef(task.dedupeKey)}</p>`;
  // planTasks makes one task per reason, so this only guards against a hand-made assessment.
  if (!reason) return `${paragraphs(task.body)}${ref}`;

  const name = assessment.accountName ?? `Company ${assessment.accountId}`;
  const shown = reason.evidence.slice(0, EVIDENCE_SHOWN).map((e) => {
    const url = hubspotRecordUrl(portalId, e.type, e.id);
    const text = escapeHtml(describeEvidence(e));
    return `<li>${url ? `<a href="${escapeHtml(url)}">${text}</a>` : text}</li>`;
  });
  const more = reason.evidence.length - shown.length;
  if (more > 0) shown.push(`<li>… and ${more} more on the Churn Signals card</li>`);

  return [
    `<p>${escapeHtml(name)} is at <strong>${escapeHtml(assessment.level)}</strong> churn risk (score ${assessment.score}/100). ` +
      `This reason adds ${reason.points} points.</p>`,
    `<p><strong>Why:</strong> ${escapeHtml(reason.headline)}</p>`,
    shown.length > 0 ? `<ul>${shown.join('')}</ul>` : '',
    reason.playbook.length > 0
      ? `<p><strong>Next steps:</strong></p><ol>${reason.playbook.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`
      : '',
    ref,
  ].join('');
}

/**
 * The reference written into the body for a dedupe key: the key itself (planTasks builds it from the CRM, the
 * portal id, the company id and the signal id, all in [\w:.-]), else a hash of it, so it is always one plain token.
 */
export function taskRef(dedupeKey: string): string {
  if (/^[\w:.-]{1,200}$/.test(dedupeKey)) return dedupeKey;
  return `sha256-${createHash('sha256').update(dedupeKey).digest('hex')}`;
}

/**
 * The reference a task body carries (taskHtml's last line), or null for a task the app did not write. Read from the
 * text without its tags and non-breaking spaces, which a rich-text editor may put around or inside the line.
 */
export function readTaskRef(body: string | null | undefined): string | null {
  if (!body) return null;
  const text = body.replace(/<[^>]*>/g, ' ').replace(/&nbsp;|&#160;|\u00a0/g, ' ');
  return REF_PATTERN.exec(text)?.[1] ?? null;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Plain text as paragraphs, one per blank-line-separated block, line breaks kept. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== '')
    .map((block) => `<p>${escapeHtml(block).replaceAll('\n', '<br>')}</p>`)
    .join('');
}
