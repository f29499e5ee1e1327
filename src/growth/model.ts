import * as z from 'zod/mini';
import { NonNegative, Period } from '../core/primitives.js';
import { deflatorMessage, seriesOrder, tooFewObservations, unitPriceRequired } from './check.js';

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
    deflator: z.optional(z.number().check(z.positive({ error: deflatorMessage }))),
  })
  .check(z.superRefine(unitPriceRequired));
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
export const GrowthSeries = z
  .array(GrowthObservation)
  .check(z.minLength(2, { error: tooFewObservations }), z.superRefine(seriesOrder));
/** A chronological series of export activity and prices. */
export type GrowthSeries = z.output<typeof GrowthSeries>;

/**
 * Options of {@link classifyGrowthPath}.
 *
 * @example
 * ```ts
 * GrowthPathOptions.parse({});
 * //=> { tolerance: 1e-9 }
 * ```
 */
export const GrowthPathOptions = z.strictObject({
  /**
   * Relative change within which activity or income counts as `flat`: a rise needs
   * `after > before × (1 + tolerance)`, a fall `after < before × (1 − tolerance)`. Default `1e-9`
   * (only rounding noise is flat).
   */
  tolerance: z._default(z.number().check(z.gte(0), z.lte(1)), 1e-9),
});
/** Options of {@link classifyGrowthPath}, as a caller passes them: every field may be left out. */
export type GrowthPathOptions = z.input<typeof GrowthPathOptions>;

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
