import * as z from 'zod/mini';
import { IssueList, preview, safeValidate, validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { NonNegative, Period } from '../core/primitives.js';
import { BarrierLevel } from './model.js';
import { type RentOutlook, rentOutlook } from './outlook.js';

const rate = z.number().check(z.gte(0), z.lte(1));

/**
 * Per-period erosion rates of a rent by height of its barriers to entry, each in [0, 1]. There are
 * no defaults: no source gives rates (gvckit's convention is to require them); calibrate them on an
 * observed price or margin series with {@link fitErosionRate}. Protected high barriers do not erode
 * (rule 3 of `rentOutlook`), whatever `high` says.
 *
 * @example
 * ```ts
 * ErosionRates.parse({ high: 0, medium: 0.03, low: 0.074 }).low;
 * //=> 0.074
 * ```
 */
export const ErosionRates = z.strictObject({ high: rate, medium: rate, low: rate });
/** Per-period erosion rates by barrier height. */
export type ErosionRates = z.output<typeof ErosionRates>;

/**
 * The path of the barriers protecting a rent: one entry per period, in chronological order.
 *
 * @example
 * ```ts
 * BarrierPath.parse([{ period: 2015, barriers: 'high', protected: true }, { period: 2016, barriers: 'low' }])[1];
 * //=> { period: 2016, barriers: 'low', protected: false }
 * ```
 */
export const BarrierPath = z
  .array(
    z.strictObject({
      /** The period (a year or a label). */
      period: Period,
      /** Height of the barriers to entry in that period. */
      barriers: BarrierLevel,
      /** Whether they are actively protected (patents, brands, regulation); default `false`. */
      protected: z._default(z.boolean(), false),
    }),
  )
  .check(z.minLength(1));
/** A path of barriers, as a caller passes it. */
export type BarrierPath = z.input<typeof BarrierPath>;

/**
 * Options of {@link projectRentErosion}.
 *
 * @example
 * ```ts
 * RentErosionOptions.parse({ erosionRates: { high: 0.2, medium: 0.1, low: 0.3 } }).renewal;
 * //=> 0
 * ```
 */
export const RentErosionOptions = z.strictObject({
  /** Required: the per-period erosion rate at each barrier height (no source gives defaults). */
  erosionRates: ErosionRates,
  /**
   * New rents a dynamic holder creates per period, as a fraction of the initial amount (Kaplinsky
   * 2015: only the creation of new rents sustains income once barriers erode). Default 0: gvckit's
   * convention, no source gives a number. Ignored for a rent that is not `dynamic`.
   */
  renewal: z._default(NonNegative, 0),
});
/** Options of {@link projectRentErosion}, as a caller passes them. */
export type RentErosionOptions = z.input<typeof RentErosionOptions>;

/**
 * The rent projected by {@link projectRentErosion}: its amount now, and whether its holder creates
 * new rents. Other fields (a whole `Rent`) are ignored.
 *
 * @example
 * ```ts
 * ErodingRent.parse({ amount: 292.5 });
 * //=> { amount: 292.5, dynamic: false }
 * ```
 */
export const ErodingRent = z.object({
  /** The rent's amount in the first period of the path (any unit: per product, a year's income). */
  amount: NonNegative,
  /** Whether the holder keeps creating new rents (default `false`). */
  dynamic: z._default(z.boolean(), false),
});
/** A rent to project, as a caller passes it (a whole `Rent` with an `amount` will do: other fields are ignored). */
export type ErodingRent = z.input<typeof ErodingRent>;

/** One period of {@link RentErosion}. */
export interface RentErosionPoint {
  /** The period. */
  period: Period;
  /** The barriers in that period. */
  barriers: BarrierLevel;
  /** Whether they are protected. */
  protected: boolean;
  /** The rate at which the rent erodes from this period to the next (0 behind protected high barriers). */
  erosionRate: number;
  /** The rent's amount in this period. */
  amount: number;
  /** Cumulative loss from the initial amount. */
  eroded: number;
  /** The rent's outlook in this period (`rentOutlook` of the barriers, with `eroding` when the rate is positive). */
  outlook: RentOutlook;
}

/** The result of {@link projectRentErosion}. */
export interface RentErosion {
  /** One point per period of the path. */
  points: RentErosionPoint[];
  /** The first step (0-based index into `points`) at which the amount is at most half the initial one; `null` if none. */
  halfLife: number | null;
  /** How the projection was made. */
  explanation: Explanation;
}

/**
 * Projects a rent as its barriers to entry fall. Income from a rent lasts while its barriers hold;
 * entry competes it away, and once barriers erode only the creation of new rents sustains income
 * (Kaplinsky 2015, section on rents; Schumpeter 1942, ch. 7). The rule, one step between consecutive
 * periods of the path:
 *
 * R₀ = amount; R_t = min(amount, R_{t−1} × (1 − δ_{t−1}) + (dynamic ? renewal × amount : 0)),
 *
 * where δ is 0 behind protected high barriers (`rentOutlook` rule 3) and `erosionRates[barriers]`
 * otherwise, taken from the **previous** period: a step erodes at the barriers in force at its start.
 * New rents replace eroded rent up to the initial amount (they sustain income, they do not grow it).
 * The rates are required: no source gives them; calibrate them with {@link fitErosionRate} (the
 * Dominican jeans assembler's price fell 7.38% a step: Kaplinsky 2015, after Kaplinsky 1993).
 *
 * @param rent - `{ amount, dynamic? }` (a `Rent` with an `amount` will do)
 * @param path - the barriers, one entry per period in order (at least one)
 * @param options - `{ erosionRates, renewal? }`
 * @returns the amount, cumulative loss, rate and outlook per period, and the half-life in steps
 *   (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of `rent` (`rent.amount`), `path`
 *   (`path[2].barriers`, an empty path) and `options` (`options.erosionRates`)
 * @example
 * ```ts
 * projectRentErosion({ amount: 10 }, [{ period: 0, barriers: 'low' }, { period: 1, barriers: 'low' }], {
 *   erosionRates: { high: 0, medium: 0.03, low: 0.0738 },
 * }).points.map((p) => p.amount);
 * //=> [10, 9.262]
 * ```
 */
export function projectRentErosion(
  rent: ErodingRent,
  path: BarrierPath,
  options: RentErosionOptions,
): RentErosion {
  const issues = new IssueList();
  const r = issues.take(safeValidate(ErodingRent, rent, 'rent'));
  const steps = issues.take(safeValidate(BarrierPath, path, 'path'));
  const opts = issues.attempt(() => validateOptions(RentErosionOptions, options));
  issues.throwIfAny('invalid rent erosion arguments');
  const { amount, dynamic } = r as z.output<typeof ErodingRent>;
  const { erosionRates, renewal } = opts as z.output<typeof RentErosionOptions>;
  const added = dynamic ? renewal * amount : 0;
  const points: RentErosionPoint[] = [];
  let current = amount;
  let halfLife: number | null = null;
  (steps as z.output<typeof BarrierPath>).forEach((step, t) => {
    if (t > 0) {
      const prev = points[t - 1] as RentErosionPoint;
      current = Math.min(amount, current * (1 - prev.erosionRate) + added);
    }
    const erosionRate = step.barriers === 'high' && step.protected ? 0 : erosionRates[step.barriers];
    const outlook = rentOutlook({
      family: 'resource',
      barriers: step.barriers,
      protected: step.protected,
      dynamic,
      eroding: erosionRate > 0,
    });
    if (halfLife === null && amount > 0 && current <= amount / 2) halfLife = t;
    points.push({
      period: step.period,
      barriers: step.barriers,
      protected: step.protected,
      erosionRate,
      amount: current,
      eroded: amount - current,
      outlook,
    });
  });
  const notes = [
    'each step erodes at the rate of the barriers in force at its start (the previous period)',
    'the erosion rates are the caller’s: no source gives defaults',
  ];
  if (dynamic && renewal > 0) notes.push('new rents replace eroded rent up to the initial amount');
  if (!dynamic && renewal > 0) notes.push('renewal ignored: the rent is not dynamic');
  if (amount === 0) notes.push('no half-life: the rent is 0');
  return deepFreeze({
    points,
    halfLife,
    explanation: {
      text: `The rent falls from ${amount} to ${current} over ${points.length - 1} steps${halfLife === null ? '' : `, halving by step ${halfLife}`}`,
      rules: [
        'geometric-erosion',
        'protected-high-holds',
        ...(dynamic && renewal > 0 ? ['dynamic-renewal'] : []),
      ],
      evidence: ['path', 'options.erosionRates', ...(dynamic ? ['rent.dynamic', 'options.renewal'] : [])],
      notes,
      sources: ['Kaplinsky 2015, section on rents', 'Schumpeter 1942, ch. 7'],
    },
  });
}

/** The result of {@link fitErosionRate}. */
export interface ErosionRateFit {
  /** Per-step geometric rate of change (negative: the series falls; its opposite is an erosion rate). */
  rate: number;
  /** Number of steps (values − 1). */
  steps: number;
  /** How the rate was computed. */
  explanation: Explanation;
}

/**
 * The per-step geometric rate of change of a positive series, (last / first)^(1 / (n − 1)) − 1, to
 * calibrate `erosionRates` of {@link projectRentErosion} on an observed price or margin series (use
 * `−rate` when it falls). Only the first and last values decide, as for a compound growth rate.
 *
 * Reference: Kaplinsky, R. (2015), the Dominican jeans assembler (after Kaplinsky 1993, *World
 * Development* 21(11)): 2.18 → 2.00 → 1.87 USD a unit within 12 months, −7.38% a step.
 *
 * @param values - the series in order, every value finite and positive (at least two)
 * @returns the rate, the number of steps and an explanation (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` at `values[i]` for a value that is not a positive finite
 *   number, or when `values` is not an array; `INSUFFICIENT_DATA` for fewer than two values;
 *   `UNSUPPORTED` when the rate overflows (a rise by more than about 10^308 in one step)
 * @example
 * ```ts
 * fitErosionRate([2.18, 2.0, 1.87]).rate;
 * //=> -0.0738260611
 * ```
 */
export function fitErosionRate(values: readonly number[]): ErosionRateFit {
  const issues = new IssueList();
  const list = issues.take(safeValidate(z.array(z.unknown()), values, 'values'));
  list?.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
      issues.add(`values[${i}]`, `expected a finite number > 0, found ${preview(v)}`);
    }
  });
  issues.throwIfAny('invalid series');
  const xs = list as number[];
  if (xs.length < 2) {
    throw new GvcError('INSUFFICIENT_DATA', 'too short a series', [
      { path: 'values', message: `expected at least 2 values, found ${xs.length}` },
    ]);
  }
  const steps = xs.length - 1;
  const first = xs[0] as number;
  const last = xs[steps] as number;
  const rateOf = Math.expm1((Math.log(last) - Math.log(first)) / steps);
  if (!Number.isFinite(rateOf)) {
    throw new GvcError('UNSUPPORTED', 'rate out of range', [
      {
        path: 'values',
        message: `expected a growth from ${first} to ${last} whose rate is finite, found one that overflows`,
      },
    ]);
  }
  return deepFreeze({
    rate: rateOf,
    steps,
    explanation: {
      text: `From ${first} to ${last} in ${steps} step${steps === 1 ? '' : 's'}: ${(rateOf * 100).toFixed(2)}% a step`,
      rules: ['geometric-rate'],
      evidence: ['values[0]', `values[${steps}]`],
      notes: ['only the first and last values decide; an erosion rate is −rate when the series falls'],
      sources: ['Kaplinsky 2015, after Kaplinsky 1993 (Dominican jeans)'],
    },
  });
}
