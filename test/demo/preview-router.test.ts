import { afterEach, describe, expect, it } from 'vitest';
import type { Portfolio } from '../../src/demo/preview/portfolio-summary.ts';
import type { LinkedAssessment, PreviewAccount } from '../../src/demo/preview/preview-account.ts';
import { PREVIEW_CSP } from '../../src/demo/preview/preview-page.ts';
import { type PreviewServer, servePreview } from './preview/serve-preview.ts';

const HOSTILE = '<script>alert("pwned")</script>';

function assessed(companyId: string, score: number, level: LinkedAssessment['level'], reasonIds: string[]) {
  const assessment: LinkedAssessment = {
    crm: 'hubspot',
    tenantId: '4242',
    accountId: companyId,
    accountName: null,
    score,
    level,
    trend: 'steady',
    previousScore: null,
    topReason: null,
    reasons: reasonIds.map((id) => ({
      id: id as 'low_nps',
      title: `Title of ${id}`,
      points: 10,
      strength: 1,
      weight: 10,
      headline: `${id} fired`,
      evidence: [{ type: 'contact', id: '51', label: 'Jane Roe', facts: {}, url: null }],
      playbook: ['Call them'],
    })),
    summary: '',
    tasks: [],
    assessedAt: '2026-11-15T12:00:00.000Z',
  };
  return assessment;
}

const ACCOUNTS: PreviewAccount[] = [
  { companyId: '1', name: 'Quiet Co', revenue: 10_000, assessment: assessed('1', 0, 'low', []) },
  {
    companyId: '2',
    name: 'Burning Inc',
    revenue: 50_000,
    assessment: assessed('2', 80, 'critical', ['low_nps', 'ticket_surge']),
  },
  { companyId: '3', name: 'Unscored LLC', revenue: 7_000, assessment: null },
  { companyId: '4', name: HOSTILE, revenue: 20_000, assessment: assessed('4', 55, 'high', ['low_nps']) },
  { companyId: '5', name: 'Middling', revenue: 5_000, assessment: assessed('5', 30, 'medium', ['gone_silent']) },
];

describe('previewRouter', () => {
  let server: PreviewServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('serves the portfolio as JSON: ranked accounts, totals per level, revenue at risk, reasons to filter on', async () => {
    server = await servePreview(async () => ACCOUNTS);
    const response = await fetch(`${server.base}/preview/api/portfolio`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Portfolio;

    expect(body.accounts.map((a) => a.companyId)).toEqual(['2', '4', '5', '1', '3']);
    expect(body.accounts[1]?.name).toBe(HOSTILE);
    expect(body.byLevel).toEqual({
      low: { accounts: 1, revenue: 10_000 },
      medium: { accounts: 1, revenue: 5_000 },
      high: { accounts: 1, revenue: 20_000 },
      critical: { accounts: 1, revenue: 50_000 },
    });
    expect(body.notScored).toBe(1);
    expect(body.atRisk).toEqual({ accounts: 2, revenue: 70_000 });
    expect(body.reasons).toEqual([
      { id: 'low_nps', title: 'Title of low_nps', accounts: 2 },
      { id: 'gone_silent', title: 'Title of gone_silent', accounts: 1 },
      { id: 'ticket_surge', title: 'Title of ticket_surge', accounts: 1 },
    ]);
    expect(body.accounts[0]?.assessment?.reasons[0]?.playbook).toEqual(['Call them']);
  });

  it('reads the accounts on every request, so the page follows the timeline', async () => {
    let calls = 0;
    server = await servePreview(async () => {
      calls++;
      return ACCOUNTS.slice(0, calls);
    });
    const first = (await (await fetch(`${server.base}/preview/api/portfolio`)).json()) as Portfolio;
    const second = (await (await fetch(`${server.base}/preview/api/portfolio`)).json()) as Portfolio;
    expect([first.accounts.length, second.accounts.length]).toEqual([1, 2]);
  });

  it('serves the page: HTML with its labels and a CSP that allows only its own inline style and script', async () => {
    server = await servePreview(async () => ACCOUNTS);
    const response = await fetch(`${server.base}/preview`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
    expect(PREVIEW_CSP).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="reason-filter">Filter by reason</label>');
    expect(html).toContain('<h2 id="card-title">Risk card preview</h2>');
    expect(html).not.toMatch(/<(link|img)\b|src=/); // no external assets
  });

  it('never puts data into the markup: a company named <script> is only in the JSON, as a string', async () => {
    server = await servePreview(async () => ACCOUNTS);
    const html = await (await fetch(`${server.base}/preview`)).text();
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('pwned');
    const scripts = html.match(/<script\b/g) ?? [];
    expect(scripts).toHaveLength(1);
    const json = await (await fetch(`${server.base}/preview/api/portfolio`)).text();
    expect(JSON.parse(json).accounts[1].name).toBe(HOSTILE);
  });

  it('works mounted under a prefix', async () => {
    server = await servePreview(async () => ACCOUNTS, '/demo');
    expect((await fetch(`${server.base}/demo/preview`)).status).toBe(200);
    expect((await fetch(`${server.base}/demo/preview/api/portfolio`)).status).toBe(200);
    expect((await fetch(`${server.base}/preview`)).status).toBe(404);
  });

  it('answers 500 when the accounts cannot be read, and leaves the error to the app', async () => {
    server = await servePreview(async () => {
      throw new Error('store closed');
    });
    const response = await fetch(`${server.base}/preview/api/portfolio`);
    expect(response.status).toBe(500);
  });
});
