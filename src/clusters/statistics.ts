import * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { type DynamismOutcome, JointActionAssociationOptions } from './association.js';
import { exactTableTest } from './exact.js';
import { orientationOf } from './markets.js';
import type { Cluster } from './model.js';
import { parseClusterList } from './parse.js';
import { take } from './schema-helpers.js';
import { MarketOrientation } from './table-model.js';
import { type TrendTest, TrendTestOptions, trendCore } from './trend.js';

const Outcome = JointActionAssociationOptions.shape.outcome;

/** Whether a cluster shows the outcome. */
function hasOutcome(c: Cluster, outcome: DynamismOutcome): boolean {
  const { growth, upgrading } = c.dynamism;
  if (outcome === 'growth') return growth;
  if (outcome === 'upgrading') return upgrading;
  if (outcome === 'growth-and-upgrading') return growth && upgrading;
  return growth || upgrading;
}

const shown = (p: number) => (p < 1e-4 ? p.toExponential(2) : String(Number(p.toPrecision(2))));

/**
 * Options of {@link jointActionTrend}: `outcome`, what counts as dynamic (`growth-or-upgrading`, the
 * default, `growth`, `upgrading` or `growth-and-upgrading`); `alternative` and `exact` as in
 * {@link TrendTestOptions}.
 *
 * @example
 * ```ts
 * JointActionTrendOptions.parse({});
 * //=> { outcome: 'growth-or-upgrading', alternative: 'two-sided' }
 * ```
 */
export const JointActionTrendOptions = z.strictObject({
  /** What counts as dynamic; default `growth-or-upgrading`. */
  outcome: Outcome,
  /** `two-sided` (default), `increasing` or `decreasing`. */
  alternative: TrendTestOptions.shape.alternative,
  /** Also compute the exact conditional p-value; default when there are at most 1,000 clusters. */
  exact: TrendTestOptions.shape.exact,
});
/** Options of {@link jointActionTrend}. */
export type JointActionTrendOptions = z.input<typeof JointActionTrendOptions>;

/** The result of {@link jointActionTrend}. */
export interface JointActionTrend {
  /** One row per number of kinds of joint action, 0 to 3, empty rows kept. */
  rows: Array<{ actions: 0 | 1 | 2 | 3; clusters: number; withOutcome: number }>;
  outcome: DynamismOutcome;
  /** The Cochran–Armitage test across the rows, scores 0..3. */
  test: TrendTest;
  explanation: Explanation;
}

/**
 * Tests Kaplinsky's (2015) claim that more kinds of joint action go with more dynamism (after
 * Kaplinsky & Morris 2014, Table 4): the clusters are grouped by how many kinds of joint action they
 * undertake (learning, marketing, logistics: 0 to 3) and the Cochran–Armitage test for trend
 * ({@link trendTest}, scores 0..3) asks whether the share with the outcome rises with that number.
 * In the 25 clusters of Table 1 it does: 2 of 6 with no joint action grew or upgraded, 5 of 5 with
 * all three (X² = 6.86, p = 0.009). Like the paper's counts, it shows association only: clusters may
 * cooperate because they are dynamic.
 *
 * @param clusters - the clusters (validated; ids must be unique)
 * @param options - `outcome`, `alternative`, `exact` (see {@link JointActionTrendOptions});
 * `undefined` or `null` for the defaults
 * @returns the rows, the outcome, the trend test and an explanation (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when a cluster (`clusters[3].endMarkets`), ids (`clusters[4].id`)
 * or the options (`options.outcome`) are invalid, every problem listed; `INSUFFICIENT_DATA`
 * (`clusters`) when the clusters hold fewer than two numbers of joint actions, or all or none of them
 * have the outcome; `UNSUPPORTED` (`options.exact`) when `exact: true` and the enumeration is too large
 * @example
 * ```ts
 * import { africanClusters } from 'gvckit/data';
 * const trend = jointActionTrend(africanClusters);
 * [trend.rows.map((r) => `${r.withOutcome}/${r.clusters}`), trend.test.statistic, trend.test.pValue];
 * //=> [['2/6', '2/5', '7/9', '5/5'], 6.858, 0.0088]
 * ```
 */
export function jointActionTrend(
  clusters: readonly Cluster[],
  options: JointActionTrendOptions | null = {},
): JointActionTrend {
  const summary = 'invalid joint-action trend input';
  const issues = new IssueList();
  const list = issues.attempt(() => parseClusterList(clusters));
  const o = take(safeValidate(JointActionTrendOptions, options ?? {}, 'options', summary), issues);
  issues.throwIfAny(summary);
  if (list === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const { outcome } = o;
  const n = [0, 0, 0, 0];
  const x = [0, 0, 0, 0];
  for (const c of list) {
    const k = Math.min(3, c.collectiveAction.length);
    n[k] = (n[k] as number) + 1;
    if (hasOutcome(c, outcome)) x[k] = (x[k] as number) + 1;
  }
  const label = (i: number) => `${i} kind${i === 1 ? '' : 's'} of joint action`;
  const test = trendCore(x, n, [0, 1, 2, 3], o.alternative, o.exact, {
    label,
    successesPath: 'clusters',
    groupsPath: 'clusters',
    scoresPath: 'clusters',
    exactPath: 'options.exact',
    evidence: ['clusters[*].collectiveAction', 'clusters[*].dynamism'],
    notes: ['scores 0..3: the number of kinds of joint action'],
    summary: 'cannot test for a trend across joint actions',
  });
  const rows = n.map((m, i) => ({ actions: i as 0 | 1 | 2 | 3, clusters: m, withOutcome: x[i] as number }));
  return deepFreeze({
    rows,
    outcome,
    test,
    explanation: {
      ...test.explanation,
      text: `Clusters with the outcome (${outcome}) by number of kinds of joint action: ${rows.map((r) => `${r.withOutcome}/${r.clusters}`).join(', ')} for 0..3. ${test.explanation.text}`,
      sources: ['Kaplinsky 2015, Table 4 (after Kaplinsky & Morris 2014)', ...test.explanation.sources],
    },
  });
}

/**
 * Options of {@link marketOrientationTest}: `outcome` (as {@link JointActionTrendOptions}) and
 * `scores`, five finite numbers for the orientations in the order of Table 2 (`local-only` to
 * `international-only`); default 0..4, which treats the steps between orientations as equal
 * (gvckit's convention: no source gives scores).
 *
 * @example
 * ```ts
 * MarketOrientationTestOptions.parse({});
 * //=> { outcome: 'growth-or-upgrading' }
 * ```
 */
export const MarketOrientationTestOptions = z.strictObject({
  /** What counts as dynamic; default `growth-or-upgrading`. */
  outcome: Outcome,
  /** Five scores, `local-only` to `international-only`; default 0..4. */
  scores: z.optional(z.array(z.number()).check(z.length(5))),
});
/** Options of {@link marketOrientationTest}. */
export type MarketOrientationTestOptions = z.input<typeof MarketOrientationTestOptions>;

/** The result of {@link marketOrientationTest}. */
export interface MarketOrientationTest {
  /** One row per market orientation, in the order of Table 2, empty rows kept. */
  rows: Array<{ orientation: MarketOrientation; clusters: number; withOutcome: number }>;
  outcome: DynamismOutcome;
  /** The exact (Freeman–Halton) test of the orientations against the outcome, and the number of tables. */
  exact: { pValue: number; tables: number };
  /** The Cochran–Armitage test across the ordered orientations. */
  trend: TrendTest;
  explanation: Explanation;
}

/**
 * Tests Kaplinsky's (2015) claim that clusters selling beyond their locality grow and upgrade more
 * (Table 2): the clusters are grouped by market orientation ({@link classifyMarketOrientation}, the
 * rows of Table 2 from `local-only` to `international-only`) and the orientation is tested against
 * the outcome twice — by the exact test of the r × 2 table ({@link exactTableTest}, Freeman & Halton
 * 1951: a chi-squared test is not valid with 3 to 7 clusters a row), and, since the rows are ordered,
 * by the Cochran–Armitage test for trend across them ({@link trendTest}, the more powerful test of the
 * ordered claim). In the 25 clusters of Table 1, growth-and-upgrading depends on orientation
 * (exact p = 0.0004) while dynamism (growth or upgrading) does so only as an ordered trend
 * (p = 0.008; exact p = 0.087). Association only: clusters may export because they are dynamic.
 *
 * @param clusters - the clusters (validated; ids must be unique)
 * @param options - `outcome`, `scores` (see {@link MarketOrientationTestOptions}); `undefined` or
 * `null` for the defaults
 * @returns the rows, the outcome, the exact test, the trend test and an explanation (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when a cluster (`clusters[3].endMarkets`), ids (`clusters[4].id`)
 * or the options (`options.scores`: five finite numbers) are invalid, every problem listed;
 * `INSUFFICIENT_DATA` (`clusters`, or `options.scores` when the occupied orientations share one score)
 * when the clusters hold fewer than two orientations, or all or none have the outcome; `UNSUPPORTED`
 * (`clusters`) when the exact test's enumeration is too large
 * @example
 * ```ts
 * import { africanClusters } from 'gvckit/data';
 * marketOrientationTest(africanClusters, { outcome: 'growth-and-upgrading' }).exact.pValue; // R: fisher.test
 * //=> 0.0004119
 * ```
 */
export function marketOrientationTest(
  clusters: readonly Cluster[],
  options: MarketOrientationTestOptions | null = {},
): MarketOrientationTest {
  const summary = 'invalid market-orientation test input';
  const issues = new IssueList();
  const list = issues.attempt(() => parseClusterList(clusters));
  const o = take(safeValidate(MarketOrientationTestOptions, options ?? {}, 'options', summary), issues);
  issues.throwIfAny(summary);
  if (list === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const { outcome } = o;
  const orientations = MarketOrientation.options;
  const n = orientations.map(() => 0);
  const x = orientations.map(() => 0);
  for (const c of list) {
    const k = orientations.indexOf(orientationOf(c.endMarkets));
    n[k] = (n[k] as number) + 1;
    if (hasOutcome(c, outcome)) x[k] = (x[k] as number) + 1;
  }
  const scores = o.scores ?? [0, 1, 2, 3, 4];
  const trend = trendCore(x, n, scores, 'two-sided', undefined, {
    label: (i) => orientations[i] as string,
    successesPath: 'clusters',
    groupsPath: 'clusters',
    scoresPath: 'options.scores',
    exactPath: 'clusters',
    evidence: ['clusters[*].endMarkets', 'clusters[*].dynamism'],
    notes: [
      o.scores === undefined
        ? "scores 0..4 treat the steps between orientations as equal (gvckit's convention: no source gives scores)"
        : 'scores as given in options.scores',
    ],
    summary: 'cannot test market orientation against dynamism',
  });
  let exact: { pValue: number; tables: number };
  try {
    const t = exactTableTest(x.map((xi, i) => [xi, (n[i] as number) - xi] as [number, number]));
    exact = { pValue: t.pValue, tables: t.tables };
  } catch (e) {
    if (e instanceof GvcError && e.code === 'UNSUPPORTED') {
      const message = e.issues[0]?.message ?? 'expected a table small enough for the exact test';
      throw new GvcError('UNSUPPORTED', 'too many clusters for an exact test', [
        { path: 'clusters', message },
      ]);
    }
    throw e;
  }
  const rows = orientations.map((orientation, i) => ({
    orientation,
    clusters: n[i] as number,
    withOutcome: x[i] as number,
  }));
  return deepFreeze({
    rows,
    outcome,
    exact,
    trend,
    explanation: {
      text:
        `Clusters with the outcome (${outcome}) by market orientation, local-only to international-only: ${rows.map((r) => `${r.withOutcome}/${r.clusters}`).join(', ')}. ` +
        `Exact test of the ${rows.length} × 2 table: p = ${shown(exact.pValue)} (${exact.tables} tables). ${trend.explanation.text}`,
      rules: ['freeman-halton-exact', ...trend.explanation.rules],
      evidence: trend.explanation.evidence,
      notes: trend.explanation.notes,
      sources: [
        'Kaplinsky 2015, Table 2 (after Kaplinsky & Morris 2014)',
        'Freeman & Halton 1951',
        ...trend.explanation.sources,
      ],
    },
  });
}
