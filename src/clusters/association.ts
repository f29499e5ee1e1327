import * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { Count } from './count.js';
import type { Cluster } from './model.js';
import { CollectiveActionKind } from './model.js';
import { parseClusterList } from './parse.js';
import { namedEnum, take } from './schema-helpers.js';

/**
 * A 2×2 contingency table of counts, `[[a, b], [c, d]]`: rows are the factor present / absent, columns
 * the outcome present / absent (the layout of R's `matrix(c(a, c, b, d), 2)`). Each cell is a whole
 * number from 0 to `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * TwoByTwoTable.parse([[10, 2], [6, 7]]);
 * //=> [[10, 2], [6, 7]]
 * ```
 */
export const TwoByTwoTable = z.tuple([z.tuple([Count, Count]), z.tuple([Count, Count])]);
/** A 2×2 contingency table of counts. */
export type TwoByTwoTable = z.output<typeof TwoByTwoTable>;

/**
 * The most values of the top-left cell {@link fisherExactTest} visits: 10,000,000 (one pass, two
 * for the two-sided test, of a few floating-point operations each: about 0.4 s at worst). The test
 * visits, from the mode outwards, the
 * values whose probability is at least 1e-320 of the mode's; before it starts, Hoeffding's (1963)
 * bound on the hypergeometric tails bounds their number by 2·√(K·(745 + ln 2S)/2) + 5, where K is the
 * smallest of the four margins and S the number of values the cell can take. A table for which that
 * bound (or S, when smaller) exceeds this limit — margins all above about 6·10¹⁰ — is refused with
 * `GvcError('UNSUPPORTED')`: at such sizes the chi-squared test is exact to many digits.
 *
 * @example
 * ```ts
 * MAX_FISHER_STEPS;
 * //=> 10000000
 * ```
 */
export const MAX_FISHER_STEPS = 10_000_000;

/** A probability below this fraction of the mode's is not visited (it would add nothing to a double sum). */
const TINY = 1e-320;
/** −ln(TINY) rounded up, for Hoeffding's bound. */
const LOG_TINY = 745;

/** The cells of a table argument, -0 read as 0, with every problem recorded in `issues`. */
function tableCells(table: unknown, issues: IssueList): [number, number, number, number] | undefined {
  const t = take(safeValidate(TwoByTwoTable, table, 'table'), issues);
  if (t === undefined) return undefined;
  const [[a, b], [c, d]] = t;
  return [a + 0, b + 0, c + 0, d + 0];
}

/**
 * Options of {@link oddsRatio}: `correction`, `none` (the default: ad / bc as it stands, `null` when
 * bc is 0) or `haldane-anscombe` (add 0.5 to every cell when any cell is 0; Haldane 1956; Anscombe
 * 1956).
 *
 * @example
 * ```ts
 * OddsRatioOptions.parse({});
 * //=> { correction: 'none' }
 * ```
 */
export const OddsRatioOptions = z.strictObject({
  /**
   * `none` (the default): ad / bc as it stands, `null` when bc is 0;
   * `haldane-anscombe`: add 0.5 to every cell when any cell is 0 (Haldane 1956; Anscombe 1956).
   */
  correction: z._default(namedEnum(['none', 'haldane-anscombe']), 'none'),
});
/** Options of {@link oddsRatio}. */
export type OddsRatioOptions = z.input<typeof OddsRatioOptions>;

/**
 * The sample (cross-product) odds ratio ad / bc of a 2×2 table, optionally with the
 * Haldane–Anscombe correction (0.5 added to every cell when a cell is 0). This is the sample odds
 * ratio, not the conditional maximum-likelihood estimate that R's `fisher.test` reports.
 *
 * Uncorrected, a table with b = 0 or c = 0 has no finite odds ratio (it is infinite when ad > 0,
 * undefined when ad = 0 too): the result is then `null`, never `Infinity` or `NaN`. The
 * Haldane–Anscombe correction is the usual way to get a finite estimate from such a table (Agresti
 * 2002, §3.1.1).
 *
 * An odds ratio above 1 says the outcome is more common where the factor is present. Like the
 * paper's own counts (Kaplinsky 2015, on Tables 2–5), it shows association only: causality cannot
 * be inferred from such counts.
 *
 * @param table - `[[a, b], [c, d]]`, whole numbers from 0 to `Number.MAX_SAFE_INTEGER`
 * @param options - `correction`: `none` (default) or `haldane-anscombe`; `undefined` or `null` for
 * the default
 * @returns the odds ratio, a finite number >= 0; `null` when uncorrected and b × c = 0
 * @throws GvcError `INVALID_INPUT` when a cell is not a whole number >= 0 (`table[0][1]`) or the
 * options are invalid (`options.correction`), every problem listed
 * @example
 * ```ts
 * oddsRatio([[10, 2], [6, 7]]);
 * //=> 5.833333333333333
 * oddsRatio([[2, 0], [0, 2]]); // bc = 0: no finite odds ratio
 * //=> null
 * oddsRatio([[2, 0], [0, 2]], { correction: 'haldane-anscombe' }); // (2.5 × 2.5) / (0.5 × 0.5)
 * //=> 25
 * ```
 */
export function oddsRatio(table: TwoByTwoTable, options: OddsRatioOptions | null = {}): number | null {
  const summary = 'invalid odds-ratio input';
  const issues = new IssueList();
  const cells = tableCells(table, issues);
  const o = take(safeValidate(OddsRatioOptions, options ?? {}, 'options', summary), issues);
  issues.throwIfAny(summary);
  if (cells === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const [a, b, c, d] = cells;
  if (o.correction === 'haldane-anscombe' && (a === 0 || b === 0 || c === 0 || d === 0)) {
    return ((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5));
  }
  // Cells are at most 2^53 − 1, so products stay below 2^106: finite.
  return b === 0 || c === 0 ? null : (a * d) / (b * c);
}

/** The alternative hypothesis of {@link fisherExactTest}. */
export const FisherAlternative = namedEnum(['two-sided', 'greater', 'less']);
export type FisherAlternative = z.output<typeof FisherAlternative>;

/**
 * Options of {@link fisherExactTest}: `alternative`, `two-sided` (the default), `greater` (odds
 * ratio > 1) or `less` (odds ratio < 1).
 *
 * @example
 * ```ts
 * FisherExactTestOptions.parse({});
 * //=> { alternative: 'two-sided' }
 * ```
 */
export const FisherExactTestOptions = z.strictObject({
  /** `two-sided` (the default), `greater` (odds ratio > 1) or `less` (odds ratio < 1). */
  alternative: z._default(FisherAlternative, 'two-sided'),
});
/** Options of {@link fisherExactTest}. */
export type FisherExactTestOptions = z.input<typeof FisherExactTestOptions>;

/**
 * Visits the hypergeometric weights w(x) = P(X = x) / P(X = mode) of the top-left cell, from the mode
 * outwards, each from its neighbour by the ratio P(x + 1) / P(x) = (m − x)(k − x) / ((x + 1)(n − k +
 * x + 1)); stops on each side at the end of the support or where w falls below {@link TINY}. O(1)
 * memory; the same arithmetic on every call, so two walks see the same weights.
 */
function walk(
  m: number,
  n: number,
  k: number,
  lo: number,
  hi: number,
  mode: number,
  visit: (x: number, w: number) => void,
): void {
  const ratio = (x: number) => ((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1));
  visit(mode, 1);
  let w = 1;
  for (let x = mode + 1; x <= hi; x++) {
    w *= ratio(x - 1);
    if (w < TINY) break;
    visit(x, w);
  }
  w = 1;
  for (let x = mode - 1; x >= lo; x--) {
    w /= ratio(x);
    if (w < TINY) break;
    visit(x, w);
  }
}

/**
 * Fisher's exact test of independence in a 2×2 table, as R's `fisher.test` computes it (Fisher 1935;
 * Agresti 2002, §3.5.1; R Core Team). With the margins fixed, the top-left cell `a` is
 * hypergeometric. The two-sided p-value is the sum of the probabilities of all tables no more
 * probable than the observed one, with a relative tolerance of 1e-7 (R's `relErr`); `greater` sums
 * P(X >= a) (odds ratio > 1), `less` sums P(X <= a).
 *
 * The probabilities are computed relative to the mode by the recurrence of neighbouring terms, in
 * O(1) memory and at most {@link MAX_FISHER_STEPS} steps; terms below 1e-320 of the mode's are not
 * visited, so a p-value below about 1e-320 is returned as 0. Large counts are fine (`[[4e8, 1], [1,
 * 3]]` takes five steps); a table whose walk could exceed the limit is refused before any work.
 *
 * A small p-value says the factor and the outcome are associated in these data; as Kaplinsky (2015)
 * warns of Tables 2–5, causality cannot be inferred from such counts.
 *
 * @param table - `[[a, b], [c, d]]`, whole numbers >= 0 whose total is at most
 * `Number.MAX_SAFE_INTEGER`
 * @param options - `alternative`: `two-sided` (default), `greater` or `less`; `undefined` or `null`
 * for the default
 * @returns `{ pValue, alternative }` (deeply frozen), `pValue` in [0, 1]; 1 when a margin is 0 (the
 * cell can take one value only)
 * @throws GvcError `INVALID_INPUT` when a cell is not a whole number >= 0 (`table[1][0]`), the total
 * exceeds `Number.MAX_SAFE_INTEGER` (`table`) or the options are invalid (`options.alternative`);
 * `UNSUPPORTED` when the test would take more than {@link MAX_FISHER_STEPS} steps (every margin
 * above about 6·10¹⁰)
 * @example
 * ```ts
 * fisherExactTest([[3, 1], [1, 3]]).pValue; // Fisher's tea-tasting experiment
 * //=> 0.48571428571428577
 * ```
 */
export function fisherExactTest(
  table: TwoByTwoTable,
  options: FisherExactTestOptions | null = {},
): { pValue: number; alternative: FisherAlternative } {
  const summary = 'invalid Fisher test input';
  const issues = new IssueList();
  const cells = tableCells(table, issues);
  const o = take(safeValidate(FisherExactTestOptions, options ?? {}, 'options', summary), issues);
  if (cells !== undefined) {
    const total = cells[0] + cells[1] + cells[2] + cells[3];
    if (total > Number.MAX_SAFE_INTEGER) {
      issues.add(
        'table',
        `expected a total of at most ${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER), found ${total}`,
      );
    }
  }
  issues.throwIfAny(summary);
  if (cells === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const { alternative } = o;
  const [a, b, c, d] = cells;
  const m = a + c; // first column total
  const n = b + d; // second column total
  const k = a + b; // first row total
  const N = m + n;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support = hi - lo + 1;
  if (support === 1) return deepFreeze({ pValue: 1, alternative });

  // Hoeffding (1963): P(|X − μ| >= t) <= 2 exp(−2t²/K), K the smallest margin; P(mode) >= 1/S, so
  // every x further than t from the mean has w(x) <= 2S exp(−2t²/K) < TINY.
  const K = Math.min(k, m, N - k, N - m);
  const t = Math.sqrt((K * (LOG_TINY + Math.log(2 * support))) / 2);
  const steps = Math.min(support, 2 * Math.ceil(t) + 5);
  if (steps > MAX_FISHER_STEPS) {
    throw new GvcError('UNSUPPORTED', 'table too large for an exact test', [
      {
        path: 'table',
        message: `expected a table the exact test can settle in at most ${MAX_FISHER_STEPS} steps (margins up to about 6e10), found one needing up to ${steps} (smallest margin ${K}); use a chi-squared test`,
      },
    ]);
  }
  const mode = Math.min(hi, Math.max(lo, Math.floor(((k + 1) / (N + 2)) * (m + 1))));

  let total = 0;
  let observed = 0;
  let below = 0; // Σ w(x) for x <= a
  let above = 0; // Σ w(x) for x >= a
  walk(m, n, k, lo, hi, mode, (x, w) => {
    total += w;
    if (x <= a) below += w;
    if (x >= a) above += w;
    if (x === a) observed = w;
  });
  let sum = alternative === 'less' ? below : above;
  if (alternative === 'two-sided') {
    const bound = observed * (1 + 1e-7);
    sum = 0;
    walk(m, n, k, lo, hi, mode, (_x, w) => {
      if (w <= bound) sum += w;
    });
  }
  return deepFreeze({ pValue: Math.min(1, sum / total), alternative });
}

/** What counts as dynamism in {@link jointActionAssociation}. */
export const DynamismOutcome = namedEnum([
  'growth-or-upgrading',
  'growth',
  'upgrading',
  'growth-and-upgrading',
]);
export type DynamismOutcome = z.output<typeof DynamismOutcome>;

/** The result of {@link jointActionAssociation}. */
export interface JointActionAssociation {
  action: CollectiveActionKind;
  outcome: DynamismOutcome;
  /** `[[with the action and dynamic, with the action and not], [without and dynamic, without and not]]`. */
  table: TwoByTwoTable;
  /** Sample odds ratio, Haldane–Anscombe corrected when a cell is 0 (so always finite). */
  oddsRatio: number;
  /** Two-sided p-value of Fisher's exact test. */
  pValue: number;
}

/**
 * Options of {@link jointActionAssociation}: `outcome`, what counts as dynamic —
 * `growth-or-upgrading` (the default), `growth`, `upgrading` or `growth-and-upgrading`.
 *
 * @example
 * ```ts
 * JointActionAssociationOptions.parse({});
 * //=> { outcome: 'growth-or-upgrading' }
 * ```
 */
export const JointActionAssociationOptions = z.strictObject({
  /** What counts as dynamic; default `growth-or-upgrading`. */
  outcome: z._default(DynamismOutcome, 'growth-or-upgrading'),
});
/** Options of {@link jointActionAssociation}. */
export type JointActionAssociationOptions = z.input<typeof JointActionAssociationOptions>;

/**
 * Asks "does this joint action go with dynamism?" of a set of clusters: the 2×2 table of clusters
 * with and without the action against dynamic or not, its odds ratio (Haldane–Anscombe corrected when
 * a cell is 0) and the two-sided p-value of Fisher's exact test. Kaplinsky (2015) finds logistics
 * cooperation the joint action most closely associated with dynamism in the 25 African clusters — and
 * warns that causality cannot be inferred from such counts: dynamic clusters may cooperate because
 * they grow, rather than grow because they cooperate.
 *
 * @param clusters - the clusters (validated; ids must be unique)
 * @param action - `learning`, `marketing` or `logistics`
 * @param options - `outcome`: what counts as dynamic — `growth-or-upgrading` (the default), `growth`,
 * `upgrading` or `growth-and-upgrading`; `undefined` or `null` for the default
 * @returns the action, the outcome, the table, the odds ratio and the p-value (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when a cluster (`clusters[3].endMarkets`), ids (`clusters[4].id`),
 * the action (`action`) or the options (`options.outcome`) are invalid, every problem listed
 * @example
 * ```ts
 * import { africanClusters } from 'gvckit/data';
 * jointActionAssociation(africanClusters, 'logistics').table;
 * //=> [[10, 2], [6, 7]]
 * ```
 */
export function jointActionAssociation(
  clusters: readonly Cluster[],
  action: CollectiveActionKind,
  options: JointActionAssociationOptions | null = {},
): JointActionAssociation {
  const summary = 'invalid joint-action association input';
  const issues = new IssueList();
  const list = issues.attempt(() => parseClusterList(clusters));
  const act = take(safeValidate(CollectiveActionKind, action, 'action', summary), issues);
  const o = take(safeValidate(JointActionAssociationOptions, options ?? {}, 'options', summary), issues);
  issues.throwIfAny(summary);
  if (list === undefined || act === undefined || o === undefined)
    throw new GvcError('INVALID_INPUT', summary);
  const { outcome } = o;
  const dynamic = (c: Cluster) => {
    const { growth, upgrading } = c.dynamism;
    if (outcome === 'growth') return growth;
    if (outcome === 'upgrading') return upgrading;
    if (outcome === 'growth-and-upgrading') return growth && upgrading;
    return growth || upgrading;
  };
  const cells = [0, 0, 0, 0];
  for (const c of list) {
    const i = (c.collectiveAction.includes(act) ? 0 : 2) + (dynamic(c) ? 0 : 1);
    cells[i] = (cells[i] as number) + 1;
  }
  const [a = 0, b = 0, c = 0, d = 0] = cells;
  const table: TwoByTwoTable = [
    [a, b],
    [c, d],
  ];
  return deepFreeze({
    action: act,
    outcome,
    table,
    oddsRatio: oddsRatio(table, { correction: 'haldane-anscombe' }) as number,
    pValue: fisherExactTest(table).pValue,
  });
}
