/**
 * The argument checks of the public solves: LU factors as `luFactor` makes them, and right-hand sides.
 *
 * @internal
 * @packageDocumentation
 */
import { IssueList, preview } from '../../core/boundary.js';
import { checkDimension, MAX_ICIO_ORDER, MAX_MATRIX_ENTRIES } from './limits.js';
import type { LuFactors } from './lu.js';
import { checkArray } from './matrix.js';

/**
 * Checks the arguments of the solves: factors as {@link luFactor} makes them (n, n² entries, a
 * permutation of 0…n−1, finite entries and a non-zero diagonal) and n·m right-hand sides.
 *
 * @internal
 */
export function checkSolve(f: LuFactors, b: Float64Array, m: number): void {
  const issues = new IssueList();
  const t = f as Partial<LuFactors> | null;
  if (t === null || typeof t !== 'object') {
    issues.add('f', `expected LU factors from luFactor, found ${preview(f)}`);
    issues.throwIfAny('invalid LU factors');
    return;
  }
  const { n, lu, perm } = t;
  if (checkDimension(issues, 'f.n', n, MAX_ICIO_ORDER)) {
    if (checkArray(issues, 'f.lu', lu, n * n, `${n}×${n} = ${n * n}`)) {
      for (let i = 0; i < n * n; i++) {
        if (!Number.isFinite(lu[i]!)) {
          issues.add(`f.lu[${i}]`, `expected a finite number, found ${preview(lu[i])}`);
          break;
        }
      }
      for (let i = 0; i < n; i++) {
        if (lu[i * n + i] === 0) {
          issues.add(`f.lu[${i * n + i}]`, `expected a non-zero pivot U(${i}, ${i}), found 0`);
          break;
        }
      }
    }
    if (!(perm instanceof Int32Array) || perm.length !== n) {
      issues.add(
        'f.perm',
        `expected an Int32Array of ${n} entries, found ${perm instanceof Int32Array ? `${perm.length} entries` : preview(perm)}`,
      );
    } else {
      const seen = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const p = perm[i]!;
        if (p < 0 || p >= n || seen[p] === 1) {
          issues.add(`f.perm[${i}]`, `expected a permutation of 0…${n - 1}, found ${p}`);
          break;
        }
        seen[p] = 1;
      }
    }
  }
  if (checkDimension(issues, 'm', m, MAX_MATRIX_ENTRIES) && typeof n === 'number' && issues.size === 0) {
    if (n * m > MAX_MATRIX_ENTRIES)
      issues.add('m', `expected at most ${MAX_MATRIX_ENTRIES} entries (n·m), found ${n}×${m}`);
    else checkArray(issues, 'b', b, n * m, `${n}×${m} = ${n * m}`);
  }
  issues.throwIfAny(
    issues.size > 0 && issues.issues()[0]!.path.startsWith('f')
      ? 'invalid LU factors'
      : 'invalid right-hand side',
  );
}
