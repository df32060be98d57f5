import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyNetworkError } from '../../src/adapters/hubspot/client/classify-failure.ts';
import { HubSpotApiError } from '../../src/adapters/hubspot/client/hubspot-error.ts';
import type { JournalReader } from '../../src/adapters/hubspot/journal/create-journal-reader.ts';
import { TokenEndpointError } from '../../src/adapters/hubspot/oauth/token-endpoint.ts';
import { createLogger } from '../../src/log/create-logger.ts';
import { type JournalCatchUp, startJournalCatchUp } from '../../src/server/start-journal-catch-up.ts';
import { openSqliteStore } from '../../src/store/sqlite/open-sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const PORTAL = 24051987;
const OTHER_PORTAL = 555;
const OFFSET = '3c90c3cc-0d44-4b50-8888-8dd25736052a';
const WAIT = { timeout: 10_000, interval: 5 };

const unreachable = () =>
  new HubSpotApiError(classifyNetworkError(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })), {
    portalId: PORTAL,
    method: 'GET',
    path: '/webhooks-journal/journal-local/2026-03/latest',
    baseUrl: 'https://api.hubapi.com',
    attempts: 5,
  });

/**
 * A journal where `latest` answers what `answer` says and `read` finds nothing new (after the same wait), counting the
 * calls and how many run at once.
 */
function fakeJournal(answer: () => Promise<string | null>) {
  const stats = { calls: 0, running: 0, maxRunning: 0 };
  const counted = async <T>(call: () => Promise<T>): Promise<T> => {
    stats.calls++;
    stats.running++;
    stats.maxRunning = Math.max(stats.maxRunning, stats.running);
    try {
      return await call();
    } finally {
      stats.running--;
    }
  };
  const journal: JournalReader = {
    latest: () => counted(answer),
    read: () =>
      counted(async () => {
        await answer();
        return [];
      }),
  };
  return { journal, stats };
}

let store: Store;
let lines: { level: number; msg: string; portalId?: number }[];
let running: JournalCatchUp | null;

function start(journal: JournalReader, everyMs: number): JournalCatchUp {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const logger = createLogger({ destination, level: 'info' });
  running = startJournalCatchUp({
    everyMs,
    listPortalIds: () => store.listPortalIds(),
    logger,
    deps: { store, logger, now: () => T0, journal, appId: 1, reconcile: async () => {}, purge: async () => {} },
  });
  return running;
}
/** A promise the test opens when it wants. */
function gated() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}
/** Lets whatever is ready run (I/O callbacks included), n event-loop turns. */
async function turns(n: number) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}
const warnings = () => lines.filter((l) => l.level === 40).map((l) => l.msg);

beforeEach(async () => {
  lines = [];
  running = null;
  store = await openSqliteStore({ path: ':memory:', encryptionKey: Buffer.alloc(32, 1), now: () => T0 });
  for (const portalId of [PORTAL, OTHER_PORTAL]) {
    await store.saveInstallation({
      portalId,
      accessToken: 'at',
      refreshToken: 'rt',
      expiresAt: T0 + 1_800_000,
      scopes: ['oauth'],
      installedAt: T0,
    });
  }
});
afterEach(async () => {
  await running?.stop();
  await store.close();
});

describe('startJournalCatchUp', () => {
  it('catches every installed portal up at start', async () => {
    const { journal } = fakeJournal(async () => OFFSET);
    start(journal, 3_600_000);
    await vi.waitFor(async () => expect(await store.getJournalOffset(OTHER_PORTAL)).toBe(OFFSET), WAIT);
    expect(await store.getJournalOffset(PORTAL)).toBe(OFFSET);
  });

  it('warns once while the journal is unreachable, retries every round, and says when it works again', async () => {
    let reachable = false;
    const { journal, stats } = fakeJournal(async () => {
      if (!reachable) throw unreachable();
      return OFFSET;
    });
    start(journal, 10);
    await vi.waitFor(() => expect(stats.calls).toBeGreaterThanOrEqual(6), WAIT);
    expect(warnings()).toEqual([expect.stringContaining('the Webhooks Journal is unreachable')]);
    expect(warnings()[0]).toContain('webhooks still work');

    reachable = true;
    await vi.waitFor(async () => expect(await store.getJournalOffset(PORTAL)).toBe(OFFSET), WAIT);
    await vi.waitFor(
      () => expect(lines.map((l) => l.msg)).toContain('the Webhooks Journal works again: catch-up resumed'),
      WAIT,
    );
  });

  it('names the settings to check when HubSpot refuses the client credentials, once', async () => {
    const { journal, stats } = fakeJournal(async () => {
      throw new TokenEndpointError('invalid_client', 400, null);
    });
    start(journal, 10);
    await vi.waitFor(() => expect(stats.calls).toBeGreaterThanOrEqual(4), WAIT);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('check HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET');
  });

  it('runs one portal’s catch-ups one after another (the round’s and an install’s)', async () => {
    const gate = gated();
    const { journal, stats } = fakeJournal(async () => {
      await gate.opened;
      return OFFSET;
    });
    await store.purgePortal(OTHER_PORTAL);
    const catchUp = start(journal, 3_600_000);
    const installs = [catchUp.catchUp(PORTAL), catchUp.catchUp(PORTAL)];
    await vi.waitFor(() => expect(stats.calls).toBe(1), WAIT);
    await turns(20);
    expect(stats.calls).toBe(1);
    gate.open();
    await Promise.all(installs);
    await vi.waitFor(() => expect(stats.calls).toBe(3), WAIT);
    expect(stats.maxRunning).toBe(1);
  });

  it('stop() waits for the catch-up in flight to store its progress, and starts none after', async () => {
    const gate = gated();
    const { journal, stats } = fakeJournal(async () => {
      await gate.opened;
      return OFFSET;
    });
    await store.purgePortal(OTHER_PORTAL);
    const catchUp = start(journal, 3_600_000);
    await vi.waitFor(() => expect(stats.calls).toBe(1), WAIT);

    let stopped = false;
    const stopping = catchUp.stop().then(() => {
      stopped = true;
    });
    await turns(20);
    expect(stopped).toBe(false);
    gate.open();
    await stopping;
    expect(await store.getJournalOffset(PORTAL)).toBe(OFFSET);
    await catchUp.catchUp(PORTAL);
    expect(stats.calls).toBe(1);
  });

  it('is off with JOURNAL_CATCH_UP_MINUTES=0: no journal call, and says so', async () => {
    const { journal, stats } = fakeJournal(async () => OFFSET);
    const catchUp = start(journal, 0);
    await catchUp.catchUp(PORTAL);
    expect(stats.calls).toBe(0);
    expect(lines.map((l) => l.msg)).toEqual([expect.stringContaining('Webhooks Journal catch-up is off')]);
  });
});
