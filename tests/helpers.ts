/** Small helpers shared by the unit tests. */
import { GvcError } from '../src/index.js';

/**
 * Freezes a value and every object and array reachable from it, so that a mutation throws in strict
 * mode, and returns the value (the input itself, not a copy).
 *
 * Values that are already frozen are left as they are (and not walked into), which also makes cycles
 * safe. Typed arrays and other `ArrayBuffer` views are skipped: one with elements cannot be frozen
 * (`Object.freeze` throws), so to check that a function leaves one unchanged, compare it with a copy.
 * The walk uses an explicit stack, so deep structures cannot overflow the call stack.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const o = stack.pop();
    if (o !== null && typeof o === 'object' && !Object.isFrozen(o) && !ArrayBuffer.isView(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) stack.push(v);
    }
  }
  return value;
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
