/**
 * trendTest (Cochran–Armitage) against R 4.2.2: `prop.trend.test`, and the closed forms and exact
 * enumerations of `.scratch/issue18/stats-hand.R` (printed in `stats-hand.Rout`) and
 * `.scratch/p8/more.R` (printed in `more.Rout`), whose outputs are pasted beside each case.
 */
import { describe, expect, it } from 'vitest';
import { EXACT_TREND_DEFAULT_MAX_N, trendTest } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('trendTest', () => {
  // R's ?prop.trend.test example (smokers out of patients, four age groups), as printed:
  //   X-squared = 8.2249, df = 1, p-value = 0.004132
  // stats-hand.Rout, ca(c(83,90,129,70), c(86,93,136,82), 1:4):
  //   T = -14.523929471033  V = 25.646993365417  z = -2.867912530953  chisq = 8.224922285198
  //   p.two = 0.004131897478  agresti.M2 = 8.204204596822  p.M2 = 0.004179342629
  // more.Rout, exact.trend(…, 0:3): tables 3276, p.greater 9.988163782e-01,
  //   p.two.sided.distance 3.873248785e-03; exact "less" 0.002347587022
  it("reproduces R's documented example (Agresti 2002; R Core Team, prop.trend.test)", () => {
    const t = trendTest([83, 90, 129, 70], [86, 93, 136, 82]);
    expect(rel(t.statistic, 8.224922285198)).toBeLessThan(1e-9);
    expect(rel(t.pValue, 0.004131897478)).toBeLessThan(1e-9);
    expect(rel(t.z, -2.867912530953)).toBeLessThan(1e-9);
    expect(t.df).toBe(1);
    expect(rel(t.m2.statistic, 8.204204596822)).toBeLessThan(1e-9);
    expect(rel(t.m2.pValue, 0.004179342629)).toBeLessThan(1e-9);
    expect(t.exact?.tables).toBe(3276);
    expect(rel(t.exact?.pValue ?? 0, 3.873248785e-3)).toBeLessThan(1e-9);
    expect(t.scores).toEqual([0, 1, 2, 3]);
    expect(t.proportions[0]).toBeCloseTo(83 / 86, 15);
    expect(t.explanation.rules).toEqual(['cochran-armitage', 'exact-conditional-trend']);
    expect(t.explanation.text).toMatch(/falls with the score/);
    const dec = trendTest([83, 90, 129, 70], [86, 93, 136, 82], { alternative: 'decreasing' });
    // one-sided (decreasing) = 1 − p.greater = 1 − 0.997934051261
    expect(rel(dec.pValue, 1 - 0.997934051261)).toBeLessThan(1e-8);
    expect(rel(dec.exact?.pValue ?? 0, 0.002347587022)).toBeLessThan(1e-9);
    const inc = trendTest([83, 90, 129, 70], [86, 93, 136, 82], { alternative: 'increasing' });
    expect(rel(inc.pValue, 0.997934051261)).toBeLessThan(1e-9);
    expect(rel(inc.exact?.pValue ?? 0, 9.988163782e-1)).toBeLessThan(1e-9);
  });

  it("gives R's statistic with other scores: smokers with scores 0, 0, 0, 1 (X-squared = 12.173, p = 0.0004848)", () => {
    const t = trendTest([83, 90, 129, 70], [86, 93, 136, 82], { scores: [0, 0, 0, 1] });
    expect(t.statistic).toBeCloseTo(12.173, 3);
    expect(t.pValue).toBeCloseTo(0.0004848, 7);
    expect(t.scores).toEqual([0, 0, 0, 1]);
  });

  it('is unchanged by an affine change of the scores (R: scores 1..4 and 0..3 both print X-squared = 6.8581)', () => {
    // stats.Rout, section A: x = 2 2 7 5, n = 6 5 9 5; chisq = 6.85813070507, p = 0.00882388122
    const a = trendTest([2, 2, 7, 5], [6, 5, 9, 5]);
    const b = trendTest([2, 2, 7, 5], [6, 5, 9, 5], { scores: [1, 2, 3, 4] });
    const c = trendTest([2, 2, 7, 5], [6, 5, 9, 5], { scores: [-30, 70, 170, 270] });
    for (const t of [a, b, c]) {
      expect(rel(t.statistic, 6.85813070507)).toBeLessThan(1e-9);
      expect(rel(t.pValue, 0.00882388122)).toBeLessThan(1e-8);
      expect(rel(t.exact?.pValue ?? 0, 1.066777616e-2)).toBeLessThan(1e-9);
    }
    // a negative scale reverses the direction: same X², z of the other sign
    const d = trendTest([2, 2, 7, 5], [6, 5, 9, 5], { scores: [3, 2, 1, 0] });
    expect(d.z).toBeCloseTo(-a.z, 12);
  });

  it('reads the published Table 4 as printed (Kaplinsky 2015): 2/5, 5/9, 5/5 growth-and-upgrading, scores 1..3', () => {
    // stats.Rout, section E: X-squared = 3.8679, df = 1, p-value = 0.04922
    const t = trendTest([2, 5, 5], [5, 9, 5], { scores: [1, 2, 3] });
    expect(t.statistic).toBeCloseTo(3.8679, 4);
    expect(t.pValue).toBeCloseTo(0.04922, 5);
  });

  it('ignores an empty group (R on the non-empty groups, scores 0 2 3 4: X-squared = 6.1728546)', () => {
    // more.Rout: prop.trend.test(c(2,2,7,5), c(6,5,9,5), score = c(0,2,3,4)): X-squared = 6.1728546, p = 0.01297251
    const t = trendTest([2, 0, 2, 7, 5], [6, 0, 5, 9, 5], { scores: [0, 1, 2, 3, 4] });
    expect(t.statistic).toBeCloseTo(6.1728546, 7);
    expect(t.pValue).toBeCloseTo(0.01297251, 8);
    expect(t.proportions[1]).toBeNull();
  });

  it('finds a falling proportion (hand example: 5/5, 3/5, 1/5)', () => {
    // more.Rout: ca(c(5,3,1), c(5,5,5), 0:2): T = -4, V = 2.4, z = -2.581988897472, chisq = 6.666666666667,
    // p.two = 0.009823274508, p.greater = 0.995088362746; exact: 25 tables, p.two.sided.distance
    // 0.02397602398, less 0.01198801199. By hand: p̄ = 9/15 = 0.6, s̄ = 1, T = 5(−1) + 1(1) = −4,
    // V = 0.6 · 0.4 · (5 + 0 + 5) = 2.4, X² = 16/2.4 = 6.667.
    const t = trendTest([5, 3, 1], [5, 5, 5], { alternative: 'decreasing' });
    expect(t.statistic).toBeCloseTo(16 / 2.4, 12);
    expect(rel(t.pValue, 1 - 0.995088362746)).toBeLessThan(1e-8);
    expect(t.exact).toEqual({ pValue: expect.closeTo(0.01198801199, 10), tables: 25 });
    const two = trendTest([5, 3, 1], [5, 5, 5]);
    expect(rel(two.pValue, 0.009823274508)).toBeLessThan(1e-9);
    expect(rel(two.exact?.pValue ?? 0, 0.02397602398)).toBeLessThan(1e-9);
  });

  it('refuses degenerate data as R cannot compute it (R: "NA/NaN/Inf in \'x\'")', () => {
    // stats-hand.Rout: prop.trend.test(c(5,5), c(5,5)) → Error in lm.wfit(…): NA/NaN/Inf in 'x'
    const e = errorOf(() => trendTest([5, 5], [5, 5]));
    expect(e.code).toBe('INSUFFICIENT_DATA');
    expect(e.issues[0]?.path).toBe('successes');
    expect(e.issues[0]?.message).toMatch(/^expected both outcomes/);
    expect(errorOf(() => trendTest([0, 0], [3, 4])).issues[0]?.path).toBe('successes');
    const one = errorOf(() => trendTest([1, 0], [3, 0]));
    expect([one.code, one.issues[0]?.path]).toEqual(['INSUFFICIENT_DATA', 'totals']);
    const same = errorOf(() => trendTest([1, 2, 0], [3, 4, 0], { scores: [1, 1, 5] }));
    expect([same.code, same.issues[0]?.path]).toEqual(['INSUFFICIENT_DATA', 'options.scores']);
  });

  it('reports every invalid argument at once, with paths rooted at the arguments', () => {
    const e = errorOf(() =>
      trendTest([1, 2.5, 9], [3, 4, 5], { scores: [0, 1], alternative: 'up' } as never),
    );
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(['successes[1]', 'options.alternative']);
    const f = errorOf(() => trendTest([1, 2, 9], [3, 4, 5], { scores: [0, 1] }));
    expect(f.issues.map((i) => i.path)).toEqual(['successes[2]', 'options.scores']);
    expect(f.issues[0]?.message).toBe("expected at most the group's total 5, found 9");
    expect(errorOf(() => trendTest([1, 2], [3, 4, 5])).issues[0]).toEqual({
      path: 'totals',
      message: 'expected 2 totals, one per group of successes, found 3',
    });
    expect(
      errorOf(() => trendTest([1, 2], [3, 4], { scores: [0, Number.POSITIVE_INFINITY] })).issues[0]?.path,
    ).toBe('options.scores[1]');
    expect(errorOf(() => trendTest([1, 2], [2 ** 52, 2 ** 52])).issues[0]?.path).toBe('totals');
    expect(errorOf(() => trendTest('x' as never, [1])).issues[0]?.path).toBe('successes');
  });

  it('computes the exact p-value by default up to 1,000 clusters only, or when asked', () => {
    expect(EXACT_TREND_DEFAULT_MAX_N).toBe(1000);
    const big = trendTest([300, 320, 400], [600, 600, 600]);
    expect(big.exact).toBeNull();
    expect(big.explanation.notes.join(' ')).toMatch(/not computed by default above 1000/);
    expect(trendTest([2, 2, 7, 5], [6, 5, 9, 5], { exact: false }).exact).toBeNull();
    // 3 groups of 600: at most 601 × 601 partial tables, well within the limit
    expect(trendTest([300, 320, 400], [600, 600, 600], { exact: true }).exact?.tables).toBeGreaterThan(1000);
    const e = errorOf(() => trendTest([2e7, 2e7], [4e7, 4e7], { exact: true }));
    expect([e.code, e.issues[0]?.path]).toEqual(['UNSUPPORTED', 'options.exact']);
  });

  it('stays finite with extreme scores and counts, and never mutates its arguments', () => {
    const x = deepFreeze([1, 2, 3]);
    const n = deepFreeze([4, 4, 4]);
    const options = deepFreeze({ scores: [-1e308, 0, 1e308] });
    const t = trendTest(x, n, options);
    expect(Number.isFinite(t.statistic) && Number.isFinite(t.pValue)).toBe(true);
    // scores −1, 0, 1 up to scale: by hand p̄ = 0.5, T = 3 − 1 = 2, V = 0.25 · 8 = 2, X² = 2
    expect(t.statistic).toBeCloseTo(2, 12);
    expect(isDeepFrozen(t)).toBe(true);
    const huge = trendTest([1, 2 ** 50], [2 ** 51, 2 ** 51], { exact: false });
    expect(Number.isFinite(huge.statistic)).toBe(true);
  });
});
