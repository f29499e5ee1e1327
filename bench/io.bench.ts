// Input–output engine: Leontief inverse and the all-country Borin–Mancini decomposition on
// synthetic ICIO tables of 500, 1,000 and 2,464 (44 × 56, WIOD-sized) rows, with the ratio to
// numpy.linalg.inv (and of one solve, LU + 1 right-hand side, to numpy.linalg.solve) on the same
// matrix in the same run when python3 with NumPy is available, and the GFLOP/s of each (inverse
// 2n³ flops, solve 2n³/3 + 2n²). NumPy runs with 2 threads and with OPENBLAS_CORETYPE and
// OPENBLAS_L2_SIZE removed from its environment, so that OpenBLAS picks its kernel for the CPU
// itself (a value inherited from the machine can select a slower one); the OpenBLAS version and
// the kernel it picked are printed.
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
 * The environment of the python3 child: 2 threads, and no OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE
 * (OpenBLAS then detects the CPU, as on a machine where nobody set them).
 */
function numpyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/**
 * NumPy's version, and the OpenBLAS version and kernel (core type) it runs with in {@link numpyEnv}:
 * from threadpoolctl where importable, else from the loaded OpenBLAS library's own
 * `openblas_get_config`/`openblas_get_corename` (with the prefix and suffix of NumPy's
 * scipy-openblas wheels), else NumPy's build configuration; undefined without python3 and NumPy.
 */
function numpyInfo(): string | undefined {
  const script = `
import ctypes, numpy as np, numpy.linalg
info = None
try:
    from threadpoolctl import threadpool_info
    for p in threadpool_info():
        if p.get('internal_api') == 'openblas':
            info = f"OpenBLAS {p.get('version')}, kernel {p.get('architecture')}, {p.get('num_threads')} threads (threadpoolctl)"
except Exception:
    pass
if info is None:
    libs = sorted({l.split()[-1] for l in open('/proc/self/maps') if 'openblas' in l.lower()})
    for path in libs:
        lib = ctypes.CDLL(path)
        for pre, suf in (('', ''), ('scipy_', '64_'), ('scipy_', ''), ('', '64_')):
            try:
                core = getattr(lib, pre + 'openblas_get_corename' + suf)
                config = getattr(lib, pre + 'openblas_get_config' + suf)
            except AttributeError:
                continue
            core.restype = config.restype = ctypes.c_char_p
            info = f"{config().decode().strip()}; kernel {core().decode()} (openblas_get_corename)"
            break
        if info: break
if info is None:
    blas = np.show_config(mode='dicts')['Build Dependencies']['blas']
    info = f"{blas.get('name')} {blas.get('version')} (build configuration; kernel not known)"
print(f"numpy {np.__version__}; {info}")`;
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8', env: numpyEnv() });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/**
 * numpy.linalg.inv (or, with `solve`, numpy.linalg.solve against a vector of ones) of a matrix
 * written once to a temporary file: each call of the returned function starts python3, runs once
 * to warm up, then times `runs` calls and returns their median in milliseconds (undefined where
 * python3 or NumPy is missing).
 */
function numpyInverter(
  matrix: Float64Array,
  n: number,
  solve = false,
): { run: (runs: number) => number | undefined; close: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gvckit-bench-'));
  const file = join(dir, 'm.f64');
  writeFileSync(file, matrix);
  const run = (runs: number) => {
    const call = solve ? 'np.linalg.solve(a, b)' : 'np.linalg.inv(a)';
    const script = [
      'import sys, time, numpy as np',
      `a = np.fromfile(sys.argv[1], dtype=np.float64).reshape(${n}, ${n})`,
      `b = np.ones(${n})`,
      call,
      'ts = []',
      `for _ in range(${runs}):`,
      `    t = time.perf_counter(); ${call}; ts.append((time.perf_counter() - t) * 1000)`,
      'ts.sort(); print(ts[len(ts) // 2])',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, file], { encoding: 'utf8', env: numpyEnv() });
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

/** GFLOP/s of `flops` floating-point operations in `ms` milliseconds, for a note. */
const gflops = (flops: number, ms: number) => `${(flops / ms / 1e6).toFixed(1)} GFLOP/s`;

const info = numpyInfo();
console.log(
  info
    ? `baseline: ${info}; 2 threads, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset`
    : 'baseline: python3 with NumPy not found, no ratios',
);

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
  // One solve: the LU factorisation and one right-hand side, against numpy.linalg.solve.
  const ones = new Float64Array(n).fill(1);
  const solver = numpyInverter(iMinusA, n, true);
  const solved = interleaved(() => io.luSolve(io.luFactor(iMinusA, n), ones), solver, big ? 5 : 7);
  solver.close();
  const inverseFlops = 2 * n ** 3;
  const solveFlops = (2 * n ** 3) / 3 + 2 * n ** 2;
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
      note: `timed in alternation with leontiefInverse; RSS not measured; ${gflops(inverseFlops, numpy.median)}`,
    });
  rows.push({
    name: `leontiefInverse (blocked LU${simdKernel() ? ', WebAssembly SIMD' : ', TypeScript'})`,
    timing: leontief,
    ...(numpy ? { baseline: numpy } : {}),
    note: [
      gflops(inverseFlops, leontief.median),
      roundRatio ? `median of round ratios ${roundRatio.toFixed(2)}×${big ? '; target ≤ 1.6×' : ''}` : '',
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
      note: `child Node with relaxed SIMD (default from Node 22; --experimental-wasm-relaxed-simd on 20); ${gflops(inverseFlops, relaxed.median)}${big ? '; target ≤ 1.4× numpy' : ''}`,
    });
  }
  rows.push({ name: 'luFactor of I − A alone', timing: lu, ...(numpy ? { baseline: numpy } : {}) });
  if (solved.numpy)
    rows.push({
      name: 'numpy.linalg.solve, 1 right-hand side',
      timing: solved.numpy,
      note: `timed in alternation with the next row; ${gflops(solveFlops, solved.numpy.median)}`,
    });
  rows.push({
    name: 'one solve (luFactor + luSolve, 1 RHS)',
    timing: solved.ours,
    ...(solved.numpy ? { baseline: solved.numpy } : {}),
    note: [
      gflops(solveFlops, solved.ours.median),
      solved.roundRatio ? `median of round ratios ${solved.roundRatio.toFixed(2)}×; target ≤ 2×` : '',
    ]
      .filter(Boolean)
      .join('; '),
  });
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
