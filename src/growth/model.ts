import * as z from 'zod/mini';
import { preview } from '../core/boundary.js';
import { NonNegative, Period } from '../core/primitives.js';

/**
 * One observation of a producer's (or an economy's) export activity in a period: the `volume` of
 * activity (units sold, or employment), the `unitPrice` received, and optionally a `deflator` (a price
 * index relative to a base of 1: 1.1 means prices 10% above the base) to turn income into real income.
 * `unitPrice` may be omitted only when `volume` is 0 (nothing sold, no price).
 *
 * @example
 * ```ts
 * GrowthObservation.parse({ period: 1989, volume: 9000, unitPrice: 2.18 });
 * //=> { period: 1989, volume: 9000, unitPrice: 2.18 }
 * ```
 */
export const GrowthObservation = z
  .strictObject({
    /** When: a number (year, month index) or a label; a series is read in the order given. */
    period: Period,
    /** The volume of activity in the period (units, or employment). */
    volume: NonNegative,
    /** Price received per unit; required when `volume` is above 0. */
    unitPrice: z.optional(NonNegative),
    /** Price index (base 1) deflating income to real income; give it for every observation or none. */
    deflator: z.optional(
      z
        .number()
        .check(z.positive({ error: (iss) => `expected a deflator > 0, found ${preview(iss.input)}` })),
    ),
  })
  .check(
    z.superRefine((o, ctx) => {
      if (o.volume > 0 && o.unitPrice === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['unitPrice'],
          message: `expected a unit price for a volume of ${o.volume}, found none`,
        });
      }
    }),
  );
/** One observation of export activity and its price. */
export type GrowthObservation = z.output<typeof GrowthObservation>;

/**
 * A series of {@link GrowthObservation}s in chronological order: at least two, with distinct periods;
 * numeric periods must increase; a deflator is given for every observation or for none.
 *
 * @example
 * ```ts
 * GrowthSeries.safeParse([{ period: 1, volume: 10, unitPrice: 2 }, { period: 2, volume: 12, unitPrice: 1.5 }]).success;
 * //=> true
 * ```
 */
export const GrowthSeries = z.array(GrowthObservation).check(
  z.minLength(2, {
    error: (iss) => `expected at least 2 observations, found ${(iss.input as unknown[]).length}`,
  }),
  z.superRefine((series, ctx) => {
    const deflated = series.filter((o) => o.deflator !== undefined).length;
    // Earlier periods by value (a number and the same digits as a string are different periods).
    const seen = new Map<number | string, number>();
    series.forEach((o, i) => {
      if (deflated > 0 && deflated < series.length && o.deflator === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'deflator'],
          message: `expected a deflator on every observation (${deflated} of ${series.length} have one), found none`,
        });
      }
      const earlier = seen.get(o.period);
      if (!seen.has(o.period)) seen.set(o.period, i);
      if (i === 0) return;
      const prev = series[i - 1] as GrowthObservation;
      if (typeof prev.period !== typeof o.period) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'period'],
          message: `expected a ${typeof prev.period} period like the one before, found ${preview(o.period)}`,
        });
      } else if (typeof o.period === 'number' && o.period <= (prev.period as number)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'period'],
          message: `expected a period after ${preview(prev.period)}, found ${preview(o.period)}`,
        });
      } else if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'period'],
          message: `expected a distinct period, found ${preview(o.period)} again`,
        });
      }
    });
  }),
);
/** A chronological series of export activity and prices. */
export type GrowthSeries = z.output<typeof GrowthSeries>;

/**
 * The path of growth between two observations (Kaplinsky 2015; the rows of {@link classifyGrowthPath}):
 * `virtuous`, `extensive`, `immiserising`, `intensive`, `stagnant`, `squeezed`, `contracting`,
 * `declining`, `exclusion`, `entry` or `inactive`.
 */
export type GrowthPath =
  | 'virtuous'
  | 'extensive'
  | 'immiserising'
  | 'intensive'
  | 'stagnant'
  | 'squeezed'
  | 'contracting'
  | 'declining'
  | 'exclusion'
  | 'entry'
  | 'inactive';

/** Whether a quantity rose, held (within the tolerance) or fell. */
export type GrowthDirection = 'up' | 'flat' | 'down';
