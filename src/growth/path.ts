import type * as z from 'zod/mini';
import { checkArgument, checkOptions } from '../core/check.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import type { Period } from '../core/primitives.js';
import { GrowthPathOptionsCheck, GrowthSeriesCheck } from './check.js';
import type {
  GrowthDirection,
  GrowthObservation,
  GrowthPath,
  GrowthPathOptions,
  GrowthSeries,
} from './model.js';

/** One observation of a classified series, with its income. */
export interface GrowthPoint {
  /** The period. */
  period: Period;
  /** Activity: the volume. */
  activity: number;
  /** Income: volume × unit price, divided by the deflator when there is one (real income). */
  income: number;
}

/** One transition of a classified series. */
export interface GrowthTransition {
  /** The earlier period. */
  from: Period;
  /** The later period. */
  to: Period;
  /** The growth path between them. */
  path: GrowthPath;
  /** Whether activity rose, held or fell. */
  activity: GrowthDirection;
  /** Whether (real) income rose, held or fell. */
  income: GrowthDirection;
}

/** The result of {@link classifyGrowthPath}. */
export interface GrowthPathResult {
  /** Each observation with its activity and (real) income. */
  points: GrowthPoint[];
  /** The path of each consecutive pair of observations. */
  transitions: GrowthTransition[];
  /** The path of the whole series: `exclusion` when it ends at zero activity, else first → last. */
  overall: GrowthPath;
  /** Whether income was deflated to real income. */
  real: boolean;
}

const direction = (before: number, after: number, tolerance: number): GrowthDirection =>
  after > before * (1 + tolerance) ? 'up' : after < before * (1 - tolerance) ? 'down' : 'flat';

const table: Record<GrowthDirection, Record<GrowthDirection, GrowthPath>> = {
  up: { up: 'virtuous', flat: 'extensive', down: 'immiserising' },
  flat: { up: 'intensive', flat: 'stagnant', down: 'squeezed' },
  down: { up: 'intensive', flat: 'contracting', down: 'declining' },
};

function point(o: GrowthObservation, i: number): GrowthPoint {
  const nominal = o.volume === 0 ? 0 : o.volume * (o.unitPrice ?? 0);
  const income = nominal / (o.deflator ?? 1);
  if (!Number.isFinite(income)) {
    throw new GvcError('UNSUPPORTED', 'cannot classify a growth path', [
      {
        path: `series[${i}]`,
        message: `expected an income (volume × unit price ÷ deflator) within double precision (below 1.8e308), found ${String(income)}`,
      },
    ]);
  }
  return { period: o.period, activity: o.volume, income };
}

function transition(a: GrowthPoint, b: GrowthPoint, tolerance: number): GrowthTransition {
  const activity = direction(a.activity, b.activity, tolerance);
  const income = direction(a.income, b.income, tolerance);
  let path: GrowthPath;
  if (a.activity > 0 && b.activity === 0) path = 'exclusion';
  else if (a.activity === 0 && b.activity === 0) path = 'inactive';
  else if (a.activity === 0) path = 'entry';
  else path = table[activity][income];
  return { from: a.period, to: b.period, path, activity, income };
}

/**
 * Classifies the growth path of an export series: between each pair of consecutive observations, and
 * overall. Activity is the volume; income is volume × unit price, or real income (divided by the
 * deflator) when deflators are given. The rules:
 *
 * | activity              | income | path           |
 * | --------------------- | ------ | -------------- |
 * | above 0 → 0           | any    | `exclusion`    |
 * | 0 → above 0           | any    | `entry`        |
 * | 0 → 0                 | any    | `inactive`     |
 * | up                    | up     | `virtuous`     |
 * | up                    | flat   | `extensive`    |
 * | up                    | down   | `immiserising` |
 * | flat                  | up     | `intensive`    |
 * | flat                  | flat   | `stagnant`     |
 * | flat                  | down   | `squeezed`     |
 * | down                  | up     | `intensive`    |
 * | down                  | flat   | `contracting`  |
 * | down                  | down   | `declining`    |
 *
 * `up`/`down` need a relative change beyond `tolerance`; otherwise `flat`. `overall` is `exclusion`
 * when the series ends at zero activity after some activity, otherwise the rule applied to the first
 * and last observations.
 *
 * Immiserising growth (Kaplinsky 2015, after Bhagwati) is rising activity with falling real income.
 * The paper's Dominican jeans assembler (`dominicanJeans` in `gvckit/data`) illustrates how export
 * growth without rents ends: its volume and price both fell (9,000 → 5,000 → 3,000 jeans a week), so
 * the firm's own series reads `declining`, `declining`, then `exclusion`; the immiserising path is
 * the economy-wide story of more exporting activity at falling real incomes.
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027, section 2; Kaplinsky, R. (1993)
 * Export processing zones in the Dominican Republic, *World Development* 21(11), 1851–1865.
 *
 * @param series - observations `{ period, volume, unitPrice, deflator? }` in chronological order
 * @param options - `{ tolerance }` (default `1e-9`); `undefined` or `null` for the defaults
 * @returns the points with their income, the transitions and the overall path, deeply frozen
 * @throws {@link GvcError} `INSUFFICIENT_DATA` with fewer than two observations; `INVALID_INPUT`
 *   listing every problem with its path (`series[2].unitPrice`, `series[3].period`,
 *   `options.tolerance`); `UNSUPPORTED` when an income (volume × unit price ÷ deflator) overflows
 *   double precision (`series[1]`)
 * @example
 * ```ts
 * classifyGrowthPath([
 *   { period: 2000, volume: 100, unitPrice: 10 },
 *   { period: 2001, volume: 150, unitPrice: 6 },
 * ]).overall;
 * //=> 'immiserising'
 * ```
 */
export function classifyGrowthPath(
  series: ReadonlyArray<z.input<typeof GrowthSeries>[number]>,
  options?: GrowthPathOptions | null,
): GrowthPathResult {
  if (Array.isArray(series) && series.length < 2) {
    throw new GvcError('INSUFFICIENT_DATA', 'too short a growth series', [
      { path: 'series', message: `expected at least 2 observations, found ${series.length}` },
    ]);
  }
  const parsed = checkArgument(GrowthSeriesCheck, series, 'series', 'invalid growth series');
  const { tolerance } = checkOptions(GrowthPathOptionsCheck, options);
  const points = parsed.map(point);
  const transitions = points.slice(1).map((b, i) => transition(points[i] as GrowthPoint, b, tolerance));
  const first = points[0] as GrowthPoint;
  const last = points[points.length - 1] as GrowthPoint;
  const everActive = points.some((p) => p.activity > 0);
  const overall: GrowthPath =
    last.activity === 0 && everActive ? 'exclusion' : transition(first, last, tolerance).path;
  return deepFreeze({ points, transitions, overall, real: parsed[0]?.deflator !== undefined });
}
