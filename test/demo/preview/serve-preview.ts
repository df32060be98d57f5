import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { PreviewAccount } from '../../../src/demo/preview/preview-account.ts';
import { previewRouter } from '../../../src/demo/preview/preview-router.ts';

export interface PreviewServer {
  base: string;
  close(): Promise<void>;
}

/** The preview router alone in an express app on an ephemeral port of 127.0.0.1, mounted at `mountPath`. */
export async function servePreview(
  readAccounts: () => Promise<PreviewAccount[]>,
  mountPath = '/',
): Promise<PreviewServer> {
  const app = express();
  app.use(mountPath, previewRouter({ readAccounts }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
