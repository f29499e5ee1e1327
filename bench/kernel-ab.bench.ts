// A/B benchmark of the SIMD kernels: leontiefInverse of the synthetic 44 × 56 = 2,464-row table
// with the old kernel modules (bench/legacy-kernel.ts: the hand-assembled bytes of before the
// AssemblyScript kernels) against the new ones (src/io/kernels/simd-binaries.generated.ts), in
// alternation A B A B … in one process, so that both see the same state of a shared machine; for
// plain SIMD and, where the runtime has it, relaxed SIMD (fused multiply–add). Each turn swaps the
// kernel's bytes, waits for the helper thread to be ready on the new module, runs one untimed call
// (V8 tiers the new instance up) and times the next. Prints the median times and the ratio new/old.
// Imports the source, so that no build is needed: `npx tsx bench/kernel-ab.bench.ts [rounds]`
// (default 7; `--single-thread` runs without the helper thread). With `--crossover`, it measures
// instead the inverse at 200…1,000 rows with 1 and 2 threads in alternation (wall and CPU time of
// the process, both threads), from which threads.ts sets the order where the helper starts to pay
// (`--crossover=2000,2464` for other orders).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as io from '../src/io/index.js';
import {
  type KernelBinaries,
  simdKernel,
  useKernelBinaries,
  useRelaxedSimd,
} from '../src/io/kernels/simd.js';
import { SIMD_BINARIES } from '../src/io/kernels/simd-binaries.generated.js';
import { helperReady, useThreads, useThreadsFrom } from '../src/io/kernels/threads.js';
import { ms } from './harness.js';
import { LEGACY_SIMD_BINARIES } from './legacy-kernel.js';
import { syntheticIcio } from './synthetic.js';

const RELAXED_FLAG = '--experimental-wasm-relaxed-simd';
if (Number(process.versions.node.split('.')[0]) < 22 && !process.execArgv.includes(RELAXED_FLAG)) {
  // Node 20 validates relaxed SIMD only with this flag: run again in a child Node that has it.
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [RELAXED_FLAG, '--import', 'tsx', script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 7);
const threads = !args.includes('--single-thread');
useThreads(threads);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * The inverse of a random diagonally dominant matrix of each order with the helper thread off and
 * on (from any order), alternated `rounds` times after a warm-up: medians of wall and CPU time
 * (process.cpuUsage counts both threads) and of the per-round ratio 2 threads / 1 thread; plain
 * SIMD.
 */
async function crossover(orders: number[]): Promise<void> {
  // Plain SIMD, as Node 20 runs it by default.
  useRelaxedSimd(false);
  const k = simdKernel();
  if (!k?.shared) throw new Error('no shared-memory kernel: the helper thread cannot run here');
  const was = useThreadsFrom(0);
  for (let t = 0; !helperReady(k) && t < 200; t++) await new Promise((resolve) => setTimeout(resolve, 50));
  console.log(`helper thread crossover: inverse, ${rounds} rounds alternated, Node ${process.version}`);
  console.log('order   1T wall   2T wall   2T/1T wall   1T cpu   2T cpu');
  for (const n of orders) {
    let s = n;
    const a = new Float64Array(n * n);
    for (let i = 0; i < a.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      a[i] = (-(s / 2 ** 32) * 0.5) / n;
    }
    for (let i = 0; i < n; i++) a[i * n + i]! += 1;
    const wall: number[][] = [[], []];
    const cpu: number[][] = [[], []];
    for (let r = 0; r <= rounds; r++) {
      for (const on of [false, true]) {
        useThreads(on);
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        io.inverse(a, n);
        const dt = performance.now() - t0;
        const c = process.cpuUsage(c0);
        if (r === 0) continue;
        wall[on ? 1 : 0]!.push(dt);
        cpu[on ? 1 : 0]!.push((c.user + c.system) / 1000);
      }
    }
    const ratio = median(wall[1]!.map((t, i) => t / wall[0]![i]!));
    console.log(
      `${String(n).padStart(5)} ${ms(median(wall[0]!)).padStart(9)} ${ms(median(wall[1]!)).padStart(9)} ${ratio.toFixed(2).padStart(12)} ${ms(median(cpu[0]!)).padStart(8)} ${ms(median(cpu[1]!)).padStart(8)}`,
    );
  }
  useThreads(true);
  useThreadsFrom(was);
}

const crossoverArg = args.find((a) => a.startsWith('--crossover'));
if (crossoverArg) {
  // `--crossover=1500,2464` for other orders.
  const orders = crossoverArg.split('=')[1]?.split(',').map(Number);
  await crossover(orders ?? [200, 300, 400, 500, 600, 800, 1000, 1500]);
  process.exit(0);
}

const fromBase64 =
  (table: typeof SIMD_BINARIES | typeof LEGACY_SIMD_BINARIES): KernelBinaries =>
  (fma, shared) =>
    Uint8Array.from(Buffer.from(table[fma ? 'fma' : 'plain'][shared ? 'shared' : 'private'], 'base64'));
const kernels = [
  { name: 'old (hand-assembled)', binaries: fromBase64(LEGACY_SIMD_BINARIES) },
  { name: 'new (AssemblyScript)', binaries: fromBase64(SIMD_BINARIES) },
] as const;

/** Switches to `binaries` and waits (up to 10 s) until the helper thread is ready on the new module. */
async function switchTo(binaries: KernelBinaries, fma: boolean): Promise<void> {
  useKernelBinaries(binaries);
  useRelaxedSimd(fma);
  const k = simdKernel();
  if (k?.fma !== fma) throw new Error(`kernel variant fma=${fma} is not available`);
  for (let t = 0; threads && k.shared && !helperReady(k) && t < 200; t++)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

const [G, N] = [44, 56];
const table = syntheticIcio(G, N);
const relaxed = simdKernel()?.fma === true;
console.log(
  `kernel A/B: leontiefInverse of ${G} × ${N} = ${G * N} rows, Node ${process.version}, ` +
    `helper thread ${threads ? 'on' : 'off'}, ${rounds} rounds old/new alternated`,
);
for (const fma of relaxed ? [false, true] : [false]) {
  const times: number[][] = kernels.map(() => []);
  const results: Float64Array[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [i, { binaries }] of kernels.entries()) {
      await switchTo(binaries, fma);
      io.leontiefInverse(table);
      const t0 = performance.now();
      const l = io.leontiefInverse(table);
      times[i]!.push(performance.now() - t0);
      if (r === 0) results.push(l.data);
    }
  }
  useKernelBinaries(null);
  // The two kernels do the same floating-point operations in the same order: same bits expected.
  let diff = 0;
  for (let k = 0; k < results[0]!.length; k++)
    diff = Math.max(diff, Math.abs(results[0]![k]! - results[1]![k]!));
  const [old, neu] = times.map(median) as [number, number];
  const roundRatios = times[1]!.map((t, r) => t / times[0]![r]!);
  console.log(`${fma ? 'relaxed SIMD (fused multiply–add)' : 'plain SIMD'}:`);
  for (const [i, { name }] of kernels.entries())
    console.log(
      `  ${name.padEnd(22)} median ${ms(median(times[i]!)).padStart(9)}  runs ${times[i]!.map((t) => t.toFixed(0)).join(' ')}`,
    );
  console.log(
    `  new/old ${(neu / old).toFixed(3)} (median of round ratios ${median(roundRatios).toFixed(3)}); ` +
      `largest |new − old| in L: ${diff}`,
  );
}
