/**
 * The cluster statistics Kaplinsky's (2015) claims on Tables 2 and 4 need, on the 25 African
 * clusters of Table 1 (`africanClusters`, identical to `tests/fixtures/african-clusters-table1.tsv`).
 * Expected values from R 4.2.2: `.scratch/issue18/stats.R` → `stats.Rout` (R's `prop.trend.test`,
 * `fisher.test`), `stats-hand.R` → `stats-hand.Rout` (closed forms and exact enumerations), and
 * `.scratch/p8/more.R` → `more.Rout`, pasted beside each case. Case ids S1–S7 as in the design
 * (`.scratch/issue18/08-cluster-statistics.md` §4.2).
 */
import { describe, expect, it } from 'vitest';
import { africanClusters } from '../../src/data/index.js';
import { jointActionTrend, marketOrientationTest } from '../../src/index.js';
import { deepFreeze, errorOf, isDeepFrozen } from '../helpers.js';
import { sampleCluster } from './fixtures.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const counts = (rows: ReadonlyArray<{ withOutcome: number; clusters: number }>) =>
  rows.map((r) => `${r.withOutcome}/${r.clusters}`);

describe('jointActionTrend (Kaplinsky 2015, Table 4: more kinds of joint action, more dynamism)', () => {
  it('S1: growth or upgrading by 0..3 kinds of joint action', () => {
    // stats.Rout A: dynamic 2 2 7 5 of 6 5 9 5; X-squared = 6.8581, df = 1, p-value = 0.008824
    // stats-hand.Rout: z = 2.61880329637, chisq = 6.85813070507, p.two = 0.00882388122,
    //   p.greater = 0.00441194061, agresti.M2 = 6.58380547686, p.M2 = 0.01029106499;
    //   exact: tables 170, p.greater 7.716198191e-03, p.two.sided.distance 1.066777616e-02
    const r = jointActionTrend(africanClusters);
    expect(r.outcome).toBe('growth-or-upgrading');
    expect(r.rows.map((row) => row.actions)).toEqual([0, 1, 2, 3]);
    expect(counts(r.rows)).toEqual(['2/6', '2/5', '7/9', '5/5']);
    expect(rel(r.test.statistic, 6.85813070507)).toBeLessThan(1e-9);
    expect(rel(r.test.pValue, 0.00882388122)).toBeLessThan(1e-8);
    expect(rel(r.test.z, 2.61880329637)).toBeLessThan(1e-9);
    expect(rel(r.test.m2.statistic, 6.58380547686)).toBeLessThan(1e-9);
    expect(rel(r.test.m2.pValue, 0.01029106499)).toBeLessThan(1e-8);
    expect(r.test.exact?.tables).toBe(170);
    expect(rel(r.test.exact?.pValue ?? 0, 1.066777616e-2)).toBeLessThan(1e-9);
    const inc = jointActionTrend(africanClusters, { alternative: 'increasing' });
    expect(rel(inc.test.pValue, 0.00441194061)).toBeLessThan(1e-8);
    expect(rel(inc.test.exact?.pValue ?? 0, 7.716198191e-3)).toBeLessThan(1e-9);
    expect(r.explanation.text).toMatch(
      /^Clusters with the outcome \(growth-or-upgrading\).*2\/6, 2\/5, 7\/9, 5\/5/,
    );
    expect(r.explanation.rules).toEqual(['cochran-armitage', 'exact-conditional-trend']);
    expect(r.explanation.sources[0]).toMatch(/Kaplinsky 2015, Table 4/);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('S2: growth and upgrading (X-squared = 12.376, p-value = 0.0004348)', () => {
    // stats-hand.Rout: x = 0 1 5 5; chisq = 1.237629226e+01, p.two = 4.348197536e-04;
    //   exact: tables 213, p.greater 2.005653520e-04, p.two.sided.distance 3.093731772e-04
    const r = jointActionTrend(africanClusters, { outcome: 'growth-and-upgrading' });
    expect(counts(r.rows)).toEqual(['0/6', '1/5', '5/9', '5/5']);
    expect(rel(r.test.statistic, 12.37629226)).toBeLessThan(1e-9);
    expect(rel(r.test.pValue, 4.348197536e-4)).toBeLessThan(1e-9);
    expect(r.test.exact).toEqual({ pValue: expect.closeTo(3.093731772e-4, 12), tables: 213 });
    const inc = jointActionTrend(africanClusters, {
      outcome: 'growth-and-upgrading',
      alternative: 'increasing',
    });
    expect(rel(inc.test.exact?.pValue ?? 0, 2.00565352e-4)).toBeLessThan(1e-9);
  });

  it('S3: growth (X-squared = 10.928, p = 0.0009474) and upgrading (X-squared = 7.4365, p = 0.006391)', () => {
    // more.Rout: growth x = 1 1 7 5: chisq 1.092767006e+01, p.two 9.473856532e-04, exact two-sided
    //   8.478036524e-04 (213 tables); upgrading x = 1 2 5 5: chisq 7.436487615312, p.two 0.006391450885,
    //   exact two-sided 7.947618407e-03 (222 tables)
    const g = jointActionTrend(africanClusters, { outcome: 'growth' });
    expect(counts(g.rows)).toEqual(['1/6', '1/5', '7/9', '5/5']);
    expect(rel(g.test.statistic, 10.92767006)).toBeLessThan(1e-9);
    expect(rel(g.test.pValue, 9.473856532e-4)).toBeLessThan(1e-9);
    expect(rel(g.test.exact?.pValue ?? 0, 8.478036524e-4)).toBeLessThan(1e-9);
    const u = jointActionTrend(africanClusters, { outcome: 'upgrading' });
    expect(counts(u.rows)).toEqual(['1/6', '2/5', '5/9', '5/5']);
    expect(rel(u.test.statistic, 7.436487615312)).toBeLessThan(1e-9);
    expect(rel(u.test.pValue, 0.006391450885)).toBeLessThan(1e-9);
    expect(u.test.exact).toEqual({ pValue: expect.closeTo(7.947618407e-3, 11), tables: 222 });
  });

  it('refuses clusters that cannot show a trend, and invalid input, with paths rooted at the arguments', () => {
    const allDynamic = [sampleCluster(), { ...sampleCluster(), id: 'b', collectiveAction: ['learning'] }];
    const e = errorOf(() => jointActionTrend(allDynamic as never));
    expect([e.code, e.issues[0]?.path]).toEqual(['INSUFFICIENT_DATA', 'clusters']);
    const oneGroup = [
      sampleCluster(),
      { ...sampleCluster(), id: 'b', dynamism: { growth: false, upgrading: false } },
    ];
    expect(errorOf(() => jointActionTrend(oneGroup as never)).issues[0]).toEqual({
      path: 'clusters',
      message: 'expected at least two groups with clusters, found one',
    });
    const bad = errorOf(() =>
      jointActionTrend([{ ...sampleCluster(), endMarkets: [] }] as never, { outcome: 'size' } as never),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.issues.map((i) => i.path)).toEqual(['clusters[0].endMarkets', 'options.outcome']);
  });

  it('does not mutate the clusters or the options', () => {
    const clusters = deepFreeze(africanClusters.map((c) => ({ ...c })));
    const options = deepFreeze({ outcome: 'growth' as const, exact: false });
    expect(jointActionTrend(clusters, options).test.exact).toBeNull();
  });
});

describe('marketOrientationTest (Kaplinsky 2015, Table 2: selling beyond the locality)', () => {
  it('S4 and S6: growth or upgrading across the five orientations', () => {
    // stats.Rout C: dynamic 3 2 3 5 3 of 7 6 4 5 3; fisher.test p-value = 0.0866 (0.08659773125, 465 tables)
    // stats.Rout C5: X-squared = 6.9737, df = 1, p-value = 0.008272 (scores 0..4)
    // stats-hand.Rout: chisq 6.973670435511, p.two 0.008271765695; exact p.two.sided.distance 9.692727517e-03
    const r = marketOrientationTest(africanClusters);
    expect(r.rows.map((row) => row.orientation)).toEqual([
      'local-only',
      'domestic',
      'domestic-and-regional',
      'domestic-and-international',
      'international-only',
    ]);
    expect(counts(r.rows)).toEqual(['3/7', '2/6', '3/4', '5/5', '3/3']);
    expect(rel(r.exact.pValue, 0.08659773125)).toBeLessThan(1e-9);
    expect(r.exact.tables).toBe(465);
    expect(rel(r.trend.statistic, 6.973670435511)).toBeLessThan(1e-9);
    expect(rel(r.trend.pValue, 0.008271765695)).toBeLessThan(1e-9);
    expect(rel(r.trend.exact?.pValue ?? 0, 9.692727517e-3)).toBeLessThan(1e-9);
    expect(r.explanation.rules).toEqual([
      'freeman-halton-exact',
      'cochran-armitage',
      'exact-conditional-trend',
    ]);
    expect(r.explanation.notes.join(' ')).toMatch(/steps between orientations as equal/);
    expect(isDeepFrozen(r)).toBe(true);
  });

  it('S5 and S7: growth and upgrading (fisher.test p = 0.0004119; trend X-squared = 14.273, p = 0.0001581)', () => {
    // stats-hand.Rout: fisher.rx2 → 616 tables, p.value 4.118993135e-04; ca → chisq 1.427266201e+01,
    //   p.two 1.581451305e-04; exact p.two.sided.distance 9.130883475e-05
    // The published Table 2's growth-and-upgrading column (0 2 1 5 3 of 7 6 4 5 3, stats.Rout D) is
    // the same: S11.
    const r = marketOrientationTest(africanClusters, { outcome: 'growth-and-upgrading' });
    expect(counts(r.rows)).toEqual(['0/7', '2/6', '1/4', '5/5', '3/3']);
    expect(rel(r.exact.pValue, 4.118993135e-4)).toBeLessThan(1e-9);
    expect(r.exact.tables).toBe(616);
    expect(rel(r.trend.statistic, 14.27266201)).toBeLessThan(1e-9);
    expect(rel(r.trend.pValue, 1.581451305e-4)).toBeLessThan(1e-9);
    expect(rel(r.trend.exact?.pValue ?? 0, 9.130883475e-5)).toBeLessThan(1e-9);
  });

  it('takes other scores (R: prop.trend.test(c(3,2,3,5,3), c(7,6,4,5,3), score = c(0,1,1,2,3)) → 5.49847793)', () => {
    const r = marketOrientationTest(africanClusters, { scores: [0, 1, 1, 2, 3] });
    expect(r.trend.statistic).toBeCloseTo(5.49847793, 8);
    expect(r.trend.scores).toEqual([0, 1, 1, 2, 3]);
    expect(r.exact.pValue).toBeCloseTo(0.08659773125, 11); // the exact test ignores the order
  });

  it('rejects bad options and clusters that cannot be tested', () => {
    const e = errorOf(() => marketOrientationTest(africanClusters, { scores: [0, 1] }));
    expect([e.code, e.issues[0]?.path]).toEqual(['INVALID_INPUT', 'options.scores']);
    const flat = errorOf(() => marketOrientationTest(africanClusters, { scores: [1, 1, 1, 1, 1] }));
    expect([flat.code, flat.issues[0]?.path]).toEqual(['INSUFFICIENT_DATA', 'options.scores']);
    const local = [
      sampleCluster(),
      { ...sampleCluster(), id: 'b', dynamism: { growth: false, upgrading: false } },
    ];
    const one = errorOf(() => marketOrientationTest(local as never));
    expect([one.code, one.issues[0]?.path]).toEqual(['INSUFFICIENT_DATA', 'clusters']);
    const dup = errorOf(() => marketOrientationTest([sampleCluster(), sampleCluster()] as never));
    expect(dup.issues[0]?.path).toBe('clusters[1].id');
  });

  it('does not mutate the clusters', () => {
    const clusters = deepFreeze(africanClusters.map((c) => ({ ...c })));
    expect(marketOrientationTest(clusters).exact.tables).toBe(465);
  });
});
