/**
 * Reference values for the 2×2 association tests (Fisher's exact test and the odds ratio), shared by
 * `fisher.test.ts` and `odds-ratio.test.ts`.
 */
import type { TwoByTwoTable } from '../../src/index.js';

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
export const reference: Array<[TwoByTwoTable, number, number, number, number | null, number]> = [
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
