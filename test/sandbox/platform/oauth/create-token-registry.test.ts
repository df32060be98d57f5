import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../../../../src/sandbox/platform/oauth/create-token-registry.ts';
import { call, field } from '../serve.ts';
import {
  APP,
  authorize,
  CALLBACK,
  codeGrant,
  type Harness,
  installUrl,
  OTHER_APP,
  PORTAL,
  startRegistry,
  T0,
} from './fixtures.ts';

const TOKEN = '/oauth/2026-09/token';

let h: Harness;
beforeEach(async () => {
  h = await startRegistry();
});
afterEach(() => h.close());

describe('GET /oauth/authorize', () => {
  it('approves for the configured portal: 302 to the redirect URI with a code and the state', async () => {
    const res = await fetch(installUrl(h.base), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f-]{36}$/);
    expect(location.searchParams.get('state')).toBe('state-1');
  });

  it('shows an error page, without redirecting, for an unknown client id or a foreign redirect URI', async () => {
    const cases: Record<string, string>[] = [{ client_id: 'nope' }, { redirect_uri: 'https://evil.example/cb' }];
    for (const over of cases) {
      const res = await fetch(installUrl(h.base, over), { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toMatch(/Authorization failed/);
    }
  });

  it('redirects with invalid_scope when the scopes are not the app’s', async () => {
    for (const over of [{ scope: 'oauth' }, { scope: `${APP.scopes.join(' ')} crm.objects.deals.write` }]) {
      const res = await fetch(installUrl(h.base, over), { redirect: 'manual' });
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe('invalid_scope');
      expect(location.searchParams.get('state')).toBe('state-1');
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  it('refuses installs while no portal is configured', async () => {
    h.registry.setInstallPortal(null);
    const res = await fetch(installUrl(h.base), { redirect: 'manual' });
    expect(res.status).toBe(400);
  });
});

describe('POST /oauth/2026-09/token/introspect', () => {
  it('names the portal, domain and scopes behind an access token of the calling app', async () => {
    const grant = await call(h.base, 'POST', TOKEN, { form: codeGrant(await authorize(h.base)) });
    const form = {
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      token: field(grant.body, 'access_token'),
      token_type_hint: 'access_token',
    };
    const res = await call(h.base, 'POST', '/oauth/2026-09/token/introspect', { form });
    expect(res).toMatchObject({
      status: 200,
      body: { active: true, hub_id: PORTAL, hub_domain: `demo-${PORTAL}.hubspot.test`, app_id: APP.appId },
    });

    const foreign = { ...form, client_id: OTHER_APP.clientId, client_secret: OTHER_APP.clientSecret };
    expect((await call(h.base, 'POST', '/oauth/2026-09/token/introspect', { form: foreign })).body).toEqual({
      active: false,
    });
    h.advance(1_800_000);
    expect((await call(h.base, 'POST', '/oauth/2026-09/token/introspect', { form })).body).toEqual({ active: false });
    const badSecret = { ...form, client_secret: 'wrong' };
    expect((await call(h.base, 'POST', '/oauth/2026-09/token/introspect', { form: badSecret })).status).toBe(400);
  });
});

describe('DELETE /appinstalls/2026-09/external-install', () => {
  it('uninstalls the app from the token’s portal: 204, tokens revoked, APP_UNINSTALL recorded', async () => {
    const events: LifecycleEvent[] = [];
    h.registry.onLifecycle((event) => events.push(event));
    const grant = await call(h.base, 'POST', TOKEN, { form: codeGrant(await authorize(h.base)) });
    const token = field(grant.body, 'access_token');
    expect(h.registry.installedApps(PORTAL)).toEqual([APP.appId]);

    const res = await call(h.base, 'DELETE', '/appinstalls/2026-09/external-install', { token });
    expect(res).toMatchObject({ status: 204, body: '' });
    expect(h.registry.portalFor(token)).toBeNull();
    expect(h.registry.isInstalled(PORTAL, APP.appId)).toBe(false);
    expect(events).toEqual([
      { action: 'APP_INSTALL', portalId: PORTAL, appId: APP.appId, occurredAt: T0 },
      { action: 'APP_UNINSTALL', portalId: PORTAL, appId: APP.appId, occurredAt: T0 },
    ]);

    const refresh = await call(h.base, 'POST', TOKEN, {
      form: {
        grant_type: 'refresh_token',
        client_id: APP.clientId,
        client_secret: APP.clientSecret,
        refresh_token: field(grant.body, 'refresh_token'),
      },
    });
    expect(refresh.body).toMatchObject({ status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant' });
  });

  it('answers 401 with HubSpot’s error body without a valid token', async () => {
    for (const token of [undefined, 'unknown-token']) {
      const res = await call(h.base, 'DELETE', '/appinstalls/2026-09/external-install', token ? { token } : {});
      expect(res).toMatchObject({ status: 401, body: { status: 'error', category: 'INVALID_AUTHENTICATION' } });
    }
  });
});

describe('install (no browser)', () => {
  it('hands out working tokens and refuses apps it does not know', () => {
    const tokens = h.registry.install(PORTAL, APP.appId);
    expect(h.registry.portalFor(tokens.accessToken)).toEqual({ portalId: PORTAL, appId: APP.appId });
    expect(() => h.registry.install(PORTAL, 1)).toThrow(/no sandbox app 1/);
  });
});
