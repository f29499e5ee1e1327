// The satellite-account functions (footprints, multipliers, stressors embodied in final demand and
// in exports) against today's all-country bmDecomposition on the synthetic ICIO table of 2,464 rows
// (44 × 56, WIOD-sized) with two stressors, in the same run: time in interleaved rounds (so that
// every case sees the same state of a shared machine) and peak memory of one call in a fresh Node
// each. `npx tsx bench/footprints.bench.ts` (source, no build); pass `G N k` for another size or
// number of stressors: `npx tsx bench/footprints.bench.ts 20 50 10`. Issue #17 asks each case to
// stay within 2× the baseline's time.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as io from '../src/io/index.js';
import { ms, peakRssMiB, settledRssMiB } from './harness.js';
import { syntheticIcio } from './synthetic.js';

type Case = readonly [name: string, run: (t: io.Icio) => readonly unknown[]];
const CASES: readonly Case[] = [
  ['bmDecomposition (baseline)', (t) => io.bmDecomposition(t)],
  ['footprintAccounts', (t) => io.footprintAccounts(t)],
  ['footprintAccounts, by sector', (t) => io.footprintAccounts(t, { level: 'sector' })],
  ['stressorMultipliers', (t) => io.stressorMultipliers(t)],
  ['embodiedInFinalDemand', (t) => io.embodiedInFinalDemand(t)],
  ['embodiedInFinalDemand, by sector', (t) => io.embodiedInFinalDemand(t, { level: 'sector' })],
  ['embodiedInExports', (t) => io.embodiedInExports(t)],
  ['embodiedInExports, by sector', (t) => io.embodiedInExports(t, { level: 'sector' })],
];

/** The synthetic table with k deterministic stressors (the first with a few negative entries). */
function table(G: number, N: number, k: number): io.Icio {
  const t = syntheticIcio(G, N);
  const n = G * N;
  const F = Array.from({ length: k }, (_, s) =>
    Array.from(
      { length: n },
      (_, j) => ((j * 7919 + s * 104729) % 1000) / 10 - (s === 0 && j % 97 === 0 ? 50 : 0),
    ),
  );
  const FY = Array.from({ length: k }, (_, s) => Array.from({ length: G }, (_, d) => d + s));
  const stressors = F.map((_, s) => ({ name: `stressor ${s}`, unit: 'kt' }));
  return io.attachSatellite(t, { stressors, F, FY });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

if (process.argv[2] === '--memory') {
  // Child mode: one call of case argv[6] on the G × N table with k stressors; prints "RSS before,
  // peak RSS, records" in MiB.
  const [G, N, k, c] = process.argv.slice(3, 7).map(Number) as [number, number, number, number];
  const t = table(G, N, k);
  const before = await settledRssMiB();
  const out = CASES[c]![1](t);
  console.log(`${before} ${peakRssMiB()} ${out.length}`);
} else {
  const [G = 44, N = 56, k = 2] = process.argv.slice(2, 5).map(Number);
  const n = G * N;
  const t = table(G, N, k);
  const rounds = 3;
  const samples = CASES.map(() => [] as number[]);
  for (const [, run] of CASES) run(t); // warm-up
  for (let round = 0; round < rounds; round++) {
    CASES.forEach(([, run], c) => {
      const t0 = performance.now();
      run(t);
      samples[c]!.push(performance.now() - t0);
    });
  }
  const ratios = samples.map((xs) => median(xs.map((x, i) => x / samples[0]![i]!)));
  const script = fileURLToPath(import.meta.url);
  const matrixMiB = (n * n * 8) / 2 ** 20;
  console.log(
    `\nFootprints, ${G} × ${N} = ${n} rows, ${k} stressors, ${rounds} interleaved rounds (Node ${process.version})`,
  );
  console.log(
    `${'case'.padEnd(34)}${'records'.padStart(9)}${'median'.padStart(11)}${'ratio'.padStart(8)}  peak RSS − RSS before`,
  );
  CASES.forEach(([name], c) => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script, '--memory', G, N, k, c].map(String),
      { encoding: 'utf8' },
    );
    const [before, peak, records] = (r.status === 0 ? (r.stdout.trim().split('\n').at(-1) ?? '') : '')
      .split(' ')
      .map(Number);
    const mem = Number.isFinite(peak! - before!)
      ? `${(peak! - before!).toFixed(0)} MiB = ${((peak! - before!) / matrixMiB).toFixed(1)} n²`
      : '—';
    console.log(
      `${name.padEnd(34)}${String(records ?? '—').padStart(9)}${ms(median(samples[c]!)).padStart(11)}${`${ratios[c]!.toFixed(2)}×`.padStart(8)}  ${mem}`,
    );
  });
}
