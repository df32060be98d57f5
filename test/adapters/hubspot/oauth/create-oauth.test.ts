import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createOAuth, REFRESH_AHEAD_MS, STATE_TTL_MS } from '../../../../src/adapters/hubspot/oauth/create-oauth.ts';
import { OAuthError } from '../../../../src/adapters/hubspot/oauth/oauth-error.ts';
import { PortalUninstalledError } from '../../../../src/adapters/hubspot/oauth/portal-uninstalled-error.ts';
import { OPTIONAL_SCOPE_NAMES, REQUIRED_SCOPE_NAMES } from '../../../../src/adapters/hubspot/oauth/scopes.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { openSqliteStore } from '../../../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../../src/store/store.ts';
import { contractReply, type MockedRequest } from '../../../helpers/hubspot-contract.ts';
import { useStrictNock } from '../../../helpers/strict-nock.ts';

const API = 'https://api.hubspot.test';
const T0 = Date.parse('2026-11-15T12:00:00.000Z');
const PORTAL = 62515;
const CORRELATION_ID = 'aeb5f871-7f07-4993-9211-075dc63e7cbf';
const ENV = {
  HUBSPOT_CLIENT_ID: 'client-id-1',
  HUBSPOT_CLIENT_SECRET: 'client-secret-1',
  HUBSPOT_API_BASE_URL: API,
  HUBSPOT_AUTH_BASE_URL: 'https://app.hubspot.test',
  PUBLIC_BASE_URL: 'https://churn.example.com/',
};
const CALLBACK = 'https://churn.example.com/oauth/hubspot/callback';
const KEY = Buffer.alloc(32, 9).toString('base64');

const tokenReply = (access: string, extra: Record<string, unknown> = {}) => ({
  token_type: 'bearer',
  access_token: access,
  refresh_token: 'refresh-1',
  expires_in: 1800,
  hub_id: PORTAL,
  scopes: ['oauth', ...REQUIRED_SCOPE_NAMES.filter((s) => s !== 'oauth')],
  ...extra,
});

const badRefreshToken = {
  error: 'invalid_grant',
  error_description: 'refresh token is invalid, expired or revoked',
  status: 'BAD_REFRESH_TOKEN',
  message: 'refresh token is invalid, expired or revoked',
  category: 'BAD_REFRESH_TOKEN',
  correlationId: CORRELATION_ID,
};

function form(request: MockedRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(String(request.body)));
}

async function harness(options: { store?: Store } = {}) {
  let clock = T0;
  const store = options.store ?? (await openSqliteStore({ path: ':memory:', encryptionKey: KEY, now: () => clock }));
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: { write: (line: string) => logs.push(line) } });
  const forgotten: number[] = [];
  const oauth = createOAuth({
    env: ENV,
    store,
    logger,
    now: () => clock,
    onUninstalled: (portalId) => forgotten.push(portalId),
  });
  return {
    oauth,
    store,
    logs,
    forgotten,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

/** An installed portal whose access token expires 30 minutes after T0. */
async function installed() {
  const h = await harness();
  await h.store.saveInstallation({
    portalId: PORTAL,
    accessToken: 'access-0',
    refreshToken: 'refresh-1',
    expiresAt: T0 + 1_800_000,
    scopes: [...REQUIRED_SCOPE_NAMES],
    installedAt: T0,
  });
  return h;
}

function stateOf(url: string): string {
  return new URL(url).searchParams.get('state') ?? '';
}

useStrictNock();

describe('authorizeUrl', () => {
  it('sends the admin to HubSpot with the app’s client id, callback, exactly its scopes and a fresh state', async () => {
    const { oauth } = await harness();
    const url = new URL(await oauth.authorizeUrl());
    expect(`${url.origin}${url.pathname}`).toBe('https://app.hubspot.test/oauth/authorize');
    expect([...url.searchParams.keys()]).toEqual(['client_id', 'redirect_uri', 'scope', 'optional_scope', 'state']);
    expect(url.searchParams.get('client_id')).toBe('client-id-1');
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(url.searchParams.get('scope')?.split(' ')).toEqual(REQUIRED_SCOPE_NAMES);
    expect(url.searchParams.get('optional_scope')?.split(' ')).toEqual(OPTIONAL_SCOPE_NAMES);
    expect(url.search).toContain('scope=oauth%20crm.objects.companies.read%20');
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(stateOf(await oauth.authorizeUrl())).not.toBe(url.searchParams.get('state'));
  });

  it('refuses a returnTo that leaves the app', async () => {
    const { oauth } = await harness();
    for (const returnTo of ['https://evil.example/', '//evil.example', '/\\evil.example', 'status']) {
      await expect(oauth.authorizeUrl(returnTo)).rejects.toMatchObject({ code: 'invalid_return_to', status: 400 });
    }
  });
});

describe('completeInstall', () => {
  it('exchanges the code at the dated token endpoint and stores the tokens encrypted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-'));
    try {
      const path = join(dir, 'store.sqlite');
      const store = await openSqliteStore({ path, encryptionKey: KEY });
      const { oauth } = await harness({ store });
      const sent: Record<string, string>[] = [];
      nock(API)
        .post('/oauth/2026-09/token')
        .reply(
          contractReply(200, (request) => {
            sent.push(form(request));
            return tokenReply('access-plain-1');
          }),
        );

      const state = stateOf(await oauth.authorizeUrl('/status'));
      const result = await oauth.completeInstall({ code: 'code-1', state });

      expect(sent).toEqual([
        {
          grant_type: 'authorization_code',
          client_id: 'client-id-1',
          client_secret: 'client-secret-1',
          redirect_uri: CALLBACK,
          code: 'code-1',
        },
      ]);
      expect(result).toEqual({ portalId: PORTAL, hubDomain: null, scopes: tokenReply('').scopes, returnTo: '/status' });
      expect(await store.getInstallation(PORTAL)).toMatchObject({
        accessToken: 'access-plain-1',
        refreshToken: 'refresh-1',
        expiresAt: T0 + 1_800_000,
      });
      await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-plain-1');
      await store.close();

      const db = new DatabaseSync(path);
      const row = db.prepare('SELECT access_token, refresh_token FROM installations').get() as Record<string, string>;
      db.close();
      expect(JSON.stringify(row)).not.toContain('access-plain-1');
      expect(JSON.stringify(row)).not.toContain('refresh-1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks introspection for the portal when the token response does not name it', async () => {
    const { oauth, store } = await harness();
    const introspected: Record<string, string>[] = [];
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(contractReply(200, tokenReply('access-1', { hub_id: undefined, scopes: undefined })))
      .post('/oauth/2026-09/token/introspect')
      .reply(
        contractReply(200, (request) => {
          introspected.push(form(request));
          return {
            active: true,
            token_use: 'access_token',
            hub_id: PORTAL,
            hub_domain: 'acme.hubspot.com',
            scopes: ['oauth'],
          };
        }),
      );

    const result = await oauth.completeInstall({ code: 'code-1', state: stateOf(await oauth.authorizeUrl()) });

    expect(introspected).toEqual([
      {
        client_id: 'client-id-1',
        client_secret: 'client-secret-1',
        token: 'access-1',
        token_type_hint: 'access_token',
      },
    ]);
    expect(result).toMatchObject({ portalId: PORTAL, hubDomain: 'acme.hubspot.com', scopes: ['oauth'] });
    expect((await store.getInstallation(PORTAL))?.hubDomain).toBe('acme.hubspot.com');
  });

  it('answers 400 and asks to start again for an unknown, missing, expired or reused state', async () => {
    const { oauth, advance } = await harness();
    const again = /Start the install again at https:\/\/churn\.example\.com\/oauth\/hubspot\/install/;
    await expect(oauth.completeInstall({ code: 'c', state: 'forged' })).rejects.toThrow(again);
    await expect(oauth.completeInstall({ code: 'c', state: null })).rejects.toMatchObject({ status: 400 });

    const expired = stateOf(await oauth.authorizeUrl());
    advance(STATE_TTL_MS);
    await expect(oauth.completeInstall({ code: 'c', state: expired })).rejects.toMatchObject({
      code: 'invalid_state',
      status: 400,
    });

    nock(API)
      .post('/oauth/2026-09/token')
      .reply(contractReply(200, tokenReply('access-1')));
    const state = stateOf(await oauth.authorizeUrl());
    await oauth.completeInstall({ code: 'c', state });
    const reused = oauth.completeInstall({ code: 'c', state });
    await expect(reused).rejects.toBeInstanceOf(OAuthError);
    await expect(reused).rejects.toMatchObject({ code: 'invalid_state', status: 400 });
  });

  it('answers 400 when HubSpot refuses the code, without storing anything', async () => {
    const { oauth, store, logs } = await harness();
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(
        contractReply(400, {
          error: 'invalid_grant',
          status: 'BAD_AUTH_CODE',
          message: 'missing or unknown auth code',
          category: 'BAD_AUTH_CODE',
          correlationId: CORRELATION_ID,
        }),
      );

    const install = oauth.completeInstall({ code: 'code-secret', state: stateOf(await oauth.authorizeUrl()) });

    await expect(install).rejects.toMatchObject({ code: 'invalid_code', status: 400, correlationId: CORRELATION_ID });
    await expect(install).rejects.toThrow(/Start the install again/);
    await expect(install).rejects.not.toThrow(/code-secret|client-secret-1/);
    expect(await store.listPortalIds()).toEqual([]);
    expect(logs.join('')).not.toContain('client-secret-1');
  });

  it('names the credentials when HubSpot refuses the client', async () => {
    const { oauth } = await harness();
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(
        contractReply(401, {
          error: 'invalid_client',
          message: 'bad client',
          category: 'X',
          correlationId: CORRELATION_ID,
        }),
      );

    const install = oauth.completeInstall({ code: 'c', state: stateOf(await oauth.authorizeUrl()) });

    await expect(install).rejects.toMatchObject({ code: 'invalid_client', status: 500 });
    await expect(install).rejects.toThrow(/HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET/);
  });

  it('names PUBLIC_BASE_URL when HubSpot says the redirect URL is not the app’s', async () => {
    const { oauth } = await harness();
    const body = {
      status: 'BAD_REDIRECT_URI',
      message: 'redirect_uri mismatch',
      category: 'X',
      correlationId: CORRELATION_ID,
    };
    nock(API).post('/oauth/2026-09/token').reply(contractReply(400, body));

    const install = oauth.completeInstall({ code: 'c', state: stateOf(await oauth.authorizeUrl()) });

    await expect(install).rejects.toMatchObject({ code: 'invalid_client', status: 500 });
    await expect(install).rejects.toThrow(`redirect URL ${CALLBACK} is not the app's`);
  });
});

describe('accessToken', () => {
  it('serves the stored token without a call while more than 5 minutes remain', async () => {
    const { oauth, advance } = await installed();
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-0');
    advance(1_800_000 - REFRESH_AHEAD_MS - 1);
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-0');
  });

  it('refreshes ahead of expiry once for all concurrent callers, and stores the new tokens', async () => {
    const { oauth, store, advance, now } = await installed();
    await oauth.accessToken(PORTAL);
    const sent: Record<string, string>[] = [];
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(
        contractReply(200, (request) => {
          sent.push(form(request));
          return tokenReply('access-1', { refresh_token: 'refresh-2' });
        }),
      );

    advance(1_800_000 - REFRESH_AHEAD_MS);
    const tokens = await Promise.all(Array.from({ length: 5 }, () => oauth.accessToken(PORTAL)));

    expect(tokens).toEqual(Array(5).fill('access-1'));
    expect(sent).toEqual([
      {
        grant_type: 'refresh_token',
        client_id: 'client-id-1',
        client_secret: 'client-secret-1',
        refresh_token: 'refresh-1',
      },
    ]);
    expect(await store.getInstallation(PORTAL)).toMatchObject({
      accessToken: 'access-1',
      refreshToken: 'refresh-2',
      expiresAt: now() + 1_800_000,
    });
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-1');
  });

  it('keeps the refresh token it has when a refresh answer leaves it out', async () => {
    const { oauth, store, advance } = await installed();
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(contractReply(200, tokenReply('access-1', { refresh_token: undefined })));
    advance(1_800_000 - REFRESH_AHEAD_MS);
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-1');
    expect((await store.getInstallation(PORTAL))?.refreshToken).toBe('refresh-1');
  });

  it('purges the portal and says it is uninstalled when HubSpot refuses the refresh token', async () => {
    const { oauth, store, advance, forgotten, logs } = await installed();
    await store.saveAccountState(PORTAL, '9001', { score: { value: 40, at: T0 } });
    await store.setBackfillProgress({ portalId: PORTAL, scored: 1, total: 2, startedAt: T0 });
    nock(API).post('/oauth/2026-09/token').reply(contractReply(400, badRefreshToken));

    advance(1_800_000 - REFRESH_AHEAD_MS);
    const first = oauth.accessToken(PORTAL);
    const concurrent = oauth.accessToken(PORTAL);

    await expect(first).rejects.toBeInstanceOf(PortalUninstalledError);
    await expect(first).rejects.toMatchObject({ portalId: PORTAL, purged: true, status: 410 });
    await expect(concurrent).rejects.toBeInstanceOf(PortalUninstalledError);
    expect(await store.getInstallation(PORTAL)).toBeNull();
    expect(await store.getAccountState(PORTAL, '9001')).toBeNull();
    expect(await store.listBackfillProgress()).toEqual([]);
    expect(forgotten).toEqual([PORTAL]);
    expect(logs.join('')).not.toMatch(/refresh-1|access-0/);
    await expect(oauth.accessToken(PORTAL)).rejects.toMatchObject({ purged: false });
  });

  it('says a portal without installation is not installed, without calling HubSpot', async () => {
    const { oauth } = await harness();
    const token = oauth.accessToken(4242);
    await expect(token).rejects.toBeInstanceOf(PortalUninstalledError);
    await expect(token).rejects.toThrow(/Portal 4242 has not installed the app/);
  });

  it('keeps using a still-valid token when HubSpot’s token endpoint fails for a while', async () => {
    const { oauth, advance, logs } = await installed();
    const unavailable = { message: 'unavailable', category: 'INTERNAL_ERROR', correlationId: CORRELATION_ID };
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(contractReply(503, unavailable))
      .post('/oauth/2026-09/token')
      .reply(contractReply(200, tokenReply('access-1')));

    advance(1_800_000 - REFRESH_AHEAD_MS);
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-0');
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-0');
    expect(logs.join('')).toContain('HubSpot token refresh failed; using the current token a while longer');

    advance(30_000);
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-1');
  });
});

describe('onTokenRejected', () => {
  it('refreshes now even though the token looks fresh', async () => {
    const { oauth } = await installed();
    await oauth.accessToken(PORTAL);
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(contractReply(200, tokenReply('access-1')));
    await oauth.onTokenRejected(PORTAL);
    await expect(oauth.accessToken(PORTAL)).resolves.toBe('access-1');
  });

  it('fails with the token endpoint’s error rather than hand back the rejected token', async () => {
    const { oauth } = await installed();
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(contractReply(502, { message: 'bad gateway', category: 'INTERNAL_ERROR', correlationId: CORRELATION_ID }));
    await expect(oauth.onTokenRejected(PORTAL)).rejects.toMatchObject({ code: 'token_endpoint', status: 502 });
  });
});

describe('uninstall', () => {
  it('deletes the portal’s tokens and data and tells whoever holds a client for it', async () => {
    const { oauth, store, forgotten } = await installed();
    await oauth.accessToken(PORTAL);
    await expect(oauth.uninstall(PORTAL)).resolves.toBe(true);
    expect(await store.getInstallation(PORTAL)).toBeNull();
    expect(forgotten).toEqual([PORTAL]);
    await expect(oauth.accessToken(PORTAL)).rejects.toBeInstanceOf(PortalUninstalledError);
    await expect(oauth.uninstall(PORTAL)).resolves.toBe(false);
  });
});
