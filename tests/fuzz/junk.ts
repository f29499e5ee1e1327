/**
 * The fuzzer's junk (part a of the inputs): values for any argument position that break naive
 * arithmetic, parsing, key lookup or recursion.
 */
import fc from 'fast-check';

/** Built-in property names that must be handled as plain data. */
export const builtinNames = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
] as const;

/** Numbers that break naive arithmetic. */
export const specialNumbers = [
  0,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  4e8,
  1e-300,
  -1,
  0.5,
  1,
  2,
  1e15,
] as const;

/** Strings that break naive parsing or keys. */
export const hostileStrings = [
  '',
  ' ',
  'A_B',
  'a;b',
  'a\tb',
  'a\nb',
  '"',
  '=HYPERLINK("http://x")',
  '1e400',
  '-0',
  'NaN',
  'Infinity',
  'USA',
  'CHN',
  'GHA',
  '\u0000',
  '\u202e',
  '💥',
] as const;

/** A value made fresh each time it is drawn (so a huge string is not shared across cases). */
const lazy = <T>(make: () => T): fc.Arbitrary<T> => fc.constant(null).map(() => make());

/** A 10,000-deep array or object. */
export function deepNest(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

function cyclic(): unknown {
  const o: Record<string, unknown> = { id: 'x', name: 'x' };
  o.self = o;
  o.list = [o];
  return o;
}

/** Objects with own `__proto__`, `constructor` and `toString` keys (JSON.parse makes `__proto__` an own key). */
const hostileObjects = fc
  .constantFrom(
    '{"__proto__":{"polluted":true},"id":"x"}',
    '{"constructor":{"prototype":{"polluted":true}},"toString":"x"}',
    '{"toString":1,"valueOf":2,"hasOwnProperty":"constructor"}',
    '{"__proto__":[],"length":3}',
    '[{"__proto__":{"a":1}}]',
  )
  .map((s) => JSON.parse(s) as unknown);

const junkFunctions = fc.constantFrom<unknown>(
  () => undefined,
  (x: unknown) => x,
  () => 1,
  () => 'constructor',
  () => ({}),
  () => Number.NaN,
  (d: Record<string, unknown>) => {
    if (d && typeof d === 'object') d.stages = 5;
  },
  (d: Record<string, unknown>) => {
    if (d && typeof d === 'object') d.id = '__proto__';
  },
  // biome-ignore lint/suspicious/noShadowRestrictedNames: a function named like a built-in is the point
  function toString() {
    return 'x';
  },
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...specialNumbers) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 100 }) },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...builtinNames) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const key = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(...builtinNames) },
);

const anything = fc.anything({
  key,
  values: [scalar],
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: false,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withNullPrototype: true,
  withObjectString: false,
});

/** (a) Junk for any argument position. Huge and deep values are drawn sparingly. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 30, arbitrary: scalar },
  { weight: 30, arbitrary: anything },
  { weight: 4, arbitrary: hostileObjects },
  { weight: 4, arbitrary: junkFunctions },
  { weight: 2, arbitrary: lazy(cyclic) },
  { weight: 1, arbitrary: lazy(() => 'x'.repeat(1 << 20)) },
  { weight: 1, arbitrary: lazy(() => deepNest(10_000, 'array')) },
  { weight: 1, arbitrary: lazy(() => deepNest(10_000, 'object')) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...specialNumbers), { maxLength: 9 })
      .map((a) => Float64Array.from(a)),
  },
);

/** A junk argument list of 0 to `arity + 1` arguments. */
export function junkArgs(arity: number): fc.Arbitrary<unknown[]> {
  return fc.array(junk, { minLength: 0, maxLength: arity + 1 });
}
