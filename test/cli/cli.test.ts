import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGNAL_IDS } from '../../src/core/signal.ts';
import { runCli } from '../helpers/run-cli.ts';

const NO_STACK = /^\s+at /m;

describe('churn-signals signals', () => {
  it('lists exactly the 21 signal ids of DESIGN §2, in its order', () => {
    const design = readFileSync(new URL('../../../shared/DESIGN.md', import.meta.url), 'utf8');
    const section = design.slice(design.indexOf('## 2.'), design.indexOf('## 3.'));
    const designIds = [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(designIds).toHaveLength(21);

    const result = runCli('signals', '--format', 'json');
    expect(result.status).toBe(0);
    const listed = JSON.parse(result.stdout) as { id: string; title: string; defaultWeight: number; source: string }[];
    expect(listed.map((s) => s.id)).toEqual(designIds);
    expect(listed.map((s) => s.id)).toEqual([...SIGNAL_IDS]);
    for (const s of listed) {
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.defaultWeight).toBeGreaterThan(0);
      expect(s.source).toMatch(/^00[0-3]/);
    }
  });

  it('prints a table by default', () => {
    const result = runCli('signals');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^id\s+title\s+weight\s+source$/);
    expect(result.stdout).toContain('champion_departed');
  });
});

describe('churn-signals assess', () => {
  it('prints the assessment as JSON', () => {
    const result = runCli('assess', 'test/fixtures/cli/minimal-bundle.json', '--now', '2026-11-15T12:00:00Z');
    expect(result.status).toBe(0);
    const a = JSON.parse(result.stdout);
    expect(a).toMatchObject({ score: 0, level: 'low', trend: 'steady', reasons: [], tasks: [], accountId: '9001' });
    expect(a.assessedAt).toBe('2026-11-15T12:00:00.000Z');
  });

  it('prints a readable table with --format text', () => {
    const result = runCli('assess', 'test/fixtures/cli/minimal-bundle.json', '--now', '2026-11-15', '--format', 'text');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Quiet Customer Inc');
    expect(result.stdout).toContain('score 0/100');
    expect(result.stdout).toContain('No churn signals fired.');
  });

  it.each([
    [['assess', 'test/fixtures/cli/no-such.json'], 1, /cannot read bundle .*no-such\.json: no such file/],
    [['assess', 'test/fixtures/cli/truncated-bundle.json'], 1, /bundle .*truncated-bundle\.json is not valid JSON/],
    [
      ['assess', 'test/fixtures/cli/bad-types-bundle.json'],
      1,
      /portalId: .*number[\s\S]*contacts\[0\]\.properties\.email: /,
    ],
    [
      ['assess', 'test/fixtures/cli/minimal-bundle.json', '--config', 'test/fixtures/cli/bad-config.json'],
      1,
      /signals\.gone_silent\.weight: [\s\S]*quietMonths\[0\]: /,
    ],
    [['assess', 'test/fixtures/cli/minimal-bundle.json', '--now', 'yesterday'], 2, /--now expects an ISO date/],
    [['assess', 'test/fixtures/cli/minimal-bundle.json', '--format', 'xml'], 2, /--format must be json or text/],
    [['assess', 'test/fixtures/cli/minimal-bundle.json', '--frobnicate'], 2, /Unknown option '--frobnicate'/],
    [['assess'], 2, /exactly one bundle file/],
    [['explode'], 2, /unknown command "explode"/],
  ])('%j exits %i with a clear message and no stack trace', (args, status, message) => {
    const result = runCli(...args);
    expect(result.status).toBe(status);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(NO_STACK);
    expect(result.stdout).toBe('');
  });
});
