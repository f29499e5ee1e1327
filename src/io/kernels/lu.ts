import { preview } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { blockUpdate } from './block-update.js';
import { withSimdMemory } from './kernel-memory.js';
import { withMemoryGuard } from './limits.js';
import { checkSquare } from './matrix.js';
import { simdKernel, withPacking } from './simd.js';
import { BLOCK, blockStep, simdOperands } from './triangular.js';

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

/**
 * Below this order the TypeScript loops are as fast as copying into WebAssembly memory.
 *
 * @internal
 */
export const SIMD_MIN_ORDER = 48;

/** Swaps the columns [c0, c1) of rows r1 and r2 of a matrix with row stride `w`. */
function swapRows(a: Float64Array, w: number, r1: number, r2: number, c0: number, c1: number): void {
  const o1 = r1 * w;
  const o2 = r2 * w;
  for (let j = c0; j < c1; j++) {
    const t = a[o1 + j]!;
    a[o1 + j] = a[o2 + j]!;
    a[o2 + j] = t;
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
 * @returns the packed factors and the row permutation (a frozen object; `lu` and `perm` are fresh
 *   typed arrays)
 * @throws {GvcError} `INVALID_INPUT` when `n` is not a whole number up to MAX_ICIO_ORDER or `a` is
 *   not a Float64Array of n² entries; `SINGULAR_MATRIX` when a pivot is zero or below n·ε·max|A|
 *   (numerically singular), or the elimination overflows; `UNSUPPORTED` when memory runs out
 * @example
 * ```ts
 * const f = luFactor(Float64Array.of(0, 1, 2, 3), 2);
 * [Array.from(f.perm), Array.from(f.lu)];
 * //=> [[1, 0], [2, 3, 0, 1]]
 * ```
 */
export function luFactor(a: Float64Array, n: number): LuFactors {
  checkSquare(a, n, 'matrix to factorise');
  const f = withMemoryGuard(n, 'the LU factorisation', () => luFactorInPlace(new Float64Array(n * n), n, a));
  for (let k = 0; k < f.lu.length; k++) {
    if (!Number.isFinite(f.lu[k]!)) {
      throw new GvcError('SINGULAR_MATRIX', 'matrix is singular to working precision', [
        {
          path: `[${k % n}]`,
          message: `expected finite factors, found ${preview(f.lu[k])} in column ${k % n} (the elimination overflows)`,
        },
      ]);
    }
  }
  return Object.freeze(f);
}

/**
 * {@link luFactor} writing the factors into `lu`, of the matrix `source` (by default `lu` itself,
 * for callers that own a scratch copy); `source` is read once, straight into the kernel's memory
 * where the SIMD kernel runs.
 *
 * @internal
 */
export function luFactorInPlace(lu: Float64Array, n: number, source: Float64Array = lu): LuFactors {
  const k = simdKernel();
  if (k && n >= SIMD_MIN_ORDER && lu.buffer !== k.memory.buffer) {
    return withSimdMemory(
      k,
      [n * n, n * BLOCK],
      ([work, panel]) => {
        work!.set(source);
        const { perm } = factorise(work!, n, panel!);
        lu.set(work!);
        return { n, lu, perm };
      },
      n,
    );
  }
  if (source !== lu) lu.set(source);
  return factorise(lu, n, new Float64Array(n * Math.min(n, BLOCK)));
}

/** Panels this narrow are factored by the unblocked loops. */
const LEAF = 8;

/**
 * Factorises the columns [a, b) of a panel held apart in `p` (`rows` rows from its first, row
 * stride `w`), rows a.. of it, recursively (Toledo 1997): the left half, then its rows of U for the
 * right half, the update of the right half by one block update, and the right half; below LEAF
 * columns, unblocked. Row swaps apply to whole rows of the panel; `piv[k]` records the row swapped
 * with row k, for the rest of the matrix. `col0` is the panel's first column in the matrix (for
 * error paths).
 */
function factorPanel(
  p: Float64Array,
  w: number,
  rows: number,
  piv: Int32Array,
  tiny: number,
  col0: number,
  a: number,
  b: number,
): void {
  if (b - a > LEAF) {
    const h = a + Math.ceil((b - a) / 2 / LEAF) * LEAF;
    factorPanel(p, w, rows, piv, tiny, col0, a, h);
    for (let i = a + 1; i < h; i++) blockUpdate(p, w, p, w, i, i + 1, a, i, h, b);
    blockUpdate(p, w, p, w, h, rows, a, h, h, b);
    factorPanel(p, w, rows, piv, tiny, col0, h, b);
    return;
  }
  // The pivot of column k + 1 is searched for while column k is eliminated (the same rows, in the
  // same order, once updated), so that each step passes over the rows once.
  let r = a;
  let best = Math.abs(p[a * w + a]!);
  for (let i = a + 1; i < rows; i++) {
    const v = Math.abs(p[i * w + a]!);
    if (v > best) {
      best = v;
      r = i;
    }
  }
  for (let k = a; k < b; k++) {
    if (!(best > tiny)) {
      throw new GvcError('SINGULAR_MATRIX', 'matrix is singular to working precision', [
        {
          path: `[${col0 + k}]`,
          message: `expected a pivot above ${tiny.toExponential(2)} in column ${col0 + k}, found ${best}`,
        },
      ]);
    }
    piv[k] = r;
    if (r !== k) swapRows(p, w, k, r, 0, w);
    const rk = k * w;
    const d = p[rk + k]!;
    const next = k + 1;
    r = next;
    best = 0;
    for (let i = next; i < rows; i++) {
      const ri = i * w;
      const l = p[ri + k]! / d;
      p[ri + k] = l;
      if (l !== 0) for (let j = next; j < b; j++) p[ri + j] = p[ri + j]! - l * p[rk + j]!;
      if (next < b) {
        // As a search from the diagonal: the first row's entry, then any strictly larger one (a
        // NaN on the diagonal is kept, and then fails the pivot test).
        const v = Math.abs(p[ri + next]!);
        if (i === next || v > best) {
          best = v;
          r = i;
        }
      }
    }
  }
}

/**
 * Blocked LU in place on `lu` (in WebAssembly memory or not), with `panel` (at least n·BLOCK
 * doubles, in the same memory) as the scratch space of the panels. Each panel of BLOCK columns is
 * copied out to rows of BLOCK doubles, so that the pivot searches and the column operations of
 * its factorisation stay in cache, factorised there, and copied back; its row exchanges are then
 * applied to the rest of the rows (as LAPACK's getrf and laswp do). `meanwhile`, if given, runs
 * once on this thread during the first shared step, after the look-ahead panel (or at the end, if
 * no step is shared): work of the caller's that needs none of the factors.
 *
 * @internal
 */
export function factorise(
  lu: Float64Array,
  n: number,
  panel: Float64Array,
  meanwhile?: () => void,
): LuFactors {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const simd = simdOperands(lu, panel);
  // Math.max (and the kernel's f64x2.max) keeps a NaN, which then fails every pivot test: a matrix
  // with NaN is refused.
  let scale = 0;
  let from = 0;
  if (simd && lu.length >= 2) {
    from = lu.length & ~1;
    // The two lanes land in the panel's first doubles, which are not in use yet.
    simd.k.maxAbs(lu.byteOffset, from * 8, panel.byteOffset);
    scale = Math.max(panel[0]!, panel[1]!);
  }
  for (let i = from; i < lu.length; i++) scale = Math.max(scale, Math.abs(lu[i]!));
  const tiny = scale * n * Number.EPSILON;
  const piv = new Int32Array(BLOCK);
  let factored = false;
  let pending = meanwhile;
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const kb = Math.min(BLOCK, n - k0);
    const kEnd = k0 + kb;
    if (!factored) {
      factorPanelAt(lu, n, panel, piv, tiny, k0, kb);
      exchangeRows(lu, n, perm, piv, k0, kb);
    }
    factored = false;
    if (kEnd >= n) break;
    if (simd) {
      // U12 = L11⁻¹ A12 and A22 −= L21·U12 at once, by chunks of columns shared between the
      // threads; the next panel is factorised as soon as its columns are updated, while the helper
      // goes on with the others (look-ahead), and its row exchanges wait for the step to end.
      const kb1 = Math.min(BLOCK, n - kEnd);
      const first = pending;
      pending = undefined;
      blockStep(simd.k, simd.area, lu, n, lu, n, true, k0, kEnd, kEnd, n, kEnd, n, () => {
        withPacking(simd.area.spare ?? null, () => factorPanelAt(lu, n, panel, piv, tiny, kEnd, kb1));
        first?.();
      });
      exchangeRows(lu, n, perm, piv, kEnd, kb1);
      factored = true;
      continue;
    }
    // U12 = L11⁻¹ A12 (forward substitution with the unit lower panel, row by row).
    for (let i = k0 + 1; i < kEnd; i++) blockUpdate(lu, n, lu, n, i, i + 1, k0, i, kEnd, n);
    // A22 -= L21 · U12.
    blockUpdate(lu, n, lu, n, kEnd, n, k0, kEnd, kEnd, n);
  }
  pending?.();
  return { n, lu, perm };
}

/**
 * Factorises the panel of columns [k0, k0 + kb), rows k0.., in `panel` (copied out, factorised and
 * copied back), leaving its row exchanges in `piv` for {@link exchangeRows}.
 */
function factorPanelAt(
  lu: Float64Array,
  n: number,
  panel: Float64Array,
  piv: Int32Array,
  tiny: number,
  k0: number,
  kb: number,
): void {
  const rows = n - k0;
  for (let i = 0; i < rows; i++) {
    const o = (k0 + i) * n + k0;
    panel.set(lu.subarray(o, o + kb), i * kb);
  }
  factorPanel(panel, kb, rows, piv, tiny, k0, 0, kb);
  for (let i = 0; i < rows; i++) lu.set(panel.subarray(i * kb, i * kb + kb), (k0 + i) * n + k0);
}

/** Applies the row exchanges of the panel at k0 to the columns outside it, and to `perm`. */
function exchangeRows(
  lu: Float64Array,
  n: number,
  perm: Int32Array,
  piv: Int32Array,
  k0: number,
  kb: number,
): void {
  for (let k = 0; k < kb; k++) {
    const r = piv[k]!;
    if (r === k) continue;
    swapRows(lu, n, k0 + k, k0 + r, 0, k0);
    swapRows(lu, n, k0 + k, k0 + r, k0 + kb, n);
    const t = perm[k0 + k]!;
    perm[k0 + k] = perm[k0 + r]!;
    perm[k0 + r] = t;
  }
}
