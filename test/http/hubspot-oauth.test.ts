import { afterEach, describe, expect, it } from 'vitest';
import { HubSpotApiError } from '../../src/adapters/hubspot/client/hubspot-error.ts';
import { OAuthError } from '../../src/adapters/hubspot/oauth/oauth-error.ts';
import { fakeOAuth, startServer, type TestServer } from './server.ts';

/** What the OAuth flow throws for an unknown, expired or reused state: status 400. */
function stateError(): Error {
  return new OAuthError('invalid_state', 'this install link has expired or was already used: start the install again');
}

describe('OAuth routes', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('redirects /install to the authorize URL', async () => {
    let calls = 0;
    server = await startServer({
      oauth: fakeOAuth({
        authorizeUrl: async () => {
          calls++;
          return 'https://app.hubspot.com/oauth/authorize?client_id=abc&scope=crm.objects.companies.read&state=s-1';
        },
      }),
    });
    const res = await fetch(`${server.base}/oauth/hubspot/install`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      'https://app.hubspot.com/oauth/authorize?client_id=abc&scope=crm.objects.companies.read&state=s-1',
    );
    expect(calls).toBe(1);
  });

  it('completes the install, starts provisioning and says where to follow progress', async () => {
    const received: unknown[] = [];
    server = await startServer({
      oauth: fakeOAuth({
        completeInstall: async (input) => {
          received.push(input);
          return { portalId: 24051987 };
        },
      }),
    });
    const res = await fetch(`${server.base}/oauth/hubspot/callback?code=c0de&state=s-1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('Churn Signals is installed for portal 24051987; scoring your companies now.');
    expect(page).toContain('https://churn.example.com/status');
    expect(received).toEqual([{ code: 'c0de', state: 's-1' }]);
    expect(server.installed).toEqual([24051987]);
  });

  it('shows a bad state with its status (400) and does not provision', async () => {
    server = await startServer({
      oauth: fakeOAuth({
        completeInstall: async () => {
          throw stateError();
        },
      }),
    });
    const res = await fetch(`${server.base}/oauth/hubspot/callback?code=c0de&state=forged`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('this install link has expired or was already used: start the install again');
    expect(server.installed).toEqual([]);
  });

  it('still shows the installed page when provisioning cannot be started, and logs why', async () => {
    server = await startServer({
      onInstalled: () => {
        throw new Error('worker queue closed');
      },
    });
    const res = await fetch(`${server.base}/oauth/hubspot/callback?code=c0de&state=s-1`);
    expect(res.status).toBe(200);
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        level: 50,
        portalId: 101,
        err: expect.objectContaining({ message: 'worker queue closed' }),
      }),
    );
  });

  it("shows HubSpot's error parameter (the admin declined) with 400, escaped", async () => {
    server = await startServer();
    const res = await fetch(
      `${server.base}/oauth/hubspot/callback?error=access_denied&error_description=${encodeURIComponent('User <b>declined</b>')}`,
    );
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('HubSpot did not authorize the app: User &lt;b&gt;declined&lt;/b&gt; (access_denied)');
    expect(page).not.toContain('<b>declined');
    expect(server.installed).toEqual([]);
  });

  it('refuses a callback without its code with 400', async () => {
    server = await startServer();
    const res = await fetch(`${server.base}/oauth/hubspot/callback?state=s-1`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('the callback misses its code parameter');
  });

  it('answers 502 when HubSpot fails during the exchange, without taking its status as ours', async () => {
    server = await startServer({
      oauth: fakeOAuth({
        completeInstall: async () => {
          throw new HubSpotApiError(
            {
              kind: 'not_found',
              status: 404,
              category: 'OBJECT_NOT_FOUND',
              subCategory: null,
              policyName: null,
              correlationId: 'c033cdaa',
              requiredScopes: [],
              retryable: false,
              retryAfterMs: null,
            },
            {
              portalId: 0,
              method: 'GET',
              path: '/oauth/v1/access-tokens',
              baseUrl: 'https://api.hubapi.com',
              attempts: 1,
            },
          );
        },
      }),
    });
    const res = await fetch(`${server.base}/oauth/hubspot/callback?code=c0de&state=s-1`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain('HubSpot correlation id c033cdaa');
  });

  it('answers an unexpected failure with a 500 page that hides the error and logs it with the request id', async () => {
    server = await startServer({
      oauth: fakeOAuth({
        completeInstall: async () => {
          throw new Error('SQLITE_BUSY: database is locked');
        },
      }),
    });
    const res = await fetch(`${server.base}/oauth/hubspot/callback?code=c0de&state=s-1`);
    expect(res.status).toBe(500);
    const page = await res.text();
    expect(page).not.toContain('SQLITE_BUSY');
    const requestId = res.headers.get('x-request-id');
    expect(page).toContain(`Request id: ${requestId}`);
    expect(server.logs).toContainEqual(
      expect.objectContaining({
        requestId,
        level: 50,
        err: expect.objectContaining({ message: 'SQLITE_BUSY: database is locked', stack: expect.any(String) }),
      }),
    );
  });

  it('never logs the code or the state (the path only)', async () => {
    server = await startServer();
    await fetch(`${server.base}/oauth/hubspot/callback?code=secret-code&state=secret-state`);
    expect(JSON.stringify(server.logs)).not.toMatch(/secret-(code|state)/);
  });
});
