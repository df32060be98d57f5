import type { Request, Response } from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlatform, type Platform } from '../../../src/sandbox/platform/create-platform.ts';
import { LIFECYCLE_EVENT_TYPES } from '../../../src/sandbox/platform/journal/subscription-request.ts';
import { bearerToken } from '../../../src/sandbox/platform/oauth/bearer-access.ts';
import type { SandboxChange } from '../../../src/sandbox/platform/sandbox-change.ts';
import { APP, authorize, CALLBACK, PORTAL, T0 } from './oauth/fixtures.ts';
import { call, field, type Served, serve } from './serve.ts';
import { type Receiver, startReceiver } from './webhooks/receiver.ts';

const COMPANY = '/crm/objects/2026-09/companies/9120000001';
const ownerChange: SandboxChange = {
  objectType: 'companies',
  objectId: '9120000001',
  kind: 'propertyChange',
  propertyName: 'hubspot_owner_id',
  propertyValue: '81234567',
  changeSource: 'CRM_UI',
  occurredAt: T0,
};

let platform: Platform;
let receiver: Receiver;
let served: Served;

beforeEach(async () => {
  const now = () => T0;
  receiver = await startReceiver({ secret: APP.clientSecret, now });
  platform = createPlatform({
    now,
    apps: [APP],
    installPortal: { portalId: PORTAL },
    webhooks: [{ appId: APP.appId, targetUrl: receiver.url, autoFlushMs: null, sleep: async () => {} }],
  });
  // The journal records what the app subscribed to (the app creates these: ensure-journal-subscriptions.ts).
  for (const eventTypeId of Object.values(LIFECYCLE_EVENT_TYPES)) {
    platform.journal.subscribe(APP.appId, { subscriptionType: 'APP_LIFECYCLE_EVENT', eventTypeId, properties: [] });
  }
  // Stands for createSandbox's CRM routes, mounted after the platform's middleware.
  const crm = (req: Request, res: Response) => {
    const token = bearerToken(req);
    if (!token || !platform.auth.portalFor(token)) res.status(401).end();
    else res.status(299).end();
  };
  served = await serve(...platform.middleware, crm);
});
afterEach(async () => {
  platform.close();
  await served.close();
  await receiver.close();
});

async function install(): Promise<string> {
  const form = {
    grant_type: 'authorization_code',
    client_id: APP.clientId,
    client_secret: APP.clientSecret,
    redirect_uri: CALLBACK,
    code: await authorize(served.base),
  };
  return field((await call(served.base, 'POST', '/oauth/2026-09/token', { form })).body, 'access_token');
}

describe('createPlatform', () => {
  it('installs through OAuth, limits the portal, and reports changes as signed webhooks and in the journal', async () => {
    const token = await install();
    platform.journal.subscribe(APP.appId, {
      subscriptionType: 'OBJECT',
      portalId: PORTAL,
      objectTypeId: '0-2',
      actions: ['UPDATE'],
      objectIds: [],
      properties: ['hubspot_owner_id'],
    });
    for (let i = 0; i < 110; i++) {
      expect((await call(served.base, 'GET', COMPANY, { token, contract: false })).status).toBe(299);
    }
    expect((await call(served.base, 'GET', COMPANY, { token })).status).toBe(429);

    platform.onChange(PORTAL, ownerChange);
    await platform.idle();
    expect(receiver.rejected).toEqual([]);
    expect(receiver.deliveries[0]?.events).toMatchObject([
      { subscriptionType: 'company.propertyChange', propertyName: 'hubspot_owner_id', portalId: PORTAL },
    ]);
    expect(platform.journal.entries(APP.appId).map((e) => e.events[0]?.action)).toEqual(['APP_INSTALL', 'UPDATE']);
  });

  it('injects faults once configured', async () => {
    const token = await install();
    platform.faults.configure({ rules: [{ path: '/crm/**', serverError: 1, serverErrorStatuses: [502] }] });
    expect((await call(served.base, 'GET', COMPANY, { token })).status).toBe(502);
  });

  it('stops webhooks for a portal that uninstalled the app, and journals the uninstall', async () => {
    const token = await install();
    expect((await call(served.base, 'DELETE', '/appinstalls/2026-09/external-install', { token })).status).toBe(204);
    expect((await call(served.base, 'GET', COMPANY, { token, contract: false })).status).toBe(401);
    platform.onChange(PORTAL, ownerChange);
    await platform.idle();
    expect(receiver.deliveries).toEqual([]);
    expect(platform.journal.entries(APP.appId).map((e) => e.events[0]?.action)).toEqual([
      'APP_INSTALL',
      'APP_UNINSTALL',
    ]);
  });

  it('refuses webhooks for an app it does not know', () => {
    expect(() =>
      createPlatform({ now: () => T0, apps: [APP], webhooks: [{ appId: 1, targetUrl: 'http://x/' }] }),
    ).toThrow(/app 1/);
  });
});
