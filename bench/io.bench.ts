// Input–output engine: Leontief inverse and the all-country Borin–Mancini decomposition on
// synthetic ICIO tables of 500, 1,000, 2,464 (44 × 56, WIOD-sized) and 9,800 (49 × 200,
// EXIOBASE-sized) rows, with the ratio to numpy.linalg.inv (and of one solve, LU + 1 right-hand
// side, to numpy.linalg.solve) on the same matrix in the same run when python3 with NumPy is
// available, and the GFLOP/s of each (inverse 2n³ flops, solve 2n³/3 + 2n²). NumPy runs with 2
// threads and with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed from its environment, so that
// OpenBLAS picks its kernel for the CPU itself; the OpenBLAS version and kernel are printed.
// The physical limit is measured first (bench/simd-peak.ts): the best GFLOP/s WebAssembly SIMD
// reaches here, so that each ratio to numpy is printed beside the smallest ratio any WebAssembly
// implementation could reach (numpy's GFLOP/s ÷ that peak) and gvckit's share of the peak.
// Borin–Mancini's whole-process peak memory is measured in a plain `node` process on the build
// (bench/peak-memory.mjs; `npm run bench` builds dist/, or set GVCKIT_BENCH_IO to an io/index.js).
// The target rows of issue #20 are recorded for the summary of bench/run.ts (bench/targets.ts).
// GVCKIT_BENCH_QUICK=1 skips the 9,800-row case (several minutes). Imports the source for the
// timings (`npx tsx bench/io.bench.ts`); pass sizes to run only some: `npx tsx bench/io.bench.ts 500 9800`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as io from '../src/io/index.js';
import { simdKernel, useSimd } from '../src/io/kernels/simd.js';
import { report, type Timing, time } from './harness.js';
import { numpyInfo, numpyInverter } from './numpy.js';
import { bestWasmPeak, numpyDgemm, relaxedPeakInChild } from './simd-peak.js';
import { syntheticIcio } from './synthetic.js';
import { recordTarget, recordUnmeasured } from './targets.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The built gvckit/io that the memory is measured on. */
const ioModule = process.env.GVCKIT_BENCH_IO ?? resolve(here, '../dist/io/index.js');
const quick = process.env.GVCKIT_BENCH_QUICK === '1';

/** The median of some numbers. */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};
/** GFLOP/s of `flops` floating-point operations in `ms` milliseconds. */
const gflopsOf = (flops: number, ms: number) => flops / ms / 1e6;
const gf = (x: number) => `${x.toFixed(1)} GFLOP/s`;

/**
 * Times each contender in turn, `rounds` times (after one warm-up call of those named in `warmUp`),
 * so that all see the same state of a shared machine. A contender returns its own time in ms (one
 * measured in a child process, which warms up there) or anything else to be timed here. Returns
 * each one's times.
 */
function alternate(
  contenders: Record<string, () => unknown>,
  rounds: number,
  warmUp: string[],
): { times: Record<string, number[]>; peakRssMiB: number } {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  let peak = process.memoryUsage.rss();
  for (const name of warmUp) contenders[name]?.();
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const t0 = performance.now();
      const own = fn();
      const dt = typeof own === 'number' ? own : performance.now() - t0;
      times[name]!.push(dt);
      peak = Math.max(peak, process.memoryUsage.rss());
    }
  }
  return { times, peakRssMiB: peak / 2 ** 20 };
}

/** The median of the per-round ratios a[i] / b[i]; undefined unless every round has both. */
function roundRatio(a: number[] | undefined, b: number[] | undefined): number | undefined {
  if (!a || !b || a.length !== b.length || a.some((x) => !Number.isFinite(x))) return undefined;
  if (b.some((x) => !Number.isFinite(x))) return undefined;
  return median(a.map((x, i) => x / b[i]!));
}

const timing = (xs: number[] | undefined, peakRssMiB = Number.NaN): Timing | undefined =>
  xs?.every(Number.isFinite) && xs.length > 0
    ? { median: median(xs), runs: xs.length, peakRssMiB }
    : undefined;

/**
 * One call of `what` on the synthetic table in a fresh plain Node on the build
 * (bench/peak-memory.mjs): whole-process peak RSS, RSS before the call, and the call's time.
 */
function fresh(
  G: number,
  N: number,
  what: string,
): { before: number; peak: number; during: boolean; ms: number; cpuMs: number } | string {
  if (!existsSync(ioModule)) return `no build at ${ioModule} (npm run build; npm run bench builds it)`;
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', resolve(here, 'peak-memory.mjs'), String(G), String(N), what, ioModule],
    { encoding: 'utf8', maxBuffer: 2 ** 26 },
  );
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0 || !line.startsWith('{'))
    return `the child failed: ${r.stderr.trim().split('\n').at(-1)}`;
  return JSON.parse(line);
}

const MB = 2 ** 20 / 1e6;
/** Words on a fresh-process measurement, and the call's share of it. */
function memoryNote(m: Exclude<ReturnType<typeof fresh>, string>, n: number): string {
  const matrixMiB = (n * n * 8) / 2 ** 20;
  const added = m.peak - m.before;
  return `fresh node on dist: whole-process peak ${(m.peak * MB).toFixed(0)} MB (${m.peak.toFixed(0)} MiB), added by the call ${m.during ? '' : 'at most '}${added.toFixed(0)} MiB = ${(added / matrixMiB).toFixed(1)} × one n² matrix`;
}

/**
 * The median time of leontiefInverse with the relaxed SIMD (fused multiply–add) kernel, in a child
 * Node that has it (flag --experimental-wasm-relaxed-simd before Node 22); undefined if it fails.
 */
function relaxedSimdInverse(G: number, N: number, runs: number): Timing | undefined {
  const major = Number(process.versions.node.split('.')[0]);
  const flags = major < 22 ? ['--experimental-wasm-relaxed-simd'] : [];
  const script = resolve(here, 'relaxed-simd-inverse.ts');
  const r = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', script, String(G), String(N), String(runs)],
    {
      encoding: 'utf8',
    },
  );
  const m = Number(r.status === 0 ? r.stdout.trim().split('\n').at(-1) : Number.NaN);
  return Number.isFinite(m) ? { median: m, runs, peakRssMiB: Number.NaN } : undefined;
}

const info = numpyInfo();
console.log(
  info
    ? `baseline: ${info}; 2 threads, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset`
    : 'baseline: python3 with NumPy not found, no ratios',
);

// The physical limit: WebAssembly SIMD128 is 2 doubles wide, the CPU's own vectors 4 (AVX2) or 8.
const peak2 = await bestWasmPeak(2, false);
const relaxed2 = relaxedPeakInChild(2);
const dgemm = numpyDgemm();
console.log(
  '\nphysical limit (f64x2 mul + add on many independent accumulators, bench/simd-peak.ts; GFLOP/s from CPU time, i.e. with a core per thread; by wall time in brackets)',
);
console.log(
  `  WebAssembly SIMD peak: ${gf(peak2.single)} on 1 thread, ${gf(peak2.gflops)} on 2 threads (${peak2.wall.toFixed(1)} by wall time)`,
);
console.log(
  `  relaxed SIMD (f64x2.relaxed_madd) peak: ${relaxed2 ? `${gf(relaxed2.single)} on 1 thread, ${gf(relaxed2.gflops)} on 2 threads (${relaxed2.wall.toFixed(1)} by wall time)` : 'not available'}`,
);
console.log(
  dgemm
    ? `  numpy dgemm (4,000², 2 threads): ${gf(dgemm.wall)} by wall time = ${(dgemm.wall / peak2.gflops).toFixed(2)} × the WebAssembly peak (${dgemm.cpu.toFixed(1)} from CPU time)`
    : '  numpy dgemm: python3 with NumPy not found',
);

/** The bound and gvckit's efficiency, for a note: numpy's rate ÷ the peak, and ours ÷ the peak. */
function bound(numpyGflops: number | undefined, ours: number, peak: number, limit?: number): string {
  const eff = `gvckit at ${((ours / peak) * 100).toFixed(0)}% of the WASM peak ${peak.toFixed(1)}`;
  if (numpyGflops === undefined) return eff;
  const b = numpyGflops / peak;
  const reach = limit !== undefined && b > limit ? ' (target out of reach)' : '';
  return `bound ≥ ${b.toFixed(2)}×${reach} (numpy ${numpyGflops.toFixed(1)} ÷ WASM peak); ${eff}`;
}

const sizes: Array<[number, number]> = [
  [10, 50],
  [20, 50],
  [44, 56],
  [49, 200],
];
const only = process.argv.slice(2).map(Number).filter(Number.isFinite);
const bm = (io as Record<string, unknown>).bmDecomposition as ((t: io.Icio) => unknown) | undefined;

for (const [G, N] of sizes) {
  const n = G * N;
  if (only.length > 0 && !only.includes(n)) continue;
  const huge = n > 5000;
  const big = n > 1500;
  const wiod = n === 2464;
  if (huge && quick) {
    console.log(`\nio: ${n} rows skipped (GVCKIT_BENCH_QUICK=1)`);
    for (const id of ['inverse-9800', 'solve-9800', 'bm-time-9800', 'bm-rss-9800'])
      recordUnmeasured(id, 'skipped: GVCKIT_BENCH_QUICK=1');
    continue;
  }
  const table = syntheticIcio(G, N);
  const iMinusA = io.identityMinus(io.technicalCoefficients(table).data, n);
  const inverseFlops = 2 * n ** 3;
  const solveFlops = (2 * n ** 3) / 3 + 2 * n ** 2;
  const opts = big ? { minMs: 0, minRuns: 1, maxRuns: 2 } : { minMs: 0, minRuns: 3, maxRuns: 5 };
  // The inverse, numpy's inverse, (below 9,800 rows) the decomposition and (at 2,464 rows) the
  // inverse with relaxed SIMD in a child Node, in turn each round.
  const inverter = numpyInverter(iMinusA, n);
  const contenders: Record<string, () => unknown> = {
    inverse: () => io.leontiefInverse(table),
    numpy: () => inverter.run(1, !huge) ?? Number.NaN,
  };
  if (bm && !huge) contenders.bm = () => bm(table);
  if (wiod) contenders.relaxed = () => relaxedSimdInverse(G, N, 1)?.median ?? Number.NaN;
  const rounds = huge ? 2 : big ? 5 : 7;
  const main = alternate(contenders, rounds, huge ? [] : ['inverse', 'bm']);
  inverter.close();
  // One solve: the LU factorisation and one right-hand side, against numpy.linalg.solve.
  const ones = new Float64Array(n).fill(1);
  const solver = numpyInverter(iMinusA, n, true);
  const solves = alternate(
    {
      ours: () => io.luSolve(io.luFactor(iMinusA, n), ones),
      numpy: () => solver.run(1, !huge) ?? Number.NaN,
    },
    huge ? 2 : rounds,
    huge ? [] : ['ours'],
  );
  solver.close();
  const leontief = timing(main.times.inverse, main.peakRssMiB)!;
  const numpy = timing(main.times.numpy);
  const ratio = roundRatio(main.times.inverse, main.times.numpy);
  const ourGflops = gflopsOf(inverseFlops, leontief.median);
  const npGflops = numpy && gflopsOf(inverseFlops, numpy.median);
  const solved = timing(solves.times.ours, solves.peakRssMiB)!;
  const solvedNumpy = timing(solves.times.numpy);
  const solveRatio = roundRatio(solves.times.ours, solves.times.numpy);
  const solveNote = bound(
    solvedNumpy && gflopsOf(solveFlops, solvedNumpy.median),
    gflopsOf(solveFlops, solved.median),
    peak2.gflops,
    2,
  );
  const inverseNote = bound(npGflops, ourGflops, peak2.gflops, huge ? 2 : 1.6);
  // The pure TypeScript fallback, for comparison (below 1,500 rows, to keep the run short).
  let fallback: Timing | undefined;
  if (simdKernel() && !big) {
    useSimd(false);
    fallback = time(() => io.leontiefInverse(table), opts);
    useSimd(true);
  }
  const lu = huge ? undefined : time(() => io.luFactor(iMinusA, n), opts);
  const relaxed = timing(main.times.relaxed);
  const relaxedRatio = roundRatio(main.times.relaxed, main.times.numpy);
  // Memory and (at 9,800 rows) the decomposition's time: one call each in a fresh plain node.
  const inverseMemory = huge ? 'skipped at this size' : fresh(G, N, 'leontiefInverse');
  const bmFresh = bm ? fresh(G, N, 'bmDecomposition') : 'not available';

  const rows: Parameters<typeof report>[1] = [];
  if (numpy)
    rows.push({
      name: 'numpy.linalg.inv, 2 threads (baseline)',
      timing: numpy,
      note: `timed in alternation with leontiefInverse; ${gf(npGflops!)}`,
    });
  rows.push({
    name: `leontiefInverse (blocked LU${simdKernel() ? ', WebAssembly SIMD' : ', TypeScript'})`,
    timing: leontief,
    ...(numpy ? { baseline: numpy } : {}),
    note: [
      gf(ourGflops),
      ratio
        ? `median of round ratios ${ratio.toFixed(2)}×${huge ? '; target ≤ 2×' : wiod ? '; target ≤ 1.6×' : ''}`
        : '',
      big ? inverseNote : '',
      typeof inverseMemory === 'string' ? `memory: ${inverseMemory}` : memoryNote(inverseMemory, n),
    ]
      .filter(Boolean)
      .join('; '),
  });
  if (fallback)
    rows.push({
      name: 'leontiefInverse, TypeScript fallback',
      timing: fallback,
      ...(numpy ? { baseline: numpy } : {}),
    });
  let relaxedNote = '';
  if (relaxed) {
    const rg = gflopsOf(inverseFlops, relaxed.median);
    relaxedNote = relaxed2 ? bound(npGflops, rg, relaxed2.gflops, 1.4) : '';
    rows.push({
      name: 'leontiefInverse, relaxed SIMD (fused mul–add)',
      timing: relaxed,
      ...(numpy ? { baseline: numpy } : {}),
      note: `child Node with relaxed SIMD; ${gf(rg)}; median of round ratios ${relaxedRatio?.toFixed(2)}×; target ≤ 1.4×; ${relaxedNote}`,
    });
  }
  if (lu) rows.push({ name: 'luFactor of I − A alone', timing: lu, ...(numpy ? { baseline: numpy } : {}) });
  if (solvedNumpy)
    rows.push({
      name: 'numpy.linalg.solve, 1 right-hand side',
      timing: solvedNumpy,
      note: `timed in alternation with the next row; ${gf(gflopsOf(solveFlops, solvedNumpy.median))}`,
    });
  rows.push({
    name: 'one solve (luFactor + luSolve, 1 RHS)',
    timing: solved,
    ...(solvedNumpy ? { baseline: solvedNumpy } : {}),
    note: [
      gf(gflopsOf(solveFlops, solved.median)),
      solveRatio ? `median of round ratios ${solveRatio.toFixed(2)}×; target ≤ 2×` : '',
      big ? solveNote : '',
    ]
      .filter(Boolean)
      .join('; '),
  });
  const bmTiming = timing(main.times.bm, main.peakRssMiB);
  const bmRatio = roundRatio(main.times.bm, main.times.inverse);
  if (bmTiming)
    rows.push({
      name: 'bmDecomposition, all countries',
      timing: bmTiming,
      note: [
        `timed in alternation with leontiefInverse: median of round ratios ${bmRatio?.toFixed(2)}× the inverse${wiod ? ' (target ≤ 1.25×)' : ''}`,
        typeof bmFresh === 'string' ? `memory: ${bmFresh}` : memoryNote(bmFresh, n),
      ].join('; '),
    });
  else if (typeof bmFresh !== 'string')
    rows.push({
      name: 'bmDecomposition, all countries (fresh node, 1 call)',
      timing: { median: bmFresh.ms, runs: 1, peakRssMiB: bmFresh.peak },
      note: `CPU ${(bmFresh.cpuMs / 1000).toFixed(1)} s; target ≤ 60 s; ${memoryNote(bmFresh, n)}`,
    });
  else
    rows.push({
      name: 'bmDecomposition',
      timing: { median: Number.NaN, runs: 0, peakRssMiB: 0 },
      note: bmFresh,
    });
  report(`io: ${G} countries × ${N} sectors = ${n} rows`, rows);

  // The target rows (bench/targets.ts).
  const noNumpy = 'not measured: python3 with NumPy not found';
  if (wiod || huge) {
    const inv = huge ? 'inverse-9800' : 'inverse-2464';
    if (ratio !== undefined)
      recordTarget(
        inv,
        ratio,
        `${leontief.median.toFixed(0)} ms vs ${numpy!.median.toFixed(0)} ms; ${inverseNote}`,
      );
    else recordUnmeasured(inv, noNumpy);
    const sol = huge ? 'solve-9800' : 'solve-2464';
    if (solveRatio !== undefined)
      recordTarget(
        sol,
        solveRatio,
        `${solved.median.toFixed(0)} ms vs ${solvedNumpy!.median.toFixed(0)} ms; ${solveNote}`,
      );
    else recordUnmeasured(sol, noNumpy);
  }
  if (wiod) {
    if (relaxedRatio !== undefined)
      recordTarget(
        'inverse-relaxed-2464',
        relaxedRatio,
        `${relaxed!.median.toFixed(0)} ms (child Node) vs ${numpy!.median.toFixed(0)} ms; ${relaxedNote}`,
      );
    else
      recordUnmeasured(
        'inverse-relaxed-2464',
        relaxed ? noNumpy : 'relaxed SIMD not available in a child Node (or no NumPy)',
      );
    if (bmRatio !== undefined) recordTarget('bm-time-2464', bmRatio, `${bmTiming!.median.toFixed(0)} ms`);
    else recordUnmeasured('bm-time-2464', 'bmDecomposition not available');
    if (typeof bmFresh === 'string') recordUnmeasured('bm-rss-2464', bmFresh);
    else
      recordTarget(
        'bm-rss-2464',
        bmFresh.peak * MB,
        `added by the call ${(bmFresh.peak - bmFresh.before).toFixed(0)} MiB`,
      );
  }
  if (huge) {
    if (typeof bmFresh === 'string') {
      recordUnmeasured('bm-time-9800', bmFresh);
      recordUnmeasured('bm-rss-9800', bmFresh);
    } else {
      recordTarget(
        'bm-time-9800',
        bmFresh.ms / 1000,
        `1 call in a fresh node; CPU ${(bmFresh.cpuMs / 1000).toFixed(1)} s`,
      );
      recordTarget(
        'bm-rss-9800',
        bmFresh.peak * MB,
        `added by the call ${(bmFresh.peak - bmFresh.before).toFixed(0)} MiB`,
      );
    }
  }
}
