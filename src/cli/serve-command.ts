import { loadEnv } from '../config/env.ts';
import { startServer } from '../server/start-server.ts';
import type { Io } from './run-cli.ts';

/** Runs the server until SIGTERM/SIGINT; configuration from the environment (.env.example lists it). */
export async function serveCommand(_argv: readonly string[], io: Io): Promise<number> {
  const server = await startServer(loadEnv());
  io.err(`churn-signals: serving on ${server.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  await server.stop();
  return 0;
}
