/**
 * Real growth rates of a cluster's indicators and their weighted mean, for `clusterDynamism`.
 *
 * @packageDocumentation
 */
import { IssueList, quote } from '../core/boundary.js';
import { compoundRate, type IndicatorGrowthRates, indicatorEndpoints, indicatorNames } from './dynamism.js';
import type { ClusterIndicator } from './model.js';

/** Where a growth judgement comes from. */
export type GrowthBasis = 'evidence' | 'indicators';

/** The real growth of a cluster, as {@link clusterDynamism} reports it. */
export interface RealGrowth {
  /** Whether the cluster grows. */
  value: boolean;
  /**
   * Real compound annual rate per indicator measured in two years (sales only when deflated or
   * `salesAreReal`); `null` = infinite (starts at 0 and rises, or too large for a double).
   */
  realRates: IndicatorGrowthRates;
  /** Weighted mean of the rates with a positive weight; `null` when infinite or when none is usable. */
  weighted: number | null;
  /** `growth`, `stagnant` or `decline` against `benchmark ± band`; `null` on the evidence basis. */
  trend: 'growth' | 'stagnant' | 'decline' | null;
  /** Indicators left out and why, e.g. `'sales: nominal, no deflator'`. */
  excluded: string[];
}

/** The options judgeGrowth reads (resolved). */
interface GrowthOptions {
  deflator?: Record<string, number> | undefined;
  salesAreReal: boolean;
  weights: { firms?: number | undefined; employment?: number | undefined; sales?: number | undefined };
  benchmark: number;
  band: number;
}

const yearKey = /^-?(0|[1-9]\d*)$/;

/** Real rate of sales deflated by a price index: ((s1 / d1) / (s0 / d0))^(1/years) − 1, overflow-safe. */
function deflatedRate(s0: number, s1: number, d0: number, d1: number, years: number): number | null {
  if (s0 === 0) return s1 > 0 ? null : 0;
  if (s1 === 0) return -1;
  const q = (s1 / s0) * (d0 / d1);
  if (Number.isFinite(q) && q > 0) return compoundRate(1, q, years);
  const r = Math.exp((Math.log(s1) - Math.log(s0) + Math.log(d0) - Math.log(d1)) / years) - 1;
  return Number.isFinite(r) ? r : null;
}

/**
 * The real rates, their weighted mean and trend; `decides` is false when no indicator with a positive
 * weight is measured in two periods. Throws `INVALID_INPUT` for a deflator that lacks a year sales
 * are reported in, a key that is not a year, a deflator with `salesAreReal`, or all weights 0.
 *
 * @internal
 */
export function judgeGrowth(
  indicators: readonly ClusterIndicator[],
  o: GrowthOptions,
): { decides: boolean; result: Omit<RealGrowth, 'value'> } {
  const issues = new IssueList();
  const index = new Map<number, number>();
  if (o.deflator !== undefined) {
    if (o.salesAreReal)
      issues.add('options.deflator', 'expected no deflator when salesAreReal is true, found one');
    for (const [key, value] of Object.entries(o.deflator)) {
      if (yearKey.test(key)) index.set(Number(key), value);
      else issues.add('options.deflator', `expected years as keys, found ${quote(key)}`);
    }
  }
  const w = {
    firms: o.weights.firms ?? 1,
    employment: o.weights.employment ?? 1,
    sales: o.weights.sales ?? 1,
  };
  if (w.firms + w.employment + w.sales === 0) {
    issues.add('options.weights', 'expected a positive weight for some indicator, found 0 for all');
  }
  const realRates: IndicatorGrowthRates = {};
  const excluded: string[] = [];
  for (const name of indicatorNames) {
    const ends = indicatorEndpoints(indicators, name);
    if (ends === undefined) continue;
    const { first, last } = ends;
    const years = last.period - first.period;
    if (name !== 'sales' || o.salesAreReal) {
      realRates[name] = compoundRate(first.value, last.value, years);
    } else if (o.deflator === undefined) {
      excluded.push('sales: nominal, no deflator');
    } else {
      const d0 = index.get(first.period);
      const d1 = index.get(last.period);
      for (const [p, d] of [
        [first.period, d0],
        [last.period, d1],
      ] as const) {
        if (d === undefined) issues.add('options.deflator', `expected a price index for ${p}, found none`);
      }
      if (d0 !== undefined && d1 !== undefined) {
        realRates[name] = deflatedRate(first.value, last.value, d0, d1, years);
      }
    }
  }
  issues.throwIfAny('invalid cluster dynamism input');
  // Weights scaled by the largest (a weight of 1e308 must not overflow the sums); rates are >= −1.
  const top = Math.max(w.firms, w.employment, w.sales);
  let sum = 0;
  let weightSum = 0;
  let infinite = false;
  for (const name of indicatorNames) {
    const r = realRates[name];
    if (r === undefined) continue;
    if (w[name] === 0) {
      excluded.push(`${name}: weight 0`);
      continue;
    }
    if (r === null) infinite = true;
    else {
      sum += (w[name] / top) * r;
      weightSum += w[name] / top;
    }
  }
  const decides = infinite || weightSum > 0;
  const mean = !infinite && weightSum > 0 ? sum / weightSum : null;
  // A finite rate above about 1e308 a year can make the sum overflow: infinite, as a null rate.
  const weighted = mean !== null && Number.isFinite(mean) ? mean : null;
  const eps = 1e-12;
  const trend = !decides
    ? null
    : weighted === null || weighted > o.benchmark + o.band + eps
      ? 'growth'
      : weighted < o.benchmark - o.band - eps
        ? 'decline'
        : 'stagnant';
  return { decides, result: { realRates, weighted, trend, excluded } };
}
