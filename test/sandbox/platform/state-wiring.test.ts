import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOwnWrite } from '../../../src/http/is-own-write.ts';
import { createSandbox } from '../../../src/sandbox/create-sandbox.ts';
import { createPlatform, type Platform } from '../../../src/sandbox/platform/create-platform.ts';
import { LIFECYCLE_EVENT_TYPES } from '../../../src/sandbox/platform/journal/subscription-request.ts';
import { integrationSource } from '../../../src/sandbox/state/sandbox-change.ts';
import { createSandboxState } from '../../../src/sandbox/state/sandbox-state.ts';
import { APP, PORTAL, T0 } from './oauth/fixtures.ts';
import { call } from './serve.ts';
import { type Receiver, startReceiver } from './webhooks/receiver.ts';

let receiver: Receiver;
let platform: Platform;
const now = () => T0;

beforeEach(async () => {
  receiver = await startReceiver({ secret: APP.clientSecret, now });
  platform = createPlatform({
    now,
    apps: [APP],
    webhooks: [{ appId: APP.appId, targetUrl: receiver.url, autoFlushMs: null }],
  });
});
afterEach(async () => {
  platform.close();
  await receiver.close();
});

describe('the platform listening to the sandbox state', () => {
  it('turns the state’s writes into signed webhooks and journal entries, the app’s own marked as such', async () => {
    const state = createSandboxState({ now });
    state.onChange(platform.onChange);
    // The journal records what the app subscribed to (the app creates these: ensure-journal-subscriptions.ts).
    const lifecycle = { subscriptionType: 'APP_LIFECYCLE_EVENT', properties: [] };
    platform.journal.subscribe(APP.appId, { ...lifecycle, eventTypeId: LIFECYCLE_EVENT_TYPES.APP_INSTALL });
    platform.registry.install(PORTAL, APP.appId);
    const contacts = { portalId: PORTAL, objectTypeId: '0-1', objectIds: [] };
    platform.journal.subscribe(APP.appId, {
      ...contacts,
      subscriptionType: 'OBJECT',
      actions: ['CREATE', 'UPDATE'],
      properties: ['jobtitle'],
    });
    platform.journal.subscribe(APP.appId, {
      ...contacts,
      subscriptionType: 'ASSOCIATION',
      actions: ['ASSOCIATION_ADDED'],
      associatedObjectTypeIds: ['0-2'],
    });
    const portal = state.ensurePortal(PORTAL);

    const company = portal.create('companies', { name: 'Acme' });
    const contact = portal.create('contacts', { jobtitle: 'VP Operations' });
    portal.associate({ type: 'contacts', id: contact.id }, { type: 'companies', id: company.id });
    portal.update('contacts', contact.id, { jobtitle: 'Advisor' }, integrationSource(APP.appId));
    await platform.idle();

    expect(receiver.rejected).toEqual([]);
    const events = receiver.deliveries.flatMap((d) => d.events);
    const types = events.map((e) => e.subscriptionType);
    expect(types).toContain('company.creation');
    expect(types).toContain('contact.creation');
    expect(events.filter((e) => e.subscriptionType.endsWith('associationChange'))).toMatchObject([
      {
        subscriptionType: 'contact.associationChange',
        associationType: 'CONTACT_TO_COMPANY',
        associationRemoved: false,
      },
      {
        subscriptionType: 'company.associationChange',
        associationType: 'COMPANY_TO_CONTACT',
        associationRemoved: false,
      },
    ]);
    const retitled = events.filter(
      (e) => e.subscriptionType === 'contact.propertyChange' && e.propertyName === 'jobtitle',
    );
    expect(retitled).toMatchObject([
      { propertyName: 'jobtitle', propertyValue: 'Advisor', changeSource: 'INTEGRATION' },
    ]);
    expect(retitled.every((e) => isOwnWrite(e, APP.appId))).toBe(true);

    const actions = platform.journal.entries(APP.appId, PORTAL).map((e) => e.events[0]?.action);
    expect(actions[0]).toBe('APP_INSTALL');
    expect(actions).toContain('ASSOCIATION_ADDED');
    expect(actions.at(-1)).toBe('UPDATE');
  });
});

describe('the platform in createSandbox', () => {
  it('counts CRM calls against the portal’s limit and answers 401 once the app is uninstalled', async () => {
    const state = createSandboxState({ now });
    const company = state.ensurePortal(PORTAL).create('companies', { name: 'Acme' });
    const server = createSandbox({ state, auth: platform.auth, middleware: platform.middleware }).listen(
      0,
      '127.0.0.1',
    );
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const token = platform.registry.install(PORTAL, APP.appId).accessToken;
      const path = `/crm/objects/2026-09/companies/${company.id}`;
      const read = await call(base, 'GET', path, { token });
      expect(read.status).toBe(200);
      expect(read.headers.get('x-hubspot-ratelimit-remaining')).toBe('109');

      expect((await call(base, 'DELETE', '/appinstalls/2026-09/external-install', { token })).status).toBe(204);
      expect(await call(base, 'GET', path, { token })).toMatchObject({
        status: 401,
        body: { category: 'INVALID_AUTHENTICATION' },
      });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
