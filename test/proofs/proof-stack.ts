import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTaskRef } from '../../src/adapters/hubspot/live/task-html.ts';
import { pollStatus } from '../../src/demo/app-status.ts';
import { DEMO_PORTAL_ID, demoApp } from '../../src/demo/demo-app.ts';
import { freePort } from '../../src/demo/free-port.ts';
import { installThroughOAuth } from '../../src/demo/install-through-oauth.ts';
import { playTimeline } from '../../src/demo/play-timeline.ts';
import { type DemoSandbox, startDemoSandbox } from '../../src/demo/start-demo-sandbox.ts';
import { waitUntilQuiet } from '../../src/demo/wait-until-quiet.ts';
import { demoTimeline } from '../../src/sandbox/demo/demo-timeline.ts';
import type { SandboxApp } from '../../src/sandbox/platform/oauth/create-token-registry.ts';
import type { DeliveryFaults } from '../../src/sandbox/platform/webhooks/plan-deliveries.ts';
import type { PortalState } from '../../src/sandbox/state/portal-state.ts';
import { currentValue } from '../../src/sandbox/state/stored-object.ts';
import { createScratchDatabase, postgresUnavailable } from '../helpers/postgres.ts';
import { recordDeliveries, type WebhookDeliveries } from './record-deliveries.ts';

/**
 * What the proofs of issue 6 share: the seeded demo portal in a sandbox, the scenario an app goes through against it
 * (OAuth install and backfill, then the demo timeline played fast) and what the app leaves in HubSpot at the end.
 * Each proof runs the scenario twice, once undisturbed, and compares the outcomes.
 */

export const PROOF_SEED = 42;
const TIMELINE_SPEED = 18;
const WAIT_MS = 150_000;

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Why a store cannot be tested here (a developer machine without PostgreSQL), or null: see postgresUnavailable. */
export async function unavailableStores(): Promise<Record<StoreKind, string | null>> {
  return { sqlite: null, postgres: await postgresUnavailable() };
}

export interface ProofDatabase {
  kind: StoreKind;
  /** The app's DATABASE_URL: a SQLite file path or a scratch PostgreSQL database. */
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database of the kind: a file in a temporary folder, or a scratch PostgreSQL database. */
export async function proofDatabase(kind: StoreKind): Promise<ProofDatabase> {
  if (kind === 'postgres') return { kind, ...(await createScratchDatabase()) };
  const dir = mkdtempSync(join(tmpdir(), 'churn-proof-'));
  return { kind, url: join(dir, 'app.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ProofStack {
  sandbox: DemoSandbox;
  portal: PortalState;
  /** The app as the sandbox registered it. */
  app: SandboxApp;
  /** Where the app must listen: its PUBLIC_BASE_URL, the webhooks' target and the OAuth redirect are on it. */
  port: number;
  appUrl: string;
  /** Every webhook request the sandbox sent the app, with the answer it got. */
  deliveries: WebhookDeliveries;
  stop(): Promise<void>;
}

/** The sandbox with the seeded demo portal, sending its webhooks to an app still to be started on `port`. */
export async function startProofStack(options: { deliveryFaults?: DeliveryFaults } = {}): Promise<ProofStack> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const app = demoApp(appUrl);
  const deliveries = recordDeliveries();
  const sandbox = await startDemoSandbox({
    seed: PROOF_SEED,
    portalId: DEMO_PORTAL_ID,
    app,
    webhookTarget: `${appUrl}/webhooks/hubspot`,
    webhookFetch: deliveries.fetch,
    ...(options.deliveryFaults ? { deliveryFaults: options.deliveryFaults } : {}),
  });
  const portal = sandbox.state.portal(DEMO_PORTAL_ID);
  if (!portal) throw new Error('the sandbox has no demo portal');
  return { sandbox, portal, app, port, appUrl, deliveries, stop: () => sandbox.stop() };
}

/** Load the crash proof adds at each phase of the scenario; the app must be up again when each resolves. */
export interface ScenarioLoad {
  /** From the install's answer on: the provisioning and the backfill run meanwhile. */
  afterInstall?(): Promise<void>;
  /** While the timeline plays; `playing` resolves when its last change is made. */
  duringTimeline?(playing: Promise<void>): Promise<void>;
}

/**
 * The scenario against the app at `stack.appUrl`: install through OAuth, wait for the backfill and its webhooks,
 * play the demo timeline, wait until every change is processed. Returns the app's dead-letter count at the end.
 */
export async function runScenario(stack: ProofStack, load: ScenarioLoad = {}): Promise<{ deadLetters: number }> {
  const { sandbox, appUrl } = stack;
  await installThroughOAuth(appUrl);
  await load.afterInstall?.();
  await pollStatus(
    appUrl,
    'the backfill',
    (s) => s.portals.some((p) => p.portalId === DEMO_PORTAL_ID && p.backfill.done),
    { timeoutMs: WAIT_MS },
  );
  await waitUntilQuiet(sandbox, appUrl, WAIT_MS);
  const steps = demoTimeline({ seed: PROOF_SEED, portal: sandbox.seed, start: Date.now() - 2 * 60_000 });
  const playing = playTimeline(stack.portal, steps, { speed: TIMELINE_SPEED, onStep: () => {} });
  await Promise.all([playing, load.duringTimeline?.(playing)]);
  await waitUntilQuiet(sandbox, appUrl, WAIT_MS);
  const status = await pollStatus(appUrl, 'the status', () => true);
  return { deadLetters: status.deadLetters };
}

export interface SandboxOutcome {
  /** company id → score|level|reasons (no timestamps). */
  risk: Map<string, string>;
  /** `companyId:signalId` of every open task the app wrote, sorted, duplicates kept. */
  openTasks: string[];
  /** Every task the app wrote, open or not: `companyId:signalId:status`, sorted. */
  allTasks: string[];
}

/** What the app left in HubSpot: each company's risk properties and the tasks it wrote (found by their reference). */
export function readSandboxOutcome(portal: PortalState): SandboxOutcome {
  const risk = new Map<string, string>();
  for (const company of portal.list('companies')) {
    const value = (name: string) => currentValue(company, name) ?? '';
    risk.set(company.id, [value('churn_risk_score'), value('churn_risk_level'), value('churn_risk_reasons')].join('|'));
  }
  const openTasks: string[] = [];
  const allTasks: string[] = [];
  for (const task of portal.list('tasks')) {
    const ref = readTaskRef(currentValue(task, 'hs_task_body'));
    if (!ref) continue; // the generated portal's own tasks
    // The ref is the dedupe key `hubspot:<portalId>:<companyId>:<signalId>`.
    const [, , companyId, signalId] = ref.split(':');
    const key = `${companyId}:${signalId}`;
    const taskStatus = currentValue(task, 'hs_task_status') ?? '';
    allTasks.push(`${key}:${taskStatus}`);
    if (taskStatus !== 'COMPLETED') openTasks.push(key);
  }
  return { risk, openTasks: openTasks.sort(), allTasks: allTasks.sort() };
}

export interface WebhookTotals {
  events: number;
  requests: number;
  delivered: number;
  failures: number;
  /** Batches the sandbox gave up on after its last attempt. */
  abandoned: number;
  duplicates: number;
}

/** The sandbox's webhook senders' counts, summed over its apps. */
export function webhookTotals(sandbox: DemoSandbox): WebhookTotals {
  const sent = [...sandbox.platform.senders.values()].map((s) => s.stats());
  const sum = (pick: (s: (typeof sent)[number]) => number) => sent.reduce((total, s) => total + pick(s), 0);
  return {
    events: sum((s) => s.events),
    requests: sum((s) => s.requests),
    delivered: sum((s) => s.delivered),
    failures: sum((s) => s.failures),
    abandoned: sum((s) => s.abandoned),
    // Every request is a first attempt, a retry (each after a failure) or a duplicate of an accepted batch.
    duplicates: sum((s) => s.requests - s.delivered - s.failures),
  };
}
