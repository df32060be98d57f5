import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHubSpotBundle } from '../adapters/hubspot/bundle.ts';
import { toSnapshot } from '../adapters/hubspot/to-snapshot.ts';
import { assess } from '../core/assess.ts';
import { type Assessment, LEVELS } from '../core/assessment.ts';
import { contractValue } from '../core/contract-value.ts';
import { resolveConfig } from '../core/tenant-config.ts';
import { ValidationError } from '../core/validation-error.ts';
import { SIGNALS } from '../signals/index.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import { parseNow } from './parse-now.ts';
import { readJsonFile } from './read-json-file.ts';
import type { Io } from './run-cli.ts';
import { UsageError, UserError } from './user-error.ts';

interface Ranked {
  file: string;
  assessment: Assessment;
  revenue: number;
}

/**
 * The portfolio view (seed 003's "macro" ranking): assess many bundles, rank them by score, total the revenue at
 * risk. A bad bundle is reported by name and the rest still ranked; the exit code says something was skipped.
 */
export async function rankCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCliArgs(() =>
    parseArgs({
      args: [...argv],
      options: { now: { type: 'string' }, config: { type: 'string' }, format: { type: 'string', default: 'text' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length === 0) throw new UsageError('rank takes bundle files or directories of them');
  if (values.format !== 'json' && values.format !== 'text')
    throw new UsageError(`--format must be json or text, not "${values.format}"`);
  const now = values.now === undefined ? Date.now() : parseNow(values.now);
  const config = resolveConfig(values.config ? await readJsonFile(values.config, 'config') : {}, SIGNALS);

  const ranked: Ranked[] = [];
  let failures = 0;
  for (const file of await bundleFiles(positionals)) {
    try {
      const snapshot = toSnapshot(parseHubSpotBundle(await readJsonFile(file, 'bundle')), config.mappings);
      ranked.push({ file, assessment: assess(snapshot, config, now), revenue: contractValue(snapshot, now) });
    } catch (error) {
      if (!(error instanceof UserError || error instanceof ValidationError)) throw error;
      failures++;
      io.err(`churn-signals: skipped ${file}: ${error.message}\n`);
    }
  }
  ranked.sort((a, b) => b.assessment.score - a.assessment.score || a.file.localeCompare(b.file));
  io.out(values.format === 'json' ? `${JSON.stringify(ranked, null, 2)}\n` : formatRanking(ranked));
  return failures > 0 ? 1 : 0;
}

async function bundleFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new UserError(`cannot read ${path}: no such file or directory`);
    });
    if (!info.isDirectory()) files.push(path);
    else for (const name of (await readdir(path)).sort()) if (name.endsWith('.json')) files.push(join(path, name));
  }
  return files;
}

function formatRanking(ranked: readonly Ranked[]): string {
  const money = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const nameWidth = Math.max(7, ...ranked.map((r) => (r.assessment.accountName ?? r.assessment.accountId).length));
  const lines = [
    `${'#'.padStart(3)}  ${'account'.padEnd(nameWidth)}  score  level     trend    revenue/yr  top reasons`,
  ];
  ranked.forEach((r, i) => {
    const a = r.assessment;
    const reasons =
      a.reasons
        .slice(0, 3)
        .map((x) => `${x.id} +${x.points}`)
        .join(', ') || '—';
    lines.push(
      `${String(i + 1).padStart(3)}  ${(a.accountName ?? a.accountId).padEnd(nameWidth)}  ${String(a.score).padStart(5)}  ${a.level.padEnd(8)}  ${a.trend.padEnd(7)}  ${money(r.revenue).padStart(10)}  ${reasons}`,
    );
  });
  const byLevel = LEVELS.map((level) => {
    const group = ranked.filter((r) => r.assessment.level === level);
    return `${level} ${group.length} (${money(group.reduce((sum, r) => sum + r.revenue, 0))})`;
  });
  const atRisk = ranked.filter((r) => r.assessment.level === 'high' || r.assessment.level === 'critical');
  lines.push('', `accounts by level (revenue/yr): ${byLevel.join(', ')}`);
  lines.push(
    `revenue at risk (high + critical): ${money(atRisk.reduce((sum, r) => sum + r.revenue, 0))} across ${atRisk.length} accounts`,
  );
  return `${lines.join('\n')}\n`;
}
