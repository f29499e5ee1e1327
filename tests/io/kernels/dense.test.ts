import { describe, expect, it } from 'vitest';
import {
  GvcError,
  identityMinus,
  inverse,
  luFactor,
  luSolve,
  luSolveTransposed,
  matmul,
  transpose,
} from '../../../src/io/index.js';
import { expectClose } from '../fixture.js';
import { randomMatrix as uniformMatrix } from './random.js';

/** A deterministic pseudo-random matrix (linear congruential), diagonally weighted to be well conditioned. */
/** A random n×n matrix with `diagonal` added to its diagonal (2: well conditioned). */
function randomMatrix(n: number, seed: number, diagonal = 2): Float64Array {
  const a = uniformMatrix(n, seed);
  for (let i = 0; i < n; i++) a[i * n + i] = a[i * n + i]! + diagonal;
  return a;
}

describe('matmul', () => {
  it('multiplies by hand: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]', () => {
    expect(Array.from(matmul(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2))).toEqual([
      19, 22, 43, 50,
    ]);
  });
  it('handles non-square shapes and inner dimensions not divisible by 4 (1×5 · 5×1 = 1+4+9+16+25 = 55)', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5);
    expect(Array.from(matmul(a, a, 1, 5, 1))).toEqual([55]);
  });
  it('rejects mismatched dimensions', () => {
    expect(() => matmul(new Float64Array(4), new Float64Array(3), 2, 2, 2)).toThrow(GvcError);
  });
});

describe('luFactor / luSolve / inverse', () => {
  // n = 20 runs the TypeScript loops, 100 and 101 the SIMD kernel (its largest-entry scan takes
  // two entries at a time: the NaN is in either lane, or the last entry of an odd count).
  it.each([
    [20, 3 * 20 + 18],
    [100, 3 * 100 + 98],
    [100, 3 * 100 + 99],
    [101, 101 * 101 - 1],
  ])('refuses a matrix with a NaN entry (SINGULAR_MATRIX; n = %i, entry %i)', (n, at) => {
    const a = randomMatrix(n, 5);
    a[at] = Number.NaN;
    expect(() => inverse(a, n)).toThrow(expect.objectContaining({ code: 'SINGULAR_MATRIX' }));
    expect(() => luFactor(a, n)).toThrow(expect.objectContaining({ code: 'SINGULAR_MATRIX' }));
  });

  it('pivots: [[0,1],[2,3]] swaps rows (hand calculation: P·A = [[2,3],[0,1]], L = I)', () => {
    const f = luFactor(Float64Array.of(0, 1, 2, 3), 2);
    expect(Array.from(f.perm)).toEqual([1, 0]);
    expect(Array.from(f.lu)).toEqual([2, 3, 0, 1]);
  });
  it('inverts [[4,7],[2,6]] (det 10: inverse [[.6,-.7],[-.2,.4]]) to 1e-12', () => {
    expectClose(inverse(Float64Array.of(4, 7, 2, 6), 2), [0.6, -0.7, -0.2, 0.4], 1e-12);
  });
  it('solves several right-hand sides at once: [[2,1],[1,3]]X = [[3,5],[4,10]] gives X = [[1,1],[1,3]]', () => {
    // Hand calculation: 2·1 + 1·1 = 3, 1·1 + 3·1 = 4; 2·1 + 1·3 = 5, 1·1 + 3·3 = 10.
    expectClose(
      luSolve(luFactor(Float64Array.of(2, 1, 1, 3), 2), Float64Array.of(3, 5, 4, 10), 2),
      [1, 1, 1, 3],
      1e-14,
    );
  });
  it('solves with the transpose: Aᵀx = b for A = [[1,2],[0,4]], b = (1,6) gives x = (1,1)', () => {
    expectClose(
      luSolveTransposed(luFactor(Float64Array.of(1, 2, 0, 4), 2), Float64Array.of(1, 6)),
      [1, 1],
      1e-14,
    );
  });
  it.each([7, 64, 65, 130, 200])(
    'A·A⁻¹ = I and LU solves agree across block boundaries (n = %i, 1e-10)',
    (n) => {
      const a = randomMatrix(n, n);
      const ai = inverse(a, n);
      const id = new Float64Array(n * n);
      for (let i = 0; i < n; i++) id[i * n + i] = 1;
      expectClose(matmul(a, ai, n, n, n), id, 1e-10);
      // Solve against three right-hand sides and check the residual A·X − B.
      const b = randomMatrix(3, 7).subarray(0, 3).slice();
      const rhs = new Float64Array(n * 3);
      for (let i = 0; i < n; i++) rhs.set(b, i * 3);
      const f = luFactor(a, n);
      expectClose(matmul(a, luSolve(f, rhs, 3), n, n, 3), rhs, 1e-10);
      expectClose(matmul(transpose(a, n, n), luSolveTransposed(f, rhs, 3), n, n, 3), rhs, 1e-10);
    },
  );
  it('pivots rows on a matrix without a dominant diagonal (n = 150, residual 1e-9)', () => {
    const n = 150;
    const a = randomMatrix(n, 11, 0);
    const f = luFactor(a, n);
    expect(Array.from(f.perm).some((p, i) => p !== i)).toBe(true);
    const id = new Float64Array(n * n);
    for (let i = 0; i < n; i++) id[i * n + i] = 1;
    expectClose(matmul(a, inverse(a, n), n, n, n), id, 1e-9);
  });
  it.each([150, 301])(
    'chooses the pivots of textbook partial pivoting (n = %i: same row order as unblocked elimination, factors to 1e-10)',
    (n) => {
      // Unblocked Gaussian elimination with partial pivoting, Golub & Van Loan (2013) Algorithm
      // 3.4.1: at step k, the row with the largest |a_ik| (i ≥ k, the first one on ties) is swapped
      // up, then the multipliers and the rank-one update.
      const ref = randomMatrix(n, 17);
      const perm = Array.from({ length: n }, (_, i) => i);
      for (let k = 0; k < n; k++) {
        let r = k;
        for (let i = k + 1; i < n; i++) if (Math.abs(ref[i * n + k]!) > Math.abs(ref[r * n + k]!)) r = i;
        if (r !== k) {
          for (let j = 0; j < n; j++) {
            const t = ref[k * n + j]!;
            ref[k * n + j] = ref[r * n + j]!;
            ref[r * n + j] = t;
          }
          [perm[k], perm[r]] = [perm[r]!, perm[k]!];
        }
        for (let i = k + 1; i < n; i++) {
          const l = ref[i * n + k]! / ref[k * n + k]!;
          ref[i * n + k] = l;
          for (let j = k + 1; j < n; j++) ref[i * n + j] = ref[i * n + j]! - l * ref[k * n + j]!;
        }
      }
      const f = luFactor(randomMatrix(n, 17), n);
      expect(Array.from(f.perm)).toEqual(perm);
      expectClose(f.lu, ref, 1e-10);
    },
  );
  it('throws SINGULAR_MATRIX for a singular matrix', () => {
    expect(() => luFactor(Float64Array.of(1, 2, 2, 4), 2)).toThrow(
      expect.objectContaining({ code: 'SINGULAR_MATRIX' }) as unknown as Error,
    );
  });
  it('throws INVALID_INPUT for a wrong size', () => {
    expect(() => luFactor(new Float64Array(5), 2)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }) as unknown as Error,
    );
    expect(() => luSolve(luFactor(Float64Array.of(1, 0, 0, 1), 2), new Float64Array(3))).toThrow(GvcError);
  });
  it('does not modify its arguments', () => {
    const a = randomMatrix(70, 3);
    const copy = Array.from(a);
    const f = luFactor(a, 70);
    const lu = Array.from(f.lu);
    const b = new Float64Array(70).fill(1);
    inverse(a, 70);
    luSolve(f, b);
    luSolveTransposed(f, b);
    identityMinus(a, 70);
    transpose(a, 70, 70);
    matmul(a, a, 70, 70, 70);
    expect(Array.from(a)).toEqual(copy);
    expect(Array.from(f.lu)).toEqual(lu);
    expect(Array.from(b)).toEqual(new Array(70).fill(1));
  });
});

describe('identityMinus and transpose', () => {
  it('forms I − A and Aᵀ', () => {
    expectClose(identityMinus(Float64Array.of(0.1, 0.2, 0.3, 0.4), 2), [0.9, -0.2, -0.3, 0.6], 1e-15);
    expect(Array.from(transpose(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
