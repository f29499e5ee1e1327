import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagonalBlockViews, inverse, kernelDiagonalBlocks } from '../../../src/io/kernels/inverse.js';
import { withSimdMemory } from '../../../src/io/kernels/kernel-memory.js';
import { factorise } from '../../../src/io/kernels/lu.js';
import { simdKernel } from '../../../src/io/kernels/simd.js';
import { helperReady, useThreadsFrom } from '../../../src/io/kernels/threads.js';
import { BLOCK } from '../../../src/io/kernels/triangular.js';
import { randomMatrix } from './random.js';

// The helper takes work from any order here (by default only from 1,500 rows up).
let crossover = 0;
beforeAll(() => {
  crossover = useThreadsFrom(0);
});
afterAll(() => {
  useThreadsFrom(crossover);
});

const G = 4;
const N = 75;
const n = G * N;

/** M: a random matrix with a dominant diagonal, and rows scaled down so that pivoting permutes. */
function matrix(): Float64Array {
  const m = randomMatrix(n, 21);
  for (let i = 0; i < n; i++) m[i * n + i] = m[i * n + i]! + (i % 41 === 7 ? 1e-3 : 0.5 * n);
  return m;
}

/** The diagonal blocks by kernelDiagonalBlocks, M factorised in the kernel's memory; `first` as given. */
function blocks(m: Float64Array, first?: () => void, rhs?: Float64Array): Float64Array[] {
  const k = simdKernel()!;
  return withSimdMemory(
    k,
    [n * n, n * BLOCK, n * 2, ...diagonalBlockViews(G, N)],
    ([lu, panel, b, ...views]) => {
      lu!.set(m);
      const { perm } = factorise(lu!, n, panel!);
      expect(perm.some((p, i) => p !== i)).toBe(true);
      if (rhs) for (let i = 0; i < n; i++) b!.set(rhs.subarray(perm[i]! * 2, perm[i]! * 2 + 2), i * 2);
      const Bss = kernelDiagonalBlocks(k, lu!, perm, G, N, views, rhs && { x: b!, w: 2 }, first);
      if (rhs) rhs.set(b!);
      return Bss;
    },
    n,
  );
}

describe('kernelDiagonalBlocks', () => {
  it('gives the diagonal blocks of M⁻¹ and M⁻¹B with pivoting, also after a call that failed', async () => {
    const k = simdKernel();
    if (!k) return;
    for (let t = 0; t < 200 && k.shared && !helperReady(k); t++) await new Promise((r) => setTimeout(r, 50));
    const m = matrix();
    // A failure on this thread while the helper takes the solves ends the call with that error,
    // and leaves the helper ready for the next task.
    expect(() =>
      blocks(m, () => {
        throw new Error('stop here');
      }),
    ).toThrow('stop here');
    // The reference is the kernels' full inverse (LU, then a solve against the identity), to 1e-10.
    const inv = inverse(m, n);
    const rhs = randomMatrix(n, 5, 2);
    const solved = Float64Array.from(rhs);
    let ran = 0;
    const Bss = blocks(m, () => ran++, solved);
    expect(ran).toBe(1);
    Bss.forEach((b, s) => {
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) {
          const e = inv[(s * N + i) * n + s * N + j]!;
          expect(Math.abs(b[i * N + j]! - e)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(e)));
        }
    });
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 2; c++) {
        let e = 0;
        for (let j = 0; j < n; j++) e += inv[i * n + j]! * rhs[j * 2 + c]!;
        expect(Math.abs(solved[i * 2 + c]! - e)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(e)));
      }
    }
  });
});
