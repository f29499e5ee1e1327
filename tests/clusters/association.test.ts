import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import {
  fisherExactTest,
  GvcError,
  jointActionAssociation,
  MAX_FISHER_STEPS,
  oddsRatio,
  type TwoByTwoTable,
} from '../../src/index.js';
import { deepFreeze, errorOf } from '../helpers.js';

/*
 * Reference values, computed independently in pure Python with exact fractions and R's definitions
 * (fisher.test: the two-sided p sums the hypergeometric probabilities <= the observed one × (1 + 1e-7);
 * "greater" sums P(X >= a), "less" P(X <= a)):
 *
 *   from math import comb
 *   from fractions import Fraction
 *   def fisher(t, alt='two-sided'):
 *       (a,b),(c,d) = t
 *       m, n, k = a+c, b+d, a+b
 *       lo, hi = max(0, k-n), min(k, m)
 *       tot = comb(m+n, k)
 *       p = {x: Fraction(comb(m,x)*comb(n,k-x), tot) for x in range(lo, hi+1)}
 *       if alt == 'less': s = sum(v for x,v in p.items() if x <= a)
 *       elif alt == 'greater': s = sum(v for x,v in p.items() if x >= a)
 *       else:
 *           obs = p[a] * Fraction(10**7 + 1, 10**7)
 *           s = sum(v for v in p.values() if v <= obs)
 *       return float(s)
 *   def odds(t, ha=False):
 *       (a,b),(c,d) = t
 *       if ha and 0 in (a,b,c,d): a,b,c,d = a+.5,b+.5,c+.5,d+.5
 *       return (a*d)/(b*c) if b*c else float('inf') if a*d else float('nan')
 *
 * printed:
 *   [[3, 1], [1, 3]] two-sided 0.4857142857142857 greater 0.24285714285714285 less 0.9857142857142858 OR 9.0 OR_HA 9.0
 *   [[13, 3], [3, 6]] two-sided 0.030810460235685705 greater 0.025210783293970803 less 0.9978144617530806 OR 8.666666666666666 OR_HA 8.666666666666666
 *   [[10, 2], [6, 7]] two-sided 0.0968421052631579 greater 0.06334634540314982 less 0.9920904563198277 OR 5.833333333333333 OR_HA 5.833333333333333
 *   [[8, 2], [8, 7]] two-sided 0.2289626647413698 greater 0.17568986404630502 less 0.9660519585408535 OR 3.5 OR_HA 3.5
 *   [[12, 5], [3, 20]] two-sided 0.00029998942167433474 greater 0.0002878002409645756 less 0.9999846386401623 OR 16.0 OR_HA 16.0
 *   [[5, 0], [0, 5]] two-sided 0.007936507936507936 greater 0.003968253968253968 less 1.0 OR inf OR_HA 121.0
 *   [[0, 0], [0, 0]] two-sided 1.0 greater 1.0 less 1.0 OR nan OR_HA 1.0
 *   [[1, 9], [11, 3]] two-sided 0.0027594561852200836 greater 0.9999663480953022 less 0.0013797280926100418 OR 0.030303030303030304 OR_HA 0.030303030303030304
 *   [[2, 7], [8, 2]] two-sided 0.023014137565221155 greater 0.9990149169715733 less 0.018521725952066508 OR 0.07142857142857142 OR_HA 0.07142857142857142
 *   [[2, 15], [10, 3]] two-sided 0.0005367241191434358 less 0.00046518094336290503 greater 0.9999845190186861
 *
 * Published anchors from R's own documentation of fisher.test: TeaTasting, alternative "greater":
 * p = 0.2429; Convictions = matrix(c(2, 10, 15, 3), 2), alternative "less": p = 0.0004652.
 */
const reference: Array<[TwoByTwoTable, number, number, number, number | null, number]> = [
  // table, two-sided, greater, less, OR (null where Python prints inf or nan: b·c = 0), OR (Haldane–Anscombe)
  [
    [
      [3, 1],
      [1, 3],
    ],
    0.4857142857142857,
    0.24285714285714285,
    0.9857142857142858,
    9,
    9,
  ],
  [
    [
      [13, 3],
      [3, 6],
    ],
    0.030810460235685705,
    0.025210783293970803,
    0.9978144617530806,
    8.666666666666666,
    8.666666666666666,
  ],
  [
    [
      [10, 2],
      [6, 7],
    ],
    0.0968421052631579,
    0.06334634540314982,
    0.9920904563198277,
    5.833333333333333,
    5.833333333333333,
  ],
  [
    [
      [8, 2],
      [8, 7],
    ],
    0.2289626647413698,
    0.17568986404630502,
    0.9660519585408535,
    3.5,
    3.5,
  ],
  [
    [
      [12, 5],
      [3, 20],
    ],
    0.00029998942167433474,
    0.0002878002409645756,
    0.9999846386401623,
    16,
    16,
  ],
  [
    [
      [5, 0],
      [0, 5],
    ],
    0.007936507936507936,
    0.003968253968253968,
    1,
    null,
    121,
  ],
  [
    [
      [1, 9],
      [11, 3],
    ],
    0.0027594561852200836,
    0.9999663480953022,
    0.0013797280926100418,
    0.030303030303030304,
    0.030303030303030304,
  ],
  [
    [
      [2, 7],
      [8, 2],
    ],
    0.023014137565221155,
    0.9990149169715733,
    0.018521725952066508,
    0.07142857142857142,
    0.07142857142857142,
  ],
];

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

describe('oddsRatio', () => {
  it.each(reference)(
    '%j matches the reference odds ratios (relative tolerance 1e-12)',
    (table, _t, _g, _l, or, orHa) => {
      const plain = oddsRatio(table);
      if (or !== null) expect(Math.abs((plain as number) - or) / or).toBeLessThan(1e-12);
      else expect(plain).toBeNull();
      const corrected = oddsRatio(table, { correction: 'haldane-anscombe' }) as number;
      expect(Math.abs(corrected - orHa) / orHa).toBeLessThan(1e-12);
    },
  );

  it('is null (not NaN) for an all-zero table uncorrected, and 1 corrected ((0.5 × 0.5) / (0.5 × 0.5))', () => {
    expect(
      oddsRatio([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
    expect(
      oddsRatio(
        [
          [0, 0],
          [0, 0],
        ],
        { correction: 'haldane-anscombe' },
      ),
    ).toBe(1);
    // no zero cell: the correction changes nothing (8·6 / (3·3) = 5.333…)
    expect(
      oddsRatio(
        [
          [8, 3],
          [3, 6],
        ],
        { correction: 'haldane-anscombe' },
      ),
    ).toBeCloseTo(48 / 9, 12);
  });

  it('does not mutate the table', () => {
    const t = deepFreeze([
      [3, 1],
      [1, 3],
    ] as TwoByTwoTable);
    oddsRatio(t);
    fisherExactTest(t);
    expect(t).toEqual([
      [3, 1],
      [1, 3],
    ]);
  });
});

describe('jointActionAssociation', () => {
  // Hand count from Table 1 (numbering as in tables.test.ts); dynamic = growth or upgrading.
  // learning (16): dynamic all but 6, 11, 23 = 13; without learning (9): 5, 8, 16 dynamic = 3 → [[13, 3], [3, 6]]
  // marketing (10): all but 11, 23 = 8; without (15): 5, 8, 12, 13, 16, 18, 19, 25 = 8 → [[8, 2], [8, 7]]
  // logistics (12): all but 3, 9 = 10; without (13): 5, 8, 12, 21, 22, 24 = 6 → [[10, 2], [6, 7]]
  it.each([
    [
      'learning',
      [
        [13, 3],
        [3, 6],
      ],
      8.666666666666666,
      0.030810460235685705,
    ],
    [
      'marketing',
      [
        [8, 2],
        [8, 7],
      ],
      3.5,
      0.2289626647413698,
    ],
    [
      'logistics',
      [
        [10, 2],
        [6, 7],
      ],
      5.833333333333333,
      0.0968421052631579,
    ],
  ] as const)('%s in the African clusters', (action, table, or, p) => {
    const r = jointActionAssociation(africanClusters, action);
    expect(r.action).toBe(action);
    expect(r.outcome).toBe('growth-or-upgrading');
    expect(r.table).toEqual(table);
    expect(r.oddsRatio).toBeCloseTo(or, 12);
    expect(r.pValue).toBeCloseTo(p, 12);
  });

  it('takes other outcomes', () => {
    // logistics and growth-and-upgrading: with logistics 10 of 12; without (13): 13, 21 … by hand:
    // G+U clusters without logistics: 21 (SA Wine) only → [[10, 2], [1, 12]]
    expect(
      jointActionAssociation(africanClusters, 'logistics', { outcome: 'growth-and-upgrading' }).table,
    ).toEqual([
      [10, 2],
      [1, 12],
    ]);
  });

  it('rejects an unknown action and options, and does not mutate the clusters', () => {
    try {
      jointActionAssociation(africanClusters, 'lobbying' as never, { outcome: 'size' as never });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['action', 'options.outcome']);
    }
    const list = deepFreeze(structuredClone(africanClusters));
    jointActionAssociation(list, 'learning');
    expect(list).toEqual(africanClusters);
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

describe('the boundary of the association functions', () => {
  it('roots table and option paths at the argument names, and lists every problem', () => {
    expect(
      errorOf(() =>
        fisherExactTest(
          [
            [1, -1],
            [1, 1.5],
          ] as TwoByTwoTable,
          { alternative: 'x' as never },
        ),
      ).issues,
    ).toEqual([
      { path: 'table[0][1]', message: 'expected a whole number >= 0, found -1' },
      { path: 'table[1][1]', message: 'expected a whole number >= 0, found 1.5' },
      { path: 'options.alternative', message: 'expected one of "two-sided", "greater", "less", found "x"' },
    ]);
    expect(
      errorOf(() =>
        oddsRatio([
          [2 ** 53 + 2, 1],
          [1, 1],
        ] as TwoByTwoTable),
      ).issues,
    ).toEqual([
      { path: 'table[0][0]', message: 'expected a whole number <= 9007199254740991, found 9007199254740994' },
    ]);
    expect(
      errorOf(() =>
        oddsRatio(
          [
            [1, 1],
            [1, 1],
          ],
          { correction: 'constructor' as never },
        ),
      ).issues,
    ).toEqual([
      {
        path: 'options.correction',
        message: 'expected one of "none", "haldane-anscombe", found "constructor"',
      },
    ]);
  });

  it('describes a bigint, a cycle or deep nesting without serialising it', () => {
    expect(
      errorOf(() =>
        oddsRatio([
          [1n, 1],
          [1, 1],
        ] as never),
      ).issues,
    ).toEqual([{ path: 'table[0][0]', message: 'expected a whole number >= 0, found 1n' }]);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic, cyclic);
    expect(errorOf(() => fisherExactTest([cyclic, [1, 1]] as never)).issues[0]?.path).toBe('table[0][0]');
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const e = errorOf(() => fisherExactTest(deep as never));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message.length).toBeLessThan(500);
  });

  it('takes null options as the defaults, and reads -0 as 0 (no -Infinity)', () => {
    expect(
      fisherExactTest(
        [
          [3, 1],
          [1, 3],
        ],
        null,
      ).alternative,
    ).toBe('two-sided');
    expect(
      oddsRatio(
        [
          [3, 1],
          [1, 3],
        ],
        null,
      ),
    ).toBe(9);
    expect(
      oddsRatio([
        [-0, 1],
        [1, 3],
      ]),
    ).toBe(0);
    expect(
      Object.is(
        oddsRatio([
          [-0, 1],
          [1, 3],
        ]),
        0,
      ),
    ).toBe(true);
    expect(
      oddsRatio([
        [3, -0],
        [1, 3],
      ]),
    ).toBeNull();
  });

  it('returns deeply frozen results', () => {
    const f = fisherExactTest([
      [3, 1],
      [1, 3],
    ]);
    expect(Object.isFrozen(f)).toBe(true);
    const j = jointActionAssociation(africanClusters, 'logistics');
    expect(Object.isFrozen(j)).toBe(true);
    expect(Object.isFrozen(j.table)).toBe(true);
    expect(Object.isFrozen(j.table[0])).toBe(true);
  });

  it('roots jointActionAssociation paths at clusters, action and options, with null options allowed', () => {
    const [first, second] = africanClusters;
    const e = errorOf(() =>
      jointActionAssociation([first, { ...second, endMarkets: [] }, first] as never, 'toString' as never, {
        outcome: 'constructor' as never,
      }),
    );
    expect(e.issues).toEqual([
      { path: 'clusters[1].endMarkets', message: 'expected at least one end market, found none' },
      {
        path: 'action',
        message: 'expected one of "learning", "marketing", "logistics", found "toString"',
      },
      {
        path: 'options.outcome',
        message:
          'expected one of "growth-or-upgrading", "growth", "upgrading", "growth-and-upgrading", found "constructor"',
      },
    ]);
    expect(jointActionAssociation(africanClusters, 'logistics', null).table).toEqual([
      [10, 2],
      [6, 7],
    ]);
  });
});
