import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../src/cli/bin.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** How long a start may take before it counts as failed (the port still held by a dying process included). */
const START_TIMEOUT_MS = 20_000;
/** An orderly stop finishes the tick in flight; nothing here takes longer. */
const STOP_TIMEOUT_MS = 10_000;

export interface ChildServer {
  url: string;
  /** Starts `churn-signals serve`; resolves once it answers /healthz. Retries while the port is still in use. */
  start(): Promise<void>;
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the orderly stop. */
  stop(): Promise<void>;
  /** Everything the processes wrote on stdout and stderr, each start headed by a line. */
  output(): string;
  /** Starts that came up (answered /healthz) so far. */
  starts(): number;
}

/**
 * The app as an operator runs it, `node src/cli/bin.js serve` with its configuration in the environment, as a real
 * OS process, so that a SIGKILL is a real crash: the store is left as the kernel leaves it, mid-transaction or not.
 */
export function childServer(env: Record<string, string>): ChildServer {
  // bin.js re-runs itself on the pinned Node 24 when started on an older one: the SIGKILL would then hit the
  // wrapper and leave the server running.
  if (Number(process.versions.node.split('.')[0]) < 24) {
    throw new Error(`the crash proof needs Node 24 to run the test (this is ${process.version}): run it through npx`);
  }
  const url = `http://127.0.0.1:${env.PORT}`;
  const chunks: string[] = [];
  let child: ChildProcess | null = null;
  let spawned = 0;
  let starts = 0;

  const spawnServer = (): ChildProcess => {
    spawned++;
    chunks.push(`--- process ${spawned} started at ${new Date().toISOString()}\n`);
    const server = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.setEncoding('utf8').on('data', (text: string) => chunks.push(text));
    server.stderr?.setEncoding('utf8').on('data', (text: string) => chunks.push(text));
    return server;
  };

  const exited = (server: ChildProcess): Promise<void> =>
    server.exitCode !== null || server.signalCode !== null ? Promise.resolve() : once(server, 'exit').then(() => {});

  return {
    url,
    async start() {
      if (child) throw new Error('the server is running already: kill or stop it first');
      const deadline = Date.now() + START_TIMEOUT_MS;
      for (;;) {
        const started = spawnServer();
        const gone = exited(started);
        let alive = true;
        void gone.then(() => {
          alive = false;
        });
        while (alive && Date.now() < deadline) {
          if (await healthy(url)) {
            child = started;
            starts++;
            return;
          }
          await sleep(50);
        }
        if (alive) {
          started.kill('SIGKILL');
          await gone;
          throw new Error(`the server did not answer ${url}/healthz within ${START_TIMEOUT_MS} ms`);
        }
        // It exited before answering: most likely the port still held as the killed process goes; try again.
        if (Date.now() >= deadline) {
          throw new Error(
            `the server exited at every start for ${START_TIMEOUT_MS} ms (last exit code ${started.exitCode})`,
          );
        }
        await sleep(100);
      }
    },
    async kill() {
      const running = child;
      if (!running) return;
      child = null;
      running.kill('SIGKILL');
      await exited(running);
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = null;
      running.kill('SIGTERM');
      const stopped = await Promise.race([exited(running).then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (stopped) return;
      running.kill('SIGKILL');
      await exited(running);
      throw new Error(`the server did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM; killed it`);
    },
    output: () => chunks.join(''),
    starts: () => starts,
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
