import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appJournalReader } from '../../src/adapters/hubspot/journal/app-journal-reader.ts';
import { appSubscriptions as hsmetaSubscriptions } from '../../src/adapters/hubspot/journal/app-subscriptions.ts';
import { journalSubscriptionRequests } from '../../src/adapters/hubspot/journal/journal-subscription-requests.ts';
import { toInboxEvent } from '../../src/http/to-inbox-event.ts';
import { type CatchUpDeps, catchUpPortal, JOURNAL_RETENTION_MS } from '../../src/pipeline/catch-up-portal.ts';
import { createPlatform, type Platform } from '../../src/sandbox/platform/create-platform.ts';
import { LIFECYCLE_EVENT_TYPES } from '../../src/sandbox/platform/journal/subscription-request.ts';
import type { SandboxChange } from '../../src/sandbox/platform/sandbox-change.ts';
import { toWebhookEvents } from '../../src/sandbox/platform/webhooks/to-webhook-events.ts';
import { subscriptionsFromHsmeta } from '../../src/sandbox/platform/webhooks/webhook-subscriptions.ts';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { createScratchDatabase, postgresUnavailable } from '../helpers/postgres.ts';
import { type Served, serve } from '../sandbox/platform/serve.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const KEY = Buffer.alloc(32, 9).toString('base64');
const APP = { appId: 5123456, clientId: 'cid', clientSecret: 'secret', redirectUris: ['https://x.example/cb'] };
const PORTAL = 24051987;
const UNKNOWN_OFFSET = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

type OpenStore = (now: () => number) => Promise<Store>;
const unavailable = await postgresUnavailable();
const STORES: [string, OpenStore | null][] = [
  ['SQLite', (now) => openSqliteStore({ path: ':memory:', encryptionKey: KEY, now })],
  [
    'PostgreSQL',
    unavailable
      ? null
      : async (now) => {
          const database = await createScratchDatabase();
          const store = await openPostgresStore({ url: database.url, encryptionKey: KEY, now });
          return Object.assign(Object.create(store) as Store, {
            async close() {
              await store.close();
              await database.drop();
            },
          });
        },
  ],
];

/** A change of a company's subscribed property (webhooks-hsmeta.json: numberofemployees). */
const employees = (companyId: string, value: string, over: Partial<SandboxChange> = {}): SandboxChange => ({
  objectType: 'companies',
  objectId: companyId,
  kind: 'propertyChange',
  propertyName: 'numberofemployees',
  propertyValue: value,
  changeSource: 'CRM_UI',
  occurredAt: T0 + Number(value),
  ...over,
});

describe.each(STORES)('catchUpPortal on %s', (_, open) => {
  let clock: number;
  let platform: Platform;
  let served: Served;
  let store: Store;
  let deps: CatchUpDeps & { reconcile: ReturnType<typeof vi.fn>; purge: ReturnType<typeof vi.fn> };

  const offsets = () => platform.journal.entries(APP.appId, PORTAL).map((e) => e.offset);
  const depth = async () => (await store.inboxStats()).depth;
  const queued = async () =>
    (await store.claim({ limit: 100, leaseMs: 60_000, now: clock, workerId: 'test' })).map(
      (e) => `${e.subscriptionType} ${e.objectId} ${e.propertyName}`,
    );
  /** Installs the app in the sandbox with the journal subscriptions the app makes at install. */
  const installInSandbox = () => {
    platform.registry.install(PORTAL, APP.appId);
    for (const request of journalSubscriptionRequests(PORTAL, hsmetaSubscriptions())) {
      platform.journal.subscribe(APP.appId, request);
    }
  };
  /** Installs the app in the sandbox (its journal records the portal from then on) and in the app's store. */
  const install = async (installedAt = clock) => {
    installInSandbox();
    await store.saveInstallation({
      portalId: PORTAL,
      accessToken: 'at',
      refreshToken: 'rt',
      expiresAt: clock + 30 * 60_000,
      scopes: ['oauth'],
      installedAt,
    });
  };

  beforeEach(async (context) => {
    if (!open) return context.skip(unavailable ?? 'no store');
    clock = T0;
    const now = () => clock;
    platform = createPlatform({ now, apps: [APP], limits: false });
    // The app subscribes to uninstalls; installs are journaled too here, to give the tests their starting offsets.
    for (const eventTypeId of Object.values(LIFECYCLE_EVENT_TYPES)) {
      platform.journal.subscribe(APP.appId, { subscriptionType: 'APP_LIFECYCLE_EVENT', eventTypeId, properties: [] });
    }
    served = await serve(...platform.middleware);
    store = await open(now);
    const env = {
      HUBSPOT_API_BASE_URL: served.base,
      HUBSPOT_CLIENT_ID: APP.clientId,
      HUBSPOT_CLIENT_SECRET: APP.clientSecret,
      HUBSPOT_APP_ID: APP.appId,
    };
    const logger = pino({ level: 'silent' });
    deps = {
      store,
      logger,
      now,
      journal: appJournalReader({ env, logger, now }),
      appId: APP.appId,
      reconcile: vi.fn(async () => {}),
      purge: vi.fn((portalId: number) => store.purgePortal(portalId)),
      pageSize: 2,
    };
  });
  afterEach(async () => {
    await store?.close();
    await served?.close();
  });

  it('without a stored offset, starts at the latest entry and replays nothing', async () => {
    await install();
    platform.journal.record(PORTAL, employees('9120000001', '10'));
    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'started', entries: 0 });
    expect(await store.getJournalOffset(PORTAL)).toBe(offsets().at(-1));
    expect(await depth()).toBe(0);
  });

  it('queues every subscribed change after the offset once, page by page, without the app’s own writes', async () => {
    await install();
    const [installEntry] = offsets();
    await store.setJournalOffset(PORTAL, installEntry as string);
    platform.journal.record(PORTAL, employees('9120000001', '10'));
    platform.journal.record(
      PORTAL,
      employees('9120000002', '20', { changeSource: 'INTEGRATION', sourceId: '5123456' }),
    );
    // Not a subscribed property: the journal does not record it.
    platform.journal.record(PORTAL, employees('9120000003', '30', { propertyName: 'name' }));
    platform.journal.record(PORTAL, employees('9120000004', '40'));
    platform.journal.record(PORTAL, employees('9120000005', '50'));

    const report = await catchUpPortal(deps, PORTAL);
    expect(report).toEqual({ outcome: 'caught_up', entries: 4, accepted: 3, duplicates: 0 });
    expect(await store.getJournalOffset(PORTAL)).toBe(offsets().at(-1));
    expect(await queued()).toEqual([
      'company.propertyChange 9120000001 numberofemployees',
      'company.propertyChange 9120000004 numberofemployees',
      'company.propertyChange 9120000005 numberofemployees',
    ]);
    expect(await catchUpPortal(deps, PORTAL)).toEqual({ outcome: 'caught_up', entries: 0, accepted: 0, duplicates: 0 });
  });

  it('stores a change once when its webhook arrived too: the same inbox key as the intake’s', async () => {
    await install();
    await store.setJournalOffset(PORTAL, offsets()[0] as string);
    const changes = [employees('9120000001', '10'), employees('9120000002', '20'), employees('9120000003', '30')];
    for (const change of changes) platform.journal.record(PORTAL, change);
    // What POST /webhooks/hubspot stored for the first two (src/http/routes/hubspot-webhooks.ts).
    let eventId = 1000;
    const delivered = changes.slice(0, 2).flatMap((change) =>
      toWebhookEvents(change, {
        portalId: PORTAL,
        appId: APP.appId,
        subscriptions: subscriptionsFromHsmeta(),
        nextEventId: () => eventId++,
      }),
    );
    expect(await store.enqueue(delivered.map(toInboxEvent))).toEqual({ accepted: 2, duplicates: 0 });

    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(await depth()).toBe(3);
  });

  it('stores the offset only after the events: a crash in between re-reads them, and they dedupe to nothing', async () => {
    await install();
    const start = offsets()[0] as string;
    await store.setJournalOffset(PORTAL, start);
    platform.journal.record(PORTAL, employees('9120000001', '10'));
    const crashing = {
      ...deps,
      store: Object.assign(Object.create(store) as Store, {
        setJournalOffset: async () => {
          throw new Error('the process died here');
        },
      }),
    };
    await expect(catchUpPortal(crashing, PORTAL)).rejects.toThrow('the process died here');
    expect(await depth()).toBe(1);
    expect(await store.getJournalOffset(PORTAL)).toBe(start);

    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ entries: 1, accepted: 0, duplicates: 1 });
    expect(await depth()).toBe(1);
    expect(await store.getJournalOffset(PORTAL)).toBe(offsets().at(-1));
  });

  it('on an expired offset (404), reconciles (re-scores) and restarts from the entry that was latest before it', async () => {
    await install();
    await store.setJournalOffset(PORTAL, UNKNOWN_OFFSET);
    platform.journal.record(PORTAL, employees('9120000001', '10'));
    const latestBefore = offsets().at(-1);
    // A change while the re-score runs: after the stored offset, so the next round reads it.
    deps.reconcile.mockImplementation(async () => platform.journal.record(PORTAL, employees('9120000002', '20')));

    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'reconciled', accepted: 0 });
    expect(deps.reconcile).toHaveBeenCalledExactlyOnceWith(PORTAL);
    expect(await store.getJournalOffset(PORTAL)).toBe(latestBefore);
    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'caught_up', entries: 1, accepted: 1 });
  });

  it('sees an offset expire after the journal’s 3 days of retention', async () => {
    await install();
    const [installEntry] = offsets();
    await store.setJournalOffset(PORTAL, installEntry as string);
    clock += JOURNAL_RETENTION_MS;
    platform.journal.record(PORTAL, employees('9120000001', '10'));
    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'reconciled' });
    expect(await store.getJournalOffset(PORTAL)).toBe(offsets().at(-1));
  });

  it('when the journal holds nothing for the portal, reads everything that comes later, until 3 days have passed', async () => {
    await store.saveInstallation({
      portalId: PORTAL,
      accessToken: 'at',
      refreshToken: 'rt',
      expiresAt: clock + 30 * 60_000,
      scopes: ['oauth'],
      installedAt: clock - 1,
    });
    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'started' });
    expect(await store.getJournalOffset(PORTAL)).toBe(`earliest:${T0}`);

    installInSandbox();
    platform.journal.record(PORTAL, employees('9120000001', '10'));
    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'caught_up', entries: 2, accepted: 1 });
    expect(await store.getJournalOffset(PORTAL)).toBe(offsets().at(-1));

    await store.setJournalOffset(PORTAL, `earliest:${T0}`);
    clock = T0 + JOURNAL_RETENTION_MS;
    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'reconciled' });
    expect(deps.reconcile).toHaveBeenCalledOnce();
  });

  it('on an uninstall in the journal, purges the portal and stops there', async () => {
    await install();
    await store.setJournalOffset(PORTAL, offsets()[0] as string);
    platform.journal.record(PORTAL, employees('9120000001', '10'));
    clock += 60_000;
    platform.registry.uninstall(PORTAL, APP.appId);

    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'uninstalled', accepted: 0 });
    expect(deps.purge).toHaveBeenCalledExactlyOnceWith(PORTAL);
    expect(await store.getInstallation(PORTAL)).toBeNull();
    expect(await store.getJournalOffset(PORTAL)).toBeNull();
    expect(await depth()).toBe(0);
  });

  it('ignores an uninstall older than the installation: the portal was installed again since', async () => {
    installInSandbox();
    const [firstInstall] = offsets();
    clock += 60_000;
    platform.registry.uninstall(PORTAL, APP.appId);
    clock += 60_000;
    await install(clock);
    await store.setJournalOffset(PORTAL, firstInstall as string);
    platform.journal.record(PORTAL, employees('9120000001', '10'));

    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'caught_up', accepted: 1 });
    expect(deps.purge).not.toHaveBeenCalled();
    expect(await store.getInstallation(PORTAL)).not.toBeNull();
  });

  it('does nothing for a portal that is not installed', async () => {
    expect(await catchUpPortal(deps, PORTAL)).toMatchObject({ outcome: 'not_installed' });
    expect(await store.getJournalOffset(PORTAL)).toBeNull();
  });
});
