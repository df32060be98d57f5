import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HubSpotBundle, HubSpotWebhookEvent } from '../../src/adapters/hubspot/bundle.ts';
import type { Assessment } from '../../src/core/assessment.ts';
import { resolveConfig } from '../../src/core/tenant-config.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import type { CompanyMemory } from '../../src/pipeline/account-memory.ts';
import { backfillPortal } from '../../src/pipeline/backfill-portal.ts';
import type { CrmReader, CrmWriter, PipelineDeps } from '../../src/pipeline/pipeline-deps.ts';
import { processInbox } from '../../src/pipeline/process-inbox.ts';
import { sweepPortal } from '../../src/pipeline/sweep-portal.ts';
import { SIGNALS } from '../../src/signals/index.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

const NOW = Date.parse('2026-11-15T12:00:00Z');
const OPTIONS = { workerId: 'w1', batchSize: 100, leaseMs: 60_000, maxAttempts: 3, retryBaseMs: 1_000 };
const iso = (at: number) => new Date(at).toISOString();

function obj(id: string, properties: Record<string, string | null>) {
  return { id, properties, createdAt: iso(NOW - 400 * 86_400_000), updatedAt: iso(NOW), archived: false };
}

/** A company whose champion is still there, and one contact who is not. */
function bundleFor(companyId: string, events: HubSpotWebhookEvent[]): HubSpotBundle {
  return {
    portalId: 101,
    company: obj(companyId, { name: `Company ${companyId}`, domain: `c${companyId}.example` }),
    contacts: [obj('501', { firstname: 'Jane', lastname: 'Roe', jobtitle: 'COO', hs_buying_role: 'CHAMPION' })],
    deals: [],
    tickets: [],
    emails: [],
    calls: [],
    meetings: [],
    notes: [],
    tasks: [],
    feedbackSubmissions: [],
    owners: [],
    events,
  };
}

function event(over: Partial<HubSpotWebhookEvent>): HubSpotWebhookEvent {
  return {
    eventId: 1,
    subscriptionId: 7,
    portalId: 101,
    appId: 99,
    occurredAt: NOW - 60_000,
    subscriptionType: 'contact.propertyChange',
    attemptNumber: 0,
    objectId: 501,
    ...over,
  } as HubSpotWebhookEvent;
}

let store: Store;
let written: { portalId: number; items: { companyId: string; assessment: Assessment }[] }[];
let readerCalls: number;
let failWith: unknown;

function deps(): PipelineDeps {
  const reader: CrmReader = {
    async companiesForEvents(_portalId, events) {
      readerCalls++;
      if (failWith) throw failWith;
      const map = new Map<string, HubSpotWebhookEvent[]>();
      for (const e of events) {
        const companyId = e.subscriptionType.startsWith('company') ? String(e.objectId) : '9001';
        map.set(companyId, [...(map.get(companyId) ?? []), e]);
      }
      return map;
    },
    async loadBundles(_portalId, requests) {
      return new Map(
        requests.filter((r) => r.companyId !== '404').map((r) => [r.companyId, bundleFor(r.companyId, r.events)]),
      );
    },
    async listCompanyIds(_portalId, after) {
      const pages: Record<string, { ids: string[]; after: string | null }> = {
        start: { ids: ['1', '2', '404'], after: 'p2' },
        p2: { ids: ['4'], after: null },
      };
      return pages[after ?? 'start'] ?? { ids: [], after: null };
    },
    async sweepCandidates() {
      return ['1', '4'];
    },
  };
  const writer: CrmWriter = {
    async writeAssessments(portalId, items) {
      written.push({ portalId, items });
      return { propertiesUpdated: items.length, companiesUnchanged: 0, tasksCreated: 0, tasksSkipped: 0 };
    },
  };
  const destination = new Writable({ write: (_c, _e, done) => done() });
  return {
    store,
    logger: createLogger({ destination }),
    now: () => NOW,
    reader,
    writer,
    configFor: async () => resolveConfig({}, SIGNALS),
  };
}

async function enqueue(...events: HubSpotWebhookEvent[]) {
  return store.enqueue(
    events.map((e) => ({
      portalId: e.portalId,
      subscriptionType: e.subscriptionType,
      objectId: String(e.objectId ?? `${e.fromObjectId}-${e.toObjectId}`),
      propertyName: e.propertyName ?? null,
      occurredAt: e.occurredAt,
      payload: e,
    })),
  );
}

beforeEach(async () => {
  store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 1).toString('base64') });
  await store.saveInstallation({
    portalId: 101,
    accessToken: 'at',
    refreshToken: 'rt',
    expiresAt: NOW + 1_800_000,
    scopes: [],
    installedAt: NOW - 1_000,
  });
  written = [];
  readerCalls = 0;
  failWith = undefined;
});
afterEach(async () => store.close());

describe('processInbox', () => {
  it('scores the companies the events touch, once per company, and acks', async () => {
    await enqueue(
      event({ objectId: 501, propertyName: 'jobtitle' }),
      event({ objectId: 502, propertyName: 'email', eventId: 2 }),
      event({ subscriptionType: 'company.propertyChange', objectId: 7001, propertyName: 'name', eventId: 3 }),
    );
    const report = await processInbox(deps(), OPTIONS);
    expect(report).toEqual({ claimed: 3, acked: 3, retried: 0, deadLettered: 0 });
    expect(readerCalls).toBe(1);
    expect(written).toHaveLength(1);
    expect(written[0]?.items.map((i) => i.companyId).sort()).toEqual(['7001', '9001']);
    expect((await store.inboxStats()).depth).toBe(0);
  });

  it('drops the events of a portal that is not installed', async () => {
    await enqueue(event({ portalId: 202 }));
    expect(await processInbox(deps(), OPTIONS)).toEqual({ claimed: 1, acked: 1, retried: 0, deadLettered: 0 });
    expect(written).toEqual([]);
  });

  it('remembers a removed contact and names it when it is later reported as departed', async () => {
    await enqueue(event({ subscriptionType: 'company.propertyChange', objectId: 7001, propertyName: 'name' }));
    await processInbox(deps(), OPTIONS);
    const removal = event({
      subscriptionType: 'contact.associationChange',
      objectId: undefined,
      fromObjectId: 501,
      toObjectId: 7001,
      associationType: 'CONTACT_TO_COMPANY',
      associationRemoved: true,
      occurredAt: NOW - 1_000,
      eventId: 9,
    });
    const memory = (await store.getAccountState(101, '7001'))?.memory as CompanyMemory;
    expect(memory.knownContacts?.map((c) => [c.id, c.roles])).toEqual([['501', ['champion']]]);
    await enqueue({ ...removal, subscriptionType: 'company.associationChange', objectId: 7001 });
    await processInbox(deps(), OPTIONS);
    const remembered = (await store.getAccountState(101, '7001'))?.memory as CompanyMemory;
    expect(remembered.events?.map((e) => e.eventId)).toEqual([9]);
  });

  it('retries a retryable failure with backoff, then dead-letters it with the reason', async () => {
    failWith = Object.assign(new Error('HubSpot answered 503'), { retryable: true });
    await enqueue(event({}));
    expect(await processInbox(deps(), OPTIONS)).toMatchObject({ retried: 1, deadLettered: 0 });
    expect(await store.claim({ limit: 10, leaseMs: 1, now: NOW + 999, workerId: 'x' })).toEqual([]);
    const again = await store.claim({ limit: 10, leaseMs: 1, now: NOW + 1_000, workerId: 'x' });
    expect(again.map((e) => [e.attempts, e.lastError])).toEqual([[1, 'HubSpot answered 503']]);

    expect(await processInbox({ ...deps(), now: () => NOW + 10_000_000 }, OPTIONS)).toMatchObject({ retried: 1 });
    const last = await processInbox({ ...deps(), now: () => NOW + 20_000_000 }, OPTIONS);
    expect(last).toMatchObject({ deadLettered: 1 });
    const [letter] = await store.listDeadLetters();
    expect(letter?.reason).toBe('after 3 attempt(s): HubSpot answered 503');
  });

  it('dead-letters a failure that cannot succeed on retry at once', async () => {
    failWith = Object.assign(new Error('missing scopes: crm.objects.companies.write'), { retryable: false });
    await enqueue(event({}));
    expect(await processInbox(deps(), OPTIONS)).toMatchObject({ retried: 0, deadLettered: 1 });
    expect(await store.countDeadLetters(101)).toBe(1);
  });
});

describe('processInbox leases', () => {
  it('renews its leases while a tick outlasts them, so another worker cannot take the events meanwhile', async () => {
    await enqueue(event({ objectId: 501, propertyName: 'jobtitle' }));
    let clock = NOW;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const base = deps();
    const slow: PipelineDeps = {
      ...base,
      now: () => clock,
      reader: {
        ...base.reader,
        async companiesForEvents(portalId, events) {
          await gate; // a tick held up (a backlog, HubSpot's rate limit) for three leases
          return base.reader.companiesForEvents(portalId, events);
        },
      },
    };
    const leaseMs = 60; // real milliseconds: the renewal runs every 20 ms
    const tick = processInbox(slow, { ...OPTIONS, leaseMs });
    for (let step = 0; step < 6; step++) {
      clock += leaseMs / 2;
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(await store.claim({ limit: 10, leaseMs, now: clock, workerId: 'w2' })).toEqual([]);
    }
    release();
    expect(await tick).toMatchObject({ claimed: 1, acked: 1 });
  });
});

describe('backfill and sweep', () => {
  it('scores every company page by page and records progress for /status', async () => {
    expect(await backfillPortal(deps(), 101)).toEqual({ scored: 3, total: 4 });
    expect(written.flatMap((w) => w.items.map((i) => i.companyId)).sort()).toEqual(['1', '2', '4']);
    expect(await store.listBackfillProgress()).toEqual([
      { portalId: 101, scored: 3, total: 4, startedAt: NOW, finishedAt: NOW },
    ]);
  });

  it('fails the backfill when a batch fails, and records no finish', async () => {
    const failing = deps();
    failing.writer = {
      async writeAssessments() {
        throw new Error('HubSpot refused the batch update');
      },
    };
    await expect(backfillPortal(failing, 101)).rejects.toThrow('HubSpot refused the batch update');
    expect((await store.listBackfillProgress())[0]?.finishedAt).toBeNull();
  });

  it('re-scores the sweep candidates', async () => {
    expect(await sweepPortal(deps(), 101)).toMatchObject({ scored: 2, missing: 0 });
    expect(written.flatMap((w) => w.items.map((i) => i.companyId))).toEqual(['1', '4']);
  });
});
