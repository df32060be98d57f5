import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startDemoApp } from '../../src/demo/start-demo-app.ts';
import type { FaultConfig, FaultKind } from '../../src/sandbox/platform/limits/fault-middleware.ts';
import type { DeliveryFaults } from '../../src/sandbox/platform/webhooks/plan-deliveries.ts';
import {
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

/**
 * Issue 6, "Faults": the same scenario (the seeded demo portal backfilled through a real OAuth install, then the
 * demo timeline played fast) on two fresh stacks, once fault-free and once with ~10% of the CRM calls answered
 * 429 / 5xx / slowly / with a dropped connection and the webhooks duplicated and reordered. What the app leaves in
 * HubSpot must be the same: every company's risk score, level and reasons, and the set of its open tasks; on SQLite
 * and on PostgreSQL.
 */

const CRM_FAULTS: FaultConfig = {
  seed: 7,
  // Scoped to the CRM API: the OAuth install itself is not what this proof is about.
  rules: [{ path: '/crm/**', rateLimit: 0.03, serverError: 0.03, slow: 0.02, drop: 0.02, delayMs: 2_000 }],
};
/** Shares of webhook batches; a run sends only ~15 batches, so half of them, to surely see some. */
const DELIVERY_FAULTS: DeliveryFaults = { duplicateShare: 0.5, reorderShare: 0.5, seed: 11 };

interface Outcome extends SandboxOutcome {
  faults: Record<FaultKind, number>;
  /** CRM calls the sandbox received (general + search), faulted ones included. */
  crmCalls: number;
  webhooks: WebhookTotals;
  deadLetters: number;
  ms: number;
}

async function runOnce(store: StoreKind, withFaults: boolean): Promise<Outcome> {
  const started = Date.now();
  const database = await proofDatabase(store);
  const stack = await startProofStack(withFaults ? { deliveryFaults: DELIVERY_FAULTS } : {});
  try {
    if (withFaults) stack.sandbox.platform.faults.configure(CRM_FAULTS);
    const server = await startDemoApp({
      port: stack.port,
      app: stack.app,
      sandboxUrl: stack.sandbox.url,
      databasePath: database.url,
      encryptionKey: randomBytes(32).toString('base64'),
    });
    try {
      const { deadLetters } = await runScenario(stack);
      const { sandbox } = stack;
      return {
        ...readSandboxOutcome(stack.portal),
        faults: sandbox.platform.faults.stats(),
        crmCalls: sandbox.calls.counts().general + sandbox.calls.counts().search,
        webhooks: webhookTotals(sandbox),
        deadLetters,
        ms: Date.now() - started,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await stack.stop();
    await database.drop();
  }
}

const unavailable = await unavailableStores();

for (const store of STORE_KINDS) {
  describe.skipIf(unavailable[store] !== null)(
    `faults on ${store}: 10% injected 429 / 5xx / slow / dropped CRM calls, duplicated and reordered webhooks`,
    () => {
      let clean: Outcome;
      let faulty: Outcome;
      beforeAll(async () => {
        [clean, faulty] = await Promise.all([runOnce(store, false), runOnce(store, true)]);
        console.info(
          `faults proof (${store}): clean run ${clean.ms} ms, faulty run ${faulty.ms} ms; CRM faults ${JSON.stringify(faulty.faults)} in ${faulty.crmCalls} calls (clean: ${clean.crmCalls}); webhooks ${JSON.stringify(faulty.webhooks)}`,
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
    },
  );
}
