import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readTaskRef } from '../../src/adapters/hubspot/live/task-html.ts';
import { loadEnv } from '../../src/config/env.ts';
import { pollStatus, readAppStatus } from '../../src/demo/app-status.ts';
import { applyChange } from '../../src/demo/apply-change.ts';
import { DEMO_PORTAL_ID, demoApp } from '../../src/demo/demo-app.ts';
import { freePort } from '../../src/demo/free-port.ts';
import { installThroughOAuth } from '../../src/demo/install-through-oauth.ts';
import { type DemoSandbox, startDemoSandbox } from '../../src/demo/start-demo-sandbox.ts';
import { waitUntilQuiet } from '../../src/demo/wait-until-quiet.ts';
import { demoTimeline } from '../../src/sandbox/demo/demo-timeline.ts';
import { planPortfolio, type TimelineRole } from '../../src/sandbox/demo/plan-portfolio.ts';
import type { SandboxApp } from '../../src/sandbox/platform/oauth/create-token-registry.ts';
import type { PortalState } from '../../src/sandbox/state/portal-state.ts';
import { currentValue } from '../../src/sandbox/state/stored-object.ts';
import { openStore } from '../../src/server/open-store.ts';
import { type RunningServer, startServer } from '../../src/server/start-server.ts';
import type { Store } from '../../src/store/store.ts';
import { createScratchDatabase, postgresUnavailable, type ScratchDatabase } from '../helpers/postgres.ts';

/**
 * Issue 6, "Catch-up": the real app on the demo portal, stopped while the CRM changes (HubSpot's webhook deliveries
 * to it fail until HubSpot gives up), then started again: it reads the Webhooks Journal from the offset it stored,
 * and what changed is scored and written as if the webhooks had come, without a second task. Then an offset the
 * journal no longer has (404) makes it sweep and start again from the latest entry, and an uninstall recorded in
 * the journal while the app was down purges the portal. Once on SQLite, once on PostgreSQL.
 */

const SEED = 42;
const KEY = randomBytes(32).toString('base64');
const WAIT = { timeout: 60_000, interval: 100 };
const pgUnavailable = await postgresUnavailable();
/** The reason each story of the demo timeline (src/sandbox/demo/demo-timeline.ts) gives its company. */
const EXPECTED_REASON: Record<TimelineRole, string> = {
  champion_leaves: 'champion_departed',
  nps_drop: 'low_nps',
  ticket_surge: 'ticket_surge',
  renewal_cut: 'budget_cut',
};

interface Stack {
  sandbox: DemoSandbox;
  app: SandboxApp;
  portal: PortalState;
  start(): Promise<RunningServer>;
  /** A second connection to the app's database, to see its offsets and purges. */
  peek: Store;
  close(): Promise<void>;
}

async function startStack(database: 'sqlite' | 'postgres'): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'churn-catch-up-'));
  const scratch: ScratchDatabase | null = database === 'postgres' ? await createScratchDatabase() : null;
  const databaseUrl = scratch?.url ?? join(dir, 'app.sqlite');
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const app = demoApp(appUrl);
  const sandbox = await startDemoSandbox({
    seed: SEED,
    portalId: DEMO_PORTAL_ID,
    app,
    webhookTarget: `${appUrl}/webhooks/hubspot`,
  });
  const env = loadEnv({
    HUBSPOT_CLIENT_ID: app.clientId,
    HUBSPOT_CLIENT_SECRET: app.clientSecret,
    HUBSPOT_APP_ID: String(app.appId),
    HUBSPOT_API_BASE_URL: sandbox.url,
    HUBSPOT_AUTH_BASE_URL: sandbox.url,
    PUBLIC_BASE_URL: appUrl,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: KEY,
    LOG_LEVEL: process.env.CATCH_UP_LOG_LEVEL ?? 'silent',
  });
  const peek = await openStore(databaseUrl, KEY);
  const portal = sandbox.state.portal(DEMO_PORTAL_ID);
  if (!portal) throw new Error('the sandbox has no demo portal');
  return {
    sandbox,
    app,
    portal,
    start: () => startServer(env, { pollMs: 50 }),
    peek,
    async close() {
      await peek.close();
      await sandbox.stop();
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** company id → score|level|reasons, as the app wrote them into the sandbox. */
function riskOf(portal: PortalState): Map<string, string> {
  const risk = new Map<string, string>();
  for (const company of portal.list('companies')) {
    const value = (name: string) => currentValue(company, name) ?? '';
    risk.set(company.id, [value('churn_risk_score'), value('churn_risk_level'), value('churn_risk_reasons')].join('|'));
  }
  return risk;
}

/** `companyId:signalId` of each open task the app wrote, sorted, duplicates kept. */
function openTasksOf(portal: PortalState): string[] {
  const open: string[] = [];
  for (const task of portal.list('tasks')) {
    const ref = readTaskRef(currentValue(task, 'hs_task_body'));
    if (!ref || currentValue(task, 'hs_task_status') === 'COMPLETED') continue;
    const [, , companyId, signalId] = ref.split(':');
    open.push(`${companyId}:${signalId}`);
  }
  return open.sort();
}

// Without a PostgreSQL server on a developer machine (never under CI), postgresUnavailable says why it is left out.
const DATABASES: ['SQLite' | 'PostgreSQL', 'sqlite' | 'postgres'][] = [
  ['SQLite', 'sqlite'],
  ...(pgUnavailable ? [] : [['PostgreSQL', 'postgres'] as ['PostgreSQL', 'postgres']]),
];

describe.each(DATABASES)('catch-up after downtime on %s', (_, database) => {
  let stack: Stack;
  let server: RunningServer | null = null;
  const journalOffsets = () =>
    stack.sandbox.platform.journal.entries(stack.app.appId, DEMO_PORTAL_ID).map((e) => e.offset);
  /** Until the app has stored an offset at or past `offset` (its catch-up reached it). */
  const reached = async (offset: string) =>
    vi.waitFor(async () => {
      const stored = (await stack.peek.getJournalOffset(DEMO_PORTAL_ID)) ?? '';
      expect(journalOffsets().indexOf(stored)).toBeGreaterThanOrEqual(journalOffsets().indexOf(offset));
    }, WAIT);
  const restart = async () => {
    await server?.stop();
    server = await stack.start();
    return server;
  };

  beforeAll(async () => {
    stack = await startStack(database);
    server = await stack.start();
    await installThroughOAuth(server.url);
    await pollStatus(
      server.url,
      'the backfill',
      (s) => s.portals.some((p) => p.portalId === DEMO_PORTAL_ID && p.backfill.done),
      { timeoutMs: 150_000 },
    );
    await waitUntilQuiet(stack.sandbox, server.url, 150_000);
    // The install stored where the portal's catch-up starts.
    await vi.waitFor(async () => expect(await stack.peek.getJournalOffset(DEMO_PORTAL_ID)).not.toBeNull(), WAIT);
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
    await stack?.close();
  });

  it('replays from the stored offset what changed while it was down: scored and written, no task twice', async () => {
    const before = riskOf(stack.portal);
    const tasksBefore = openTasksOf(stack.portal);
    await server?.stop();
    server = null;
    // HubSpot retries a failed delivery for 24 h, then gives up: here at once, so only the journal can tell.
    stack.sandbox.platform.senders.get(stack.app.appId)?.close();
    const steps = demoTimeline({ seed: SEED, portal: stack.sandbox.seed, start: Date.now() - 2 * 60_000 });
    for (const step of [...steps].sort((a, b) => a.atMs - b.atMs)) applyChange(stack.portal, step.change);
    const lastChange = journalOffsets().at(-1) as string;
    expect(riskOf(stack.portal)).toEqual(before);

    const running = await restart();
    await reached(lastChange);
    await waitUntilQuiet(stack.sandbox, running.url);

    const after = riskOf(stack.portal);
    const changed = [...after.keys()].filter((id) => after.get(id) !== before.get(id));
    console.info(
      `catch-up (${database}): ${changed.length} companies re-scored: ${changed.map((id) => `${before.get(id)} → ${after.get(id)}`).join('; ')}`,
    );
    // Each story of the timeline shows on its company, as it does when the webhooks arrive (the demo, the faults proof).
    for (const plan of planPortfolio(SEED).filter((p) => p.role !== null)) {
      const company = stack.portal.list('companies').find((c) => currentValue(c, 'name') === plan.profile.name);
      const reasons = after
        .get(company?.id ?? '')
        ?.split('|')[2]
        ?.split(';');
      expect({ role: plan.role, reasons }).toEqual({
        role: plan.role,
        reasons: expect.arrayContaining([EXPECTED_REASON[plan.role as TimelineRole]]),
      });
      expect(before.get(company?.id ?? '')).not.toBe(after.get(company?.id ?? ''));
    }

    const tasks = openTasksOf(stack.portal);
    expect(new Set(tasks).size).toBe(tasks.length);
    expect(tasks.length).toBeGreaterThan(tasksBefore.length);
    expect((await readAppStatus(running.url)).deadLetters).toBe(0);
  }, 120_000);

  it('on an offset the journal no longer has (404), re-scores every company and starts again from the latest entry', async () => {
    await server?.stop();
    server = null;
    await stack.peek.setJournalOffset(DEMO_PORTAL_ID, randomUUID());
    const latest = journalOffsets().at(-1) as string;
    const restartedAt = Date.now();

    await restart();
    await vi.waitFor(async () => expect(await stack.peek.getJournalOffset(DEMO_PORTAL_ID)).toBe(latest), WAIT);
    // The reconciliation is a full re-score: a backfill that started after the restart and scored every company.
    const progress = (await stack.peek.listBackfillProgress()).find((p) => p.portalId === DEMO_PORTAL_ID);
    expect(progress?.startedAt).toBeGreaterThanOrEqual(restartedAt);
    expect(progress?.finishedAt).not.toBeNull();
    expect(progress?.scored).toBe((await stack.peek.listCompanyIds(DEMO_PORTAL_ID)).length);
  }, 120_000);

  it('purges the portal when the journal says the app was uninstalled while it was down', async () => {
    await server?.stop();
    server = null;
    expect(await stack.peek.listCompanyIds(DEMO_PORTAL_ID)).not.toEqual([]);
    stack.sandbox.platform.registry.uninstall(DEMO_PORTAL_ID, stack.app.appId);
    const crmCalls = stack.sandbox.calls.counts().general + stack.sandbox.calls.counts().search;

    const running = await restart();
    await vi.waitFor(async () => expect(await stack.peek.getInstallation(DEMO_PORTAL_ID)).toBeNull(), WAIT);
    expect(await stack.peek.listPortalIds()).toEqual([]);
    expect(await stack.peek.listCompanyIds(DEMO_PORTAL_ID)).toEqual([]);
    expect(await stack.peek.getJournalOffset(DEMO_PORTAL_ID)).toBeNull();
    expect((await readAppStatus(running.url)).portals).toEqual([]);
    // Learnt from the journal: no CRM call was made (a refused token refresh would have needed one).
    expect(stack.sandbox.calls.counts().general + stack.sandbox.calls.counts().search).toBe(crmCalls);
  }, 120_000);
});
