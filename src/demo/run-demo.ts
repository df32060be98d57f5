import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoTimeline } from '../sandbox/demo/demo-timeline.ts';
import type { RunningServer } from '../server/start-server.ts';
import { pollStatus } from './app-status.ts';
import { type CallCounts, rateLimitFloorMs } from './count-calls.ts';
import { DEMO_PORTAL_ID, demoApp } from './demo-app.ts';
import { formatRiskReport } from './format-risk-report.ts';
import { freePort } from './free-port.ts';
import { installThroughOAuth } from './install-through-oauth.ts';
import { playTimeline } from './play-timeline.ts';
import { progressLine } from './progress-line.ts';
import { riskRows } from './risk-rows.ts';
import { startDemoApp } from './start-demo-app.ts';
import { type DemoSandbox, startDemoSandbox } from './start-demo-sandbox.ts';
import { startPreviewServer } from './start-preview-server.ts';
import { waitUntilQuiet } from './wait-until-quiet.ts';

export interface DemoOptions {
  /** Play, report and stop (CI); otherwise keep both servers running after the report. */
  once: boolean;
  seed?: number;
  /** How much faster than scripted the timeline plays; default 18 with `once` (~5 s), 3 otherwise (~30 s). */
  timelineSpeed?: number;
  /** The report (stdout). */
  out: (text: string) => void;
  /** Progress and steps (stderr); a TTY gets a redrawn progress bar. */
  err?: { write(text: string): unknown; isTTY?: boolean };
  /** The app's log level; silent by default. */
  logLevel?: string;
}

export interface RunningDemo {
  appUrl: string;
  sandboxUrl: string;
  /** The preview page (risk cards, portfolio); null with `once`. */
  previewUrl: string | null;
  portalId: number;
  /** The backfill's HubSpot calls, and the least time HubSpot's rate limits allow for them. */
  backfill: CallCounts & { ms: number; floorMs: number };
  report: string;
  sandbox: DemoSandbox;
  stop(): Promise<void>;
}

/**
 * The whole product without a HubSpot account: the sandbox with the demo portal, the real app installed into it
 * through the real OAuth flow, the backfill, the scripted timeline arriving as signed webhooks, and the ranked
 * report of what the app wrote back. With `once` everything is stopped before this returns.
 */
export async function runDemo(options: DemoOptions): Promise<RunningDemo> {
  const seed = options.seed ?? 42;
  const speed = options.timelineSpeed ?? (options.once ? 18 : 3);
  const err = options.err ?? process.stderr;
  const say = (line: string) => err.write(`${line}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'churn-demo-'));
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const app = demoApp(appUrl);
  const stops: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step();
  };
  try {
    const sandbox = await startDemoSandbox({
      seed,
      portalId: DEMO_PORTAL_ID,
      app,
      webhookTarget: `${appUrl}/webhooks/hubspot`,
    });
    stops.push(() => sandbox.stop());
    const portal = sandbox.state.portal(DEMO_PORTAL_ID);
    if (!portal) throw new Error('the sandbox did not load the demo portal');
    say(
      `HubSpot sandbox on ${sandbox.url}: demo portal ${DEMO_PORTAL_ID}, ${portal.list('companies').length} companies (seed ${seed})`,
    );

    const databasePath = join(dir, 'demo.sqlite');
    const encryptionKey = randomBytes(32).toString('base64');
    const server: RunningServer = await startDemoApp({
      port,
      app,
      sandboxUrl: sandbox.url,
      databasePath,
      encryptionKey,
      ...(options.logLevel ? { logLevel: options.logLevel } : {}),
    });
    stops.push(() => server.stop());
    say(`Churn Signals on ${server.url}`);

    const started = Date.now();
    const { hops } = await installThroughOAuth(server.url);
    say(`Installed through OAuth: ${hops.join(' → ')}`);
    const bar = progressLine('Backfill: companies scored', err);
    const done = await pollStatus(
      server.url,
      'the backfill',
      (s) => s.portals.some((p) => p.portalId === DEMO_PORTAL_ID && p.backfill.done),
      {
        onStatus: (s) => {
          const p = s.portals.find((x) => x.portalId === DEMO_PORTAL_ID);
          if (p) bar.update(p.backfill.scored, p.backfill.total);
        },
      },
    );
    const progress = done.portals.find((p) => p.portalId === DEMO_PORTAL_ID)?.backfill;
    bar.finish(progress?.scored ?? 0, progress?.total ?? 0);
    const calls = sandbox.calls.counts();
    const backfill = { ...calls, ms: Date.now() - started, floorMs: rateLimitFloorMs(calls) };
    say(
      `Backfill: ${calls.general} HubSpot calls + ${calls.search} searches in ${(backfill.ms / 1000).toFixed(1)} s (HubSpot's limits allow it in ${(backfill.floorMs / 1000).toFixed(0)} s at best; ${calls.throttled} answered 429)`,
    );
    await waitUntilQuiet(sandbox, server.url);
    const before = new Map(riskRows(portal, Date.now()).map((r) => [r.companyId, r.score]));

    // Dated just before now: recent when the app reads them, yet never in the future even when played faster than
    // scripted (the signals ignore records dated after their `now`).
    const steps = demoTimeline({ seed, portal: sandbox.seed, start: Date.now() - 2 * 60_000 });
    say(`\nTimeline (${steps.length} changes in HubSpot, played ${speed}× faster than scripted):`);
    await playTimeline(portal, steps, {
      speed,
      onStep: (step) => say(`  +${String(Math.round(step.atMs / 1000)).padStart(3)} s  ${step.description}`),
    });
    await waitUntilQuiet(sandbox, server.url);
    say('');

    const report = formatRiskReport(riskRows(portal, Date.now()), { before });
    options.out(report);
    let previewUrl: string | null = null;
    if (!options.once) {
      const preview = await startPreviewServer({ sandbox, databasePath, encryptionKey });
      stops.push(() => preview.stop());
      previewUrl = preview.url;
    }
    const running: RunningDemo = {
      appUrl: server.url,
      sandboxUrl: sandbox.url,
      previewUrl,
      portalId: DEMO_PORTAL_ID,
      backfill,
      report,
      sandbox,
      stop,
    };
    if (options.once) await stop();
    return running;
  } catch (error) {
    await stop();
    throw error;
  }
}
