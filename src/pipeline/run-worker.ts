import { setTimeout as sleep } from 'node:timers/promises';
import type { PipelineDeps } from './pipeline-deps.ts';
import { type InboxOptions, processInbox } from './process-inbox.ts';

export interface RunningWorker {
  /** Stops claiming; resolves once the tick in flight has acked, retried or released what it holds. */
  stop(): Promise<void>;
}

/** Polls the inbox: back to back while there is work, every `pollMs` when it is empty. */
export function runWorker(deps: PipelineDeps, options: InboxOptions & { pollMs: number }): RunningWorker {
  const controller = new AbortController();
  const done = (async () => {
    while (!controller.signal.aborted) {
      let claimed = 0;
      try {
        claimed = (await processInbox(deps, options)).claimed;
      } catch (error) {
        // The store itself failed (disk full, database down): nothing was acked, the leases will expire.
        deps.logger.error({ err: error }, 'worker tick failed; retrying after the poll interval');
      }
      if (claimed === 0) await sleep(options.pollMs, undefined, { signal: controller.signal }).catch(() => {});
    }
  })();
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}
