import { parseArgs } from 'node:util';
import { runDemo } from '../demo/run-demo.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import type { Io } from './run-cli.ts';
import { serveCommand } from './serve-command.ts';
import { UsageError } from './user-error.ts';

/**
 * `churn-signals demo [--once] [--seed N] [--speed X]`: the product against a local HubSpot sandbox (src/demo). With
 * --once it prints the report and exits; otherwise it keeps serving until Ctrl-C.
 */
export async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parseCliArgs(() =>
    parseArgs({
      args: [...argv],
      options: { once: { type: 'boolean', default: false }, seed: { type: 'string' }, speed: { type: 'string' } },
      strict: true,
    }),
  );
  const seed = values.seed === undefined ? 42 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, not "${values.seed}"`);
  const speed = values.speed === undefined ? undefined : Number(values.speed);
  if (speed !== undefined && !(speed > 0))
    throw new UsageError(`--speed must be a positive number, not "${values.speed}"`);

  const demo = await runDemo({
    once: values.once,
    seed,
    ...(speed === undefined ? {} : { timelineSpeed: speed }),
    out: io.out,
    err: { write: io.err, isTTY: process.stderr.isTTY },
    ...(process.env.LOG_LEVEL ? { logLevel: process.env.LOG_LEVEL } : {}),
  });
  if (values.once) return 0;

  io.err(
    [
      '',
      `Serving (Ctrl-C to stop):`,
      ...(demo.previewUrl ? [`  risk cards and portfolio  ${demo.previewUrl}`] : []),
      `  Churn Signals (the app)   ${demo.appUrl}/status`,
      `  HubSpot sandbox           ${demo.sandboxUrl}`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  io.err('churn-signals: stopping the demo\n');
  await demo.stop();
  return 0;
}

/** `churn-signals start` (npm start): the real server when HubSpot credentials are set, the demo otherwise. */
export async function startCommand(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length > 0) throw new UsageError(`start takes no arguments (use demo or serve for options)`);
  if (process.env.HUBSPOT_CLIENT_ID) return serveCommand([], io);
  io.err(
    'churn-signals: no HUBSPOT_CLIENT_ID in the environment, so this runs the demo against a local HubSpot sandbox\n',
  );
  return demoCommand([], io);
}
