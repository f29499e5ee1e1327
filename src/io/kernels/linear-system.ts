/**
 * Small dense linear systems given as arrays of rows (normal equations of a fit, a 3×3 moment
 * matrix), solved with the kernels' LU factorisation, for the analytics outside the input–output
 * engine.
 *
 * @packageDocumentation
 */
import { IssueList, preview } from '../../core/boundary.js';
import { isGvcError } from '../../core/errors.js';
import { MAX_ICIO_ORDER } from './limits.js';
import { luFactor } from './lu.js';
import { luSolveOf } from './lu-solve.js';

/**
 * Solves the square system A·x = b given as arrays of rows, with the kernels' LU factorisation with
 * partial pivoting ({@link luFactor}, Golub & Van Loan 2013, §3.4) on A equilibrated by rows: each
 * row of A and its entry of b are divided by the row's largest absolute entry, which leaves x
 * unchanged and makes the singularity test independent of how each equation is scaled. Returns
 * `null`, rather than a meaningless x, when the system has no unique finite solution in double
 * precision: a row of A that is all zero, a pivot of the equilibrated matrix at or below n·ε (A
 * singular to working precision, the test of {@link luFactor}), an entry of A or b that is not a
 * finite number (NaN, ±Infinity), or a solution that overflows. An empty system (n = 0) gives `[]`.
 *
 * @param a - A, n rows of n numbers (not modified)
 * @param b - b, n numbers (not modified); n is its length
 * @returns x, a new array of n finite numbers, or `null` as above
 * @throws {GvcError} `INVALID_INPUT` when the shapes do not match: `a` is not an array of `b.length`
 *   rows of `b.length` numbers each (paths `a`, `a[i]`), or n is above MAX_ICIO_ORDER (path `b`)
 * @example
 * ```ts
 * // 2x + y = 3, x + 3y = 5: x = 0.8, y = 1.4
 * solveLinearSystem([[2, 1], [1, 3]], [3, 5]);
 * //=> [0.8, 1.4]
 * solveLinearSystem([[1, 2], [2, 4]], [1, 2]);
 * //=> null
 * ```
 */
export function solveLinearSystem(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const n = checkShapes(a, b);
  if (n === 0) return [];
  const m = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = a[i]!;
    let scale = 0;
    for (let j = 0; j < n; j++) {
      const v = row[j]!;
      if (!Number.isFinite(v)) return null;
      scale = Math.max(scale, Math.abs(v));
    }
    if (scale === 0 || !Number.isFinite(b[i]!)) return null;
    // Divided, not multiplied by 1/scale, which overflows for a subnormal scale.
    for (let j = 0; j < n; j++) m[i * n + j] = row[j]! / scale;
    rhs[i] = b[i]! / scale;
  }
  let x: Float64Array;
  try {
    x = luSolveOf(luFactor(m, n), rhs);
  } catch (e) {
    if (isGvcError(e, 'SINGULAR_MATRIX')) return null;
    throw e;
  }
  const out = Array.from(x);
  return out.every(Number.isFinite) ? out : null;
}

/** n = b.length, after checking that `a` is n rows of n numbers and `b` n numbers. */
function checkShapes(a: unknown, b: unknown): number {
  const issues = new IssueList();
  const numbers = (path: string, row: readonly unknown[]) => {
    for (let j = 0; j < row.length; j++) {
      if (typeof row[j] !== 'number')
        issues.add(`${path}[${j}]`, `expected a number, found ${preview(row[j])}`);
    }
  };
  if (!Array.isArray(b)) {
    issues.add('b', `expected an array of numbers, found ${preview(b)}`);
  } else if (b.length > MAX_ICIO_ORDER) {
    issues.add('b', `expected at most ${MAX_ICIO_ORDER} equations, found ${b.length}`);
  } else {
    const n = b.length;
    numbers('b', b);
    if (!Array.isArray(a) || a.length !== n) {
      issues.add('a', `expected an array of ${n} rows (one per entry of b), found ${preview(a)}`);
    } else {
      for (let i = 0; i < n; i++) {
        const row: unknown = a[i];
        if (Array.isArray(row) && row.length === n) numbers(`a[${i}]`, row);
        else issues.add(`a[${i}]`, `expected a row of ${n} numbers, found ${preview(row)}`);
      }
    }
  }
  issues.throwIfAny('invalid linear system');
  return (b as readonly number[]).length;
}
