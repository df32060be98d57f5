import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PORTAL_ID } from '../../src/demo/demo-app.ts';
import { demoAppEnv } from '../../src/demo/start-demo-app.ts';
import { isOwnWrite } from '../../src/http/is-own-write.ts';
import { toInboxEvent } from '../../src/http/to-inbox-event.ts';
import { seededRandom } from '../../src/sandbox/platform/seeded-random.ts';
import { type ChildServer, childServer } from './child-server.ts';
import {
  type ProofStack,
  proofDatabase,
  readSandboxOutcome,
  runScenario,
  type SandboxOutcome,
  STORE_KINDS,
  type StoreKind,
  startProofStack,
  unavailableStores,
  type WebhookTotals,
  webhookTotals,
} from './proof-stack.ts';
import { type InboxReader, type InboxRow, inboxKey, openInboxReader } from './read-inbox.ts';

/**
 * Issue 6, "Crash safety": the app runs as its own OS process (`churn-signals serve`) and is killed with SIGKILL at
 * seeded random moments while the sandbox loads it (the install's provisioning and backfill, then the demo timeline
 * and the processing of its webhooks), each time restarted on the same port and database. At the end every webhook
 * the app answered 200 is in its inbox and processed, nothing is pending or dead, and what the app left in HubSpot
 * (each company's risk properties, its tasks, no duplicate) equals a clean run's, on SQLite and on PostgreSQL.
 */

/** Kills per phase of the scenario: 12 in all, the first and every other one aimed at work in progress. */
const KILLS = { install: 5, timeline: 7 };
/**
 * A random kill comes this long after the app answered /healthz again (or the install its callback): dense, as the
 * provisioning and backfill take about a second (resumed at each start until one finishes) and a tick of the worker
 * a few hundred milliseconds.
 */
const KILL_DELAY_MS = { install: { min: 100, max: 900 }, timeline: { min: 100, max: 1_500 } };
/**
 * An aimed kill comes at a random moment of the app's work: after up to AIM_DELAY_MS, the first time (polled every
 * 20 ms) the backfill is unfinished or the live process's worker holds claimed events, or after AIM_FOR_MS when
 * there is no work to hit.
 */
const AIM_DELAY_MS = 300;
const AIM_FOR_MS = 3_000;
const KILL_SEED = 2_024;
/**
 * The events a killed process had claimed come back when its lease ends: after 30 s by default (INBOX_LEASE_SECONDS
 * in src/config/env.ts). 5 s keeps the proof short; a live worker renews its leases, so a short lease is safe.
 */
const INBOX_LEASE_SECONDS = '5';

interface Kill {
  phase: keyof typeof KILLS;
  aimed: boolean;
  /** What the app was doing when killed, as far as /status, its inbox and the sandbox tell (momentOf). */
  moment: string[];
}

interface Run {
  outcome: SandboxOutcome;
  kills: Kill[];
  starts: number;
  webhooks: WebhookTotals;
  deliveries: ProofStack['deliveries']['settled'];
  inbox: InboxRow[];
  /** Dead letters as /status reported them at the end, and as the database holds them. */
  deadLetters: { reported: number; stored: number };
  appId: number;
  ms: number;
}

async function runOnce(store: StoreKind, withKills: boolean, output: (read: () => string) => void): Promise<Run> {
  const started = Date.now();
  const database = await proofDatabase(store);
  const stack = await startProofStack();
  const server = childServer({
    ...demoAppEnv({
      port: stack.port,
      app: stack.app,
      sandboxUrl: stack.sandbox.url,
      databasePath: database.url,
      encryptionKey: randomBytes(32).toString('base64'),
      logLevel: process.env.LOG_LEVEL ?? 'info',
    }),
    INBOX_LEASE_SECONDS,
  });
  output(server.output);
  let inbox: InboxReader | null = null;
  try {
    await server.start();
    // Opened once the app has created its tables; read only.
    const reader = await openInboxReader(database);
    inbox = reader;
    const kills: Kill[] = [];
    const random = seededRandom(KILL_SEED);
    /** Workers of killed processes: their leases stay until they end, but nobody works on those events. */
    const deadWorkers = new Set<string>();
    const moment = () => momentOf(server, stack, reader, deadWorkers);
    const killRepeatedly = async (phase: Kill['phase']) => {
      for (let i = 0; i < KILLS[phase]; i++) {
        const aimed = i % 2 === 0;
        const { min, max } = KILL_DELAY_MS[phase];
        await sleep(aimed ? random() * AIM_DELAY_MS : min + random() * (max - min));
        let now = await moment();
        for (const until = Date.now() + AIM_FOR_MS; aimed && !busy(now) && Date.now() < until; ) {
          await sleep(20);
          now = await moment();
        }
        await server.kill();
        for (const worker of await reader.leaseOwners(0)) deadWorkers.add(worker);
        kills.push({ phase, aimed, moment: now });
        await server.start();
      }
    };
    const { deadLetters: reported } = await runScenario(
      stack,
      withKills
        ? { afterInstall: () => killRepeatedly('install'), duringTimeline: () => killRepeatedly('timeline') }
        : {},
    );
    await server.stop();
    return {
      outcome: readSandboxOutcome(stack.portal),
      kills,
      starts: server.starts(),
      webhooks: webhookTotals(stack.sandbox),
      deliveries: stack.deliveries.settled,
      inbox: await reader.rows(DEMO_PORTAL_ID),
      deadLetters: { reported, stored: await reader.deadLetters() },
      appId: stack.app.appId,
      ms: Date.now() - started,
    };
  } finally {
    await inbox?.close();
    await server.kill();
    await stack.stop();
    await database.drop();
  }
}

/**
 * Read just before a kill: the install's follow-up unfinished (provisioning, backfill; both under the unfinished
 * progress row), events claimed by the live process's worker, events waiting (debounced, or claimed by a killed
 * process until its lease ends), webhooks in flight.
 */
async function momentOf(
  server: ChildServer,
  stack: ProofStack,
  inbox: InboxReader,
  deadWorkers: ReadonlySet<string>,
): Promise<string[]> {
  const moment: string[] = [];
  const status = (await (await fetch(`${server.url}/status`)).json()) as {
    portals: { portalId: number; backfill: { done: boolean } }[];
    inbox: { depth: number };
  };
  if (!status.portals.find((p) => p.portalId === DEMO_PORTAL_ID)?.backfill.done) moment.push('backfill');
  const workers = await inbox.leaseOwners(Date.now());
  if (workers.some((worker) => !deadWorkers.has(worker))) moment.push('processing events');
  else if (status.inbox.depth > 0) moment.push('events waiting');
  if (stack.deliveries.inFlight() > 0) moment.push('webhook delivery');
  return moment.length > 0 ? moment : ['idle'];
}

const busy = (moment: readonly string[]) => moment.some((m) => m === 'backfill' || m === 'processing events');

const unavailable = await unavailableStores();
const tested = STORE_KINDS.filter((store) => unavailable[store] === null);

interface StoreRuns {
  clean: Run;
  crashed: Run;
  /** The app's own output, each run's processes. */
  outputs: (() => string)[];
}

/**
 * Every store's two runs, all started at once by the first store's tests (each run's app is its own process and
 * the sandboxes mostly wait): a third of the time of one after the other.
 */
const started = new Map<StoreKind, Promise<StoreRuns>>();
function runsOf(store: StoreKind): Promise<StoreRuns> {
  if (started.size === 0) {
    for (const kind of tested) {
      const outputs: (() => string)[] = [];
      const runs = Promise.all([
        runOnce(kind, false, (read) => outputs.push(read)),
        runOnce(kind, true, (read) => outputs.push(read)),
      ]).then(
        ([clean, crashed]) => ({ clean, crashed, outputs }),
        (error: unknown) => {
          for (const output of outputs) console.error(output());
          throw error;
        },
      );
      runs.catch(() => {}); // awaited by the store's own tests, which report it
      started.set(kind, runs);
    }
  }
  const runs = started.get(store);
  if (!runs) throw new Error(`no runs for ${store}: it is not among the stores tested here`);
  return runs;
}

for (const store of STORE_KINDS) {
  describe.skipIf(unavailable[store] !== null)(`crash safety on ${store}: SIGKILL at random moments under load`, () => {
    let clean: Run;
    let crashed: Run;
    let outputs: (() => string)[] = [];
    /** The app's own output: on a failure, or always when LOG_LEVEL asks for it. */
    const printOutput = () => {
      for (const output of outputs) console.error(output());
    };

    beforeAll(async () => {
      ({ clean, crashed, outputs } = await runsOf(store));
      if (process.env.LOG_LEVEL) printOutput();
      const moments: Record<string, number> = {};
      for (const kill of crashed.kills) {
        const label = `${kill.phase}${kill.aimed ? ' (aimed)' : ''}: ${kill.moment.join(' + ')}`;
        moments[label] = (moments[label] ?? 0) + 1;
      }
      console.info(
        `crash proof (${store}): clean run ${clean.ms} ms, crash run ${crashed.ms} ms, ${crashed.kills.length} kills at ${JSON.stringify(moments)}; webhooks ${JSON.stringify(crashed.webhooks)}`,
      );
    }, 240_000);

    beforeEach(({ onTestFailed }) => onTestFailed(printOutput));

    it('killed the app at least 10 times under load, restarting it on the same port and database each time', () => {
      expect(crashed.kills.length).toBeGreaterThanOrEqual(10);
      expect(crashed.kills.filter((kill) => kill.phase === 'install').length).toBeGreaterThan(0);
      expect(crashed.kills.filter((kill) => kill.phase === 'timeline').length).toBeGreaterThan(0);
      expect(crashed.starts).toBe(crashed.kills.length + 1);
      expect(clean.kills).toEqual([]);
      expect(clean.starts).toBe(1);
    });

    it('hit the app mid-work: during a backfill, and while it held claimed events', () => {
      const hit = (what: string) => crashed.kills.filter((kill) => kill.moment.includes(what)).length;
      expect(hit('backfill')).toBeGreaterThan(0);
      expect(hit('processing events')).toBeGreaterThan(0);
    });

    it('got every webhook answered 2xx in the end: none given up', () => {
      for (const run of [clean, crashed]) {
        const answered = new Set(
          run.deliveries
            .filter((d) => d.status !== null && d.status < 300)
            .flatMap((d) => d.events.map((event) => event.eventId)),
        );
        expect(answered.size).toBe(run.webhooks.events);
        expect(run.webhooks.abandoned).toBe(0);
      }
    });

    it('processed every event it answered 200: in the inbox and acknowledged, nothing pending, nothing dead', () => {
      for (const run of [clean, crashed]) {
        const acked = new Set(run.inbox.filter((row) => row.ackedAt !== null).map((row) => row.key));
        const accepted = run.deliveries
          .filter((d) => d.status === 200)
          .flatMap((d) => d.events)
          .filter((event) => !isOwnWrite(event, run.appId))
          .map(toInboxEvent);
        expect(accepted.length).toBeGreaterThan(0);
        const unprocessed = accepted
          .map((e) => inboxKey(e.subscriptionType, String(e.objectId), e.propertyName ?? '', e.occurredAt))
          .filter((key) => !acked.has(key));
        expect(unprocessed).toEqual([]);
        expect(run.inbox.filter((row) => row.ackedAt === null)).toEqual([]);
        expect(run.deadLetters).toEqual({ reported: 0, stored: 0 });
      }
    });

    it('left the risk properties of every company as the clean run did', () => {
      expect(clean.outcome.risk.size).toBe(60);
      for (const value of clean.outcome.risk.values()) expect(value).toMatch(/^\d+\|\w+\|/);
      expect(Object.fromEntries(crashed.outcome.risk)).toEqual(Object.fromEntries(clean.outcome.risk));
    });

    it('left the tasks the clean run did, no duplicate: at most one open task per company and signal', () => {
      expect(clean.outcome.openTasks.length).toBeGreaterThan(0);
      expect(crashed.outcome.allTasks).toEqual(clean.outcome.allTasks);
      expect(crashed.outcome.openTasks).toEqual(clean.outcome.openTasks);
      for (const run of [clean, crashed]) {
        expect(new Set(run.outcome.openTasks).size).toBe(run.outcome.openTasks.length);
      }
    });
  });
}
