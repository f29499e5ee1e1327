/**
 * Solves with the LU factors of a square matrix: A·X = B and Aᵀ·X = B for any number of right-hand
 * sides, with and without the argument checks.
 *
 * @packageDocumentation
 */
import { withMemoryGuard } from './limits.js';
import { type LuFactors, SIMD_MIN_ORDER } from './lu.js';
import { checkFiniteResult } from './matrix.js';
import { simdKernel, withSimdMemory } from './simd.js';
import { checkSolve } from './solve-arguments.js';
import { backSubstitute, forwardSubstitute } from './triangular.js';

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
 * {@link luSolve} without the argument checks, for callers that made the factors.
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
    return withSimdMemory(
      k,
      [n * n, n * m],
      ([luw, x]) => {
        luw!.set(lu);
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
 * {@link luSolveTransposed} without the argument checks, for callers that made the factors.
 *
 * @internal
 */
export function luSolveTransposedOf(f: LuFactors, b: Float64Array, m = 1): Float64Array {
  const { n, lu, perm } = f;
  const w = Float64Array.from(b);
  // Uᵀ·Z = B: Uᵀ is lower triangular; row i of Z = (B_i − Σ_{p<i} U(p, i)·Z_p) / U(i, i).
  for (let i = 0; i < n; i++) {
    const wi = i * m;
    for (let p = 0; p < i; p++) {
      const u = lu[p * n + i]!;
      if (u === 0) continue;
      const wp = p * m;
      for (let j = 0; j < m; j++) w[wi + j] = w[wi + j]! - u * w[wp + j]!;
    }
    const d = 1 / lu[i * n + i]!;
    for (let j = 0; j < m; j++) w[wi + j] = w[wi + j]! * d;
  }
  // Lᵀ·W = Z: Lᵀ is unit upper triangular.
  for (let i = n - 1; i >= 0; i--) {
    const wi = i * m;
    for (let p = i + 1; p < n; p++) {
      const l = lu[p * n + i]!;
      if (l === 0) continue;
      const wp = p * m;
      for (let j = 0; j < m; j++) w[wi + j] = w[wi + j]! - l * w[wp + j]!;
    }
  }
  // X = Pᵀ·W.
  const x = new Float64Array(n * m);
  for (let i = 0; i < n; i++) x.set(w.subarray(i * m, i * m + m), perm[i]! * m);
  return x;
}
