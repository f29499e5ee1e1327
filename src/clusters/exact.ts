import * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { logChoose, logFactorial } from '../core/special.js';
import { fisherExactTest } from './association.js';
import { Count } from './count.js';
import { take } from './schema-helpers.js';

/**
 * The most partial tables an exact test enumerates: 10,000,000 (each a few floating-point
 * operations: under a second at worst). {@link exactTableTest} and the exact part of
 * {@link trendTest} visit, row by row, every table with the observed margins; a table whose
 * enumeration would go past this limit is refused with `GvcError('UNSUPPORTED')` — at such sizes the
 * asymptotic (chi-squared) tests are adequate. A row that can take more values than the limit is
 * refused before any work. A 2 × 2 table is left to {@link fisherExactTest}, which has its own limit.
 *
 * @example
 * ```ts
 * MAX_EXACT_STEPS;
 * //=> 10000000
 * ```
 */
export const MAX_EXACT_STEPS = 10_000_000;

/**
 * Every r × 2 table (y₁..y_r) with 0 ≤ yᵢ ≤ nᵢ and Σyᵢ = X, given to `visit` with its log-probability
 * under the multivariate hypergeometric law, Σ ln C(nᵢ, yᵢ) − ln C(N, X), and its score sum Σ sᵢyᵢ.
 * Depth-first over the rows, pruned by the remaining row totals so that every partial table visited
 * completes; a remainder that forces the rest (all empty, or all full) closes the table at once.
 * Returns the number of tables, or `null` past `maxSteps` partial tables. `n` holds whole numbers ≥ 1.
 *
 * @internal
 */
export function enumerateTables(
  n: readonly number[],
  X: number,
  scores: readonly number[],
  visit: (logP: number, t: number) => void,
  maxSteps = MAX_EXACT_STEPS,
): number | null {
  const r = n.length;
  const N = n.reduce((a, b) => a + b, 0);
  const suffixN = new Array<number>(r + 1).fill(0);
  const suffixT = new Array<number>(r + 1).fill(0);
  for (let i = r - 1; i >= 0; i--) {
    suffixN[i] = (suffixN[i + 1] as number) + (n[i] as number);
    suffixT[i] = (suffixT[i + 1] as number) + (scores[i] as number) * (n[i] as number);
  }
  const logN = n.map(logFactorial);
  const y = new Array<number>(r).fill(0);
  const hi = new Array<number>(r).fill(0);
  const rem = new Array<number>(r).fill(0);
  const lp = new Array<number>(r).fill(0);
  const tp = new Array<number>(r).fill(0);
  const enter = (i: number, remaining: number, logP: number, t: number) => {
    rem[i] = remaining;
    lp[i] = logP;
    tp[i] = t;
    hi[i] = Math.min(n[i] as number, remaining);
    y[i] = Math.max(0, remaining - (suffixN[i + 1] as number)) - 1;
  };
  if (X < 0 || X > N) return 0;
  if (r === 0) {
    visit(0, 0);
    return 1;
  }
  enter(0, X, -logChoose(N, X), 0);
  let i = 0;
  let steps = 0;
  let tables = 0;
  while (i >= 0) {
    const v = (y[i] as number) + 1;
    y[i] = v;
    if (v > (hi[i] as number)) {
      i--;
      continue;
    }
    if (++steps > maxSteps) return null;
    const ni = n[i] as number;
    const c = v === 0 || v === ni ? 0 : (logN[i] as number) - logFactorial(v) - logFactorial(ni - v);
    const logP = (lp[i] as number) + c;
    const t = (tp[i] as number) + (scores[i] as number) * v;
    const remaining = (rem[i] as number) - v;
    if (remaining === 0) {
      tables++;
      visit(logP, t);
    } else if (remaining === suffixN[i + 1]) {
      tables++;
      visit(logP, t + (suffixT[i + 1] as number));
    } else {
      i++;
      enter(i, remaining, logP, t);
    }
  }
  return tables;
}

/** Σ ln C(nᵢ, xᵢ) − ln C(N, X), summed in the order {@link enumerateTables} sums it. */
export function logProbability(x: readonly number[], n: readonly number[]): number {
  const X = x.reduce((a, b) => a + b, 0);
  const N = n.reduce((a, b) => a + b, 0);
  let l = -logChoose(N, X);
  for (let i = 0; i < n.length; i++) l += logChoose(n[i] as number, x[i] as number);
  return l;
}

/**
 * How many values the busiest row of an r × 2 table with these margins can take: a lower bound on
 * the number of tables (each value of one row completes to a table).
 *
 * @internal
 */
export function widestRow(n: readonly number[], X: number): number {
  const N = n.reduce((a, b) => a + b, 0);
  let widest = 1;
  for (const m of n) widest = Math.max(widest, Math.min(m, X) - Math.max(0, X - (N - m)) + 1);
  return widest;
}

/**
 * An r × 2 table of counts: one `[a, b]` row per category of a factor, `a` the clusters with the
 * outcome, `b` those without. At least one row; each cell a whole number from 0 to
 * `Number.MAX_SAFE_INTEGER`.
 *
 * @example
 * ```ts
 * RowsByTwoTable.parse([[3, 4], [2, 4], [3, 1]]).length;
 * //=> 3
 * ```
 */
export const RowsByTwoTable = z
  .array(z.tuple([Count, Count]))
  .check(z.minLength(1, { error: 'expected at least one row [with, without], found none' }));
/** An r × 2 table of counts. */
export type RowsByTwoTable = z.output<typeof RowsByTwoTable>;

/** The result of {@link exactTableTest}. */
export interface ExactTableTest {
  /** Two-sided p-value: the probability of the tables with the observed margins no more probable than the observed one. */
  pValue: number;
  /** The probability of the observed table given its margins. */
  pObserved: number;
  /** How many tables have the observed margins. */
  tables: number;
  /** The rule, the evidence and the sources. */
  explanation: Explanation;
}

const shown = (p: number) => (p < 1e-4 ? p.toExponential(2) : String(Number(p.toPrecision(2))));

/**
 * The exact test of independence in an r × 2 table (Freeman & Halton 1951; Fisher's exact test
 * extended beyond 2 × 2), as R's `fisher.test` computes it: with both margins fixed the first column
 * is multivariate hypergeometric, P(y) = Πᵢ C(nᵢ, yᵢ) / C(N, X), and the p-value is the sum of
 * P(y) over every table y with the observed margins whose probability is at most the observed one's
 * times 1 + 1e-7 (R's relative tolerance `relErr`, so that ties count as at least as extreme). Use it
 * instead of a chi-squared test when expected counts are small (below 5), as in the 25 African
 * clusters of Kaplinsky (2015), where the market-orientation rows hold 3 to 7 clusters.
 *
 * Rows with no clusters are dropped. Two rows are Fisher's 2 × 2 test ({@link fisherExactTest}, the
 * same p-value); three rows or more are enumerated row by row (at most {@link MAX_EXACT_STEPS}
 * partial tables). R's `fisher.test` uses Mehta & Patel's network algorithm, which gives the same
 * sum. The test shows association only: causality cannot be inferred from such counts
 * (Kaplinsky 2015, on Tables 2–5).
 *
 * @param table - the rows `[with the outcome, without]`, at least one, whole numbers ≥ 0 whose total
 * is at most `Number.MAX_SAFE_INTEGER`
 * @returns `{ pValue, pObserved, tables, explanation }` (deeply frozen); `pValue` 1 when only one
 * table has these margins (a column or all but one row empty)
 * @throws GvcError `INVALID_INPUT` when a cell is not a whole number ≥ 0 (`table[2][1]`), the table
 * has no row or its total exceeds `Number.MAX_SAFE_INTEGER` (`table`); `UNSUPPORTED` (`table`) when
 * the enumeration would exceed {@link MAX_EXACT_STEPS} partial tables
 * @example
 * ```ts
 * // Kaplinsky (2015) Table 2 rows, clusters that grew and upgraded / did not (R: fisher.test p = 0.0004119)
 * exactTableTest([[0, 7], [2, 4], [1, 3], [5, 0], [3, 0]]).pValue;
 * //=> 0.0004119
 * ```
 */
export function exactTableTest(table: ReadonlyArray<readonly [number, number]>): ExactTableTest {
  const summary = 'invalid exact-test input';
  const issues = new IssueList();
  const rows = take(safeValidate(RowsByTwoTable, table, 'table', summary), issues);
  if (rows !== undefined) {
    let total = 0;
    for (const [a, b] of rows) total += a + b;
    if (total > Number.MAX_SAFE_INTEGER) {
      issues.add(
        'table',
        `expected a total of at most ${Number.MAX_SAFE_INTEGER} (Number.MAX_SAFE_INTEGER), found ${total}`,
      );
    }
  }
  issues.throwIfAny(summary);
  if (rows === undefined) throw new GvcError('INVALID_INPUT', summary);
  const kept = rows.filter(([a, b]) => a + b > 0).map(([a, b]) => [a + 0, b + 0] as [number, number]);
  const x = kept.map(([a]) => a);
  const n = kept.map(([a, b]) => a + b);
  const X = x.reduce((s, v) => s + v, 0);
  const N = n.reduce((s, v) => s + v, 0);
  const sources = ['Freeman & Halton 1951', 'Fisher 1935', 'R Core Team, fisher.test'];
  const rules = ['freeman-halton-exact'];
  const dims = `${rows.length} × 2`;
  if (kept.length < 2 || X === 0 || X === N) {
    return deepFreeze({
      pValue: 1,
      pObserved: 1,
      tables: 1,
      explanation: {
        text: `Exact test of a ${dims} table: only one table has these margins (a column or all but one row is empty), so p = 1`,
        rules,
        evidence: ['table'],
        notes: ['nothing to test: the margins fix the table'],
        sources,
      },
    });
  }
  const lobs = logProbability(x, n);
  let pValue: number;
  let tables: number;
  if (kept.length === 2) {
    const [r0, r1] = kept as [[number, number], [number, number]];
    pValue = fisherExactTest([r0, r1]).pValue;
    tables = Math.min(n[0] as number, X) - Math.max(0, X - (n[1] as number)) + 1;
  } else {
    const refuse = (found: string) =>
      new GvcError('UNSUPPORTED', 'table too large for an exact test', [
        {
          path: 'table',
          message: `expected a table the exact test can enumerate in at most ${MAX_EXACT_STEPS} steps, found ${found}; use a chi-squared test`,
        },
      ]);
    const widest = widestRow(n, X);
    if (widest > MAX_EXACT_STEPS) throw refuse(`a row that can take ${widest} values`);
    const bound = lobs + Math.log1p(1e-7);
    let total = 0;
    let sum = 0;
    const count = enumerateTables(n, X, new Array<number>(n.length).fill(0), (lp) => {
      const p = Math.exp(lp);
      total += p;
      if (lp <= bound) sum += p;
    });
    if (count === null) throw refuse(`${kept.length} rows with ${X} of ${N} in the first column`);
    tables = count;
    pValue = total > 0 ? Math.min(1, sum / total) : 1;
  }
  const pObserved = Math.exp(lobs);
  return deepFreeze({
    pValue,
    pObserved,
    tables,
    explanation: {
      text: `Exact test of a ${dims} table (Freeman–Halton): p = ${shown(pValue)}, the probability of the ${tables} tables with the same margins that are no more probable than the observed one (P = ${shown(pObserved)})`,
      rules,
      evidence: ['table'],
      notes: [
        "tables within a relative 1e-7 of the observed probability count as at least as extreme (R's relErr)",
        ...(rows.length > kept.length ? [`${rows.length - kept.length} empty row(s) dropped`] : []),
        'association only: causality cannot be inferred from such counts (Kaplinsky 2015)',
      ],
      sources,
    },
  });
}
