// The physical limit in detail (bench/simd-peak.ts): WebAssembly SIMD128's f64x2 throughput on
// this machine for each number of independent accumulators, plain (f64x2.mul + f64x2.add) and
// relaxed (f64x2.relaxed_madd, in a child Node that has relaxed SIMD), on 1 thread and on 2
// threads with the best count; and numpy's dgemm on 1 and 2 threads. GFLOP/s from CPU time (a
// core per thread; steady on a shared machine) and by wall time. io.bench.ts measures the same
// peaks briefly and prints the bound they set beside the inverse and solve. `npm run bench -- simd`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ACCUMULATORS, numpyDgemm, wasmPeak } from './simd-peak.js';

/** Prints the sweep; returns the best 1-thread GFLOP/s (from CPU time). */
async function sweep(relaxed: boolean): Promise<number> {
  const what = relaxed ? 'relaxed_madd' : 'mul + add';
  let best = { k: 0, cpu: 0 };
  for (const k of ACCUMULATORS) {
    const g = await wasmPeak(1, relaxed, k);
    console.log(
      `  f64x2 ${what.padEnd(13)} ${String(k).padStart(2)} accumulators, 1 thread : ${g.cpu.toFixed(1).padStart(6)} GFLOP/s (wall ${g.wall.toFixed(1)})`,
    );
    if (g.cpu > best.cpu) best = { k, cpu: g.cpu };
  }
  const two = await wasmPeak(2, relaxed, best.k);
  console.log(
    `  f64x2 ${what.padEnd(13)} ${String(best.k).padStart(2)} accumulators, 2 threads: ${two.cpu.toFixed(1).padStart(6)} GFLOP/s (wall ${two.wall.toFixed(1)})`,
  );
  return best.cpu;
}

if (process.argv[2] === '--relaxed') console.log(`best ${await sweep(true)}`);
else {
  console.log('\nsimd-peak: WebAssembly SIMD128 peak (2 doubles a vector) and numpy dgemm');
  const plain = await sweep(false);
  const major = Number(process.versions.node.split('.')[0]);
  const flags = major < 22 ? ['--experimental-wasm-relaxed-simd'] : [];
  const r = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', fileURLToPath(import.meta.url), '--relaxed'],
    {
      encoding: 'utf8',
    },
  );
  const lines = r.status === 0 ? r.stdout.trim().split('\n') : [];
  const relaxed = Number(lines.pop()?.replace('best ', ''));
  console.log(lines.length > 0 ? lines.join('\n') : '  relaxed SIMD: not available in a child Node');
  let single: number | undefined;
  for (const threads of [1, 2]) {
    const d = numpyDgemm(4000, threads);
    if (threads === 1) single = d?.cpu;
    console.log(
      d
        ? `  numpy dgemm 4,000², ${threads} thread(s): ${d.cpu.toFixed(1)} GFLOP/s from CPU time (wall ${d.wall.toFixed(1)})`
        : '  numpy dgemm: python3 with NumPy not found',
    );
  }
  if (single !== undefined)
    console.log(
      `  numpy dgemm ÷ WebAssembly peak, 1 thread: ${(single / plain).toFixed(2)}× (mul + add)${Number.isFinite(relaxed) ? `, ${(single / relaxed).toFixed(2)}× (relaxed_madd)` : ''}; f64x2 holds 2 doubles, AVX2 4 (with fused multiply–add), AVX-512 8`,
    );
}
