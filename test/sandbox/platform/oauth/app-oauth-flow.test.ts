import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { createRateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import { createOAuth } from '../../../../src/adapters/hubspot/oauth/create-oauth.ts';
import { PortalUninstalledError } from '../../../../src/adapters/hubspot/oauth/portal-uninstalled-error.ts';
import { uninstallFromHubSpot } from '../../../../src/adapters/hubspot/oauth/uninstall-from-hubspot.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { openSqliteStore } from '../../../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../../../src/store/store.ts';
import { checkExchange } from '../../../helpers/hubspot-contract.ts';
import { APP, type Harness, PORTAL, startRegistry } from './fixtures.ts';

/** The app's fetch, with each exchange checked against HubSpot's specs. */
function checkedFetch(seen: string[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(String(input));
    const text = await response.clone().text();
    checkExchange({
      method: init?.method ?? 'GET',
      url: url.pathname + url.search,
      requestBody: typeof init?.body === 'string' ? init.body : undefined,
      requestContentType: new Headers(init?.headers).get('content-type') ?? undefined,
      status: response.status,
      responseBody: text === '' ? undefined : JSON.parse(text),
    });
    seen.push(`${init?.method ?? 'GET'} ${url.pathname} ${response.status}`);
    return response;
  };
}

describe('the app’s own OAuth code against the sandbox', () => {
  let h: Harness;
  let store: Store;
  beforeEach(async () => {
    h = await startRegistry();
    store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 3), now: h.now });
  });
  afterEach(async () => {
    await store.close();
    await h.close();
  });

  function appOAuth(seen: string[]) {
    return createOAuth({
      env: {
        HUBSPOT_CLIENT_ID: APP.clientId,
        HUBSPOT_CLIENT_SECRET: APP.clientSecret,
        HUBSPOT_API_BASE_URL: h.base,
        HUBSPOT_AUTH_BASE_URL: h.base,
        PUBLIC_BASE_URL: 'https://churn.example.com',
      },
      store,
      logger: createLogger({ level: 'silent' }),
      now: h.now,
      fetch: checkedFetch(seen),
    });
  }

  it('installs through the authorize redirect, refreshes after 25 minutes, and uninstalls', async () => {
    const seen: string[] = [];
    const oauth = appOAuth(seen);

    const page = await fetch(await oauth.authorizeUrl('/status'), { redirect: 'manual' });
    expect(page.status).toBe(302);
    const callback = new URL(page.headers.get('location') ?? '');
    const installed = await oauth.completeInstall({
      code: callback.searchParams.get('code'),
      state: callback.searchParams.get('state'),
    });
    expect(installed).toMatchObject({ portalId: PORTAL, returnTo: '/status' });
    expect(installed.scopes).toEqual([...APP.scopes, ...APP.optionalScopes]);

    const first = await oauth.accessToken(PORTAL);
    expect(h.registry.portalFor(first)).toEqual({ portalId: PORTAL, appId: APP.appId });
    h.advance(25 * 60_000);
    const second = await oauth.accessToken(PORTAL);
    expect(second).not.toBe(first);
    expect(h.registry.portalFor(second)).toEqual({ portalId: PORTAL, appId: APP.appId });
    expect(seen).toEqual(['POST /oauth/2026-09/token 200', 'POST /oauth/2026-09/token 200']);

    const api = createHubSpotApi({
      baseUrl: h.base,
      accessToken: (portalId) => oauth.accessToken(portalId),
      limiter: createRateLimiter(),
      logger: createLogger({ level: 'silent' }),
    });
    await uninstallFromHubSpot(api, oauth, PORTAL);
    expect(h.registry.isInstalled(PORTAL, APP.appId)).toBe(false);
    expect(await store.getInstallation(PORTAL)).toBeNull();
  });

  it('purges the portal when the sandbox refuses the refresh token of an uninstalled app', async () => {
    const seen: string[] = [];
    const oauth = appOAuth(seen);
    const page = await fetch(await oauth.authorizeUrl(), { redirect: 'manual' });
    const callback = new URL(page.headers.get('location') ?? '');
    await oauth.completeInstall({ code: callback.searchParams.get('code'), state: callback.searchParams.get('state') });

    h.registry.uninstall(PORTAL, APP.appId);
    h.advance(26 * 60_000);

    const refused = oauth.accessToken(PORTAL);
    await expect(refused).rejects.toBeInstanceOf(PortalUninstalledError);
    await expect(refused).rejects.toMatchObject({ purged: true });
    expect(seen.at(-1)).toBe('POST /oauth/2026-09/token 400');
    expect(await store.getInstallation(PORTAL)).toBeNull();
  });
});
