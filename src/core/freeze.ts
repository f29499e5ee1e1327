/**
 * The library's one immutability rule: everything gvckit returns or ships is deeply frozen.
 *
 * @internal
 * @packageDocumentation
 */

/**
 * Freezes `value` and every plain object and array reachable from it, in place, and returns it.
 * Already-frozen objects are not walked into (Immer's results, shared parts), which also makes cycles
 * safe; typed arrays are left as they are, since JavaScript cannot freeze an `ArrayBuffer` view with
 * elements. The walk uses an explicit stack, so deep structures cannot overflow the call stack.
 *
 * Call it only on values the library has just built (results, parsed copies), never on a caller's
 * argument: freezing an argument would change it.
 *
 * @internal
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const o = stack.pop();
    if (o !== null && typeof o === 'object' && !Object.isFrozen(o) && !ArrayBuffer.isView(o)) {
      Object.freeze(o);
      for (const v of Object.values(o)) if (v !== null && typeof v === 'object') stack.push(v);
    }
  }
  return value;
}
