import * as z from 'zod/mini';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { describeFound } from '../core/issues.js';
import { dynamismOf } from './classify-dynamism.js';
import type { DynamismClass } from './dynamism-class.js';
import { orientationOf } from './markets.js';
import { Cluster, type ClusterIndicator } from './model.js';
import { namedEnum, take } from './schema-helpers.js';
import type { MarketOrientation } from './table-model.js';

/**
 * Options of {@link assessDynamism}.
 *
 * @example
 * ```ts
 * AssessDynamismOptions.parse({ growthThreshold: 0.03 });
 * //=> { growthThreshold: 0.03 }
 * ```
 */
export const AssessDynamismOptions = z.strictObject({
  /**
   * Where the judgement comes from: `evidence` (the cluster's flags only), `indicators` (the
   * quantitative indicators only; an error if they cannot decide) or `auto` (the default: the
   * indicators for growth and for upgrading where they can decide, otherwise the flags).
   */
  basis: z.optional(namedEnum(['auto', 'evidence', 'indicators'])),
  /**
   * Compound annual growth rate of firms, employment or sales that counts as growth; default 0.05 (5% a
   * year).
   */
  growthThreshold: z.optional(
    z
      .number()
      .check(z.gte(0, { error: (iss) => `expected a growth rate >= 0, found ${describeFound(iss)}` })),
  ),
  /** Number of upgrading events over all periods that counts as upgrading; default 1. */
  minUpgradingEvents: z.optional(
    z
      .number()
      .check(
        z.int({ error: (iss) => `expected a whole number >= 1, found ${describeFound(iss)}` }),
        z.gte(1, { error: (iss) => `expected a whole number >= 1, found ${describeFound(iss)}` }),
      ),
  ),
});
/** Options of {@link assessDynamism}. */
export type AssessDynamismOptions = z.input<typeof AssessDynamismOptions>;

/**
 * Compound annual growth rates of a cluster's indicators, for those measured in at least two periods.
 * A rate is `null` where it is not a finite number: the indicator starts at 0 and rises (the rate is
 * infinite), or grows by a factor too large for a double (above about 1.8e308 a year). A `null` rate
 * counts as growth.
 */
export interface IndicatorGrowthRates {
  firms?: number | null;
  employment?: number | null;
  sales?: number | null;
}

/** The result of {@link assessDynamism}. */
export interface DynamismAssessment {
  /** The dynamism class from the growth and upgrading judgements below. */
  dynamism: DynamismClass;
  /** A static cluster serving only local markets. */
  survivalist: boolean;
  /** The cluster's market orientation (see {@link classifyMarketOrientation}). */
  marketOrientation: MarketOrientation;
  /** Whether the cluster grows, and on what basis. */
  growth: { value: boolean; basis: 'evidence' | 'indicators'; annualRates: IndicatorGrowthRates };
  /** Whether the cluster upgrades, and on what basis; `events` is the total of recorded upgrading events. */
  upgrading: { value: boolean; basis: 'evidence' | 'indicators'; events?: number };
}

/** The quantitative indicators of a cluster, in report order. @internal */
export const indicatorNames = ['firms', 'employment', 'sales'] as const;

/** Compound annual growth rate between the earliest and the latest period that report an indicator. */
function annualRates(indicators: readonly ClusterIndicator[]): IndicatorGrowthRates {
  const rates: IndicatorGrowthRates = {};
  for (const name of indicatorNames) {
    const ends = indicatorEndpoints(indicators, name);
    if (ends === undefined) continue;
    // Periods are unique whole numbers, so years >= 1.
    rates[name] = compoundRate(ends.first.value, ends.last.value, ends.last.period - ends.first.period);
  }
  return rates;
}

/**
 * The earliest and the latest period that report an indicator, with its values there; `undefined`
 * when fewer than two periods report it.
 *
 * @internal
 */
export function indicatorEndpoints(
  indicators: readonly ClusterIndicator[],
  name: (typeof indicatorNames)[number],
): { first: { period: number; value: number }; last: { period: number; value: number } } | undefined {
  const points = indicators
    .filter((row) => row[name] !== undefined)
    .map((row) => ({ period: row.period, value: row[name] as number }))
    .sort((a, b) => a.period - b.period);
  const first = points[0];
  const last = points[points.length - 1];
  return first === undefined || last === undefined || points.length < 2 ? undefined : { first, last };
}

/**
 * The compound annual rate from `first` to `last` (both >= 0) over `years` (>= 1): `null` where it is
 * not finite (0 → positive, or a factor too large for a double), 0 for 0 → 0.
 *
 * @internal
 */
export function compoundRate(first: number, last: number, years: number): number | null {
  if (first === 0) return last > 0 ? null : 0;
  // A ratio such as 1e308 / 5e-324 overflows: then in logarithms, root first.
  const q = last / first;
  const r = Number.isFinite(q)
    ? q ** (1 / years) - 1
    : Math.exp((Math.log(last) - Math.log(first)) / years) - 1;
  return Number.isFinite(r) ? r : null;
}

/**
 * Judges a cluster's dynamism from its evidence flags and, where present, its quantitative
 * indicators, and flags survivalist clusters (Kaplinsky 2015: static clusters serving local markets).
 *
 * Growth from indicators: the compound annual growth rate of the number of firms, of employment or
 * of sales, between the earliest and the latest period reporting it, reaches `growthThreshold`
 * (default 0.05, i.e. 5% a year; a rate equal to the threshold within 1e-12 counts). An indicator
 * that starts at 0 and rises grows at an infinite rate: its rate is reported as `null` and counts as
 * growth (see {@link IndicatorGrowthRates}). At least one indicator must be reported in
 * two periods for the indicators to decide. Upgrading from indicators: the upgrading events recorded
 * over all periods number at least `minUpgradingEvents` (default 1); some period must record
 * `upgradingEvents` for the indicators to decide. `survivalist` is `dynamism === 'static'` and a
 * `local-only` market orientation.
 *
 * @param cluster - the cluster
 * @param options - `basis` (`auto`, `evidence` or `indicators`), `growthThreshold`,
 * `minUpgradingEvents`; `undefined` or `null` for the defaults
 * @returns the dynamism class, the survivalist flag, the market orientation and the basis of each
 * judgement (deeply frozen)
 * @throws GvcError `INVALID_INPUT` when the cluster or the options are invalid (every problem, with
 * its path rooted at the argument: `cluster.indicators[1].period`, `options.growthThreshold`);
 * `INSUFFICIENT_DATA` when `basis` is `indicators` and the indicators cannot decide growth or upgrading
 * @example
 * ```ts
 * const c = parseCluster({ id: 'k', name: 'K', country: 'KEN', sector: 'furniture', endMarkets: ['local'],
 *   dynamism: { growth: false, upgrading: false }, externalEconomies: [], collectiveAction: [],
 *   institutionalSupport: [], indicators: [{ period: 2000, firms: 100 }, { period: 2002, firms: 121 }] });
 * assessDynamism(c).dynamism; // firms grew 10% a year
 * //=> 'growth'
 * assessDynamism(c, { basis: 'evidence' }).survivalist;
 * //=> true
 * ```
 */
export function assessDynamism(
  cluster: Cluster,
  options: AssessDynamismOptions | null = {},
): DynamismAssessment {
  const summary = 'invalid dynamism assessment input';
  const issues = new IssueList();
  const c = take(safeValidate(Cluster, cluster, 'cluster', summary), issues);
  const o = take(safeValidate(AssessDynamismOptions, options ?? {}, 'options', summary), issues);
  if (c === undefined || o === undefined) {
    issues.throwIfAny(summary);
    throw new GvcError('INVALID_INPUT', summary);
  }
  const { basis = 'auto', growthThreshold = 0.05, minUpgradingEvents = 1 } = o;
  const indicators = c.indicators ?? [];
  const rates = annualRates(indicators);
  const measured = Object.values(rates);
  const recordsEvents = indicators.some((row) => row.upgradingEvents !== undefined);
  if (basis === 'indicators' && (measured.length === 0 || !recordsEvents)) {
    const missing = new IssueList();
    if (measured.length === 0) {
      missing.add(
        'cluster.indicators',
        'expected firms, employment or sales in at least two periods, found none',
      );
    }
    if (!recordsEvents)
      missing.add('cluster.indicators', 'expected upgradingEvents in some period, found none');
    missing.throwIfAny('cannot assess dynamism from indicators', 'INSUFFICIENT_DATA');
  }
  const useIndicators = basis !== 'evidence';
  const growthFromIndicators = useIndicators && measured.length > 0;
  const growth = growthFromIndicators
    ? measured.some((r) => r === null || (r !== undefined && r >= growthThreshold - 1e-12))
    : c.dynamism.growth;
  const upgradingFromIndicators = useIndicators && recordsEvents;
  const events = indicators.reduce((sum, row) => sum + (row.upgradingEvents ?? 0), 0);
  const upgrading = upgradingFromIndicators ? events >= minUpgradingEvents : c.dynamism.upgrading;
  const dynamism = dynamismOf(growth, upgrading);
  const marketOrientation = orientationOf(c.endMarkets);
  return deepFreeze({
    dynamism,
    survivalist: dynamism === 'static' && marketOrientation === 'local-only',
    marketOrientation,
    growth: { value: growth, basis: growthFromIndicators ? 'indicators' : 'evidence', annualRates: rates },
    upgrading: upgradingFromIndicators
      ? { value: upgrading, basis: 'indicators', events }
      : { value: upgrading, basis: 'evidence' },
  } satisfies DynamismAssessment);
}
