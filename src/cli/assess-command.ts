import { parseArgs } from 'node:util';
import { parseHubSpotBundle } from '../adapters/hubspot/bundle.ts';
import { toSnapshot } from '../adapters/hubspot/to-snapshot.ts';
import { withRecordUrls } from '../adapters/hubspot/with-record-urls.ts';
import { assess } from '../core/assess.ts';
import { resolveConfig } from '../core/tenant-config.ts';
import { SIGNALS } from '../signals/index.ts';
import { formatAssessmentText } from './format-assessment-text.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import { parseNow } from './parse-now.ts';
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
