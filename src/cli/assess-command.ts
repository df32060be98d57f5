import { parseArgs } from 'node:util';
import { parseHubSpotBundle } from '../adapters/hubspot/bundle.ts';
import { toSnapshot } from '../adapters/hubspot/to-snapshot.ts';
import { withRecordUrls } from '../adapters/hubspot/with-record-urls.ts';
import { assess } from '../core/assess.ts';
import { resolveConfig } from '../core/tenant-config.ts';
import { SIGNALS } from '../signals/index.ts';
import { formatAssessmentText } from './format-assessment-text.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import { readJsonFile } from './read-json-file.ts';
import type { Io } from './run-cli.ts';
import { UsageError } from './user-error.ts';

export async function assessCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCliArgs(() =>
    parseArgs({
      args: [...argv],
      options: {
        now: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', default: 'json' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (positionals.length !== 1) throw new UsageError('assess takes exactly one bundle file');
  if (values.format !== 'json' && values.format !== 'text') {
    throw new UsageError(`--format must be json or text, not "${values.format}"`);
  }
  const now = values.now === undefined ? Date.now() : parseNow(values.now);
  const config = resolveConfig(values.config ? await readJsonFile(values.config, 'config') : {}, SIGNALS);
  const bundle = parseHubSpotBundle(await readJsonFile(positionals[0] as string, 'bundle'));
  const assessment = withRecordUrls(assess(toSnapshot(bundle, config.mappings), config, now), bundle.portalId);
  io.out(values.format === 'text' ? formatAssessmentText(assessment) : `${JSON.stringify(assessment, null, 2)}\n`);
  return 0;
}

function parseNow(text: string): number {
  // A full date or date-time only: Date.parse also accepts "2026" or "Nov 5", which would silently mean something else.
  const at = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(at)) throw new UsageError(`--now expects an ISO date such as 2026-11-15 or 2026-11-15T12:00:00Z, got "${text}"`);
  return at;
}
