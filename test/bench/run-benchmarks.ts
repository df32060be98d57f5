// npm run bench — the service benchmarks of issue 6 against the sandbox on 127.0.0.1, on SQLite and PostgreSQL:
// webhook ingest, end to end, API economy and backfill. Prints a table and writes test/bench/results/ (*.json, and
// results.md: the table with the machine, which test/bench/README.md shows).
// Measures and reports; asserts nothing. Environment:
//   BENCH_STORES=sqlite,postgres   which stores (PostgreSQL at PGTEST_URL, default postgres://postgres@127.0.0.1:5432)
//   BENCH_ONLY=ingest,e2e,economy,backfill   which benchmarks
//   BENCH_BACKFILL_COMPANIES=10000   the backfill's portal size
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { type ApiEconomyResult, apiEconomyBench } from './api-economy-bench.ts';
import { type BackfillResult, backfillBench } from './backfill-bench.ts';
import { type BenchStore, benchStore, type StoreKind } from './bench-store.ts';
import { type EndToEndResult, endToEndBench } from './end-to-end-bench.ts';
import { type BenchRow, formatBenchTable } from './format-bench-table.ts';
import { type IngestResult, ingestBench } from './ingest-bench.ts';

const OUT_DIR = join(import.meta.dirname, 'results');
const list = (value: string | undefined, all: string[]) => (value ? value.split(',').map((s) => s.trim()) : all);
const STORES = list(process.env.BENCH_STORES, ['sqlite', 'postgres']) as StoreKind[];
const ONLY = new Set(list(process.env.BENCH_ONLY, ['ingest', 'e2e', 'economy', 'backfill']));
const BACKFILL_COMPANIES = Number(process.env.BENCH_BACKFILL_COMPANIES ?? 10_000);

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString(),
};
const say = (line: string) => process.stderr.write(`${line}\n`);
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const int = (value: number) => Math.round(value).toLocaleString('en-US');

interface Bench<R> {
  name: string;
  title: string;
  target: string;
  run(store: StoreKind, databaseUrl: string): Promise<R>;
  figure(result: R): string;
  met(result: R): boolean;
}

const benches: Bench<unknown>[] = [
  {
    name: 'ingest',
    title: '1. webhook ingest',
    target: '≥ 5,000 ev/s, p99 < 100 ms',
    run: (store, url) => ingestBench(store, url, { durationMs: 10_000, concurrency: 16, batchSize: 50 }),
    figure: (r: IngestResult) =>
      `${int(r.app.eventsPerSecond)} ev/s, p50/p99 ${ms(r.app.p50Ms)}/${ms(r.app.p99Ms)} ` +
      `(bare JSON ${int(r.bare.eventsPerSecond)} ev/s, ${ms(r.bare.p50Ms)}/${ms(r.bare.p99Ms)}; ratio ${r.ratio.toFixed(2)})`,
    met: (r: IngestResult) =>
      r.app.eventsPerSecond >= 5_000 && r.app.p99Ms < 100 && r.app.failed === 0 && r.app.accepted > 0,
  } satisfies Bench<IngestResult> as Bench<unknown>,
  {
    name: 'e2e',
    title: '2. end to end',
    target: 'p95 ≤ 5 s',
    run: (store, url) => endToEndBench(store, url, { eventsPerSecond: 200, durationMs: 20_000, companies: 100 }),
    figure: (r: EndToEndResult) =>
      `p50/p95/p99 ${ms(r.p50Ms)}/${ms(r.p95Ms)}/${ms(r.p99Ms)} at ${int(r.eventsPerSecond)} ev/s ` +
      `(${int(r.measured)} of ${int(r.changes)} changes, ${r.companies} companies, ${r.calls} calls)`,
    met: (r: EndToEndResult) => r.unresolved === 0 && r.p95Ms <= 5_000,
  } satisfies Bench<EndToEndResult> as Bench<unknown>,
  {
    name: 'economy',
    title: '3. API economy',
    target: '≤ 40 calls / 1,000 ev',
    run: (store, url) => apiEconomyBench(store, url, { companies: 100, contactsPerCompany: 10 }),
    figure: (r: ApiEconomyResult) =>
      `${r.callsPer1000Events.toFixed(0)} calls / 1,000 ev (${r.calls} for ${int(r.events)} events; naive ${int(r.naivePer1000Events)})`,
    met: (r: ApiEconomyResult) => r.callsPer1000Events <= 40,
  } satisfies Bench<ApiEconomyResult> as Bench<unknown>,
  {
    name: 'backfill',
    title: '4. backfill',
    target: '≤ 1.2× rate-limit bound',
    run: (store, url) => backfillBench(store, url, { companies: BACKFILL_COMPANIES, timeoutMs: 20 * 60_000 }),
    figure: (r: BackfillResult) =>
      `${r.ratio.toFixed(2)}× (${int(r.companies)} companies: ${ms(r.elapsedMs)} for ${int(r.calls)} calls` +
      `${r.searches ? ` + ${r.searches} searches` : ''}, bound ${ms(r.lowerBoundMs)}, ${r.throttled} × 429)`,
    met: (r: BackfillResult) => r.ratio <= 1.2,
  } satisfies Bench<BackfillResult> as Bench<unknown>,
];

mkdirSync(OUT_DIR, { recursive: true });
say(`benchmarks on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, stores: ${STORES.join(', ')}`);
const rows: BenchRow[] = [];
const all: Record<string, unknown[]> = {};
for (const bench of benches.filter((b) => ONLY.has(b.name))) {
  const results: unknown[] = [];
  for (const kind of STORES) {
    say(`${bench.title} on ${kind} …`);
    let store: BenchStore | null = null;
    const started = Date.now();
    try {
      store = await benchStore(kind);
      const result = await bench.run(kind, store.url);
      results.push(result);
      rows.push({
        benchmark: bench.title,
        store: kind,
        figure: bench.figure(result),
        target: bench.target,
        met: bench.met(result),
      });
      say(`  ${bench.figure(result)} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    } catch (error) {
      const reason = (error as Error).message.split('\n')[0] ?? String(error);
      results.push({ store: kind, error: reason });
      rows.push({ benchmark: bench.title, store: kind, figure: `not run: ${reason}`, target: bench.target, met: null });
      say(`  failed: ${reason}`);
    } finally {
      await store?.drop().catch(() => {});
    }
  }
  all[bench.name] = results;
  writeFileSync(join(OUT_DIR, `${bench.name}.json`), `${JSON.stringify({ machine, results }, null, 2)}\n`);
}
writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify({ machine, rows, results: all }, null, 2)}\n`);

const heading = `Churn Signals service benchmarks — ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, ${machine.date}`;
const table = formatBenchTable(rows);
writeFileSync(join(OUT_DIR, 'results.md'), `${heading}\n\n${table}\n`);
console.log(`\n${heading}\n`);
console.log(table);
console.log(`\nResults: test/bench/results/{${[...Object.keys(all), 'results'].join(',')}}.json and results.md`);
