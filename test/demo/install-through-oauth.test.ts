import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { installThroughOAuth } from '../../src/demo/install-through-oauth.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

async function serve(app: express.Express): Promise<string> {
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('installThroughOAuth', () => {
  it('follows install → authorize → callback and returns the hops', async () => {
    const app = express();
    app.get('/oauth/hubspot/install', (_req, res) => res.redirect(302, '/oauth/authorize?client_id=x'));
    app.get('/oauth/authorize', (_req, res) => res.redirect(302, '/oauth/hubspot/callback?code=c&state=s'));
    app.get('/oauth/hubspot/callback', (_req, res) => res.type('html').send('<p>installed</p>'));
    const base = await serve(app);
    await expect(installThroughOAuth(base)).resolves.toEqual({
      hops: ['302 /oauth/hubspot/install', '302 /oauth/authorize', '200 /oauth/hubspot/callback'],
    });
  });

  it('names the page where the flow stopped and what it said', async () => {
    const app = express();
    app.get('/oauth/hubspot/install', (_req, res) => res.redirect(302, '/oauth/authorize'));
    app.get('/oauth/authorize', (_req, res) =>
      res.status(400).type('html').send('<h1>Authorization failed</h1><p>unknown client_id</p>'),
    );
    const base = await serve(app);
    await expect(installThroughOAuth(base)).rejects.toThrow(
      `the install stopped at ${base}/oauth/authorize with 400: Authorization failed unknown client_id`,
    );
  });

  it('gives up on a redirect loop', async () => {
    const app = express();
    app.get('/oauth/hubspot/install', (_req, res) => res.redirect(302, '/oauth/hubspot/install'));
    const base = await serve(app);
    await expect(installThroughOAuth(base)).rejects.toThrow(/redirected more than 5 times/);
  });
});
