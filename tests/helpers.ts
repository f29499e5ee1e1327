/** Small helpers shared by the unit tests. */
import { GvcError } from '../src/index.js';

/**
 * Freezes a value and every object and array reachable from it, so that a mutation throws in strict
 * mode, and returns the value itself: the library's own `deepFreeze` (typed arrays are skipped, since
 * one with elements cannot be frozen: to check that a function leaves one unchanged, compare it
 * with a copy).
 */
export { deepFreeze } from '../src/core/freeze.js';

/**
 * Whether `value` and every object and array reachable from it are frozen (the library's rule for
 * what it returns). Iterative, so deep results cannot overflow the stack. A typed array, which cannot
 * be frozen, counts as not frozen unless `exceptTypedArrays` is set (the input–output results, whose
 * typed arrays are fresh copies by the rule's one exception).
 */
export function isDeepFrozen(value: unknown, { exceptTypedArrays = false } = {}): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const o = stack.pop();
    if (o === null || typeof o !== 'object') continue;
    if (exceptTypedArrays && ArrayBuffer.isView(o)) continue;
    if (!Object.isFrozen(o)) return false;
    for (const v of Object.values(o)) stack.push(v);
  }
  return true;
}

/** Runs `f` and returns whatever it throws; fails when it does not throw. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw, found none');
}

/**
 * Runs `f` and returns the `GvcError` it throws. Fails when it does not throw, and rethrows anything
 * thrown that is not a `GvcError` (so the test fails with the original error).
 */
export function errorOf(f: () => unknown): GvcError {
  try {
    f();
  } catch (e) {
    if (e instanceof GvcError) return e;
    throw e;
  }
  throw new Error('expected a GvcError, found no throw');
}
