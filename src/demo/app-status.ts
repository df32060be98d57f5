import { z } from 'zod';

/** The parts of the app's GET /status (src/server/status-report.ts) the demo watches. */
const AppStatus = z.object({
  portals: z.array(
    z.object({
      portalId: z.number(),
      backfill: z.object({ scored: z.number(), total: z.number(), done: z.boolean() }),
    }),
  ),
  inbox: z.object({ depth: z.number() }),
  deadLetters: z.number(),
});
export type AppStatus = z.infer<typeof AppStatus>;

export async function readAppStatus(appUrl: string): Promise<AppStatus> {
  const response = await fetch(`${appUrl}/status`);
  if (!response.ok) throw new Error(`the app's /status answered ${response.status}`);
  return AppStatus.parse(await response.json());
}

/** Polls until `done` says the status is what is awaited; throws after `timeoutMs` naming what was awaited. */
export async function pollStatus(
  appUrl: string,
  what: string,
  done: (status: AppStatus) => boolean,
  options: { intervalMs?: number; timeoutMs?: number; onStatus?: (status: AppStatus) => void } = {},
): Promise<AppStatus> {
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    const status = await readAppStatus(appUrl);
    options.onStatus?.(status);
    if (done(status)) return status;
    if (Date.now() > deadline) {
      throw new Error(`gave up waiting for ${what}; last /status: ${JSON.stringify(status)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}
