import { parseArgs } from 'node:util';
import { SIGNALS } from '../signals/index.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import type { Io } from './run-cli.ts';
import { UsageError } from './user-error.ts';

export function signalsCommand(argv: readonly string[], io: Io): number {
  const { values } = parseCliArgs(() =>
    parseArgs({ args: [...argv], options: { format: { type: 'string', default: 'text' } }, strict: true }),
  );
  const rows = SIGNALS.map((s) => ({
    id: s.id,
    title: s.title,
    defaultWeight: s.defaultWeight,
    source: s.source.refs.join('; '),
    quietInOffSeason: s.quietInOffSeason,
  }));
  if (values.format === 'json') {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (values.format !== 'text') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const titleWidth = Math.max(...rows.map((r) => r.title.length));
  io.out(`${'id'.padEnd(idWidth)}  ${'title'.padEnd(titleWidth)}  weight  source\n`);
  for (const r of rows) {
    io.out(
      `${r.id.padEnd(idWidth)}  ${r.title.padEnd(titleWidth)}  ${String(r.defaultWeight).padStart(6)}  ${r.source}\n`,
    );
  }
  return 0;
}
