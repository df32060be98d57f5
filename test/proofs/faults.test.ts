import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTaskRef } from '../../src/adapters/hubspot/live/task-html.ts';
import { pollStatus } from '../../src/demo/app-status.ts';
import { DEMO_PORTAL_ID, demoApp } from '../../src/demo/demo-app.ts';
import { freePort } from '../../src/demo/free-port.ts';
import { installThroughOAuth } from '../../src/demo/install-through-oauth.ts';
import { playTimeline } from '../../src/demo/play-timeline.ts';
import { startDemoApp } from '../../src/demo/start-demo-app.ts';
import { startDemoSandbox } from '../../src/demo/start-demo-sandbox.ts';
import { waitUntilQuiet } from '../../src/demo/wait-until-quiet.ts';
import { demoTimeline } from '../../src/sandbox/demo/demo-timeline.ts';
import type { FaultConfig, FaultKind } from '../../src/sandbox/platform/limits/fault-middleware.ts';
import type { DeliveryFaults } from '../../src/sandbox/platform/webhooks/plan-deliveries.ts';
import { currentValue } from '../../src/sandbox/state/stored-object.ts';

/**
 * Issue 6, "Faults": the same scenario (the seeded demo portal backfilled through a real OAuth install, then the
 * demo timeline played fast) on two fresh stacks, once fault-free and once with ~10% of the CRM calls answered
 * 429 / 5xx / slowly / with a dropped connection and the webhooks duplicated and reordered. What the app leaves in
 * HubSpot must be the same: every company's risk score, level and reasons, and the set of its open tasks.
 */

const SEED = 42;
const TIMELINE_SPEED = 18;

const CRM_FAULTS: FaultConfig = {
  seed: 7,
  // Scoped to the CRM API: the OAuth install itself is not what this proof is about.
  rules: [{ path: '/crm/**', rateLimit: 0.03, serverError: 0.03, slow: 0.02, drop: 0.02, delayMs: 2_000 }],
};
/** Shares of webhook batches; a run sends only ~15 batches, so half of them, to surely see some. */
const DELIVERY_FAULTS: DeliveryFaults = { duplicateShare: 0.5, reorderShare: 0.5, seed: 11 };

interface Outcome {
  /** company id → score|level|reasons (no timestamps). */
  risk: Map<string, string>;
  /** `companyId:signalId` of every open task the app wrote, sorted, duplicates kept. */
  openTasks: string[];
  /** Every task the app wrote, open or not: `companyId:signalId:status`, sorted. */
  allTasks: string[];
  faults: Record<FaultKind, number>;
  /** CRM calls the sandbox received (general + search), faulted ones included. */
  crmCalls: number;
  webhooks: { events: number; requests: number; delivered: number; failures: number; duplicates: number };
  deadLetters: number;
  ms: number;
}

async function runScenario(withFaults: boolean): Promise<Outcome> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'churn-faults-'));
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const app = demoApp(appUrl);
  const sandbox = await startDemoSandbox({
    seed: SEED,
    portalId: DEMO_PORTAL_ID,
    app,
    webhookTarget: `${appUrl}/webhooks/hubspot`,
    ...(withFaults ? { deliveryFaults: DELIVERY_FAULTS } : {}),
  });
  try {
    if (withFaults) sandbox.platform.faults.configure(CRM_FAULTS);
    const server = await startDemoApp({
      port,
      app,
      sandboxUrl: sandbox.url,
      databasePath: join(dir, 'app.sqlite'),
      encryptionKey: randomBytes(32).toString('base64'),
    });
    try {
      await installThroughOAuth(server.url);
      await pollStatus(
        server.url,
        'the backfill',
        (s) => s.portals.some((p) => p.portalId === DEMO_PORTAL_ID && p.backfill.done),
        { timeoutMs: 150_000 },
      );
      await waitUntilQuiet(sandbox, server.url, 150_000);
      const portal = sandbox.state.portal(DEMO_PORTAL_ID);
      if (!portal) throw new Error('the sandbox lost the demo portal');
      const steps = demoTimeline({ seed: SEED, portal: sandbox.seed, start: Date.now() - 2 * 60_000 });
      await playTimeline(portal, steps, { speed: TIMELINE_SPEED, onStep: () => {} });
      await waitUntilQuiet(sandbox, server.url, 150_000);
      const status = await pollStatus(server.url, 'the status', () => true);

      const risk = new Map<string, string>();
      for (const company of portal.list('companies')) {
        const value = (name: string) => currentValue(company, name) ?? '';
        risk.set(
          company.id,
          [value('churn_risk_score'), value('churn_risk_level'), value('churn_risk_reasons')].join('|'),
        );
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
      const sent = [...sandbox.platform.senders.values()].map((s) => s.stats());
      const sum = (pick: (s: (typeof sent)[number]) => number) => sent.reduce((total, s) => total + pick(s), 0);
      const webhooks = {
        events: sum((s) => s.events),
        requests: sum((s) => s.requests),
        delivered: sum((s) => s.delivered),
        failures: sum((s) => s.failures),
        // Every request is a first attempt, a retry (each after a failure) or a duplicate of an accepted batch.
        duplicates: sum((s) => s.requests - s.delivered - s.failures),
      };
      return {
        risk,
        openTasks: openTasks.sort(),
        allTasks: allTasks.sort(),
        faults: sandbox.platform.faults.stats(),
        crmCalls: sandbox.calls.counts().general + sandbox.calls.counts().search,
        webhooks,
        deadLetters: status.deadLetters,
        ms: Date.now() - started,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('faults: 10% injected 429 / 5xx / slow / dropped CRM calls, duplicated and reordered webhooks', () => {
  let clean: Outcome;
  let faulty: Outcome;
  beforeAll(async () => {
    clean = await runScenario(false);
    faulty = await runScenario(true);
    console.info(
      `faults proof: clean run ${clean.ms} ms, faulty run ${faulty.ms} ms; CRM faults ${JSON.stringify(faulty.faults)} in ${faulty.crmCalls} calls (clean: ${clean.crmCalls}); webhooks ${JSON.stringify(faulty.webhooks)}`,
    );
  }, 300_000);

  it('really injected faults in the second run, and none in the first', () => {
    const injected = Object.values(faulty.faults).reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(0);
    expect(faulty.faults.rateLimit + faulty.faults.serverError).toBeGreaterThan(0);
    expect(faulty.webhooks.duplicates).toBeGreaterThan(0);
    expect(Object.values(clean.faults).reduce((a, b) => a + b, 0)).toBe(0);
    expect(clean.webhooks.duplicates).toBe(0);
  });

  it('scored every company, and the same way in both runs', () => {
    expect(clean.risk.size).toBe(60);
    for (const value of clean.risk.values()) expect(value).toMatch(/^\d+\|\w+\|/);
    expect(Object.fromEntries(faulty.risk)).toEqual(Object.fromEntries(clean.risk));
  });

  it('left the same tasks, at most one open task per company and signal', () => {
    expect(clean.openTasks.length).toBeGreaterThan(0);
    expect(faulty.allTasks).toEqual(clean.allTasks);
    expect(faulty.openTasks).toEqual(clean.openTasks);
    for (const run of [clean, faulty]) expect(new Set(run.openTasks).size).toBe(run.openTasks.length);
  });

  it('dead-lettered nothing', () => {
    expect(clean.deadLetters).toBe(0);
    expect(faulty.deadLetters).toBe(0);
  });
});
