import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `churn-signals demo --once` as CI runs it: the real bin in a child process, no HubSpot credentials. */
async function demoOnce(): Promise<Run> {
  const env = { ...process.env };
  delete env.HUBSPOT_CLIENT_ID;
  delete env.LOG_LEVEL;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, 'demo', '--once'], {
      cwd: ROOT,
      env,
      timeout: 90_000,
      maxBuffer: 10_000_000,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('churn-signals demo --once', () => {
  let run: Run;
  beforeAll(async () => {
    run = await demoOnce();
  }, 95_000);

  it('exits 0 after installing through OAuth and backfilling within HubSpot’s rate limits', () => {
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      'Installed through OAuth: 302 /oauth/hubspot/install → 302 /oauth/authorize → 200 /oauth/hubspot/callback',
    );
    expect(run.stderr).toMatch(/Backfill: companies scored: 60\/60/);
    expect(run.stderr).toMatch(/Backfill: \d+ HubSpot calls \+ \d+ searches in [\d.]+ s .*; 0 answered 429\)/);
  });

  it('prints the timeline’s steps as they are played', () => {
    expect(run.stderr).toMatch(/Timeline \(10 changes in HubSpot/);
    expect(run.stderr).toMatch(/champion .* left the company/);
    expect(run.stderr).toMatch(/answered the NPS survey with 3/);
    expect(run.stderr).toMatch(/new (HIGH|MEDIUM|LOW|URGENT) ticket .*\(5 of 5 within a minute\)/);
    expect(run.stderr).toMatch(/renewal .* cut from \$[\d,]+ to \$[\d,]+/);
  });

  it('ranks the accounts at risk with their reasons, the accounts the timeline moved among them', () => {
    const table = run.stdout.split('\n\n')[1] ?? '';
    const rows = table.split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/^\s+1 {2}.+ {2}\d+ {2}(high|critical) .*\$[\d,]+ {2}[a-z_]+ \+[\d.]+/);
    // a company the timeline touched went from its backfill score to a higher one
    expect(table).toMatch(/\d+ → \d+ {2}(medium|high|critical)/);
    const why = run.stdout.slice(run.stdout.indexOf('Why (high and critical accounts):'));
    expect(why).toMatch(/\n {2}.+ \((high|critical), \d+\):\n {4}\+[\d.]+ [a-z_]+: \S/);
  });

  it('shows the healthy majority as such, with accounts per level and the revenue at risk', () => {
    const healthy = /Healthy \(low risk\): (\d+) of (\d+) accounts/.exec(run.stdout);
    expect(healthy).not.toBeNull();
    const [low, all] = [Number(healthy?.[1]), Number(healthy?.[2])];
    expect(all).toBeGreaterThanOrEqual(50);
    expect(low).toBeGreaterThan(all / 2);
    expect(run.stdout).toMatch(/Accounts per level \(revenue\/yr\): low \d+ \(\$[\d,]+\), medium \d+/);
    expect(run.stdout).toMatch(/Revenue at risk \(high \+ critical\): \$[\d,]+ of \$[\d,]+ across [1-9]\d* accounts/);
  });
});
