import { pollStatus } from './app-status.ts';
import type { DemoSandbox } from './start-demo-sandbox.ts';

/**
 * Waits until the app has dealt with every change: the sandbox has delivered its webhooks (retries included) and the
 * app's inbox is empty. Processing writes back to the sandbox, whose changes go out as webhooks again (the app drops
 * its own), so it is quiet only when a whole round passes without a new event.
 */
export async function waitUntilQuiet(sandbox: DemoSandbox, appUrl: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await sandbox.platform.idle();
    const before = eventsSent(sandbox);
    await pollStatus(appUrl, 'the app to process its webhooks', (s) => s.inbox.depth === 0, {
      timeoutMs: Math.max(0, deadline - Date.now()),
    });
    await sandbox.platform.idle();
    if (eventsSent(sandbox) === before) return;
    if (Date.now() > deadline) throw new Error('gave up waiting for the webhooks to stop');
  }
}

function eventsSent(sandbox: DemoSandbox): number {
  let events = 0;
  for (const sender of sandbox.platform.senders.values()) events += sender.stats().events;
  return events;
}
