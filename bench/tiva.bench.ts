// The OECD TiVA indicator set (tivaIndicators) and the Miroudot–Ye decomposition (myDecomposition)
// against today's all-country bmDecomposition (exporter perspective, source approach) on the
// synthetic ICIO table of 2,464 rows (44 × 56, WIOD-sized), in the same run: time in interleaved
// rounds (so that every case sees the same state of a shared machine) and peak memory of one call in
// a fresh Node each. `npx tsx bench/tiva.bench.ts` (source, no build); pass `G N` for another size:
// `npx tsx bench/tiva.bench.ts 20 50`; a third argument keeps only the cases whose name contains it
// (and the baseline): `npx tsx bench/tiva.bench.ts 44 56 bilateral`. CPU time (user + system, all
// threads of the process) is shown next to wall time, for a loaded machine. Issue #17 asks the all-country TiVA set to stay within 2× the
// baseline's time and within its memory.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as io from '../src/io/index.js';
import { ms, peakRssMiB, settledRssMiB } from './harness.js';
import { syntheticIcio } from './synthetic.js';

type Case = readonly [name: string, run: (t: io.Icio) => readonly unknown[]];
const ALL_CASES: readonly Case[] = [
  ['bmDecomposition (baseline)', (t) => io.bmDecomposition(t)],
  ['tivaIndicators, country', (t) => io.tivaIndicators(t)],
  ['tivaIndicators, sector', (t) => io.tivaIndicators(t, { level: 'sector' })],
  ['tivaIndicators, bilateral', (t) => io.tivaIndicators(t, { level: 'bilateral' })],
  ['myDecomposition, country', (t) => io.myDecomposition(t)],
  ['myDecomposition, sector perimeter', (t) => io.myDecomposition(t, { perimeter: 'sector' })],
  ['myDecomposition, world', (t) => io.myDecomposition(t, { perimeter: 'world' })],
  ['myDecomposition, bilateral', (t) => io.myDecomposition(t, { perimeter: 'bilateral' })],
];
const only = process.argv[2] === '--memory' ? undefined : process.argv[4];
const CASES = ALL_CASES.filter(([name], k) => k === 0 || only === undefined || name.includes(only));

const run = (t: io.Icio, f: Case[1]) => f(t);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

if (process.argv[2] === '--memory') {
  // Child mode: one call of case argv[5] on the G × N table; prints "RSS before, peak RSS" in MiB.
  const [G, N, k] = process.argv.slice(3, 6).map(Number) as [number, number, number];
  const t = syntheticIcio(G, N);
  const before = await settledRssMiB();
  const out = run(t, ALL_CASES[k]![1]);
  console.log(`${before} ${peakRssMiB()} ${out.length}`);
} else {
  const [G = 44, N = 56] = process.argv.slice(2, 4).map(Number);
  const n = G * N;
  const t = syntheticIcio(G, N);
  const rounds = 3;
  const samples = CASES.map(() => [] as number[]);
  const cpu = CASES.map(() => [] as number[]);
  for (const [, f] of CASES) run(t, f); // warm-up
  for (let round = 0; round < rounds; round++) {
    CASES.forEach(([, f], k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      run(t, f);
      samples[k]!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[k]!.push((c.user + c.system) / 1000);
    });
  }
  const ratios = samples.map((xs) => median(xs.map((x, i) => x / samples[0]![i]!)));
  const cpuRatios = cpu.map((xs) => median(xs.map((x, i) => x / cpu[0]![i]!)));
  const script = fileURLToPath(import.meta.url);
  const matrixMiB = (n * n * 8) / 2 ** 20;
  console.log(
    `\nTiVA and Miroudot–Ye, ${G} × ${N} = ${n} rows, ${rounds} interleaved rounds (Node ${process.version})`,
  );
  console.log(
    `${'case'.padEnd(36)}${'records'.padStart(9)}${'median'.padStart(11)}${'ratio'.padStart(8)}${'CPU'.padStart(11)}${'ratio'.padStart(8)}  peak RSS − RSS before`,
  );
  CASES.forEach(([name], k) => {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', script, '--memory', G, N, ALL_CASES.indexOf(CASES[k]!)].map(String),
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
      `${name.padEnd(36)}${String(records ?? '—').padStart(9)}${ms(median(samples[k]!)).padStart(11)}${`${ratios[k]!.toFixed(2)}×`.padStart(8)}${ms(median(cpu[k]!)).padStart(11)}${`${cpuRatios[k]!.toFixed(2)}×`.padStart(8)}  ${mem}`,
    );
  });
}
