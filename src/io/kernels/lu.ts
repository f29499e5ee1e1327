import { GvcError } from '../../core/errors.js';
import { blockUpdate } from './block-update.js';
import { checkSquare } from './matrix.js';
import { simdKernel, withSimdMemory } from './simd.js';

/**
 * An LU factorisation with partial pivoting, P·A = L·U, of an n×n matrix: L (unit lower
 * triangular, below the diagonal) and U (upper triangular, on and above it) share one row-major
 * `Float64Array`; `perm[i]` is the row of A that became row i.
 */
export interface LuFactors {
  /** Order of the matrix. */
  readonly n: number;
  /** L and U packed row-major: `lu[i·n + j]` is L(i, j) for j < i and U(i, j) for j ≥ i. */
  readonly lu: Float64Array;
  /** Row permutation: row i of P·A is row `perm[i]` of A. */
  readonly perm: Int32Array;
}

/** Panel width of the blocked LU; 64 columns keep a panel of U rows in cache for n in the thousands. */
const BLOCK = 64;

/** Below this order the TypeScript loops are as fast as copying into WebAssembly memory. */
const SIMD_MIN_ORDER = 48;

/**
 * Solves L·X = X in place (unit lower triangular L packed in `lu`), in blocks of rows: each block is
 * solved, then subtracted from all rows below it by one block update. With `identity`, X starts as
 * the identity, so row p of the result is zero beyond column p and those columns are skipped.
 */
function forwardSubstitute(lu: Float64Array, n: number, x: Float64Array, m: number, identity: boolean): void {
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const kEnd = Math.min(n, k0 + BLOCK);
    const cols = identity ? Math.min(m, kEnd) : m;
    for (let i = k0 + 1; i < kEnd; i++) blockUpdate(x, m, lu, n, i, i + 1, k0, i, 0, cols);
    blockUpdate(x, m, lu, n, kEnd, n, k0, kEnd, 0, cols);
  }
}

/** Solves U·X = X in place (upper triangular U packed in `lu`), in blocks of rows from the bottom. */
function backSubstitute(lu: Float64Array, n: number, x: Float64Array, m: number): void {
  for (let kEnd = n; kEnd > 0; kEnd -= BLOCK) {
    const k0 = Math.max(0, kEnd - BLOCK);
    for (let i = kEnd - 1; i >= k0; i--) {
      blockUpdate(x, m, lu, n, i, i + 1, i + 1, kEnd, 0, m);
      const d = 1 / lu[i * n + i]!;
      const xi = i * m;
      for (let j = 0; j < m; j++) x[xi + j] = x[xi + j]! * d;
    }
    blockUpdate(x, m, lu, n, 0, k0, k0, kEnd, 0, m);
  }
}

function swapRows(lu: Float64Array, n: number, r1: number, r2: number): void {
  const o1 = r1 * n;
  const o2 = r2 * n;
  for (let j = 0; j < n; j++) {
    const t = lu[o1 + j]!;
    lu[o1 + j] = lu[o2 + j]!;
    lu[o2 + j] = t;
  }
}

/**
 * Factorises a square matrix as P·A = L·U by blocked, right-looking Gaussian elimination with
 * partial pivoting (Golub & Van Loan 2013, §3.2.11 and §3.4): each panel of 64 columns is factored
 * recursively (halves down to 8 columns, Toledo 1997), the panel's rows of U are formed by a
 * triangular solve, and the trailing matrix is updated by one matrix product in i-k-j order. From
 * order 48 up, the block updates run in a register-blocked WebAssembly SIMD kernel (f64x2,
 * assembled at first use) where the runtime supports it, the large ones shared with one helper
 * thread under Node, with TypeScript loops as the fallback; all give the same results to rounding.
 *
 * @param a - A, n×n, row-major (not modified)
 * @param n - order of A
 * @returns the packed factors and the row permutation
 * @throws {GvcError} `INVALID_INPUT` when `a` does not hold n² entries; `SINGULAR_MATRIX` when a
 *   pivot is zero or below n·ε·max|A| (numerically singular)
 * @example
 * ```ts
 * const f = luFactor(Float64Array.of(0, 1, 2, 3), 2);
 * [Array.from(f.perm), Array.from(f.lu)];
 * //=> [[1, 0], [2, 3, 0, 1]]
 * ```
 */
export function luFactor(a: Float64Array, n: number): LuFactors {
  checkSquare(a, n, 'matrix to factorise');
  return luFactorInPlace(Float64Array.from(a), n);
}

/**
 * {@link luFactor} overwriting its argument with the factors (for callers that own a scratch copy).
 *
 * @internal
 */
export function luFactorInPlace(lu: Float64Array, n: number): LuFactors {
  const k = simdKernel();
  if (k && n >= SIMD_MIN_ORDER && lu.buffer !== k.memory.buffer) {
    return withSimdMemory(k, [n * n], ([work]) => {
      work!.set(lu);
      const { perm } = factorise(work!, n);
      lu.set(work!);
      return { n, lu, perm };
    });
  }
  return factorise(lu, n);
}

/** Panels this narrow are factored by the unblocked loops. */
const LEAF = 8;

/**
 * Factorises the panel of columns [a, b), rows a..n−1, recursively (Toledo 1997): the left half,
 * then its rows of U for the right half, the update of the right half by one block update, and the
 * right half; below LEAF columns, unblocked. Row swaps apply to whole rows.
 */
function factorPanel(
  lu: Float64Array,
  n: number,
  perm: Int32Array,
  tiny: number,
  a: number,
  b: number,
): void {
  if (b - a > LEAF) {
    const h = a + Math.ceil((b - a) / 2 / LEAF) * LEAF;
    factorPanel(lu, n, perm, tiny, a, h);
    for (let i = a + 1; i < h; i++) blockUpdate(lu, n, lu, n, i, i + 1, a, i, h, b);
    blockUpdate(lu, n, lu, n, h, n, a, h, h, b);
    factorPanel(lu, n, perm, tiny, h, b);
    return;
  }
  for (let k = a; k < b; k++) {
    let piv = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        piv = i;
      }
    }
    if (!(best > tiny)) {
      throw new GvcError('SINGULAR_MATRIX', 'matrix is singular to working precision', [
        {
          path: `[${k}]`,
          message: `expected a pivot above ${tiny.toExponential(2)} in column ${k}, found ${best}`,
        },
      ]);
    }
    if (piv !== k) {
      swapRows(lu, n, k, piv);
      const t = perm[k]!;
      perm[k] = perm[piv]!;
      perm[piv] = t;
    }
    const rk = k * n;
    const d = lu[rk + k]!;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = lu[ri + k]! / d;
      lu[ri + k] = l;
      if (l === 0) continue;
      for (let j = k + 1; j < b; j++) lu[ri + j] = lu[ri + j]! - l * lu[rk + j]!;
    }
  }
}

/** Blocked LU in place on `lu` (in WebAssembly memory or not). */
function factorise(lu: Float64Array, n: number): LuFactors {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let scale = 0;
  for (let i = 0; i < lu.length; i++) scale = Math.max(scale, Math.abs(lu[i]!));
  const tiny = scale * n * Number.EPSILON;
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const kb = Math.min(BLOCK, n - k0);
    const kEnd = k0 + kb;
    factorPanel(lu, n, perm, tiny, k0, kEnd);
    if (kEnd >= n) break;
    // U12 = L11⁻¹ A12 (forward substitution with the unit lower panel, row by row).
    for (let i = k0 + 1; i < kEnd; i++) blockUpdate(lu, n, lu, n, i, i + 1, k0, i, kEnd, n);
    // A22 -= L21 · U12.
    blockUpdate(lu, n, lu, n, kEnd, n, k0, kEnd, kEnd, n);
  }
  return { n, lu, perm };
}

/**
 * Solves A·X = B for X given the LU factors of A, for any number of right-hand sides at once
 * (forward then back substitution, row-oriented so that the inner loop runs along rows of X).
 *
 * @param f - the factors of A from {@link luFactor}
 * @param b - B, n×m row-major (not modified)
 * @param m - number of right-hand sides (columns of B); 1 by default
 * @returns X = A⁻¹B, n×m row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `b` does not hold n·m entries
 * @example
 * ```ts
 * luSolve(luFactor(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 8));
 * //=> Float64Array [1, 2]
 * ```
 */
export function luSolve(f: LuFactors, b: Float64Array, m = 1): Float64Array {
  const { n, lu, perm } = f;
  if (b.length !== n * m) {
    throw new GvcError('INVALID_INPUT', 'invalid right-hand side', [
      { path: 'b', message: `expected ${n}×${m} = ${n * m} entries, found ${b.length}` },
    ]);
  }
  const k = simdKernel();
  const solve = (luw: Float64Array, x: Float64Array) => {
    for (let i = 0; i < n; i++) x.set(b.subarray(perm[i]! * m, perm[i]! * m + m), i * m);
    forwardSubstitute(luw, n, x, m, false);
    backSubstitute(luw, n, x, m);
  };
  if (k && n >= SIMD_MIN_ORDER && m >= 8) {
    return withSimdMemory(k, [n * n, n * m], ([luw, x]) => {
      luw!.set(lu);
      solve(luw!, x!);
      return x!.slice();
    });
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
 * @throws {GvcError} `INVALID_INPUT` when `b` does not hold n·m entries
 * @example
 * ```ts
 * // A = [[1, 2], [0, 4]], Aᵀ = [[1, 0], [2, 4]]: Aᵀx = [1, 6] gives x = [1, 1]
 * luSolveTransposed(luFactor(Float64Array.of(1, 2, 0, 4), 2), Float64Array.of(1, 6));
 * //=> Float64Array [1, 1]
 * ```
 */
export function luSolveTransposed(f: LuFactors, b: Float64Array, m = 1): Float64Array {
  const { n, lu, perm } = f;
  if (b.length !== n * m) {
    throw new GvcError('INVALID_INPUT', 'invalid right-hand side', [
      { path: 'b', message: `expected ${n}×${m} = ${n * m} entries, found ${b.length}` },
    ]);
  }
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

/**
 * Inverts a square matrix by LU factorisation with partial pivoting and a solve against the
 * identity. Prefer {@link luSolve} when only products A⁻¹B are needed.
 *
 * @param a - A, n×n row-major (not modified)
 * @param n - order of A
 * @returns A⁻¹, n×n row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `a` does not hold n² entries; `SINGULAR_MATRIX` when A is
 *   singular to working precision
 * @example
 * ```ts
 * inverse(Float64Array.of(4, 7, 2, 6), 2);
 * //=> Float64Array [0.6, -0.7, -0.2, 0.4] (to rounding)
 * ```
 */
export function inverse(a: Float64Array, n: number): Float64Array {
  checkSquare(a, n, 'matrix to invert');
  return inverseInPlace(Float64Array.from(a), n);
}

/**
 * {@link inverse} using its argument as the scratch space of the factorisation (it is overwritten
 * with the LU factors, or with A⁻¹ where the SIMD kernel runs and the result is then `a` itself):
 * peak memory is `a` and two more n×n arrays.
 *
 * @internal
 */
export function inverseInPlace(a: Float64Array, n: number): Float64Array {
  const k = simdKernel();
  if (k && n >= SIMD_MIN_ORDER) {
    return withSimdMemory(k, [n * n, n * n], ([lu, w]) => {
      lu!.set(a);
      return invertFactorised(factorise(lu!, n), w!, a);
    });
  }
  const w = new Float64Array(n * n);
  return invertFactorised(factorise(a, n), w, w);
}

/**
 * A⁻¹ = U⁻¹L⁻¹P: solves against the identity in `w` (n×n), then writes the columns permuted into
 * `out` (which may be `w`) and returns it.
 */
function invertFactorised({ n, lu, perm }: LuFactors, w: Float64Array, out: Float64Array): Float64Array {
  w.fill(0);
  for (let i = 0; i < n; i++) w[i * n + i] = 1;
  forwardSubstitute(lu, n, w, n, true);
  backSubstitute(lu, n, w, n);
  const row = out === w ? new Float64Array(n) : null;
  for (let r = 0; r < n; r++) {
    const o = r * n;
    if (row) {
      for (let i = 0; i < n; i++) row[perm[i]!] = w[o + i]!;
      w.set(row, o);
    } else for (let i = 0; i < n; i++) out[o + perm[i]!] = w[o + i]!;
  }
  return out;
}
