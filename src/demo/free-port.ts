import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A port nobody listens on now. The app must know its own URL (PUBLIC_BASE_URL: OAuth redirect, signatures) before
 * it listens, and the sandbox needs that URL as the app's redirect and webhook target, so the port is picked first.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const probe = createServer();
  probe.listen(0, host);
  await once(probe, 'listening');
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}
