// npm run bench:engine — generates varied HubSpot account bundles, then measures the engine on one core (one
// thread, no workers). Prints numbers; asserts nothing. BENCH_ACCOUNTS overrides the 10,000 accounts.
import { performance } from 'node:perf_hooks';
import { parseHubSpotBundle } from '../../src/adapters/hubspot/bundle.ts';
import { toSnapshot } from '../../src/adapters/hubspot/to-snapshot.ts';
import { assess } from '../../src/core/assess.ts';
import type { Assessment } from '../../src/core/assessment.ts';
import { resolveConfig } from '../../src/core/tenant-config.ts';
import { SIGNALS } from '../../src/signals/index.ts';
import { generateBundle, mulberry32 } from './generate-bundles.ts';

const COUNT = Number(process.env.BENCH_ACCOUNTS ?? 10_000);
const ROUNDS = 5;
const NOW = Date.parse('2026-11-15T12:00:00Z');
const config = resolveConfig({ competitors: ['Competitor Co', 'RivalSoft'] }, SIGNALS);

const rand = mulberry32(20261115);
const bundles = Array.from({ length: COUNT }, (_, i) => generateBundle(rand, i, NOW));
const texts = bundles.map((b) => JSON.stringify(b));
const parsed = texts.map((t) => parseHubSpotBundle(JSON.parse(t)));
const snapshots = parsed.map((b) => toSnapshot(b, config.mappings));

/** Best-of-rounds throughput, after a warm-up, of `step` over every input (one input = one account). */
function measure<T>(label: string, inputs: readonly T[], step: (input: T) => unknown) {
  for (const input of inputs.slice(0, 2_000)) step(input);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    for (const input of inputs) step(input);
    best = Math.min(best, performance.now() - start);
  }
  return {
    label,
    perSecond: Math.round((inputs.length / best) * 1000),
    microsPerAccount: (best * 1000) / inputs.length,
  };
}

const rows = [
  measure('snapshot → assessment (target ≥ 20,000/s)', snapshots, (s) => assess(s, config, NOW)),
  measure('bundle → snapshot (mapping)', parsed, (b) => toSnapshot(b, config.mappings)),
  measure('bundle → assessment', parsed, (b) => assess(toSnapshot(b, config.mappings), config, NOW)),
  measure('JSON text → validated bundle → assessment', texts, (t) =>
    assess(toSnapshot(parseHubSpotBundle(JSON.parse(t)), config.mappings), config, NOW),
  ),
];

const assessments: Assessment[] = snapshots.map((s) => assess(s, config, NOW));
const levels = new Map<string, number>();
const fired = new Map<string, number>();
for (const a of assessments) {
  levels.set(a.level, (levels.get(a.level) ?? 0) + 1);
  for (const r of a.reasons) fired.set(r.id, (fired.get(r.id) ?? 0) + 1);
}

console.log(
  `engine benchmark: ${COUNT} generated accounts, ${SIGNALS.length} signals, Node ${process.version}, best of ${ROUNDS} rounds, one thread`,
);
console.log('');
console.log(`${'path'.padEnd(46)} ${'accounts/s'.padStart(11)} ${'µs/account'.padStart(11)}`);
for (const r of rows)
  console.log(
    `${r.label.padEnd(46)} ${String(r.perSecond).padStart(11)} ${r.microsPerAccount.toFixed(2).padStart(11)}`,
  );
console.log('');
console.log(`levels: ${[...levels].map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(
  `accounts per signal fired: ${[...fired]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
const target = rows[0]?.perSecond ?? 0;
console.log(
  `\nsnapshot → assessment: ${target} accounts/s ${target >= 20_000 ? 'meets' : 'MISSES'} the 20,000/s target`,
);
