import { describe, expect, it } from 'vitest';
import { fisherExactTest, GvcError, MAX_FISHER_STEPS, type TwoByTwoTable } from '../../src/index.js';
import { errorOf } from '../helpers.js';
import { reference } from './two-by-two-reference.js';

describe('fisherExactTest', () => {
  it.each(reference)(
    '%j matches the reference p-values (relative tolerance 1e-9)',
    (table, two, greater, less) => {
      expect(fisherExactTest(table).pValue).toBeCloseTo(two, 9);
      expect(Math.abs(fisherExactTest(table).pValue - two) / two).toBeLessThan(1e-9);
      expect(
        Math.abs(fisherExactTest(table, { alternative: 'greater' }).pValue - greater) / greater,
      ).toBeLessThan(1e-9);
      expect(Math.abs(fisherExactTest(table, { alternative: 'less' }).pValue - less) / less).toBeLessThan(
        1e-9,
      );
    },
  );

  it("matches R's documented examples (TeaTasting, Convictions) to the 4 significant digits printed", () => {
    expect(
      fisherExactTest(
        [
          [3, 1],
          [1, 3],
        ],
        { alternative: 'greater' },
      ).pValue,
    ).toBeCloseTo(0.2429, 4);
    expect(
      fisherExactTest(
        [
          [2, 15],
          [10, 3],
        ],
        { alternative: 'less' },
      ).pValue,
    ).toBeCloseTo(0.0004652, 7);
    expect(
      fisherExactTest([
        [2, 15],
        [10, 3],
      ]).pValue,
    ).toBeCloseTo(0.0005367241191434358, 12);
  });

  it('returns 1 for an empty table and for a table with one empty margin', () => {
    expect(
      fisherExactTest([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual({ pValue: 1, alternative: 'two-sided' });
    expect(
      fisherExactTest([
        [4, 0],
        [6, 0],
      ]).pValue,
    ).toBeCloseTo(1, 12);
  });

  it('counts tables whose probability ties the observed one as at least as extreme', () => {
    // [[1, 1], [1, 1]]: margins 2/2/2/2, P(X=0) = 1/6, P(1) = 4/6, P(2) = 1/6: observed 1 → p = 1;
    // [[2, 0], [0, 2]]: observed P = 1/6, tied by X = 0 → p = 2/6.
    expect(
      fisherExactTest([
        [1, 1],
        [1, 1],
      ]).pValue,
    ).toBeCloseTo(1, 12);
    expect(
      fisherExactTest([
        [2, 0],
        [0, 2],
      ]).pValue,
    ).toBeCloseTo(1 / 3, 12);
  });

  it('rejects non-counts and unknown alternatives', () => {
    expect(() =>
      fisherExactTest([
        [1.5, 1],
        [1, 1],
      ]),
    ).toThrow(GvcError);
    expect(() =>
      fisherExactTest([
        [1, -1],
        [1, 1],
      ]),
    ).toThrow(GvcError);
    try {
      fisherExactTest(
        [
          [1, 1],
          [1, 1],
        ],
        { alternative: 'two.sided' as never },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues[0]?.path).toBe('options.alternative');
    }
  });
});

/*
 * Large tables, reference values from an independent computation (Python 3, exact fractions where the
 * binomials are small, mpmath at 50 digits elsewhere; R's definitions as above):
 *
 *   [[4e8, 1], [1, 3]]: m = 4e8 + 1, n = 4, k = 4e8 + 1; support 4e8 − 3 … 4e8 + 1 (5 values), with
 *     C(m, x) = C(m, m − x) exact:  two-sided 1.499999952187501e-24, greater 1.499999952187501e-24, less 1.0
 *   [[120, 80], [60, 140]]  (mpmath over the whole support):
 *     two-sided 2.298090340316982e-09, greater 1.149045170158491e-09, less 0.9999999996819484
 *   [[3000, 2000], [2500, 2600]]: two-sided 1.5595243883849249e-28, greater 8.68142902671641e-29, less 1.0
 *   [[1000, 1000], [1000, 1000]]: two-sided 1.0, greater 0.5126132973952304, less 0.5126132973952304
 *   [[4e15, 4e15], [1, 3]] (exact fractions, 5 values): two-sided 0.6249999999999999, less 0.9375
 */
describe('fisherExactTest on large counts', () => {
  const rel = (x: number, ref: number) => Math.abs(x - ref) / ref;
  it.each([
    [
      [
        [4e8, 1],
        [1, 3],
      ],
      1.499999952187501e-24,
      1.499999952187501e-24,
      1.0,
    ],
    [
      [
        [120, 80],
        [60, 140],
      ],
      2.298090340316982e-9,
      1.149045170158491e-9,
      0.9999999996819484,
    ],
    [
      [
        [3000, 2000],
        [2500, 2600],
      ],
      1.5595243883849249e-28,
      8.68142902671641e-29,
      1.0,
    ],
    [
      [
        [1000, 1000],
        [1000, 1000],
      ],
      1.0,
      0.5126132973952304,
      0.5126132973952304,
    ],
  ] as Array<[TwoByTwoTable, number, number, number]>)(
    '%j matches the reference p-values (relative tolerance 1e-9), in bounded time and memory',
    (table, two, greater, less) => {
      expect(rel(fisherExactTest(table).pValue, two)).toBeLessThan(1e-9);
      expect(rel(fisherExactTest(table, { alternative: 'greater' }).pValue, greater)).toBeLessThan(1e-9);
      expect(rel(fisherExactTest(table, { alternative: 'less' }).pValue, less)).toBeLessThan(1e-9);
    },
  );

  it('handles counts near 2^53 when the support is small', () => {
    const t: TwoByTwoTable = [
      [4e15, 4e15],
      [1, 3],
    ];
    expect(rel(fisherExactTest(t).pValue, 0.625)).toBeLessThan(1e-12);
    expect(rel(fisherExactTest(t, { alternative: 'less' }).pValue, 0.9375)).toBeLessThan(1e-12);
  });

  it('returns 0 for p-values below about 1e-320 (here about 1e-590), never NaN', () => {
    expect(
      fisherExactTest([
        [1000, 1],
        [1, 1000],
      ]).pValue,
    ).toBe(0);
  });

  it('refuses, before any work, a table whose walk could exceed MAX_FISHER_STEPS, and a total above 2^53 − 1', () => {
    // Every margin 2e11: Hoeffding's bound 2·√(2e11 · (745 + ln(2 · (1e11 + 1))) / 2) + 5 ≈ 1.76e7 > 1e7.
    const big = errorOf(() =>
      fisherExactTest([
        [1e11, 1e11],
        [1e11, 1e11],
      ]),
    );
    expect(big.code).toBe('UNSUPPORTED');
    expect(big.issues[0]?.path).toBe('table');
    expect(big.issues[0]?.message).toMatch(
      /^expected a table the exact test can settle in at most 10000000 steps/,
    );
    expect(MAX_FISHER_STEPS).toBe(10_000_000);
    const total = errorOf(() =>
      fisherExactTest([
        [4e15, 4e15],
        [4e15, 4e15],
      ]),
    );
    expect(total.code).toBe('INVALID_INPUT');
    expect(total.issues).toEqual([
      {
        path: 'table',
        message:
          'expected a total of at most 9007199254740991 (Number.MAX_SAFE_INTEGER), found 16000000000000000',
      },
    ]);
  });
});
