/**
 * The condition number of the Leontief (or Ghosh) matrix, and what it means for the results: a
 * warning above {@link CONDITION_WARNING}, a refusal above {@link CONDITION_LIMIT}.
 *
 * @packageDocumentation
 */
import { GvcError, type GvcIssue } from '../core/errors.js';
import type { LuFactors } from './kernels/lu.js';

/**
 * The 1-norm condition number κ₁(I − A) = ‖I − A‖₁·‖(I − A)⁻¹‖₁ above which the input–output
 * functions report a warning: results may then have lost about log₁₀ κ of their 16 significant
 * digits (relative error up to about κ·ε, 2·10⁻⁸ here). Real tables have κ₁ of 1 to 10³.
 *
 * @example
 * ```ts
 * CONDITION_WARNING;
 * //=> 100000000
 * ```
 */
export const CONDITION_WARNING = 1e8;

/**
 * The 1-norm condition number κ₁(I − A) above which the input–output functions refuse with
 * `GvcError('SINGULAR_MATRIX')`: the error bound κ·ε passes 2·10⁻⁴, and tables with κ of 10¹⁴ to
 * 10¹⁶ were seen to give results off by several per cent. Such a table is singular for practical
 * purposes (a closed loop of sectors with almost no value added or final demand).
 *
 * @example
 * ```ts
 * CONDITION_LIMIT;
 * //=> 1000000000000
 * ```
 */
export const CONDITION_LIMIT = 1e12;

/** The most iterations of the estimator (Higham 1988 uses 5). */
const ITERATIONS = 5;

/** x = M⁻¹b for one right-hand side, row-oriented (contiguous rows of the factors). */
function solve(f: LuFactors, b: Float64Array): Float64Array {
  const { n, lu, perm } = f;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]!]!;
    const r = i * n;
    for (let p = 0; p < i; p++) s -= lu[r + p]! * x[p]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    const r = i * n;
    for (let p = i + 1; p < n; p++) s -= lu[r + p]! * x[p]!;
    x[i] = s / lu[r + i]!;
  }
  return x;
}

/** x = M⁻ᵀb for one right-hand side, column-oriented (axpy along contiguous rows of the factors). */
function solveTransposed(f: LuFactors, b: Float64Array): Float64Array {
  const { n, lu, perm } = f;
  const w = Float64Array.from(b);
  // Uᵀz = b: z_p final once divided; then subtract U(p, i)·z_p from every later i (row p of U).
  for (let p = 0; p < n; p++) {
    const r = p * n;
    const z = w[p]! / lu[r + p]!;
    w[p] = z;
    if (z !== 0) for (let i = p + 1; i < n; i++) w[i] = w[i]! - lu[r + i]! * z;
  }
  // Lᵀy = z: y_i final from the bottom; subtract L(i, p)·y_i from every earlier p (row i of L).
  for (let i = n - 1; i > 0; i--) {
    const r = i * n;
    const y = w[i]!;
    if (y !== 0) for (let p = 0; p < i; p++) w[p] = w[p]! - lu[r + p]! * y;
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[perm[i]!] = w[i]!;
  return x;
}

function norm1(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]!);
  return s;
}

/** An estimate of ‖M⁻¹‖₁, with the column j whose image M⁻¹e_j gave it (−1 if none did). */
export interface InverseNormEstimate {
  /** The estimate, a lower bound of ‖M⁻¹‖₁ (usually equal to it). */
  readonly norm: number;
  /** The column of M⁻¹ with the largest 1-norm found, or −1. */
  readonly column: number;
  /** M⁻¹ applied to the best vector found (column `column` of M⁻¹ when it is ≥ 0). */
  readonly image: Float64Array;
}

/**
 * Estimates ‖M⁻¹‖₁ from the LU factors of M with Hager's (1984) method as refined by Higham (1988,
 * "FORTRAN codes for estimating the one-norm of a real or complex matrix", ACM TOMS 14(4), 381–396;
 * LAPACK's xLACON): at most five pairs of solves with M and Mᵀ, then one more with Higham's
 * alternating vector, O(n²) in all against the O(n³) of the factorisation.
 *
 * @internal
 */
export function estimateInverseNorm1(f: LuFactors): InverseNormEstimate {
  const { n } = f;
  if (n === 0) return { norm: 0, column: -1, image: new Float64Array(0) };
  let x = new Float64Array(n).fill(1 / n);
  let from = -1;
  let best = -1;
  let column = -1;
  let image: Float64Array = new Float64Array(n);
  let lastSign: Int8Array | null = null;
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const y = solve(f, x);
    const est = norm1(y);
    if (!Number.isFinite(est)) return { norm: Number.POSITIVE_INFINITY, column: from, image: y };
    if (est <= best) break;
    best = est;
    column = from;
    image = y;
    const sign = new Int8Array(n);
    let same = lastSign !== null;
    for (let i = 0; i < n; i++) {
      sign[i] = y[i]! < 0 ? -1 : 1;
      if (same && sign[i] !== lastSign![i]) same = false;
    }
    if (same) break;
    lastSign = sign;
    const z = solveTransposed(f, Float64Array.from(sign));
    let j = 0;
    let zx = 0;
    for (let i = 0; i < n; i++) {
      if (Math.abs(z[i]!) > Math.abs(z[j]!)) j = i;
      zx += z[i]! * x[i]!;
    }
    if (iter > 0 && Math.abs(z[j]!) <= zx) break;
    x = new Float64Array(n);
    x[j] = 1;
    from = j;
  }
  // Higham's safeguard: x_i = (−1)^i (1 + i/(n − 1)), estimate 2‖M⁻¹x‖₁ / (3n).
  const alt = new Float64Array(n);
  for (let i = 0; i < n; i++) alt[i] = (i % 2 === 0 ? 1 : -1) * (1 + (n > 1 ? i / (n - 1) : 0));
  const y = solve(f, alt);
  const est = (2 * norm1(y)) / (3 * n);
  if (!(est <= best)) return { norm: est, column: -1, image: y };
  return { norm: best, column, image };
}

/** Σ_i |M_ij| for every column j of an n×n row-major matrix, in one pass over its rows. */
function columnAbsSums(m: Float64Array, n: number): Float64Array {
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = i * n;
    for (let j = 0; j < n; j++) sums[j] = sums[j]! + Math.abs(m[r + j]!);
  }
  return sums;
}

/**
 * ‖M‖₁, the largest column sum of |M_ij| of an n×n row-major matrix.
 *
 * @internal
 */
export function matrixNorm1(m: Float64Array, n: number): number {
  const sums = columnAbsSums(m, n);
  let best = 0;
  for (let j = 0; j < n; j++) if (sums[j]! > best) best = sums[j]!;
  return best;
}

/**
 * ‖M⁻¹‖₁ exactly, from M⁻¹ itself (n×n row-major), with its largest column and that column.
 *
 * @internal
 */
export function inverseNorm1(inv: Float64Array, n: number): InverseNormEstimate {
  const sums = columnAbsSums(inv, n);
  let column = 0;
  for (let j = 1; j < n; j++) if (!(sums[column]! >= sums[j]!)) column = j;
  const image = new Float64Array(n);
  for (let i = 0; i < n; i++) image[i] = inv[i * n + column]!;
  return { norm: n === 0 ? 0 : sums[column]!, column, image };
}

/** The labels of the (at most three) largest |entries| of a vector, largest first. */
function largest(v: Float64Array, label: (i: number) => string): string[] {
  const idx = Array.from(v.keys())
    .sort((p, q) => Math.abs(v[q]!) - Math.abs(v[p]!))
    .slice(0, 3);
  return idx.filter((i) => v[i] !== 0).map(label);
}

/**
 * Judges a condition number κ = ‖M‖₁·‖M⁻¹‖₁: returns the warnings to report (none below
 * {@link CONDITION_WARNING}, one up to {@link CONDITION_LIMIT}), or throws
 * `GvcError('SINGULAR_MATRIX')` above the limit, naming the sectors most involved: the column of
 * M⁻¹ with the largest norm and its largest entries. `matrix` names the matrix (`I − A`),
 * `path` where the warning points (`icio`).
 *
 * @internal
 */
export function judgeCondition(
  condition: number,
  est: InverseNormEstimate,
  label: (i: number) => string,
  matrix: string,
  path: string,
): GvcIssue[] {
  const rows = largest(est.image, label);
  const where =
    est.column >= 0
      ? `; most involved: the final demand of ${label(est.column)}${rows.length > 0 ? `, the output of ${rows.join(', ')}` : ''}`
      : rows.length > 0
        ? `; most involved: ${rows.join(', ')}`
        : '';
  if (!(condition <= CONDITION_LIMIT)) {
    throw new GvcError('SINGULAR_MATRIX', `${matrix} is too ill-conditioned to invert reliably`, [
      {
        path,
        message: `expected a condition number κ₁(${matrix}) of at most ${sci(CONDITION_LIMIT)}, found ${Number.isFinite(condition) ? sci(condition, 2) : 'an overflow'}${where}`,
      },
    ]);
  }
  if (condition <= CONDITION_WARNING) return [];
  return [
    {
      path,
      message: `expected a condition number κ₁(${matrix}) of at most ${sci(CONDITION_WARNING)}, found ${sci(condition, 2)}: results may have lost about ${Math.round(Math.log10(condition))} of 16 significant digits${where}`,
    },
  ];
}

/** A number in compact scientific notation: `1e12`, `3.14e15`. */
function sci(v: number, digits = 0): string {
  return v.toExponential(digits).replace('e+', 'e');
}
