import { IssueList, preview } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { checkDimension, MAX_ICIO_ORDER, MAX_MATRIX_ENTRIES, withMemoryGuard } from './limits.js';

/**
 * Records a problem at `path` unless `a` is a `Float64Array` of `entries` entries (`shape` says
 * which, e.g. `2×2 = 4`).
 *
 * @internal
 */
export function checkArray(
  issues: IssueList,
  path: string,
  a: unknown,
  entries: number | undefined,
  shape: string,
): a is Float64Array {
  if (!(a instanceof Float64Array)) {
    issues.add(
      path,
      `expected a Float64Array${entries === undefined ? '' : ` of ${shape} entries`}, found ${preview(a)}`,
    );
    return false;
  }
  if (entries !== undefined && a.length !== entries) {
    issues.add(path, `expected ${shape} entries, found ${a.length}`);
    return false;
  }
  return true;
}

/**
 * Throws `GvcError('INVALID_INPUT', 'invalid <what>')` unless `a` is a Float64Array of n×n entries
 * with n a whole number up to {@link MAX_ICIO_ORDER}. @internal
 */
export function checkSquare(a: unknown, n: unknown, what: string): asserts a is Float64Array {
  const issues = new IssueList();
  if (checkDimension(issues, 'n', n, MAX_ICIO_ORDER))
    checkArray(issues, 'a', a, n * n, `${n}×${n} = ${n * n}`);
  else checkArray(issues, 'a', a, undefined, '');
  issues.throwIfAny(`invalid ${what}`);
}

/**
 * Throws `GvcError('UNSUPPORTED')` naming the first entries of a computed matrix (`rows`×`cols`,
 * row-major) that are not finite: an overflow from finite operands. @internal
 */
export function checkFiniteResult(
  out: Float64Array,
  cols: number,
  what: string,
  label?: (i: number) => string,
): void {
  let bad = -1;
  for (let k = 0; k < out.length; k++) {
    if (!Number.isFinite(out[k]!)) {
      bad = k;
      break;
    }
  }
  if (bad < 0) return;
  const issues = new IssueList();
  for (let k = bad; k < out.length && issues.size < 10; k++) {
    if (Number.isFinite(out[k]!)) continue;
    const i = Math.floor(k / cols);
    const j = k % cols;
    issues.add(
      label ? `[${label(i)}][${label(j)}]` : `[${i}][${j}]`,
      `expected a finite ${what}, found ${preview(out[k])} (the computation overflows the range of doubles)`,
    );
  }
  throw new GvcError('UNSUPPORTED', `${what} overflows`, issues.issues());
}

/**
 * One row of a matrix product or block update: y[yo + j] += sign · Σ_{p ∈ [p0, p1)} c[co + p] ·
 * x[p·xs + j] for j in [j0, j1), with `sign` 1 (C += A·B) or −1 (X_i −= L_i·X). Four rows p at a
 * time, the inner loop along the rows, a quartet of zero coefficients skipped (the factors of a
 * sparse table have many). The negation is exact, so −1 gives to the bit what a loop subtracting
 * each product gives. `y` and `x` may be the same array as long as row `yo` is not one of the rows
 * read.
 *
 * @internal
 */
export function addRowCombination(
  y: Float64Array,
  yo: number,
  c: Float64Array,
  co: number,
  sign: 1 | -1,
  x: Float64Array,
  xs: number,
  p0: number,
  p1: number,
  j0: number,
  j1: number,
): void {
  let p = p0;
  for (; p + 3 < p1; p += 4) {
    const l0 = sign * c[co + p]!;
    const l1 = sign * c[co + p + 1]!;
    const l2 = sign * c[co + p + 2]!;
    const l3 = sign * c[co + p + 3]!;
    if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0) continue;
    const x0 = p * xs;
    const x1 = x0 + xs;
    const x2 = x1 + xs;
    const x3 = x2 + xs;
    for (let j = j0; j < j1; j++) {
      y[yo + j] = y[yo + j]! + l0 * x[x0 + j]! + l1 * x[x1 + j]! + l2 * x[x2 + j]! + l3 * x[x3 + j]!;
    }
  }
  for (; p < p1; p++) {
    const l = sign * c[co + p]!;
    if (l === 0) continue;
    const xp = p * xs;
    for (let j = j0; j < j1; j++) y[yo + j] = y[yo + j]! + l * x[xp + j]!;
  }
}

/**
 * Multiplies two dense row-major matrices, C = A·B, with A of size m×k and B of size k×n, in the
 * cache-friendly i-k-j loop order (the inner loop runs along rows of B and C).
 *
 * @param a - A, m×k, row-major
 * @param b - B, k×n, row-major
 * @param m - rows of A
 * @param k - columns of A and rows of B
 * @param n - columns of B
 * @returns C = A·B, m×n, row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when a dimension is not a whole number, the product would have
 *   more than MAX_ICIO_ORDER² entries, or the array lengths do not match the dimensions (paths `a`,
 *   `b`, `m`, `k`, `n`); `UNSUPPORTED` when an entry of the product overflows the range of doubles
 * @example
 * ```ts
 * matmul(Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2);
 * //=> Float64Array [19, 22, 43, 50]
 * ```
 */
export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const issues = new IssueList();
  const dims =
    checkDimension(issues, 'm', m, MAX_MATRIX_ENTRIES) &&
    checkDimension(issues, 'k', k, MAX_MATRIX_ENTRIES) &&
    checkDimension(issues, 'n', n, MAX_MATRIX_ENTRIES);
  if (dims && m * n > MAX_MATRIX_ENTRIES) {
    issues.add(
      'n',
      `expected a product of at most ${MAX_MATRIX_ENTRIES} entries (m·n), found ${m}×${n} = ${m * n}`,
    );
  }
  if (dims) {
    checkArray(issues, 'a', a, m * k, `${m}×${k} = ${m * k}`);
    checkArray(issues, 'b', b, k * n, `${k}×${n} = ${k * n}`);
  } else {
    checkArray(issues, 'a', a, undefined, '');
    checkArray(issues, 'b', b, undefined, '');
  }
  issues.throwIfAny('invalid matrix product');
  const c = withMemoryGuard(Math.max(m, n), 'the matrix product', () => new Float64Array(m * n));
  for (let i = 0; i < m; i++) addRowCombination(c, i * n, a, i * k, 1, b, n, 0, k, 0, n);
  checkFiniteResult(c, n, 'matrix product');
  return c;
}

/**
 * Forms I − A for a square matrix A.
 *
 * @param a - A, n×n row-major (not modified)
 * @param n - order of A
 * @returns I − A, n×n row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `n` is not a whole number up to MAX_ICIO_ORDER or `a` is
 *   not a Float64Array of n² entries
 * @example
 * ```ts
 * identityMinus(Float64Array.of(0.1, 0.2, 0.3, 0.4), 2);
 * //=> Float64Array [0.9, -0.2, -0.3, 0.6]
 * ```
 */
export function identityMinus(a: Float64Array, n: number): Float64Array {
  checkSquare(a, n, 'matrix');
  return identityMinusOf(a, n);
}

/**
 * {@link identityMinus} without the argument checks, for callers that built `a`.
 *
 * @internal
 */
export function identityMinusOf(a: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < out.length; i++) out[i] = -a[i]!;
  for (let i = 0; i < n; i++) out[i * n + i] = 1 + out[i * n + i]!;
  return out;
}

/**
 * Transposes a dense row-major matrix.
 *
 * @param a - A, m×n row-major (not modified)
 * @param m - rows of A
 * @param n - columns of A
 * @returns Aᵀ, n×m row-major (a new array)
 * @throws {GvcError} `INVALID_INPUT` when `m` or `n` is not a whole number or `a` is not a
 *   Float64Array of m·n entries
 * @example
 * ```ts
 * transpose(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3);
 * //=> Float64Array [1, 4, 2, 5, 3, 6]
 * ```
 */
export function transpose(a: Float64Array, m: number, n: number): Float64Array {
  const issues = new IssueList();
  if (
    checkDimension(issues, 'm', m, MAX_MATRIX_ENTRIES) &&
    checkDimension(issues, 'n', n, MAX_MATRIX_ENTRIES)
  ) {
    checkArray(issues, 'a', a, m * n, `${m}×${n} = ${m * n}`);
  } else checkArray(issues, 'a', a, undefined, '');
  issues.throwIfAny('invalid matrix');
  const t = new Float64Array(m * n);
  const B = 32;
  for (let i0 = 0; i0 < m; i0 += B) {
    for (let j0 = 0; j0 < n; j0 += B) {
      const iEnd = Math.min(m, i0 + B);
      const jEnd = Math.min(n, j0 + B);
      for (let i = i0; i < iEnd; i++) for (let j = j0; j < jEnd; j++) t[j * m + i] = a[i * n + j]!;
    }
  }
  return t;
}

/**
 * Copies the N×N block of an n×n row-major matrix whose top-left corner is (r0, c0).
 *
 * @internal
 */
export function block(m: Float64Array, n: number, r0: number, c0: number, N: number): Float64Array {
  const out = new Float64Array(N * N);
  for (let k = 0; k < N; k++) out.set(m.subarray((r0 + k) * n + c0, (r0 + k) * n + c0 + N), k * N);
  return out;
}
