/**
 * Solves with the LU factors of a square matrix: A·X = B and Aᵀ·X = B for any number of right-hand
 * sides, with and without the argument checks.
 *
 * @packageDocumentation
 */

import { withResidentFactors } from './kernel-memory.js';
import { withMemoryGuard } from './limits.js';
import { type LuFactors, SIMD_MIN_ORDER } from './lu.js';
import { checkFiniteResult } from './matrix.js';
import { simdKernel } from './simd.js';
import { checkSolve } from './solve-arguments.js';
import { backSubstitute, forwardSubstitute, transposedSubstitute } from './triangular.js';

/**
 * Solves A·X = B for X given the LU factors of A, for any number of right-hand sides at once
 * (forward then back substitution, row-oriented so that the inner loop runs along rows of X).
 *
 * @param f - the factors of A from {@link luFactor}
 * @param b - B, n×m row-major (not modified)
 * @param m - number of right-hand sides (columns of B); 1 by default
 * @returns X = A⁻¹B, n×m row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `f` is not a factorisation as {@link luFactor} makes it
 *   (paths `f.n`, `f.lu`, `f.perm`), `m` is not a whole number or `b` does not hold n·m entries;
 *   `UNSUPPORTED` when an entry of X overflows the range of doubles
 * @example
 * ```ts
 * luSolve(luFactor(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 8));
 * //=> Float64Array [1, 2]
 * ```
 */
export function luSolve(f: LuFactors, b: Float64Array, m = 1): Float64Array {
  return checkedSolve(luSolveOf, f, b, m);
}

/**
 * {@link luSolve} without the argument checks, for callers that made the factors. With the SIMD
 * kernel the factors are copied into its memory and stay there: a sequence of solves with the same
 * factors (the same object, its `lu` unchanged) copies them once.
 *
 * @internal
 */
export function luSolveOf(f: LuFactors, b: Float64Array, m = 1): Float64Array {
  const { n, lu, perm } = f;
  const k = simdKernel();
  const solve = (luw: Float64Array, x: Float64Array) => {
    for (let i = 0; i < n; i++) x.set(b.subarray(perm[i]! * m, perm[i]! * m + m), i * m);
    forwardSubstitute(luw, n, x, m, false);
    backSubstitute(luw, n, x, m);
  };
  if (k && n >= SIMD_MIN_ORDER && m >= 8) {
    return withResidentFactors(
      k,
      f,
      'lu',
      (luw) => luw.set(lu),
      [n * m],
      ([luw, x]) => {
        solve(luw!, x!);
        return x!.slice();
      },
      Math.max(n, m),
    );
  }
  const x = new Float64Array(n * m);
  solve(lu, x);
  return x;
}

/**
 * Solves Aᵀ·X = B for X given the LU factors of A (P·A = L·U, so Aᵀ = Uᵀ·Lᵀ·P), reusing one
 * factorisation for row-vector products such as v·(I − A)⁻¹.
 *
 * @param f - the factors of A from {@link luFactor}
 * @param b - B, n×m row-major (not modified)
 * @param m - number of right-hand sides (columns of B); 1 by default
 * @returns X = A⁻ᵀB, n×m row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `f` is not a factorisation as {@link luFactor} makes it
 *   (paths `f.n`, `f.lu`, `f.perm`), `m` is not a whole number or `b` does not hold n·m entries;
 *   `UNSUPPORTED` when an entry of X overflows the range of doubles
 * @example
 * ```ts
 * // A = [[1, 2], [0, 4]], Aᵀ = [[1, 0], [2, 4]]: Aᵀx = [1, 6] gives x = [1, 1]
 * luSolveTransposed(luFactor(Float64Array.of(1, 2, 0, 4), 2), Float64Array.of(1, 6));
 * //=> Float64Array [1, 1]
 * ```
 */
export function luSolveTransposed(f: LuFactors, b: Float64Array, m = 1): Float64Array {
  return checkedSolve(luSolveTransposedOf, f, b, m);
}

/**
 * A solve of the public API: the argument checks, the unchecked `solve` under the memory guard, and
 * the check that the solution is finite.
 */
function checkedSolve(
  solve: (f: LuFactors, b: Float64Array, m: number) => Float64Array,
  f: LuFactors,
  b: Float64Array,
  m: number,
): Float64Array {
  checkSolve(f, b, m);
  const x = withMemoryGuard(f.n, 'the solve', () => solve(f, b, m));
  checkFiniteResult(x, m, 'solution');
  return x;
}

/**
 * {@link luSolveTransposed} without the argument checks, for callers that made the factors. With
 * the SIMD kernel (order ≥ SIMD_MIN_ORDER, 8 right-hand sides or more) the factors are transposed
 * once into its memory, where they stay for the next transposed solve with the same factors, and
 * solved by the blocked substitutions ({@link transposedSubstitute}); otherwise by substitutions
 * that run along rows of the factors (right-looking: once row p of the solution is final, it is
 * subtracted from the rows after it): for Uᵀ the same operations in the same order as the
 * column-by-column formulas, for Lᵀ the same ones with the sum taken from the bottom.
 *
 * @internal
 */
export function luSolveTransposedOf(f: LuFactors, b: Float64Array, m = 1): Float64Array {
  const { n, lu, perm } = f;
  const x = new Float64Array(n * m);
  const k = simdKernel();
  if (k && n >= SIMD_MIN_ORDER && m >= 8) {
    const done = withResidentFactors(
      k,
      f,
      'transposed',
      (t) => transposeInto(lu, n, t),
      [n * m],
      ([t, w]) => {
        w!.set(b);
        if (!transposedSubstitute(t!, n, w!, m)) return false;
        for (let i = 0; i < n; i++) x.set(w!.subarray(i * m, i * m + m), perm[i]! * m);
        return true;
      },
      Math.max(n, m),
    );
    if (done) return x;
  }
  const w = Float64Array.from(b);
  // Uᵀ·Z = B: Uᵀ is lower triangular, Z_i = (B_i − Σ_{p<i} U(p, i)·Z_p) / U(i, i). Row p of Z is
  // final once divided; then it is subtracted from every later row i, with U(p, i) along row p.
  for (let p = 0; p < n; p++) {
    const wp = p * m;
    const d = 1 / lu[p * n + p]!;
    for (let j = 0; j < m; j++) w[wp + j] = w[wp + j]! * d;
    const row = p * n;
    for (let i = p + 1; i < n; i++) {
      const u = lu[row + i]!;
      if (u === 0) continue;
      const wi = i * m;
      for (let j = 0; j < m; j++) w[wi + j] = w[wi + j]! - u * w[wp + j]!;
    }
  }
  // Lᵀ·W = Z: Lᵀ is unit upper triangular, W_i = Z_i − Σ_{p>i} L(p, i)·W_p: from the bottom, row p
  // of W is final, and is subtracted from every earlier row i, with L(p, i) along row p.
  for (let p = n - 1; p > 0; p--) {
    const wp = p * m;
    const row = p * n;
    for (let i = p - 1; i >= 0; i--) {
      const l = lu[row + i]!;
      if (l === 0) continue;
      const wi = i * m;
      for (let j = 0; j < m; j++) w[wi + j] = w[wi + j]! - l * w[wp + j]!;
    }
  }
  // X = Pᵀ·W.
  for (let i = 0; i < n; i++) x.set(w.subarray(i * m, i * m + m), perm[i]! * m);
  return x;
}

/** Writes the transpose of the n×n `a` into `t`, by tiles of 32×32 (both stay in cache). */
function transposeInto(a: Float64Array, n: number, t: Float64Array): void {
  const tile = 32;
  for (let i0 = 0; i0 < n; i0 += tile) {
    const i1 = Math.min(n, i0 + tile);
    for (let j0 = 0; j0 < n; j0 += tile) {
      const j1 = Math.min(n, j0 + tile);
      for (let i = i0; i < i1; i++) {
        const row = i * n;
        for (let j = j0; j < j1; j++) t[j * n + i] = a[row + j]!;
      }
    }
  }
}
