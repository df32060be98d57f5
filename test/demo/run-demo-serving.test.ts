import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/demo/run-demo.ts';

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
      expect(demo.backfill.general).toBeGreaterThan(0);
    } finally {
      await demo.stop();
    }
    await expect(fetch(`${demo.appUrl}/healthz`)).rejects.toThrow();
    await expect(fetch(demo.previewUrl as string)).rejects.toThrow();
    await expect(fetch(demo.sandboxUrl)).rejects.toThrow();
  }, 90_000);
});
