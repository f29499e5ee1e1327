import * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { chiSquared1UpperTail, normalUpperTail } from '../core/special.js';
import { Count } from './count.js';
import { enumerateTables, MAX_EXACT_STEPS, widestRow } from './exact.js';
import { namedEnum, take } from './schema-helpers.js';

/** The alternative hypothesis of {@link trendTest}: the proportion rises (`increasing`) or falls with the score, or either. */
export const TrendAlternative = namedEnum(['two-sided', 'increasing', 'decreasing']);
export type TrendAlternative = z.output<typeof TrendAlternative>;

/** The rules the cluster statistics apply, as named in their explanations. */
export type StatisticsRuleId = 'cochran-armitage' | 'exact-conditional-trend' | 'freeman-halton-exact';

/**
 * The number of clusters up to which {@link trendTest} computes the exact conditional p-value unless
 * told otherwise: 1,000 (gvckit's convention: no source gives a number; beyond it the asymptotic
 * test is adequate for any table the exact enumeration could handle).
 *
 * @example
 * ```ts
 * EXACT_TREND_DEFAULT_MAX_N;
 * //=> 1000
 * ```
 */
export const EXACT_TREND_DEFAULT_MAX_N = 1000;

/**
 * Options of {@link trendTest}:
 *
 * - `scores`: one finite number per group, the ordered levels (default 0, 1, …, k − 1; R's
 *   `prop.trend.test` default 1..k gives the same statistic, since an affine change of the scores
 *   leaves it unchanged);
 * - `alternative`: `two-sided` (the default, R's printed p-value), `increasing` (the proportion rises
 *   with the score) or `decreasing`;
 * - `exact`: also compute the exact conditional p-value (default: when the groups hold at most
 *   {@link EXACT_TREND_DEFAULT_MAX_N} clusters; then `null` when the enumeration would exceed
 *   {@link MAX_EXACT_STEPS} steps, where `true` throws).
 *
 * @example
 * ```ts
 * TrendTestOptions.parse({});
 * //=> { alternative: 'two-sided' }
 * ```
 */
export const TrendTestOptions = z.strictObject({
  /** One finite score per group; default 0, 1, …, k − 1. */
  scores: z.optional(z.array(z.number())),
  /** `two-sided` (default), `increasing` or `decreasing`. */
  alternative: z._default(TrendAlternative, 'two-sided'),
  /** Also compute the exact conditional p-value; default when N ≤ 1000. */
  exact: z.optional(z.boolean()),
});
/** Options of {@link trendTest}. */
export type TrendTestOptions = z.input<typeof TrendTestOptions>;

/** The result of {@link trendTest}. */
export interface TrendTest {
  /** X², as R's `prop.trend.test` prints it (df = 1). */
  statistic: number;
  /** The signed statistic: positive when the proportion rises with the score. */
  z: number;
  df: 1;
  /** The asymptotic p-value for `alternative`. */
  pValue: number;
  alternative: TrendAlternative;
  /** Agresti's M² = X² (N − 1)/N and its two-sided p-value. */
  m2: { statistic: number; pValue: number };
  /** The exact conditional p-value for `alternative` and the number of tables with these margins; `null` when not computed. */
  exact: { pValue: number; tables: number } | null;
  /** The scores used, one per group. */
  scores: number[];
  /** xᵢ/nᵢ per group, `null` for an empty group. */
  proportions: Array<number | null>;
  /** The rules, the evidence and the sources. */
  explanation: Explanation;
}

/** How a caller of {@link trendCore} names its groups and argument paths. */
export interface TrendFrame {
  label: (i: number) => string;
  /** Where "both outcomes needed" and "two groups needed" are reported. */
  successesPath: string;
  groupsPath: string;
  scoresPath: string;
  exactPath: string;
  evidence: string[];
  notes: string[];
  summary: string;
}

const shown = (p: number) => (p < 1e-4 ? p.toExponential(2) : String(Number(p.toPrecision(2))));
const fmt = (v: number) => String(Number(v.toPrecision(4)));

/**
 * The Cochran–Armitage test on validated counts (see {@link trendTest}), with the caller's paths and
 * labels in its errors and explanation.
 *
 * @internal
 */
export function trendCore(
  x: readonly number[],
  n: readonly number[],
  scores: readonly number[],
  alternative: TrendAlternative,
  exactOption: boolean | undefined,
  frame: TrendFrame,
): TrendTest {
  const groups = n.map((_, i) => i).filter((i) => (n[i] as number) > 0);
  const N = n.reduce((a, b) => a + b, 0);
  const X = x.reduce((a, b) => a + b, 0);
  const insufficient = (path: string, message: string) =>
    new GvcError('INSUFFICIENT_DATA', frame.summary, [{ path, message }]);
  if (groups.length < 2) {
    throw insufficient(
      frame.groupsPath,
      `expected at least two groups with clusters, found ${groups.length === 0 ? 'none' : 'one'}`,
    );
  }
  if (X === 0 || X === N) {
    throw insufficient(
      frame.successesPath,
      `expected both outcomes among the clusters, found only ${X === 0 ? 'clusters without' : 'clusters with'} the outcome`,
    );
  }
  // Rescale the scores of the non-empty groups to [0, 1]: the statistic and the exact test are
  // unchanged by a positive affine change of the scores, and no sum can overflow.
  let big = 0;
  for (const i of groups) big = Math.max(big, Math.abs(scores[i] as number));
  const s1 = scores.map((v) => (big > 0 ? v / big : 0));
  let lo = Number.POSITIVE_INFINITY;
  let up = Number.NEGATIVE_INFINITY;
  for (const i of groups) {
    lo = Math.min(lo, s1[i] as number);
    up = Math.max(up, s1[i] as number);
  }
  const range = up - lo;
  const s = s1.map((v) => (range > 0 ? Math.min(1, Math.max(0, (v - lo) / range)) : 0));
  const pbar = X / N;
  let sbar = 0;
  for (const i of groups) sbar += ((n[i] as number) * (s[i] as number)) / N;
  let T = 0;
  let ss = 0;
  for (const i of groups) {
    const d = (s[i] as number) - sbar;
    T += (x[i] as number) * d;
    ss += (n[i] as number) * d * d;
  }
  const V = pbar * (1 - pbar) * ss;
  if (!(V > 0)) {
    throw insufficient(
      frame.scoresPath,
      'expected scores that differ between the groups with clusters, found one score',
    );
  }
  // X² = N r² ≤ N (r the correlation of outcome and score): the bound only guards rounding.
  const zRaw = T / Math.sqrt(V);
  const z = Math.max(-Math.sqrt(N), Math.min(Math.sqrt(N), zRaw));
  const statistic = z * z;
  const pValue =
    alternative === 'two-sided'
      ? chiSquared1UpperTail(statistic)
      : normalUpperTail(alternative === 'increasing' ? z : -z);
  const m2 = (statistic * (N - 1)) / N;

  const notes = [...frame.notes];
  let exact: TrendTest['exact'] = null;
  const wantExact = exactOption ?? N <= EXACT_TREND_DEFAULT_MAX_N;
  if (wantExact) {
    exact = exactTrend(groups, x, n, s, X, alternative);
    if (exact === null) {
      if (exactOption === true) {
        throw new GvcError('UNSUPPORTED', 'too large for an exact trend test', [
          {
            path: frame.exactPath,
            message: `expected groups the exact test can enumerate in at most ${MAX_EXACT_STEPS} steps, found ${groups.length} groups of ${N} clusters; use the asymptotic p-value`,
          },
        ]);
      }
      notes.push(`exact p-value not computed: more than ${MAX_EXACT_STEPS} partial tables to enumerate`);
    }
  } else {
    notes.push(
      exactOption === false
        ? 'exact p-value not asked for'
        : `exact p-value not computed by default above ${EXACT_TREND_DEFAULT_MAX_N} clusters (gvckit's convention)`,
    );
  }
  const proportions = n.map((m, i) => (m > 0 ? (x[i] as number) / m : null));
  // The groups with the lowest and the highest score (the first of each in a tie).
  let first = groups[0] as number;
  let last = first;
  for (const i of groups) {
    if ((s[i] as number) < (s[first] as number)) first = i;
    if ((s[i] as number) > (s[last] as number)) last = i;
  }
  const direction = z > 0 ? 'rises' : z < 0 ? 'falls' : 'does not change';
  const rules: StatisticsRuleId[] =
    exact === null ? ['cochran-armitage'] : ['cochran-armitage', 'exact-conditional-trend'];
  const text =
    `The proportion with the outcome ${direction} with the score, from ${x[first]}/${n[first]} (${frame.label(first)}) to ${x[last]}/${n[last]} (${frame.label(last)}): ` +
    `Cochran–Armitage X² = ${fmt(statistic)}, ${alternative} p = ${shown(pValue)}` +
    (exact === null ? '' : `; exact conditional p = ${shown(exact.pValue)} (${exact.tables} tables)`);
  return deepFreeze({
    statistic,
    z,
    df: 1 as const,
    pValue,
    alternative,
    m2: { statistic: m2, pValue: chiSquared1UpperTail(m2) },
    exact,
    scores: [...scores],
    proportions,
    explanation: {
      text,
      rules,
      evidence: frame.evidence,
      notes: [...notes, 'association only: causality cannot be inferred from such counts (Kaplinsky 2015)'],
      sources: [
        'Cochran 1954',
        'Armitage 1955',
        'Agresti 2002, Categorical Data Analysis',
        'R Core Team, prop.trend.test',
      ],
    },
  });
}

/**
 * The exact conditional test of Σ sᵢyᵢ given the margins: `increasing` sums P(T ≥ t), `decreasing`
 * P(T ≤ t), `two-sided` the tables at least as far from the mean as the observed one; values within
 * 1e-9 × (1 + X) count as tied. `null` past {@link MAX_EXACT_STEPS}.
 */
function exactTrend(
  groups: readonly number[],
  x: readonly number[],
  n: readonly number[],
  s: readonly number[],
  X: number,
  alternative: TrendAlternative,
): { pValue: number; tables: number } | null {
  const ng = groups.map((i) => n[i] as number);
  const sg = groups.map((i) => s[i] as number);
  if (widestRow(ng, X) > MAX_EXACT_STEPS) return null;
  let tobs = 0;
  for (let j = 0; j < groups.length; j++) tobs += (sg[j] as number) * (x[groups[j] as number] as number);
  const N = ng.reduce((a, b) => a + b, 0);
  let mean = 0;
  for (let j = 0; j < ng.length; j++) mean += ((ng[j] as number) * (sg[j] as number) * X) / N;
  const tol = 1e-9 * (1 + X);
  const far = Math.abs(tobs - mean) - tol;
  let total = 0;
  let sum = 0;
  const tables = enumerateTables(ng, X, sg, (lp, t) => {
    const p = Math.exp(lp);
    total += p;
    const hit =
      alternative === 'increasing'
        ? t >= tobs - tol
        : alternative === 'decreasing'
          ? t <= tobs + tol
          : Math.abs(t - mean) >= far;
    if (hit) sum += p;
  });
  if (tables === null) return null;
  return { pValue: total > 0 ? Math.min(1, sum / total) : 1, tables };
}

/**
 * The Cochran–Armitage test for trend in proportions across ordered groups (Cochran 1954; Armitage
 * 1955; Agresti 2002, *Categorical Data Analysis*, 2nd ed.), as R's `prop.trend.test` computes it,
 * with the exact conditional p-value beside it. With xᵢ of nᵢ clusters having the outcome in group i
 * of score sᵢ, N = Σnᵢ, p̄ = Σxᵢ/N and s̄ = Σnᵢsᵢ/N:
 * T = Σ xᵢ(sᵢ − s̄), V = p̄(1 − p̄) Σ nᵢ(sᵢ − s̄)², z = T/√V and X² = z² (one degree of freedom).
 * The two-sided p-value is P(χ²₁ ≥ X²), the one-sided ones Φ(∓z); Agresti's M² = X²(N − 1)/N is
 * reported beside it. The exact p-value conditions on the margins, under which (x₁..x_k) is
 * multivariate hypergeometric, and sums the tables whose Σ sᵢyᵢ is at least as extreme (one-sided)
 * or at least as far from its mean (two-sided) — what a small sample deserves.
 *
 * Kaplinsky (2015) claims that more kinds of joint action go with more dynamism: a monotone trend of
 * a proportion across ordered groups, which this tests (see {@link jointActionTrend}). A small
 * p-value says the proportion changes with the score in these data; it cannot say why.
 *
 * @param successes - xᵢ, the clusters with the outcome in each group, whole numbers ≥ 0
 * @param totals - nᵢ, the clusters in each group, as many as `successes`, each ≥ its xᵢ (a group
 * of 0 is allowed and ignored); the total at most `Number.MAX_SAFE_INTEGER`
 * @param options - `scores`, `alternative`, `exact` (see {@link TrendTestOptions}); `undefined` or
 * `null` for the defaults
 * @returns the statistic, z, p-values, M², the exact p-value or `null`, the scores, the proportions
 * and an explanation (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when a count is not a whole number ≥ 0 (`successes[1]`), the
 * lengths differ (`totals`), a count exceeds its total (`successes[2]`), the total is too large
 * (`totals`) or the options are invalid (`options.scores`: one finite number per group);
 * `INSUFFICIENT_DATA` when fewer than two groups hold clusters (`totals`), all or none have the
 * outcome (`successes`) or the non-empty groups share one score (`options.scores`); `UNSUPPORTED`
 * when `exact: true` and the enumeration would exceed {@link MAX_EXACT_STEPS} steps (`options.exact`)
 * @example
 * ```ts
 * // The example of R's ?prop.trend.test (smokers of patients, four age groups): X-squared = 8.2249, p = 0.004132
 * const t = trendTest([83, 90, 129, 70], [86, 93, 136, 82]);
 * [t.statistic, t.pValue];
 * //=> [8.2249, 0.004132]
 * ```
 */
export function trendTest(
  successes: readonly number[],
  totals: readonly number[],
  options: TrendTestOptions | null = {},
): TrendTest {
  const summary = 'invalid trend-test input';
  const issues = new IssueList();
  const x = take(safeValidate(z.array(Count), successes, 'successes', summary), issues);
  const n = take(safeValidate(z.array(Count), totals, 'totals', summary), issues);
  const o = take(safeValidate(TrendTestOptions, options ?? {}, 'options', summary), issues);
  if (x !== undefined && n !== undefined) {
    if (x.length !== n.length) {
      issues.add('totals', `expected ${x.length} totals, one per group of successes, found ${n.length}`);
    } else {
      x.forEach((xi, i) => {
        if (xi > (n[i] as number)) {
          issues.add(`successes[${i}]`, `expected at most the group's total ${n[i]}, found ${xi}`);
        }
      });
      const N = n.reduce((a, b) => a + b, 0);
      if (N > Number.MAX_SAFE_INTEGER) {
        issues.add(
          'totals',
          `expected a total of at most ${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER), found ${N}`,
        );
      }
    }
  }
  if (o?.scores !== undefined && n !== undefined && o.scores.length !== n.length) {
    issues.add('options.scores', `expected ${n.length} scores, one per group, found ${o.scores.length}`);
  }
  issues.throwIfAny(summary);
  if (x === undefined || n === undefined || o === undefined) throw new GvcError('INVALID_INPUT', summary);
  const scores = o.scores ?? n.map((_, i) => i);
  return trendCore(
    x.map((v) => v + 0),
    n.map((v) => v + 0),
    scores.map((v) => v + 0),
    o.alternative,
    o.exact,
    {
      label: (i) => `score ${scores[i]}`,
      successesPath: 'successes',
      groupsPath: 'totals',
      scoresPath: 'options.scores',
      exactPath: 'options.exact',
      evidence: ['successes', 'totals', ...(o.scores === undefined ? [] : ['options.scores'])],
      notes:
        o.scores === undefined
          ? ["scores 0, 1, …, k − 1 by default (R's prop.trend.test uses 1..k: the same statistic)"]
          : [],
      summary: 'cannot test for a trend',
    },
  );
}
