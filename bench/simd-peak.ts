/**
 * The physical limit of WebAssembly on this machine: the best floating-point throughput WebAssembly
 * SIMD128 reaches (f64x2, 2 doubles a lane) and numpy's dgemm, so that a ratio to numpy can be set
 * beside the smallest ratio any WebAssembly implementation could reach. The module is emitted byte
 * by byte here (no compiler): one function `peak(iterations: i32, m: f64, c: f64) -> f64` that
 * keeps K independent f64x2 accumulators, each step `acc = acc × m + c` (f64x2.mul then
 * f64x2.add, or one f64x2.relaxed_madd), unrolled U times in a loop; 4 flops per accumulator and
 * step (2 lanes × 2 operations), the same count for the fused form. K independent chains hide the
 * operations' latency; the best K is searched. Threads: one WebAssembly instance per worker
 * thread, started together, flops of all ÷ wall time.
 *
 * As a script (for relaxed SIMD, which Node 20 has only behind --experimental-wasm-relaxed-simd):
 * `node [--experimental-wasm-relaxed-simd] --import tsx bench/simd-peak.ts <threads> <relaxed 0|1>`
 * prints on its last line the GFLOP/s on 1 thread, on `threads` threads (CPU time, then wall time),
 * and the accumulator count.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { numpyEnv, pythonWith } from './numpy.js';

/** Unsigned LEB128. */
function leb(value: number): number[] {
  const out: number[] = [];
  let n = value;
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const f64const = (x: number) => [0x44, ...new Uint8Array(Float64Array.of(x).buffer)];

/**
 * The bytes of the peak module with `k` accumulators, the step unrolled `unroll` times, and with
 * `relaxed` the fused f64x2.relaxed_madd (0xfd 0x107) instead of f64x2.mul (0xfd 0xf2) then
 * f64x2.add (0xfd 0xf0).
 */
export function peakModule(k: number, unroll: number, relaxed: boolean): Uint8Array<ArrayBuffer> {
  const MUL = [0xfd, 0xf2, 0x01];
  const ADD = [0xfd, 0xf0, 0x01];
  const MADD = [0xfd, 0x87, 0x02];
  const SPLAT = [0xfd, 0x14];
  const get = (i: number) => [0x20, ...leb(i)];
  const set = (i: number) => [0x21, ...leb(i)];
  const acc = (j: number) => 3 + j;
  const mv = 3 + k;
  const cv = 4 + k;
  const code: number[] = [...get(1), ...SPLAT, ...set(mv), ...get(2), ...SPLAT, ...set(cv)];
  for (let j = 0; j < k; j++) code.push(...f64const(j + 1), ...SPLAT, ...set(acc(j)));
  code.push(0x03, 0x40); // loop
  for (let u = 0; u < unroll; u++)
    for (let j = 0; j < k; j++) {
      if (relaxed) code.push(...get(acc(j)), ...get(mv), ...get(cv), ...MADD, ...set(acc(j)));
      else code.push(...get(acc(j)), ...get(mv), ...MUL, ...get(cv), ...ADD, ...set(acc(j)));
    }
  // iterations -= 1; continue while it is not 0
  code.push(...get(0), 0x41, 0x01, 0x6b, 0x22, 0x00, 0x0d, 0x00, 0x0b);
  // the sum of every lane, so that nothing is dead code
  code.push(...f64const(0));
  for (let j = 0; j < k; j++) for (const lane of [0, 1]) code.push(...get(acc(j)), 0xfd, 0x21, lane, 0xa0);
  code.push(0x0b);
  const body = [0x01, ...leb(k + 2), 0x7b, ...code];
  const name = [...'peak'].map((c) => c.charCodeAt(0));
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [0x01, 0x60, 0x03, 0x7f, 0x7c, 0x7c, 0x01, 0x7c]),
    ...section(3, [0x01, 0x00]),
    ...section(7, [0x01, name.length, ...name, 0x00, 0x00]),
    ...section(10, [0x01, ...leb(body.length), ...body]),
  ]);
}

/** Steps unrolled in the loop body. */
const UNROLL = 4;

/**
 * The worker thread's code: instantiates the module, calls it with growing iteration counts until
 * V8's optimising tier has compiled it and the rate stops rising, chooses a count for about
 * `seconds`, reports ready, then for each round waits for the round's signal, runs once and
 * reports.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { bytes, flopsPerIteration, seconds, rounds, signal } = workerData;
const peak = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports.peak;
let iters = 1000, best = 0;
for (let i = 0; i < 40; i++) {
  const t = performance.now();
  peak(iters, 0.9999999, 1e-7);
  const dt = (performance.now() - t) / 1000;
  best = Math.max(best, (iters * flopsPerIteration) / dt);
  if (dt < 0.02) iters *= 2;
}
const n = Math.max(1, Math.round((best * seconds) / flopsPerIteration));
const flag = new Int32Array(signal);
parentPort.postMessage({ ready: true, iterations: n });
for (let r = 0; r < rounds; r++) {
  Atomics.wait(flag, 0, r);
  peak(n, 0.9999999, 1e-7);
  parentPort.postMessage({ round: r });
}
`;

/**
 * The GFLOP/s of `threads` instances of the peak module with `k` accumulators running at once, the
 * best of `rounds` rounds of about `seconds` each: `wall`, the flops of every thread ÷ the round's
 * wall time; `cpu`, the flops ÷ the process's CPU time in the round × `threads`, which is what the
 * threads reach when each has a core of its own (the same as `wall` on a quiet machine, and a
 * steadier reading on a shared one, where the wall time includes time other processes ran).
 */
export async function wasmPeak(
  threads: number,
  relaxed: boolean,
  k: number,
  { seconds = 0.4, rounds = 3 } = {},
): Promise<{ wall: number; cpu: number }> {
  const bytes = peakModule(k, UNROLL, relaxed);
  if (!WebAssembly.validate(bytes))
    throw new Error(`the ${relaxed ? 'relaxed ' : ''}peak module is not valid here`);
  const flopsPerIteration = UNROLL * k * 4;
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(WORKER, { eval: true, workerData: { bytes, flopsPerIteration, seconds, rounds, signal } }),
  );
  try {
    const next = (w: Worker) =>
      new Promise<{ ready?: boolean; iterations?: number; round?: number }>((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
      });
    const ready = await Promise.all(workers.map(next));
    const flops = ready.reduce((s, m) => s + (m.iterations ?? 0) * flopsPerIteration, 0);
    const best = { wall: 0, cpu: 0 };
    for (let r = 0; r < rounds; r++) {
      const done = Promise.all(workers.map(next));
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      Atomics.store(flag, 0, r + 1);
      Atomics.notify(flag, 0);
      await done;
      const wall = (performance.now() - t0) / 1000;
      const c = process.cpuUsage(cpu0);
      const cpu = (c.user + c.system) / 1e6;
      best.wall = Math.max(best.wall, flops / wall / 1e9);
      best.cpu = Math.max(best.cpu, ((flops / cpu) * threads) / 1e9);
    }
    return best;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The accumulator counts tried (2 constants beside them; x86-64 has 16 vector registers). */
export const ACCUMULATORS = [6, 8, 10, 12, 14];

/** A peak: GFLOP/s on 1 thread and on the threads asked for (by CPU time), and by wall time. */
export interface Peak {
  /** 1 thread, from CPU time (see {@link wasmPeak}). */
  single: number;
  /** The threads asked for, from CPU time. */
  gflops: number;
  /** The threads asked for, from wall time. */
  wall: number;
  /** The accumulator count that reached it. */
  k: number;
}

/**
 * The best GFLOP/s over {@link ACCUMULATORS} on 1 thread, the count `k` that reached it, and the
 * GFLOP/s of `threads` threads with that count.
 */
export async function bestWasmPeak(threads: number, relaxed: boolean): Promise<Peak> {
  let best = { gflops: 0, wall: 0, k: 0 };
  for (const k of ACCUMULATORS) {
    const g = await wasmPeak(1, relaxed, k);
    if (g.cpu > best.gflops) best = { gflops: g.cpu, wall: g.wall, k };
  }
  const many =
    threads === 1 ? { cpu: best.gflops, wall: best.wall } : await wasmPeak(threads, relaxed, best.k);
  return { single: best.gflops, gflops: many.cpu, wall: many.wall, k: best.k };
}

/**
 * The relaxed SIMD peak on `threads` threads, measured in a child Node with relaxed SIMD (Node 20
 * needs --experimental-wasm-relaxed-simd); undefined where it fails.
 */
export function relaxedPeakInChild(threads: number): Peak | undefined {
  const major = Number(process.versions.node.split('.')[0]);
  const flags = major < 22 ? ['--experimental-wasm-relaxed-simd'] : [];
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', script, String(threads), '1'], {
    encoding: 'utf8',
  });
  const [single, gflops, wall, k] = (r.stdout.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  return r.status === 0 && Number.isFinite(gflops)
    ? { single: single!, gflops: gflops!, wall: wall!, k: k! }
    : undefined;
}

/**
 * numpy's dgemm (`a @ b` of two n × n matrices, 2n³ flops) in GFLOP/s on `threads` threads, with
 * the environment of the io benchmark's baseline, the best of 3 calls after one warm-up: `wall`
 * by wall time, `cpu` by the process's CPU time × `threads` (as in {@link wasmPeak}; OpenBLAS's
 * threads spin while they wait, so it can read low); undefined without python3 and NumPy.
 */
export function numpyDgemm(n = 4000, threads = 2): { wall: number; cpu: number } | undefined {
  const python = pythonWith('numpy');
  if (!python) return undefined;
  const script = [
    'import time, numpy as np',
    'rng = np.random.default_rng(1)',
    `a = rng.random((${n}, ${n})); b = rng.random((${n}, ${n}))`,
    'a @ b',
    'wall = cpu = float("inf")',
    'for _ in range(3):',
    '    t = time.perf_counter(); c = time.process_time(); a @ b',
    '    wall = min(wall, time.perf_counter() - t); cpu = min(cpu, time.process_time() - c)',
    `print(2 * ${n}**3 / wall / 1e9, 2 * ${n}**3 / cpu * ${threads} / 1e9)`,
  ].join('\n');
  const r = spawnSync(python, ['-c', script], { encoding: 'utf8', env: numpyEnv(threads) });
  const [wall, cpu] = r.stdout.trim().split(' ').map(Number);
  return r.status === 0 && Number.isFinite(wall) ? { wall: wall!, cpu: cpu! } : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const threads = Number(process.argv[2] ?? 1);
  const relaxed = process.argv[3] === '1';
  const best = await bestWasmPeak(threads, relaxed);
  console.log(`${best.single} ${best.gflops} ${best.wall} ${best.k}`);
}
