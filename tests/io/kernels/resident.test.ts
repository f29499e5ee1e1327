import { afterEach, describe, expect, it } from 'vitest';
import { inverse, luFactor, luSolve, luSolveTransposed } from '../../../src/io/index.js';
import {
  kernelMemoryBytes,
  releaseKernel,
  useKernelRelease,
  withResidentFactors,
  withSimdMemory,
} from '../../../src/io/kernels/kernel-memory.js';
import { simdKernel, useSimd } from '../../../src/io/kernels/simd.js';
import { helperReady, useThreadsFrom } from '../../../src/io/kernels/threads.js';
import { expectClose } from '../fixture.js';

/**
 * A rows×cols matrix of entries in [−0.5, 0.5) from mulberry32 (random.ts's generator repeats
 * itself after some 15,000 draws, which makes matrices of 500 rows singular).
 */
function randomMatrix(rows: number, seed: number, cols = rows): Float64Array {
  let s = seed >>> 0;
  const a = new Float64Array(rows * cols);
  for (let i = 0; i < a.length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    a[i] = ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  }
  return a;
}

afterEach(() => {
  useSimd(true);
});

/**
 * Aᵀ·X = B by the column-by-column formulas, written out here independently of the library:
 * Uᵀ·Z = P·… as in the scalar code before the kernel (left-looking, stride-n access to U and L).
 */
function transposedReference(a: Float64Array, n: number, b: Float64Array, m: number): Float64Array {
  const { lu, perm } = luFactor(a, n);
  const w = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < i; p++) for (let j = 0; j < m; j++) w[i * m + j]! -= lu[p * n + i]! * w[p * m + j]!;
    for (let j = 0; j < m; j++) w[i * m + j]! /= lu[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--)
    for (let p = i + 1; p < n; p++)
      for (let j = 0; j < m; j++) w[i * m + j]! -= lu[p * n + i]! * w[p * m + j]!;
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) x.set(w.subarray(i * m, i * m + m), perm[i]! * m);
  return x;
}

/** A·X for X n×m. */
function times(a: Float64Array, n: number, x: Float64Array, m: number, transposed: boolean): Float64Array {
  const y = new Float64Array(n * m);
  for (let i = 0; i < n; i++)
    for (let p = 0; p < n; p++) {
      const c = transposed ? a[p * n + i]! : a[i * n + p]!;
      for (let j = 0; j < m; j++) y[i * m + j]! += c * x[p * m + j]!;
    }
  return y;
}

describe('transposed solves in the SIMD kernel', () => {
  it.each([
    [49, 8],
    [130, 9],
    [301, 40],
    [257, 300],
  ])('agree with the scalar formulas to 1e-10 and solve Aᵀ·X = B (n = %i, m = %i)', (n, m) => {
    if (!simdKernel()) return;
    const a = randomMatrix(n, n + m);
    const b = randomMatrix(n, 7 * m, m);
    const f = luFactor(a, n);
    const simd = luSolveTransposed(f, b, m);
    // 1e-10, not 1e-12: with relaxed SIMD the kernel fuses multiply–adds, which rounds differently
    // from the scalar formula; on these random matrices the two differ by up to 3e-12 relative.
    // The reference is computed once, from the same factors as `f` (refactoring after useSimd(false)
    // would give the scalar LU, which differs from the SIMD one by rounding).
    const ref = transposedReference(a, n, b, m);
    expectClose(simd, ref, 1e-10);
    // The TypeScript path (right-looking rows) agrees too, and both satisfy Aᵀ·X = B.
    useSimd(false);
    const js = luSolveTransposed(f, b, m);
    expectClose(js, ref, 1e-12);
    expectClose(times(a, n, simd, m, true), b, 1e-9);
  });

  it('are the same with the helper thread as without (n = 450, m = 64)', async () => {
    const k = simdKernel();
    if (!k?.shared) return;
    const n = 450;
    const a = randomMatrix(n, 5);
    const b = randomMatrix(n, 6, 64);
    const f = luFactor(a, n);
    const one = luSolveTransposed(f, b, 64);
    const was = useThreadsFrom(0);
    try {
      for (let t = 0; t < 200 && !helperReady(k); t++) await new Promise((r) => setTimeout(r, 50));
      expect(Array.from(luSolveTransposed(luFactor(a, n), b, 64))).toEqual(Array.from(one));
    } finally {
      useThreadsFrom(was);
    }
  });
});

describe('factors resident in the kernel memory', () => {
  it('are copied once for a sequence of solves with the same factors', () => {
    const k = simdKernel();
    if (!k) return;
    const f = { n: 4, lu: Float64Array.from({ length: 16 }, (_, i) => i + 1) };
    let fills = 0;
    const fill = (a: Float64Array) => {
      fills++;
      a.set(f.lu);
    };
    const sum = () =>
      withResidentFactors(k, f, 'lu', fill, [3], ([a, v]) => {
        v!.fill(1);
        return a!.reduce((s, x) => s + x, 0);
      });
    expect([sum(), sum(), sum()]).toEqual([136, 136, 136]);
    expect(fills).toBe(1);
    // A second tag for the same factors is placed beside the first, which stays.
    withResidentFactors(k, f, 'transposed', fill, [], () => 0);
    sum();
    expect(fills).toBe(2);
    // Any other use of the memory, other factors, or a changed diagonal: copied again.
    withSimdMemory(k, [64], () => 0);
    sum();
    expect(fills).toBe(3);
    f.lu[5] = 0;
    expect(sum()).toBe(130);
    expect(fills).toBe(4);
    withResidentFactors(k, { n: 4, lu: f.lu }, 'lu', fill, [], () => 0);
    expect(fills).toBe(5);
  });

  it('give the same solutions as fresh copies, solves and transposed solves in turn', () => {
    const n = 200;
    const a = randomMatrix(n, 3);
    const b = randomMatrix(n, 4, 16);
    const f = luFactor(a, n);
    const x1 = luSolve(f, b, 16);
    const y1 = luSolveTransposed(f, b, 16);
    inverse(a, n);
    const x2 = luSolve(f, b, 16);
    const x3 = luSolve(f, b, 16);
    const y2 = luSolveTransposed(f, b, 16);
    expect(Array.from(x2)).toEqual(Array.from(x1));
    expect(Array.from(x3)).toEqual(Array.from(x1));
    expect(Array.from(y2)).toEqual(Array.from(y1));
    expectClose(times(a, n, x1, 16, false), b, 1e-9);
  });
});

describe('kernel memory given back', () => {
  it('is released after an idle time once above the bound, and made afresh at next use', async () => {
    if (!simdKernel()) return;
    const was = useKernelRelease(4 * 2 ** 20, 20);
    try {
      const n = 500;
      const a = randomMatrix(n, 9);
      const inv = inverse(a, n);
      expect(kernelMemoryBytes()).toBeGreaterThan(4 * 2 ** 20);
      await new Promise((r) => setTimeout(r, 200));
      expect(kernelMemoryBytes()).toBe(0);
      expect(Array.from(inverse(a, n))).toEqual(Array.from(inv));
      // Small calls leave it alone.
      releaseKernel();
      inverse(randomMatrix(60, 1), 60);
      await new Promise((r) => setTimeout(r, 100));
      expect(kernelMemoryBytes()).toBeGreaterThan(0);
    } finally {
      useKernelRelease(was.above, was.afterMs);
    }
  });
});
