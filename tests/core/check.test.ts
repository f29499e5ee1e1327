/**
 * The zod-free checks of src/core/check.ts against the zod/mini constructs they mirror: zod is the
 * reference (its safeParse with gvckit's error map), each combinator's hand cases and random inputs
 * must give the same success, the same issues (path and message, in order) and the same output, key
 * order and `undefined` values included. A few cases also state the expected issues in full, read off
 * zod 4's documented behaviour and gvckit's error map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  array,
  boolean,
  type Check,
  checkOptions,
  checks,
  discriminatedUnion,
  enumOf,
  gt,
  gte,
  int,
  literal,
  looseObject,
  lte,
  minLength,
  number,
  optional,
  refine,
  regex,
  runCheck,
  strictObject,
  string,
  superRefine,
  union,
  unknown,
  withDefault,
} from '../../src/core/check.js';
import { GvcError } from '../../src/core/errors.js';
import { gvcParseParams } from '../../src/core/issues.js';
import { Id, NonNegative, Period, Source } from '../../src/core/primitives.js';
import { IdCheck, NonNegativeCheck, PeriodCheck, SourceCheck } from '../../src/core/primitives-check.js';
import { outcome } from '../check-differential.js';

/** Asserts that the check and the schema agree on `input`. */
function same(schema: z.core.$ZodType, check: Check<unknown>, input: unknown): void {
  expect(outcome(runCheck(check, input))).toStrictEqual(
    outcome(z.safeParse(schema, input, gvcParseParams())),
  );
}

/** Values of every kind, for the hand cases: each one is tried against each combinator. */
const junk: unknown[] = [
  undefined,
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  0.05,
  1,
  1.5,
  2 ** 53,
  -(2 ** 53),
  '',
  'a',
  ' x ',
  'ab',
  'ABC',
  'abc',
  '\u{1F600}',
  true,
  false,
  [],
  [1],
  ['a', ''],
  {},
  { length: 0 },
  { length: 'x' },
  { a: 'x' },
  { a: 'x', b: 1 },
  { a: 'x', extra: 1 },
  { a: undefined },
  { k: 'one', a: 'x' },
  { k: 'two', n: 2 },
  { k: 'two', n: -1, extra: true },
  { k: 'three' },
  () => 1,
  (a: unknown, b: unknown) => [a, b],
  Object.defineProperty({ a: 'x' }, '__proto__', { value: 1, enumerable: true }),
  Object.create({ a: 'x', extra: 1 }),
  new Date(0),
];

/** Each combinator beside its zod/mini schema. */
const pairs: [string, z.core.$ZodType, Check<unknown>][] = [
  ['string', z.string(), string()],
  ['number', z.number(), number()],
  ['int', z.int(), int()],
  ['boolean', z.boolean(), boolean()],
  ['unknown', z.unknown(), unknown()],
  ['literal', z.literal('a'), literal('a')],
  ['enum', z.enum(['a', 'ab', 'ABC']), enumOf(['a', 'ab', 'ABC'])],
  ['optional', z.optional(z.string()), optional(string())],
  ['default', z._default(z.number(), 7), withDefault(number(), 7)],
  ['default array', z._default(z.array(z.number()), []), withDefault(array(number()), [])],
  ['array', z.array(z.string().check(z.minLength(1))), array(checks(string(), minLength(1)))],
  ['minLength on anything', z.string().check(z.minLength(1)), checks(string(), minLength(1))],
  ['minLength 2', z.string().check(z.minLength(2)), checks(string(), minLength(2))],
  ['array minLength', z.array(z.number()).check(z.minLength(1)), checks(array(number()), minLength(1))],
  ['int minLength', z.int().check(z.minLength(1) as never), checks(int(), minLength(1) as never)],
  ['regex', z.string().check(z.regex(/^[A-Z]{3}$/)), checks(string(), regex(/^[A-Z]{3}$/))],
  [
    'refine after minLength',
    z.string().check(
      z.minLength(1),
      z.refine((s: string) => s.trim() === s),
    ),
    checks(
      string(),
      minLength(1),
      refine((s: string) => s.trim() === s),
    ),
  ],
  ['gte', z.number().check(z.gte(0)), checks(number(), gte(0))],
  ['gt lte', z.number().check(z.positive(), z.lte(0.1)), checks(number(), gt(0), lte(0.1))],
  [
    'strictObject',
    z.strictObject({ a: z.string(), b: z.optional(z.number()), c: z._default(z.boolean(), false) }),
    strictObject({ a: string(), b: optional(number()), c: withDefault(boolean(), false) }),
  ],
  [
    'looseObject',
    z.looseObject({ a: z.string(), b: z.optional(z.number()) }),
    looseObject({ a: string(), b: optional(number()) }),
  ],
  ['required unknown', z.strictObject({ a: z.unknown() }), strictObject({ a: unknown() })],
  [
    'union',
    z.union([z.number(), z.string().check(z.minLength(1))]),
    union([number(), checks(string(), minLength(1))]),
  ],
  [
    'union of objects',
    z.union([z.strictObject({ a: z.string() }), z.strictObject({ n: z.number() })]),
    union([strictObject({ a: string() }), strictObject({ n: number() })]),
  ],
  [
    'discriminatedUnion',
    z.discriminatedUnion('k', [
      z.strictObject({ k: z.literal('one'), a: z.string() }),
      z.strictObject({ k: z.literal('two'), n: z.number().check(z.gte(0)) }),
    ]),
    discriminatedUnion('k', [
      strictObject({ k: literal('one'), a: string() }),
      strictObject({ k: literal('two'), n: checks(number(), gte(0)) }),
    ]),
  ],
  [
    'superRefine',
    z.strictObject({ a: z.optional(z.string()), b: z.optional(z.string()) }).check(
      z.superRefine((v, ctx) => {
        if (v.a === undefined)
          ctx.addIssue({ code: 'custom', path: ['a'], message: 'expected a, found none' });
        if (v.b === 'x') ctx.addIssue({ code: 'custom', path: ['b'] });
      }),
    ),
    checks(
      strictObject({ a: optional(string()), b: optional(string()) }),
      superRefine((v: { a?: string | undefined; b?: string | undefined }, ctx) => {
        if (v.a === undefined) ctx.addIssue({ path: ['a'], message: 'expected a, found none' });
        if (v.b === 'x') ctx.addIssue({ path: ['b'] });
      }),
    ),
  ],
  ['Id', Id, IdCheck],
  ['NonNegative', NonNegative, NonNegativeCheck],
  ['Source', Source, SourceCheck],
  ['Period', Period, PeriodCheck],
];

/** Random JSON-like values with the keys the objects above know, and some they do not. */
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...junk),
    fc.string({ maxLength: 4 }),
    fc.double(),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'k', 'n', 'extra', '__proto__'), tie('v'), { maxKeys: 4 }),
  ),
})).v;

describe('each combinator gives what its zod/mini schema gives', () => {
  for (const [name, schema, check] of pairs) {
    it(`${name}: every kind of value, then 2,000 random ones (seeded)`, () => {
      for (const input of junk) same(schema, check, input);
      fc.assert(
        fc.property(value, (input) => same(schema, check, input)),
        { numRuns: 2_000, seed: 19 },
      );
    }, 60_000);
  }
});

describe('hand cases, expected issues read off zod 4 and gvckit’s error map', () => {
  it('the comparison notices a difference (a loose object is not a strict one)', () => {
    const input = { a: 'x', extra: 1 };
    expect(() => same(z.looseObject({ a: z.string() }), strictObject({ a: string() }), input)).toThrow();
    expect(() =>
      same(z.strictObject({ a: z.optional(z.string()) }), strictObject({ a: string() }), {}),
    ).toThrow();
  });

  it('a refinement does not run after a type error; minLength runs on anything with a length', () => {
    // z.string() fails on [] (not continuable), so the refine is skipped; minLength has a `when`
    // (non-nullish value with a length), so it still runs on the array and reports its origin.
    const check = checks(
      string(),
      minLength(1),
      refine((s: string) => s.trim() === s),
    );
    expect(runCheck(check, [])).toStrictEqual({
      success: false,
      error: {
        issues: [
          {
            code: 'invalid_type',
            path: [],
            message: 'expected a string, found an array of 0',
            continue: undefined,
          },
          { code: 'too_small', path: [], message: 'expected at least 1 item, found 0', continue: true },
        ],
      },
    });
  });

  it('an integer past 2^53 - 1 is too big; 1.5 is not an integer', () => {
    const r = runCheck(strictObject({ a: optional(int()), b: optional(int()) }), { a: 2 ** 53, b: 1.5 });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path, i.message])).toEqual([
      [['a'], 'expected a number <= 9007199254740991, found 9007199254740992'],
      [['b'], 'expected an integer, found 1.5'],
    ]);
  });

  it('output: defaults filled, schema key order, an optional key given undefined kept', () => {
    const check = strictObject({
      a: optional(string()),
      b: withDefault(array(number()), []),
      c: optional(number()),
    });
    const r = runCheck(check, { c: 1, a: undefined });
    expect(r.success && Object.keys(r.data)).toEqual(['a', 'b', 'c']);
    expect(r).toStrictEqual({ success: true, data: { a: undefined, b: [], c: 1 } });
  });

  it('a default array is a new array each time', () => {
    const check = withDefault(array(number()), []);
    const a = runCheck(check, undefined);
    const b = runCheck(check, undefined);
    expect(a.success && b.success && a.data !== b.data).toBe(true);
  });

  it('checkOptions: undefined and null mean the defaults; a problem throws INVALID_INPUT under options', () => {
    const check = strictObject({ depth: withDefault(enumOf(['full', 'first-round']), 'full') });
    expect(checkOptions(check, undefined)).toEqual({ depth: 'full' });
    expect(checkOptions(check, null)).toEqual({ depth: 'full' });
    let error: unknown;
    try {
      checkOptions(check, { depth: 'deep' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GvcError);
    expect((error as GvcError).issues).toEqual([
      { path: 'options.depth', message: 'expected one of "full", "first-round", found "deep"' },
    ]);
  });
});
