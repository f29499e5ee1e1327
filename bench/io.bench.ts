// Input–output engine: Leontief inverse and the all-country Borin–Mancini decomposition on
// synthetic ICIO tables of 500, 1,000 and 2,464 (44 × 56, WIOD-sized) rows, with the ratio to
// numpy.linalg.inv on the same matrix in the same run when python3 with NumPy is available.
// Imports the source so that no build is needed (`npx tsx bench/io.bench.ts`); pass sizes to run
// only some: `npx tsx bench/io.bench.ts 500 1000`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as io from '../src/io/index.js';
import { simdKernel, useSimd } from '../src/io/kernels/simd.js';
import { report, type Timing, time } from './harness.js';
import { syntheticIcio } from './synthetic.js';

/**
 * numpy.linalg.inv of a matrix written once to a temporary file: each call of the returned function
 * starts python3, inverts once to warm up, then times `runs` inversions and returns their median in
 * milliseconds (undefined where python3 or NumPy is missing).
 */
function numpyInverter(
  matrix: Float64Array,
  n: number,
): { run: (runs: number) => number | undefined; close: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gvckit-bench-'));
  const file = join(dir, 'm.f64');
  writeFileSync(file, matrix);
  const run = (runs: number) => {
    const script = [
      'import sys, time, numpy as np',
      `a = np.fromfile(sys.argv[1], dtype=np.float64).reshape(${n}, ${n})`,
      'np.linalg.inv(a)',
      'ts = []',
      `for _ in range(${runs}):`,
      '    t = time.perf_counter(); np.linalg.inv(a); ts.append((time.perf_counter() - t) * 1000)',
      'ts.sort(); print(ts[len(ts) // 2])',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, file], {
      encoding: 'utf8',
      env: { ...process.env, OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' },
    });
    if (r.status !== 0) return undefined;
    const median = Number(r.stdout.trim());
    return Number.isFinite(median) ? median : undefined;
  };
  return { run, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The median of some numbers. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Times `fn` and numpy.linalg.inv in alternation, `rounds` times each (after one warm-up call of
 * `fn`), so that both see the same state of a shared machine; also returns the median of the
 * ratios of each round.
 */
function interleaved(
  fn: () => unknown,
  numpy: ReturnType<typeof numpyInverter>,
  rounds: number,
): { ours: Timing; numpy?: Timing; roundRatio?: number } {
  fn();
  const ours: number[] = [];
  const theirs: number[] = [];
  let peak = process.memoryUsage.rss();
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    ours.push(performance.now() - t0);
    peak = Math.max(peak, process.memoryUsage.rss());
    const t = numpy.run(1);
    if (t !== undefined) theirs.push(t);
  }
  const timing = (xs: number[], rss: number): Timing => ({
    median: median(xs),
    runs: xs.length,
    peakRssMiB: rss,
  });
  if (theirs.length !== ours.length) return { ours: timing(ours, peak / 2 ** 20) };
  return {
    ours: timing(ours, peak / 2 ** 20),
    numpy: timing(theirs, Number.NaN),
    roundRatio: median(ours.map((o, i) => o / theirs[i]!)),
  };
}

/**
 * Runs the benchmark script `name` (beside this file) in a child Node with the flags `flags` and
 * the arguments `args`, and returns the last line it printed; undefined if it failed.
 */
function childLastLine(name: string, flags: string[], args: Array<string | number>): string | undefined {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', script, ...args.map(String)], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim().split('\n').at(-1) : undefined;
}

/**
 * The memory that one call of `what` (leontiefInverse or bmDecomposition) adds on the synthetic
 * table, measured in a fresh Node (bench/peak-memory.ts): the process's peak resident set size less
 * its size just before the call, in MiB, and as a multiple of one n×n matrix of doubles; undefined
 * if the child fails.
 */
function peakMemory(G: number, N: number, what: string): string | undefined {
  const line = childLastLine('peak-memory.ts', ['--expose-gc'], [G, N, what]);
  const [before, peak, during] = (line ?? '').split(' ').map(Number);
  if (!Number.isFinite(before) || !Number.isFinite(peak)) return undefined;
  const n = G * N;
  const matrixMiB = (n * n * 8) / 2 ** 20;
  const added = peak! - before!;
  return `one call in a fresh process: peak RSS − RSS before ${during === 1 ? '' : 'at most '}${added.toFixed(0)} MiB = ${(added / matrixMiB).toFixed(1)} × one n² matrix (${matrixMiB.toFixed(0)} MiB)`;
}

/**
 * The median time of leontiefInverse with the relaxed SIMD (fused multiply–add) kernel, in a child
 * Node that has it (flag --experimental-wasm-relaxed-simd before Node 22); undefined if it fails.
 */
function relaxedSimdInverse(G: number, N: number, runs: number): Timing | undefined {
  const major = Number(process.versions.node.split('.')[0]);
  const flags = major < 22 ? ['--experimental-wasm-relaxed-simd'] : [];
  const median = Number(childLastLine('relaxed-simd-inverse.ts', flags, [G, N, runs]) ?? Number.NaN);
  return Number.isFinite(median) ? { median, runs, peakRssMiB: Number.NaN } : undefined;
}

const sizes: Array<[number, number]> = [
  [10, 50],
  [20, 50],
  [44, 56],
];
const only = process.argv.slice(2).map(Number).filter(Number.isFinite);
const bm = (io as Record<string, unknown>).bmDecomposition as ((t: io.Icio) => unknown) | undefined;

for (const [G, N] of sizes) {
  const n = G * N;
  if (only.length > 0 && !only.includes(n)) continue;
  const t = syntheticIcio(G, N);
  const big = n > 1500;
  const opts = big ? { minMs: 0, minRuns: 1, maxRuns: 2 } : { minMs: 0, minRuns: 3, maxRuns: 5 };
  const iMinusA = io.identityMinus(io.technicalCoefficients(t).data, n);
  const inverter = numpyInverter(iMinusA, n);
  const {
    ours: leontief,
    numpy,
    roundRatio,
  } = interleaved(() => io.leontiefInverse(t), inverter, big ? 5 : 7);
  inverter.close();
  // The pure TypeScript fallback, for comparison (skipped at 2,464 rows to keep the run short).
  let fallback: Timing | undefined;
  if (simdKernel() && !big) {
    useSimd(false);
    fallback = time(() => io.leontiefInverse(t), opts);
    useSimd(true);
  }
  const lu = time(() => io.luFactor(iMinusA, n), opts);
  const relaxed = big ? relaxedSimdInverse(G, N, 3) : undefined;
  const rows: Parameters<typeof report>[1] = [];
  if (numpy)
    rows.push({
      name: 'numpy.linalg.inv, 2 threads (baseline)',
      timing: numpy,
      note: 'timed in alternation with leontiefInverse; RSS not measured',
    });
  rows.push({
    name: `leontiefInverse (blocked LU${simdKernel() ? ', WebAssembly SIMD' : ', TypeScript'})`,
    timing: leontief,
    ...(numpy ? { baseline: numpy } : {}),
    note: [
      roundRatio ? `median of round ratios ${roundRatio.toFixed(2)}×` : '',
      peakMemory(G, N, 'leontiefInverse'),
    ]
      .filter(Boolean)
      .join('; '),
  });
  if (fallback) {
    rows.push({
      name: 'leontiefInverse, TypeScript fallback',
      timing: fallback,
      ...(numpy ? { baseline: numpy } : {}),
    });
  }
  if (relaxed) {
    rows.push({
      name: 'leontiefInverse, relaxed SIMD (fused mul–add)',
      timing: relaxed,
      ...(numpy ? { baseline: numpy } : {}),
      note: 'child Node with relaxed SIMD (default from Node 22; --experimental-wasm-relaxed-simd on 20)',
    });
  }
  rows.push({ name: 'luFactor of I − A alone', timing: lu, ...(numpy ? { baseline: numpy } : {}) });
  if (bm) {
    const d = time(() => bm(t), opts);
    rows.push({
      name: 'bmDecomposition, all countries',
      timing: d,
      note: ['target < 10 s at 2,464 rows', peakMemory(G, N, 'bmDecomposition')].filter(Boolean).join('; '),
    });
  } else
    rows.push({
      name: 'bmDecomposition',
      timing: { median: Number.NaN, runs: 0, peakRssMiB: 0 },
      note: 'not available',
    });
  report(`io: ${G} countries × ${N} sectors = ${n} rows`, rows);
}
