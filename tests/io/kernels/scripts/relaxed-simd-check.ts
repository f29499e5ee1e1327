// Run by relaxed-simd.test.ts in a child Node started with --experimental-wasm-relaxed-simd (Node
// 20) or plain (Node ≥ 22): compares the fused multiply–add kernel with the TypeScript loops on
// the LU, the solves and the inverse, with and without the helper thread, and prints the largest
// relative differences as JSON.
import { inverse, luFactor, luSolve } from '../../../../src/io/kernels/lu.js';
import { simdKernel, useSimd } from '../../../../src/io/kernels/simd.js';
import { helperReady, useThreads } from '../../../../src/io/kernels/threads.js';
import { randomMatrix } from '../random.js';

/** The largest difference relative to max(1, |expected|), as `expectClose` measures it. */
const maxDiff = (a: Float64Array, b: Float64Array) =>
  a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!) / Math.max(1, Math.abs(b[i]!))), 0);

const k = simdKernel();
const n = 301;
const m = 17;
const a = randomMatrix(n, 3);
const b = randomMatrix(n, 4, m);
useSimd(false);
const f0 = luFactor(a, n);
const x0 = luSolve(f0, b, m);
const inv0 = inverse(a, n);
useSimd(true);
const result: Record<string, number | boolean> = { fma: k?.fma ?? false };
for (const threads of [false, true]) {
  useThreads(threads);
  if (threads && k) {
    const until = Date.now() + 10_000;
    while (!helperReady(k) && Date.now() < until)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    result.helper = helperReady(k);
  }
  const f1 = luFactor(a, n);
  result[`lu${threads ? 'Threads' : ''}`] = maxDiff(f1.lu, f0.lu);
  result[`solve${threads ? 'Threads' : ''}`] = maxDiff(luSolve(f1, b, m), x0);
  result[`inverse${threads ? 'Threads' : ''}`] = maxDiff(inverse(a, n), inv0);
}
console.log(JSON.stringify(result));
