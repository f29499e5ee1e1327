import { z } from 'zod';
import { GvcError } from '../core/errors.js';
import { fromZodIssues, parseOrThrow } from '../core/issues.js';
import type { Cluster } from './model.js';
import { CollectiveActionKind } from './model.js';
import { parseClusterList } from './parse.js';
import { Count, namedEnum, parseParams } from './schema-helpers.js';

/**
 * A 2×2 contingency table of counts, `[[a, b], [c, d]]`: rows are the factor present / absent, columns
 * the outcome present / absent (the layout of R's `matrix(c(a, c, b, d), 2)`).
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

function parseTable(table: TwoByTwoTable): [number, number, number, number] {
  const r = parseOrThrow(TwoByTwoTable, table, 'invalid 2x2 table', { params: parseParams });
  const [[a, b], [c, d]] = r;
  return [a, b, c, d];
}

/** Options of {@link oddsRatio}. */
export interface OddsRatioOptions {
  /**
   * `none` (the default): ad / bc as it stands (`Infinity` when only bc is 0, `NaN` when both are);
   * `haldane-anscombe`: add 0.5 to every cell when any cell is 0 (Haldane 1956; Anscombe 1956).
   */
  correction?: 'none' | 'haldane-anscombe';
}

const OddsRatioOptionsSchema = z
  .object({ correction: namedEnum(['none', 'haldane-anscombe']).optional() })
  .strict();

/**
 * The sample (cross-product) odds ratio ad / bc of a 2×2 table, optionally with the
 * Haldane–Anscombe correction (0.5 added to every cell when a cell is 0). This is the sample odds
 * ratio, not the conditional maximum-likelihood estimate that R's `fisher.test` reports.
 *
 * An odds ratio above 1 says the outcome is more common where the factor is present. Like the
 * paper's own counts (Kaplinsky 2015, on Tables 2–5), it shows association only: causality cannot
 * be inferred from such counts.
 *
 * @param table - `[[a, b], [c, d]]`
 * @param options - `correction`: `none` (default) or `haldane-anscombe`
 * @returns the odds ratio
 * @throws GvcError `INVALID_INPUT` when a cell is not a whole number >= 0 or the options are invalid
 * @example
 * ```ts
 * oddsRatio([[10, 2], [6, 7]]);
 * //=> 5.833333333333333
 * oddsRatio([[2, 0], [0, 2]], { correction: 'haldane-anscombe' }); // (2.5 × 2.5) / (0.5 × 0.5)
 * //=> 25
 * ```
 */
export function oddsRatio(table: TwoByTwoTable, options: OddsRatioOptions = {}): number {
  const [a, b, c, d] = parseTable(table);
  const o = OddsRatioOptionsSchema.safeParse(options, parseParams);
  if (!o.success) {
    throw new GvcError(
      'INVALID_INPUT',
      'invalid odds-ratio options',
      fromZodIssues(o.error.issues).map((i) => ({ ...i, path: `options.${i.path}` })),
    );
  }
  if (o.data.correction === 'haldane-anscombe' && (a === 0 || b === 0 || c === 0 || d === 0)) {
    return ((a + 0.5) * (d + 0.5)) / ((b + 0.5) * (c + 0.5));
  }
  return (a * d) / (b * c);
}

/** The alternative hypothesis of {@link fisherExactTest}. */
export type FisherAlternative = 'two-sided' | 'greater' | 'less';

const FisherOptions = z
  .object({ alternative: namedEnum(['two-sided', 'greater', 'less']).optional() })
  .strict();

function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) out[i] = (out[i - 1] as number) + Math.log(i);
  return out;
}

/**
 * Fisher's exact test of independence in a 2×2 table, as R's `fisher.test` computes it (Fisher 1935;
 * R Core Team). With the margins fixed, the top-left cell `a` is hypergeometric. The two-sided
 * p-value is the sum of the probabilities of all tables no more probable than the observed one, with
 * a relative tolerance of 1e-7 (R's `relErr`); `greater` sums P(X >= a) (odds ratio > 1), `less`
 * sums P(X <= a).
 *
 * A small p-value says the factor and the outcome are associated in these data; as Kaplinsky (2015)
 * warns of Tables 2–5, causality cannot be inferred from such counts.
 *
 * @param table - `[[a, b], [c, d]]`
 * @param options - `alternative`: `two-sided` (default), `greater` or `less`
 * @returns `{ pValue, alternative }`
 * @throws GvcError `INVALID_INPUT` when a cell is not a whole number >= 0 or the options are invalid
 * @example
 * ```ts
 * fisherExactTest([[3, 1], [1, 3]]).pValue; // Fisher's tea-tasting experiment
 * //=> 0.4857142857142858
 * ```
 */
export function fisherExactTest(
  table: TwoByTwoTable,
  options: { alternative?: FisherAlternative } = {},
): { pValue: number; alternative: FisherAlternative } {
  const [a, b, c, d] = parseTable(table);
  const o = FisherOptions.safeParse(options, parseParams);
  if (!o.success) {
    throw new GvcError(
      'INVALID_INPUT',
      'invalid Fisher test options',
      fromZodIssues(o.error.issues).map((i) => ({ ...i, path: `options.${i.path}` })),
    );
  }
  const alternative = o.data.alternative ?? 'two-sided';
  const m = a + c; // first column total
  const n = b + d; // second column total
  const k = a + b; // first row total
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const lf = logFactorials(m + n);
  const logChoose = (x: number, y: number) => (lf[x] as number) - (lf[y] as number) - (lf[x - y] as number);
  const logD: number[] = [];
  for (let x = lo; x <= hi; x++) logD.push(logChoose(m, x) + logChoose(n, k - x));
  const max = Math.max(...logD);
  const dens = logD.map((l) => Math.exp(l - max));
  const total = dens.reduce((s, v) => s + v, 0);
  const prob = dens.map((v) => v / total);
  const at = (x: number) => prob[x - lo] as number;
  let p = 0;
  if (alternative === 'less') for (let x = lo; x <= a; x++) p += at(x);
  else if (alternative === 'greater') for (let x = a; x <= hi; x++) p += at(x);
  else {
    const observed = at(a) * (1 + 1e-7);
    for (const v of prob) if (v <= observed) p += v;
  }
  return { pValue: Math.min(1, p), alternative };
}

/** What counts as dynamism in {@link jointActionAssociation}. */
export type DynamismOutcome = 'growth-or-upgrading' | 'growth' | 'upgrading' | 'growth-and-upgrading';

/** The result of {@link jointActionAssociation}. */
export interface JointActionAssociation {
  action: CollectiveActionKind;
  outcome: DynamismOutcome;
  /** `[[with the action and dynamic, with the action and not], [without and dynamic, without and not]]`. */
  table: TwoByTwoTable;
  /** Sample odds ratio, Haldane–Anscombe corrected when a cell is 0. */
  oddsRatio: number;
  /** Two-sided p-value of Fisher's exact test. */
  pValue: number;
}

const AssociationOptions = z
  .object({
    outcome: namedEnum(['growth-or-upgrading', 'growth', 'upgrading', 'growth-and-upgrading']).optional(),
  })
  .strict();

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
 * `upgrading` or `growth-and-upgrading`
 * @returns the action, the outcome, the table, the odds ratio and the p-value
 * @throws GvcError `INVALID_INPUT` when a cluster, the action or the options are invalid
 * @example
 * ```ts
 * jointActionAssociation(africanClusters, 'logistics').table;
 * //=> [[10, 2], [6, 7]]
 * ```
 */
export function jointActionAssociation(
  clusters: readonly Cluster[],
  action: CollectiveActionKind,
  options: { outcome?: DynamismOutcome } = {},
): JointActionAssociation {
  const list = parseClusterList(clusters);
  const issues = [];
  const act = CollectiveActionKind.safeParse(action, parseParams);
  if (!act.success) issues.push(...fromZodIssues(act.error.issues).map((i) => ({ ...i, path: 'action' })));
  const o = AssociationOptions.safeParse(options, parseParams);
  if (!o.success)
    issues.push(...fromZodIssues(o.error.issues).map((i) => ({ ...i, path: `options.${i.path}` })));
  if (issues.length > 0 || !act.success || !o.success) {
    throw new GvcError('INVALID_INPUT', 'invalid joint-action association input', issues);
  }
  const outcome = o.data.outcome ?? 'growth-or-upgrading';
  const dynamic = (c: Cluster) => {
    const { growth, upgrading } = c.dynamism;
    if (outcome === 'growth') return growth;
    if (outcome === 'upgrading') return upgrading;
    if (outcome === 'growth-and-upgrading') return growth && upgrading;
    return growth || upgrading;
  };
  const cells = [0, 0, 0, 0];
  for (const c of list) {
    const i = (c.collectiveAction.includes(act.data) ? 0 : 2) + (dynamic(c) ? 0 : 1);
    cells[i] = (cells[i] as number) + 1;
  }
  const [a = 0, b = 0, c = 0, d = 0] = cells;
  const table: TwoByTwoTable = [
    [a, b],
    [c, d],
  ];
  return {
    action: act.data,
    outcome,
    table,
    oddsRatio: oddsRatio(table, { correction: 'haldane-anscombe' }),
    pValue: fisherExactTest(table).pValue,
  };
}
