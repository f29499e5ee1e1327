// The Borin–Mancini perspectives (bmPerspectiveDecomposition) against today's all-country
// bmDecomposition (exporter perspective, source approach) on the synthetic ICIO table of 2,464 rows
// (44 × 56, WIOD-sized), in the same run: time in interleaved rounds (so that every case sees the
// same state of a shared machine) and peak memory of one call in a fresh Node each.
// `npx tsx bench/bm-perspectives.bench.ts` (source, no build); pass `G N` for another size:
// `npx tsx bench/bm-perspectives.bench.ts 20 50`. Issue #17 asks each case to stay within 2× the
// baseline's time and within its memory.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as io from '../src/io/index.js';
import { ms, peakRssMiB, settledRssMiB } from './harness.js';
import { syntheticIcio } from './synthetic.js';

type Case = readonly [name: string, options: io.BmPerspectiveOptions | undefined];
const CASES: readonly Case[] = [
  ['bmDecomposition (baseline)', undefined],
  ['exporter, sink', { approach: 'sink' }],
  ['exporter, sink, by sector', { approach: 'sink', level: 'sector' }],
  ['sector', { perspective: 'sector' }],
  ['world', { perspective: 'world' }],
  ['bilateral', { perspective: 'bilateral' }],
  ['bilateral, by sector', { perspective: 'bilateral', level: 'sector' }],
  ['bilateral-sector', { perspective: 'bilateral-sector' }],
];

const run = (t: io.Icio, options: io.BmPerspectiveOptions | undefined) =>
  options === undefined ? io.bmDecomposition(t) : io.bmPerspectiveDecomposition(t, options);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

if (process.argv[2] === '--memory') {
  // Child mode: one call of case argv[5] on the G × N table; prints "RSS before, peak RSS" in MiB.
  const [G, N, k] = process.argv.slice(3, 6).map(Number) as [number, number, number];
  const t = syntheticIcio(G, N);
  const before = await settledRssMiB();
  const out = run(t, CASES[k]![1]);
  console.log(`${before} ${peakRssMiB()} ${out.length}`);
} else {
  const [G = 44, N = 56] = process.argv.slice(2, 4).map(Number);
  const n = G * N;
  const t = syntheticIcio(G, N);
  const rounds = 3;
  const samples = CASES.map(() => [] as number[]);
  for (const [, options] of CASES) run(t, options); // warm-up
  for (let round = 0; round < rounds; round++) {
    CASES.forEach(([, options], k) => {
      const t0 = performance.now();
      run(t, options);
      samples[k]!.push(performance.now() - t0);
    });
  }
  const ratios = samples.map((xs) => median(xs.map((x, i) => x / samples[0]![i]!)));
  const script = fileURLToPath(import.meta.url);
  const matrixMiB = (n * n * 8) / 2 ** 20;
  console.log(
    `\nBorin–Mancini perspectives, ${G} × ${N} = ${n} rows, ${rounds} interleaved rounds (Node ${process.version})`,
  );
  console.log(
    `${'case'.padEnd(30)}${'records'.padStart(9)}${'median'.padStart(11)}${'ratio'.padStart(8)}  peak RSS − RSS before`,
  );
  CASES.forEach(([name], k) => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script, '--memory', G, N, k].map(String),
      {
        encoding: 'utf8',
      },
    );
    const [before, peak, records] = (r.status === 0 ? (r.stdout.trim().split('\n').at(-1) ?? '') : '')
      .split(' ')
      .map(Number);
    const mem = Number.isFinite(peak! - before!)
      ? `${(peak! - before!).toFixed(0)} MiB = ${((peak! - before!) / matrixMiB).toFixed(1)} n²`
      : '—';
    console.log(
      `${name.padEnd(30)}${String(records ?? '—').padStart(9)}${ms(median(samples[k]!)).padStart(11)}${`${ratios[k]!.toFixed(2)}×`.padStart(8)}  ${mem}`,
    );
  });
}
