import { describe, expect, it } from 'vitest';
import { escapeHtml, readTaskRef, taskHtml, taskRef } from '../../../../src/adapters/hubspot/live/task-html.ts';
import type { Assessment, PlannedTask, Reason } from '../../../../src/core/assessment.ts';
import type { Evidence } from '../../../../src/core/signal.ts';

const KEY = 'hubspot:123:9001:champion_departed';

function evidence(i: number): Evidence {
  return { type: 'contact', id: String(700 + i), label: `Contact ${i}`, facts: { left: '2026-11-01' } };
}

const reason: Reason = {
  id: 'champion_departed',
  title: 'Champion departed',
  points: 35,
  strength: 1,
  weight: 35,
  headline: 'Jane <Roe> & "friends" left',
  evidence: [{ type: 'contact', id: '701', label: 'Jane <b>Roe</b>', facts: { left: '2026-11-01' } }],
  playbook: ['Find the successor & introduce yourself', 'Re-run the <success> plan'],
};

const task: PlannedTask = {
  signalId: 'champion_departed',
  dedupeKey: KEY,
  subject: 'Churn risk · Champion departed: Acme',
  body: 'plain text body',
  priority: 'HIGH',
  dueAt: '2026-11-17T12:00:00.000Z',
  assignee: { rule: 'owner', ownerId: '501' },
};

const assessment: Assessment = {
  crm: 'hubspot',
  tenantId: '123',
  accountId: '9001',
  accountName: 'Acme <Corp>',
  score: 62,
  level: 'high',
  trend: 'rising',
  previousScore: null,
  topReason: 'champion_departed',
  reasons: [reason],
  summary: '',
  tasks: [task],
  assessedAt: '2026-11-15T12:00:00.000Z',
};

describe('taskHtml', () => {
  const html = taskHtml(assessment, task, 123);

  it('escapes every text the CRM or the signals supplied', () => {
    expect(html).not.toMatch(/<(?!\/?(p|strong|ul|ol|li|a)\b)/);
    expect(html).toContain('Acme &lt;Corp&gt; is at <strong>high</strong> churn risk (score 62/100).');
    expect(html).toContain('<p><strong>Why:</strong> Jane &lt;Roe&gt; &amp; &quot;friends&quot; left</p>');
  });

  it('lists the playbook steps as an ordered list', () => {
    expect(html).toContain(
      '<p><strong>Next steps:</strong></p><ol><li>Find the successor &amp; introduce yourself</li>' +
        '<li>Re-run the &lt;success&gt; plan</li></ol>',
    );
  });

  it('links each evidence record to its page in HubSpot', () => {
    expect(html).toContain(
      '<ul><li><a href="https://app.hubspot.com/contacts/123/record/0-1/701">contact Jane &lt;b&gt;Roe&lt;/b&gt; (#701)' +
        ' — left: 2026-11-01</a></li></ul>',
    );
  });

  it('shows the first ten evidence records and counts the rest', () => {
    const many = { ...reason, evidence: Array.from({ length: 13 }, (_, i) => evidence(i)) };
    const long = taskHtml({ ...assessment, reasons: [many] }, task, 123);
    expect(long.match(/<li><a /g)).toHaveLength(10);
    expect(long).toContain('<li>… and 3 more on the Churn Signals card</li>');
  });

  it('ends with the reference that finds the task again, as plain visible text', () => {
    expect(html.endsWith(`<p>churn-signals-ref: ${KEY}</p>`)).toBe(true);
    expect(readTaskRef(html)).toBe(KEY);
  });

  it('falls back to the planned plain-text body, escaped, when the reason is not in the assessment', () => {
    const odd = { ...task, body: 'Line <1>\nline 2\n\nNext & last' };
    expect(taskHtml({ ...assessment, reasons: [] }, odd, 123)).toBe(
      `<p>Line &lt;1&gt;<br>line 2</p><p>Next &amp; last</p><p>churn-signals-ref: ${KEY}</p>`,
    );
  });
});

describe('taskRef and readTaskRef', () => {
  it('uses the dedupe key itself when it is one plain token, a hash of it otherwise', () => {
    expect(taskRef(KEY)).toBe(KEY);
    const odd = taskRef('hubspot:123:ACME & co:gone_silent');
    expect(odd).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(readTaskRef(`<p>churn-signals-ref: ${odd}</p>`)).toBe(odd);
  });

  it('finds no reference in a task the app did not write', () => {
    expect(readTaskRef('<p>Call Jane about the renewal</p>')).toBeNull();
    expect(readTaskRef(null)).toBeNull();
    expect(readTaskRef(undefined)).toBeNull();
  });

  it('reads the reference through markup HubSpot’s editor may add around it', () => {
    expect(readTaskRef(`<div><p style="margin:0">churn-signals-ref:&nbsp;${KEY}</p></div>`)).toBe(KEY);
    expect(readTaskRef(`<div><p>churn-signals-ref: <span class="x">${KEY}</span></p></div>`)).toBe(KEY);
    expect(readTaskRef(`<p>churn-signals-ref:\n${KEY}<br></p>`)).toBe(KEY);
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
