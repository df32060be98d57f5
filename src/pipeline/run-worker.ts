import { setTimeout as sleep } from 'node:timers/promises';
import type { PipelineDeps } from './pipeline-deps.ts';
import { type InboxOptions, processInbox } from './process-inbox.ts';

export interface RunningWorker {
  /** Stops claiming; resolves once the tick in flight has acked, retried or released what it holds. */
  stop(): Promise<void>;
}

export interface WorkerOptions extends InboxOptions {
  /** The wait when the inbox is empty. */
  pollMs: number;
  /**
   * The least time from one tick's start to the next's while events trickle in. A tick costs about the same ~15–20
   * HubSpot calls for 1 company as for 100 (one batch read per associated type), so ticks back to back on a steady
   * stream spend a portal's 110 calls / 10 s in a second and then stall for nine (benchmark 2 measured it); spaced,
   * each tick carries everything that came due meanwhile. A full claim (a backlog) goes again at once.
   */
  minTickIntervalMs: number;
}

export const DEFAULT_MIN_TICK_INTERVAL_MS = 1_500;

/** Polls the inbox: every `pollMs` when it is empty, every `minTickIntervalMs` on a stream, back to back on a backlog. */
export function runWorker(deps: PipelineDeps, options: WorkerOptions): RunningWorker {
  const controller = new AbortController();
  const pause = (ms: number) => sleep(ms, undefined, { signal: controller.signal }).catch(() => {});
  const done = (async () => {
    while (!controller.signal.aborted) {
      const started = Date.now();
      let claimed = 0;
      try {
        claimed = (await processInbox(deps, options)).claimed;
      } catch (error) {
        // The store itself failed (disk full, database down): nothing was acked, the leases will expire.
        deps.logger.error({ err: error }, 'worker tick failed; retrying after the poll interval');
      }
      if (claimed === 0) await pause(options.pollMs);
      else if (claimed < options.batchSize) await pause(Math.max(0, started + options.minTickIntervalMs - Date.now()));
    }
  })();
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}
