import * as z from 'zod/mini';
import { type IssueList, quote, type Validated } from '../core/boundary.js';
import { describeFound, gvcParseParams } from '../core/issues.js';

/**
 * A string enum whose error says which values were expected and what was found (a bounded preview,
 * never the whole value).
 *
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function namedEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const expected = values.map((v) => `"${v}"`).join(', ');
  return z.enum(values, {
    error: (iss) => `expected one of ${expected}, found ${describeFound(iss)}`,
  });
}

/**
 * Reports, at its index, every element of `items` whose `keyOf` was already seen (keys compared in a
 * `Map`, so built-in property names are plain data).
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
 * A key for a message: a string quoted and cut ({@link quote}), a number as written.
 *
 * @internal
 */
export function shownKey(key: string | number): string {
  return typeof key === 'string' ? quote(key) : String(key);
}

/**
 * An array of enum values in which each value may appear at most once; optionally non-empty.
 *
 * @internal
 */
// @__NO_SIDE_EFFECTS__
export function setOf<T extends string>(item: z.core.$ZodType<T>, options: { nonEmpty?: string } = {}) {
  return z.array(item).check(
    z.superRefine((values, ctx) => {
      if (options.nonEmpty !== undefined && values.length === 0) {
        ctx.addIssue({ code: 'custom', message: options.nonEmpty });
      }
      for (const issue of duplicateIssues(
        values,
        (v) => v,
        (v, at) => `expected each value at most once, found ${shownKey(v)} again (first at [${at}])`,
      )) {
        ctx.addIssue({ code: 'custom', ...issue });
      }
    }),
  );
}

/**
 * Parse parameters phrasing zod's built-in issues in gvckit's style (expected …, found …).
 *
 * @internal
 */
export const parseParams = /* @__PURE__ */ gvcParseParams();

/**
 * The data of a validation, or `undefined` after recording its issues in `issues` (so that several
 * arguments are checked before one error lists every problem).
 *
 * @internal
 */
export function take<T>(result: Validated<T>, issues: IssueList): T | undefined {
  return issues.take(result);
}
