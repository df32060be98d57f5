import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createHubSpotApi } from '../../../../src/adapters/hubspot/client/hubspot-api.ts';
import { HubSpotApiError } from '../../../../src/adapters/hubspot/client/hubspot-error.ts';
import { createRateLimiter } from '../../../../src/adapters/hubspot/client/rate-limiter.ts';
import { createOAuth } from '../../../../src/adapters/hubspot/oauth/create-oauth.ts';
import { PortalUninstalledError } from '../../../../src/adapters/hubspot/oauth/portal-uninstalled-error.ts';
import { uninstallFromHubSpot } from '../../../../src/adapters/hubspot/oauth/uninstall-from-hubspot.ts';
import { createLogger } from '../../../../src/log/create-logger.ts';
import { openSqliteStore } from '../../../../src/store/sqlite/open-sqlite-store.ts';
import { contractReply } from '../../../helpers/hubspot-contract.ts';
import { useStrictNock } from '../../../helpers/strict-nock.ts';

const API = 'https://api.hubspot.test';
const T0 = Date.parse('2026-11-15T12:00:00.000Z');
const AT = '2026-11-15T12:00:00.000Z';
const PORTAL = 62515;
const CORRELATION_ID = 'aeb5f871-7f07-4993-9211-075dc63e7cbf';
const error = (category: string) => ({ message: 'failed', category, correlationId: CORRELATION_ID });

/** The API client wired to the OAuth tokens, as the server does: the client asks for tokens and reports 401s. */
async function wired() {
  let clock = T0;
  const now = () => clock;
  const sleep = async (ms: number) => {
    clock += ms;
  };
  const store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 3), now });
  await store.saveInstallation({
    portalId: PORTAL,
    accessToken: 'access-0',
    refreshToken: 'refresh-1',
    expiresAt: T0 + 1_800_000,
    scopes: ['oauth'],
    installedAt: T0,
  });
  const logger = createLogger({ level: 'silent' });
  const forgotten: number[] = [];
  const oauth = createOAuth({
    env: {
      HUBSPOT_CLIENT_ID: 'client-id-1',
      HUBSPOT_CLIENT_SECRET: 'client-secret-1',
      HUBSPOT_API_BASE_URL: API,
      HUBSPOT_AUTH_BASE_URL: 'https://app.hubspot.test',
      PUBLIC_BASE_URL: 'https://churn.example.com',
    },
    store,
    logger,
    now,
    onUninstalled: (portalId) => forgotten.push(portalId),
  });
  const api = createHubSpotApi({
    baseUrl: API,
    accessToken: oauth.accessToken,
    onTokenRejected: oauth.onTokenRejected,
    limiter: createRateLimiter({ now, sleep }),
    logger,
    sleep,
    now,
    random: () => 0.5,
    retry: { attempts: 2 },
  });
  return { api, oauth, store, forgotten };
}

const bearer = (token: string) => ({ reqheaders: { authorization: `Bearer ${token}` } });

useStrictNock();

describe('the API client on OAuth tokens', () => {
  it('refreshes once after a 401 and sends again with the new token', async () => {
    const { api } = await wired();
    const company = { id: '9001', properties: { name: 'Acme' }, createdAt: AT, updatedAt: AT, archived: false };
    nock(API, bearer('access-0'))
      .get('/crm/objects/2026-09/companies/9001')
      .reply(contractReply(401, error('EXPIRED_AUTHENTICATION')));
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(
        contractReply(200, {
          token_type: 'bearer',
          access_token: 'access-1',
          refresh_token: 'refresh-1',
          expires_in: 1800,
          hub_id: PORTAL,
        }),
      );
    nock(API, bearer('access-1')).get('/crm/objects/2026-09/companies/9001').reply(contractReply(200, company));

    await expect(api.request(PORTAL, { method: 'GET', path: '/crm/objects/2026-09/companies/9001' })).resolves.toEqual(
      company,
    );
  });
});

describe('uninstallFromHubSpot', () => {
  it('uninstalls the app in HubSpot, then deletes the portal’s data', async () => {
    const { api, oauth, store, forgotten } = await wired();
    nock(API, bearer('access-0')).delete('/appinstalls/2026-09/external-install').reply(contractReply(204));

    await uninstallFromHubSpot(api, oauth, PORTAL);

    expect(await store.getInstallation(PORTAL)).toBeNull();
    expect(forgotten).toEqual([PORTAL]);
  });

  it('still deletes the local data when HubSpot no longer knows the installation', async () => {
    const { api, oauth, store } = await wired();
    nock(API)
      .delete('/appinstalls/2026-09/external-install')
      .reply(contractReply(404, error('OBJECT_NOT_FOUND')));
    await uninstallFromHubSpot(api, oauth, PORTAL);
    expect(await store.getInstallation(PORTAL)).toBeNull();
  });

  it('deletes nothing when HubSpot could not be told', async () => {
    const { api, oauth, store } = await wired();
    nock(API)
      .delete('/appinstalls/2026-09/external-install')
      .times(2)
      .reply(contractReply(503, error('INTERNAL_ERROR')));
    await expect(uninstallFromHubSpot(api, oauth, PORTAL)).rejects.toBeInstanceOf(HubSpotApiError);
    expect(await store.getInstallation(PORTAL)).not.toBeNull();
  });

  it('ends with the portal purged when the refresh token was already revoked', async () => {
    const { api, oauth, store } = await wired();
    nock(API)
      .delete('/appinstalls/2026-09/external-install')
      .reply(contractReply(401, error('INVALID_AUTHENTICATION')));
    nock(API)
      .post('/oauth/2026-09/token')
      .reply(
        contractReply(400, { ...error('BAD_REFRESH_TOKEN'), error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' }),
      );

    await uninstallFromHubSpot(api, oauth, PORTAL);

    expect(await store.getInstallation(PORTAL)).toBeNull();
    await expect(oauth.accessToken(PORTAL)).rejects.toBeInstanceOf(PortalUninstalledError);
  });
});
