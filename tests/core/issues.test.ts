import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeValue, formatPath, gvcParseParams } from '../../src/core/issues.js';

/** The gvckit messages zod reports for `input` against `schema`. */
function messages(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input, gvcParseParams());
  return r.success ? [] : r.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

describe('formatPath', () => {
  it('writes JavaScript accessor notation, empty for the root', () => {
    expect(formatPath(['stages', 3, 'inputs', 0, 'stage'])).toBe('stages[3].inputs[0].stage');
    expect(formatPath([0, 'id'])).toBe('[0].id');
    expect(formatPath([])).toBe('');
  });
});

describe('describeValue', () => {
  it('quotes strings, writes numbers as they are and names other kinds', () => {
    expect([undefined, null, 'x', -1, Number.NaN, true, [1, 2], {}].map(describeValue)).toEqual([
      'nothing',
      'null',
      '"x"',
      '-1',
      'NaN',
      'true',
      'an array of 2',
      'an object',
    ]);
  });
});

describe('gvc messages for zod issues: expected, then found, no trailing period', () => {
  it('types, integers and non-finite numbers', () => {
    const S = z.object({ n: z.number(), i: z.number().int(), s: z.string() }).strict();
    expect(messages(S, { n: Number.POSITIVE_INFINITY, i: 1.5, s: 3 })).toEqual([
      { path: 'n', message: 'expected a finite number, found Infinity' },
      { path: 'i', message: 'expected an integer, found 1.5' },
      { path: 's', message: 'expected a string, found 3' },
    ]);
  });

  it('records, maps, sets and bigints are named in words', () => {
    const S = z
      .object({
        r: z.record(z.string(), z.number()),
        m: z.map(z.string(), z.number()),
        t: z.set(z.string()),
        b: z.bigint(),
      })
      .strict();
    expect(messages(S, { r: 1, m: 'x', t: [], b: 2 })).toEqual([
      { path: 'r', message: 'expected an object, found 1' },
      { path: 'm', message: 'expected a Map, found "x"' },
      { path: 't', message: 'expected a Set, found an array of 0' },
      { path: 'b', message: 'expected a bigint, found 2' },
    ]);
  });

  it('enums, literals, unknown keys and discriminators', () => {
    const S = z.object({ e: z.enum(['a', 'b']), l: z.literal('x') }).strict();
    expect(messages(S, { e: 'c', l: 'y', k1: 1, k2: 2 })).toEqual([
      { path: 'e', message: 'expected one of "a", "b", found "c"' },
      { path: 'l', message: 'expected "x", found "y"' },
      { path: '', message: 'expected only known keys, found unknown keys "k1", "k2"' },
    ]);
    const U = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('p') }),
      z.object({ kind: z.literal('q') }),
    ]);
    expect(messages(U, { kind: 'r' })).toEqual([
      { path: 'kind', message: 'expected kind to be one of "p", "q", found "r"' },
    ]);
  });

  it('sizes of numbers, strings and arrays, at their boundaries', () => {
    const S = z.object({
      n: z.number().min(0),
      m: z.number().lt(10),
      s: z.string().min(1),
      t: z.string().max(2),
      a: z.array(z.number()).min(1),
      b: z.array(z.number()).max(1),
    });
    // boundaries: n = 0 and m = 9.99 pass; -0.5 and 10 fail
    expect(messages(S, { n: 0, m: 9.99, s: 'x', t: 'ab', a: [1], b: [1] })).toEqual([]);
    expect(messages(S, { n: -0.5, m: 10, s: '', t: 'abc', a: [], b: [1, 2] })).toEqual([
      { path: 'n', message: 'expected a number >= 0, found -0.5' },
      { path: 'm', message: 'expected a number < 10, found 10' },
      { path: 's', message: 'expected a non-empty string, found ""' },
      { path: 't', message: 'expected at most 2 characters, found 3' },
      { path: 'a', message: 'expected at least 1 item, found 0' },
      { path: 'b', message: 'expected at most 1 item, found 2' },
    ]);
  });

  it('keeps messages set on the schema itself', () => {
    expect(messages(z.string().min(3, { error: 'too short' }), 'ab')).toEqual([
      { path: '', message: 'too short' },
    ]);
  });
});
