/**
 * The comparison shared by the differential tests of the zod-free checks (tests/<folder>/
 * check-differential.test.ts): zod is the reference implementation, and {@link disagreement} says
 * what differs between its result and a check's on one input — success, issues (path and message, in
 * order) or output (key order, keys whose value is undefined, prototypes). {@link targeted} makes the
 * inputs: one key set to a wrong value, deleted or added somewhere in a copy of a valid value.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import { runCheck } from '../src/core/check.js';
import { gvcParseParams } from '../src/core/issues.js';
import { mutations } from './fuzz/mutations.js';

export type Result =
  | { success: true; data: unknown }
  | {
      success: false;
      error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };
    };

/** The first difference between two outputs (key order, undefined-valued keys, prototypes), or ''. */
export function difference(a: unknown, b: unknown): string {
  const stack: Array<[unknown, unknown, string]> = [[a, b, '']];
  const seen = new Set<unknown>();
  while (stack.length > 0) {
    const [x, y, at] = stack.pop() as [unknown, unknown, string];
    if (Object.is(x, y)) continue; // primitives, or the same object passed through
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null)
      return `${at}: ${String(x)} ≠ ${String(y)}`;
    if (seen.has(x)) continue;
    seen.add(x);
    if (Object.getPrototypeOf(x) !== Object.getPrototypeOf(y)) return `${at}: prototypes differ`;
    const kx = Reflect.ownKeys(x);
    const ky = Reflect.ownKeys(y);
    if (kx.length !== ky.length || kx.some((k, i) => k !== ky[i]))
      return `${at}: keys ${kx.map(String).join(',')} ≠ ${ky.map(String).join(',')}`;
    for (const k of kx)
      stack.push([
        (x as Record<PropertyKey, unknown>)[k],
        (y as Record<PropertyKey, unknown>)[k],
        `${at}.${String(k)}`,
      ]);
  }
  return '';
}

/** The paths and messages of issues. */
export const pm = (issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) =>
  issues.map(({ path, message }) => ({ path, message }));

/** zod's result and the checker's, compared whole; returns what differs ('' when they agree). */
export function disagreement(
  schema: z.core.$ZodType,
  check: Parameters<typeof runCheck>[0],
  x: unknown,
): string {
  const expected = z.safeParse(schema, x, gvcParseParams()) as Result;
  const actual = runCheck(check, x) as Result;
  if (expected.success !== actual.success) return `success ${expected.success} ≠ ${actual.success}`;
  if (!expected.success && !actual.success) {
    const show = (r: typeof expected) =>
      JSON.stringify(
        // Numbers stay numbers (an index), other keys become strings (a symbol's description).
        r.error.issues.map((i) => [i.path.map((k) => (typeof k === 'number' ? k : String(k))), i.message]),
      );
    return show(expected) === show(actual) ? '' : `issues\n${show(expected)}\n${show(actual)}`;
  }
  return expected.success && actual.success ? difference(expected.data, actual.data) : '';
}

/** A value for a targeted change: each kind of wrong value the schemas must reject or accept. */
export const wrong = fc.constantFrom<unknown>(
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  -0,
  1.5,
  2 ** 53,
  1e308,
  5e-324,
  '',
  ' x ',
  'x',
  'OXM',
  'OEM',
  'presumed',
  true,
  false,
  [],
  [''],
  ['a', ''],
  {},
  { a: 1 },
  { '': 1 },
  '__proto__',
);

/** Sets, deletes or adds one key somewhere in a copy of `seed` (`structuredClone` keeps plain data). */
export function targeted(seed: unknown): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      fc.nat(),
      fc.constantFrom('set', 'delete', 'add', 'define-proto'),
      wrong,
      fc.constantFrom('extra', 'constructor', 'toString', ''),
    )
    .map(([at, kind, value, name]) => {
      const copy = structuredClone(seed);
      const sites: Array<[Record<PropertyKey, unknown>, PropertyKey]> = [];
      const walk = (o: unknown) => {
        if (o === null || typeof o !== 'object') return;
        for (const k of Object.keys(o)) {
          sites.push([o as Record<PropertyKey, unknown>, Array.isArray(o) ? Number(k) : k]);
          walk((o as Record<string, unknown>)[k]);
        }
      };
      walk(copy);
      const site = sites[at % Math.max(1, sites.length)];
      if (site === undefined) return value;
      const [parent, key] = site;
      if (kind === 'set') parent[key] = value;
      else if (kind === 'delete') delete parent[key];
      else if (kind === 'add' && !Array.isArray(parent)) Reflect.set(parent, name, value);
      else
        Object.defineProperty(parent, '__proto__', {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return copy;
    });
}

/**
 * Asserts that `check` agrees with `schema` on `runs` inputs drawn from `inputs` (seeded), reporting
 * the first disagreement fast-check shrinks to.
 */
export function agrees(
  schema: z.core.$ZodType,
  check: Parameters<typeof runCheck>[0],
  inputs: fc.Arbitrary<unknown>,
  seed: number,
  runs = 2500,
): void {
  fc.assert(
    fc.property(inputs, (x) => disagreement(schema, check, x) === ''),
    { numRuns: runs, seed },
  );
}

/**
 * Inputs made from valid `seeds`: the fuzzer's mutations of them, and one or two {@link targeted}
 * changes of one of them.
 */
export const mutated = (seeds: readonly unknown[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    mutations(seeds.map((s) => [s])).map((args) => args[0]),
    fc.constantFrom(...seeds).chain(targeted),
    fc
      .constantFrom(...seeds)
      .chain(targeted)
      .chain(targeted),
  );

/** Every key of a value in order, with each leaf (`undefined` values included). */
function layout(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(layout);
  if (typeof v === 'object' && v !== null) return Object.entries(v).map(([k, x]) => [k, layout(x)]);
  return v === undefined ? 'undefined' : v;
}

/**
 * A result as `toStrictEqual` compares it, for tests that show the whole difference: success, the
 * issues (path, message), or the output's layout (keys in order, `undefined` values included).
 */
export function outcome(r: { success: boolean; data?: unknown; error?: unknown }): unknown {
  if (r.success) return { success: true, data: layout(r.data) };
  const issues = (r.error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
  return { success: false, issues: issues.map((i) => ({ path: [...i.path], message: i.message })) };
}
