import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, field } from '../serve.ts';
import { APP, authorize, codeGrant, type Harness, OTHER_APP, PORTAL, startRegistry } from './fixtures.ts';

const TOKEN = '/oauth/2026-09/token';

let h: Harness;
beforeEach(async () => {
  h = await startRegistry();
});
afterEach(() => h.close());

describe('POST /oauth/2026-09/token', () => {
  it('exchanges a code for 30-minute tokens naming the portal and the granted scopes', async () => {
    const res = await call(h.base, 'POST', TOKEN, { form: codeGrant(await authorize(h.base)) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 1800,
      hub_id: PORTAL,
      scopes: [...APP.scopes, ...APP.optionalScopes],
      token_use: 'access_token',
    });
    const access = field(res.body, 'access_token');
    expect(h.registry.portalFor(access)).toEqual({ portalId: PORTAL, appId: APP.appId });
    expect(field(res.body, 'refresh_token')).toMatch(/^na1-/);
  });

  it('grants only the required scopes when the portal cannot grant the optional ones', async () => {
    h.registry.setInstallPortal({ portalId: PORTAL, grantsOptionalScopes: false });
    const res = await call(h.base, 'POST', TOKEN, { form: codeGrant(await authorize(h.base)) });
    expect(res.body).toMatchObject({ scopes: APP.scopes });
  });

  it('takes each code once, within 10 minutes, with the redirect URI it was issued for', async () => {
    const code = await authorize(h.base);
    expect((await call(h.base, 'POST', TOKEN, { form: codeGrant(code) })).status).toBe(200);
    const reused = await call(h.base, 'POST', TOKEN, { form: codeGrant(code) });
    expect(reused).toMatchObject({ status: 400, body: { status: 'BAD_AUTH_CODE', error: 'invalid_grant' } });

    const late = await authorize(h.base);
    h.advance(10 * 60_000);
    expect((await call(h.base, 'POST', TOKEN, { form: codeGrant(late) })).body).toMatchObject({
      status: 'BAD_AUTH_CODE',
    });

    const elsewhere = codeGrant(await authorize(h.base), { redirect_uri: 'https://churn.example.com/other' });
    expect((await call(h.base, 'POST', TOKEN, { form: elsewhere })).body).toMatchObject({
      status: 'BAD_REDIRECT_URI',
      category: 'BAD_REDIRECT_URI',
    });
  });

  it('refuses unknown clients, wrong secrets, other apps’ codes and unsupported grants', async () => {
    const code = await authorize(h.base);
    const cases: [Record<string, string>, string, string][] = [
      [codeGrant(code, { client_id: 'nope' }), 'BAD_CLIENT_ID', 'invalid_client'],
      [codeGrant(code, { client_secret: 'wrong' }), 'BAD_CLIENT_SECRET', 'invalid_client'],
      [
        codeGrant(code, { client_id: OTHER_APP.clientId, client_secret: OTHER_APP.clientSecret }),
        'BAD_AUTH_CODE',
        'invalid_grant',
      ],
      [codeGrant(code, { grant_type: 'client_credentials' }), 'BAD_GRANT_TYPE', 'unsupported_grant_type'],
      [codeGrant('', { code: '' }), 'BAD_REQUEST', 'invalid_request'],
    ];
    for (const [form, status, error] of cases) {
      // An unsupported grant_type is outside the spec's request schema: only the answer could be checked.
      const res = await call(h.base, 'POST', TOKEN, { form, contract: status !== 'BAD_GRANT_TYPE' });
      expect(res).toMatchObject({ status: 400, body: { status, error, category: status } });
      expect(field(res.body, 'correlationId')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('refreshes into a new access token, keeping the refresh token; tokens expire after 30 minutes', async () => {
    const grant = await call(h.base, 'POST', TOKEN, { form: codeGrant(await authorize(h.base)) });
    const first = field(grant.body, 'access_token');
    const refreshToken = field(grant.body, 'refresh_token');

    h.advance(1_800_000);
    expect(h.registry.portalFor(first)).toBeNull();
    expect(h.registry.authFailure(first).category).toBe('EXPIRED_AUTHENTICATION');

    const form = {
      grant_type: 'refresh_token',
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      refresh_token: refreshToken,
    };
    const refreshed = await call(h.base, 'POST', TOKEN, { form });
    expect(refreshed.body).toMatchObject({ refresh_token: refreshToken, expires_in: 1800, hub_id: PORTAL });
    const second = field(refreshed.body, 'access_token');
    expect(second).not.toBe(first);
    expect(h.registry.portalFor(second)).toEqual({ portalId: PORTAL, appId: APP.appId });

    const unknown = await call(h.base, 'POST', TOKEN, { form: { ...form, refresh_token: 'na1-nope' } });
    expect(unknown.body).toMatchObject({ status: 'BAD_REFRESH_TOKEN', error: 'invalid_grant' });
  });
});

describe('POST /oauth/v1/token', () => {
  it('answers the spec’s AccessTokenResponse, and takes the secret and refresh token in the query', async () => {
    const grant = await call(h.base, 'POST', '/oauth/v1/token', { form: codeGrant(await authorize(h.base)) });
    expect(grant.body).toMatchObject({ token_use: 'access_token', expires_in: 1800, hub_id: PORTAL });

    const query = `client_secret=${APP.clientSecret}&refresh_token=${field(grant.body, 'refresh_token')}`;
    const refreshed = await call(h.base, 'POST', `/oauth/v1/token?${query}`, {
      form: { grant_type: 'refresh_token', client_id: APP.clientId },
    });
    expect(refreshed.status).toBe(200);
  });

  it('issues client-credentials tokens for the Webhooks Journal, which act for no portal', async () => {
    const res = await call(h.base, 'POST', '/oauth/v1/token', {
      form: { grant_type: 'client_credentials', client_id: APP.clientId, client_secret: APP.clientSecret },
    });
    expect(res.body).toMatchObject({ token_use: 'client_credentials', scopes: ['developer.webhooks_journal.read'] });
    const token = field(res.body, 'access_token');
    expect(h.registry.appFor(token)).toEqual({ appId: APP.appId, scopes: ['developer.webhooks_journal.read'] });
    expect(h.registry.portalFor(token)).toBeNull();
  });
});
