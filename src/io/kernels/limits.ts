/**
 * Size limits of the input–output engine, checked before any large allocation, and the guard that
 * turns an allocation failure of the runtime into a `GvcError`.
 *
 * @packageDocumentation
 */
import { type IssueList, preview } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';

/**
 * The largest table the input–output engine accepts: n = countries × sectors ≤ 16,000
 * country–sector pairs (the order of the dense n×n matrices Z, A and the Leontief inverse; the
 * largest published tables have about 9,800 (EXIOBASE) and 15,900 (full Eora)). Each n×n matrix
 * takes 8·n² bytes, 2.05 GB at the limit; inverting one needs two such matrices in the
 * WebAssembly kernel's memory (16·n² bytes ≈ 4.1 GB at the limit, just inside the 4 GiB a
 * WebAssembly memory can hold) besides the result. Larger tables are refused with
 * `GvcError('INVALID_INPUT')` before anything is allocated; a machine without that much free memory
 * gets `GvcError('UNSUPPORTED')` when an allocation fails.
 *
 * @example
 * ```ts
 * MAX_ICIO_ORDER * MAX_ICIO_ORDER * 8 / 1e9;
 * //=> 2.048
 * ```
 */
export const MAX_ICIO_ORDER = 16_000;

/**
 * The most entries a matrix argument or result of the kernels may have: MAX_ICIO_ORDER², 2.56·10⁸
 * (2.05 GB of doubles).
 *
 * @internal
 */
export const MAX_MATRIX_ENTRIES = MAX_ICIO_ORDER * MAX_ICIO_ORDER;

/** Bytes of one n×n matrix of doubles, for messages: `2.05 GB`. */
export function matrixBytes(n: number): string {
  const b = 8 * n * n;
  if (b >= 1e9) return `${(b / 1e9).toFixed(2)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(1)} MB`;
  return `${Math.ceil(b / 1e3)} kB`;
}

/**
 * Records a problem at `path` unless an order n (country–sector pairs) is within
 * {@link MAX_ICIO_ORDER}; `found` describes how n was reached (`300 countries × 400 sectors`).
 *
 * @internal
 */
export function checkOrder(issues: IssueList, path: string, n: number, found: string): boolean {
  if (n <= MAX_ICIO_ORDER) return true;
  issues.add(
    path,
    `expected at most ${MAX_ICIO_ORDER} country–sector pairs (each n×n matrix takes 8·n² bytes, ${matrixBytes(MAX_ICIO_ORDER)} at the limit), found ${found} = ${n}`,
  );
  return false;
}

/** Whether an error is the runtime running out of memory (a typed array or WebAssembly memory). */
function isAllocationFailure(e: unknown): boolean {
  if (!(e instanceof RangeError)) return false;
  return /alloc|memory|grow|buffer|array length|out of/i.test(e.message);
}

/**
 * Runs `fn`, turning an allocation failure of the runtime (`RangeError: Array buffer allocation
 * failed`, `WebAssembly.Memory.grow(): Maximum memory size exceeded`) into
 * `GvcError('UNSUPPORTED')` that says how much one n×n matrix takes; `n` is the order of the
 * problem.
 *
 * @internal
 */
export function withMemoryGuard<T>(n: number, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!isAllocationFailure(e)) throw e;
    throw new GvcError('UNSUPPORTED', `not enough memory for ${what}`, [
      {
        path: '',
        message: `expected memory for a few n×n matrices of order ${n} (${matrixBytes(n)} each), found an allocation failure`,
      },
    ]);
  }
}

/**
 * Checks that a dimension argument of a kernel is a whole number from 0 to `max`, recording a
 * problem at `path` otherwise.
 *
 * @internal
 */
export function checkDimension(
  issues: IssueList,
  path: string,
  value: unknown,
  max: number,
): value is number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max) return true;
  issues.add(path, `expected a whole number from 0 to ${max}, found ${preview(value)}`);
  return false;
}
