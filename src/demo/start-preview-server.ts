import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.ts';
import { accountsFromStore } from './preview/accounts-from-store.ts';
import { previewRouter } from './preview/preview-router.ts';
import { riskRows } from './risk-rows.ts';
import type { DemoSandbox } from './start-demo-sandbox.ts';

export interface PreviewServer {
  /** The page: the portfolio and a risk card for any company. */
  url: string;
  stop(): Promise<void>;
}

/**
 * The demo's local page (src/demo/preview) on its own port: the app's assessments read from the app's SQLite file
 * (a second connection; WAL lets it read while the app writes), company names and revenue from the sandbox.
 */
export async function startPreviewServer(options: {
  sandbox: DemoSandbox;
  databasePath: string;
  encryptionKey: string;
}): Promise<PreviewServer> {
  const { sandbox } = options;
  const store = await openSqliteStore({ path: options.databasePath, encryptionKey: options.encryptionKey });
  const readAccounts = async () => {
    const portal = sandbox.state.portal(sandbox.portalId);
    const rows = portal ? riskRows(portal, Date.now()) : [];
    return accountsFromStore({
      store,
      portalId: sandbox.portalId,
      names: new Map(rows.map((r) => [r.companyId, r.name])),
      revenues: new Map(rows.map((r) => [r.companyId, r.revenue])),
    })();
  };
  const app = express();
  app.disable('x-powered-by');
  app.get('/', (_req, res) => res.redirect(302, '/preview'));
  app.use(previewRouter({ readAccounts }));
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/preview`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
