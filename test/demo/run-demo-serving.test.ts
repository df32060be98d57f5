import { describe, expect, it } from 'vitest';
import { readTaskRef } from '../../src/adapters/hubspot/live/task-html.ts';
import { runDemo } from '../../src/demo/run-demo.ts';
import { currentValue } from '../../src/sandbox/state/stored-object.ts';

describe('runDemo, serving', () => {
  it('keeps the app, the sandbox and the preview page up after the report, and stop() closes them', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const demo = await runDemo({
      once: false,
      timelineSpeed: 1000,
      out: (text) => out.push(text),
      err: { write: (text: string) => err.push(text), isTTY: false },
    });
    try {
      expect(out.join('')).toContain('Accounts at risk, ranked');
      expect(demo.previewUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/preview$/);
      const page = await fetch(demo.previewUrl as string);
      expect(page.status).toBe(200);
      const portfolio = (await (await fetch(`${demo.previewUrl}/api/portfolio`)).json()) as {
        accounts: { name: string; assessment: { level: string } | null }[];
      };
      expect(portfolio.accounts).toHaveLength(60);
      expect(portfolio.accounts.filter((a) => a.assessment?.level === 'critical').length).toBeGreaterThan(0);
      const status = await fetch(`${demo.appUrl}/status`);
      expect(await status.json()).toMatchObject({ portals: [{ portalId: demo.portalId, backfill: { done: true } }] });
      expect(demo.backfill.throttled).toBe(0);

      // The app's follow-up tasks are in the sandbox, each associated with its company, one per company and signal.
      const portal = demo.sandbox.state.ensurePortal(demo.portalId);
      const ours = portal
        .list('tasks')
        .map((task) => ({ task, ref: readTaskRef(currentValue(task, 'hs_task_body') ?? '') }))
        .filter((t) => t.ref !== null);
      expect(ours.length).toBeGreaterThan(0);
      for (const { task } of ours) {
        expect(portal.associatedIds({ type: 'tasks', id: task.id }, 'companies')).toHaveLength(1);
        expect(currentValue(task, 'hs_task_subject')).toMatch(/^Churn risk · /);
      }
      const refs = ours.map((t) => t.ref);
      expect(new Set(refs).size).toBe(refs.length);
      expect(demo.backfill.general).toBeGreaterThan(0);
    } finally {
      await demo.stop();
    }
    await expect(fetch(`${demo.appUrl}/healthz`)).rejects.toThrow();
    await expect(fetch(demo.previewUrl as string)).rejects.toThrow();
    await expect(fetch(demo.sandboxUrl)).rejects.toThrow();
  }, 90_000);
});
