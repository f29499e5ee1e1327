import { z } from 'zod';
import { gvcParseParams } from '../core/issues.js';

/**
 * A string enum whose error says which values were expected and what was found.
 *
 * @internal
 */
export function namedEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (iss) =>
      `expected one of ${values.map((v) => `"${v}"`).join(', ')}, found ${JSON.stringify(iss.input) ?? String(iss.input)}`,
  });
}

/**
 * A whole number greater than or equal to zero (a count).
 *
 * @internal
 */
export const Count = z
  .number({
    error: (iss) => `expected a whole number >= 0, found ${JSON.stringify(iss.input) ?? String(iss.input)}`,
  })
  .int({ error: (iss) => `expected a whole number >= 0, found ${String(iss.input)}` })
  .min(0, { error: (iss) => `expected a whole number >= 0, found ${String(iss.input)}` });

/**
 * Reports, at its index, every element of `items` whose `keyOf` was already seen.
 *
 * @internal
 */
export function duplicateIssues<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number,
  describe: (key: string | number, firstIndex: number) => string,
  subPath: readonly PropertyKey[] = [],
): Array<{ path: PropertyKey[]; message: string }> {
  const first = new Map<string | number, number>();
  const out: Array<{ path: PropertyKey[]; message: string }> = [];
  items.forEach((item, i) => {
    const key = keyOf(item);
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else out.push({ path: [i, ...subPath], message: describe(key, at) });
  });
  return out;
}

/**
 * An array of enum values in which each value may appear at most once; optionally non-empty.
 *
 * @internal
 */
export function setOf<T extends string>(item: z.ZodType<T>, options: { nonEmpty?: string } = {}) {
  return z.array(item).superRefine((values, ctx) => {
    if (options.nonEmpty !== undefined && values.length === 0) {
      ctx.addIssue({ code: 'custom', message: options.nonEmpty });
    }
    for (const issue of duplicateIssues(
      values,
      (v) => v,
      (v, at) => `expected each value at most once, found "${v}" again (first at [${at}])`,
    )) {
      ctx.addIssue({ code: 'custom', ...issue });
    }
  });
}

/**
 * Parse parameters phrasing zod's built-in issues in gvckit's style (expected …, found …).
 *
 * @internal
 */
export const parseParams = gvcParseParams();
