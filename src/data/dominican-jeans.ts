import { deepFreeze } from '../core/freeze.js';
import type { Source } from '../core/primitives.js';
import type { GrowthSeries } from '../growth/model.js';

/** The shape of {@link dominicanJeans}: a firm's export series with its context and source. */
export interface ExportSeriesCase {
  /** An identifier. */
  id: string;
  /** What the case is. */
  name: string;
  /** Where the firm exported from (ISO 3166-1 alpha-3). */
  country: string;
  /** Currency of the prices (ISO 4217). */
  currency: string;
  /** The initial investment and its year. */
  investment: { amount: number; year: number };
  /** Unit of `volume` in the series. */
  volumeUnit: string;
  /** Unit of `unitPrice` in the series. */
  priceUnit: string;
  /** The export series, in order, typed by the growth model (see `classifyGrowthPath`). */
  series: GrowthSeries;
  /** Where the numbers come from. */
  source: Source;
  /** What the source says beyond the numbers, and how the periods were labelled. */
  notes: string;
}

/**
 * The paper's counter-example of export growth without rents: a jeans assembler in the Dominican
 * Republic invested $150,000 in 1989 and began exporting 9,000 jeans a week at $2.18 a unit; within 12
 * months its volume and price fell to 5,000 at $2.00 and then to 3,000 at $1.87; after 14 months the
 * buyer cancelled and the firm went bankrupt (neighbours' competitive devaluations had raised its dollar
 * wage costs). The source gives no dates for the two falls, so periods are labels in chronological
 * order; the last observation has no price because nothing was sold.
 *
 * Weekly income by hand: 9,000 × 2.18 = 19,620; 5,000 × 2.00 = 10,000; 3,000 × 1.87 = 5,610; then 0.
 *
 * Source: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027, after Kaplinsky, R. (1993) Export
 * processing zones in the Dominican Republic: transforming manufactures into commodities, *World
 * Development* 21(11), 1851–1865.
 *
 * Deeply frozen, like everything gvckit returns or ships: an attempt to change it throws a
 * `TypeError` in strict mode (and is ignored otherwise), so no importer can alter it for another.
 * Copy it to edit it (`structuredClone(x)`, or the chain-edit functions for a chain).
 *
 * @example
 * ```ts
 * dominicanJeans.series.map((o) => o.volume);
 * //=> [9000, 5000, 3000, 0]
 * ```
 */
export const dominicanJeans: ExportSeriesCase = /* @__PURE__ */ deepFreeze({
  id: 'dominican-jeans',
  name: 'A jeans assembler in the Dominican Republic, from 1989',
  country: 'DOM',
  currency: 'USD',
  investment: { amount: 150_000, year: 1989 },
  volumeUnit: 'jeans per week',
  priceUnit: 'USD per pair',
  series: [
    { period: 'start (1989)', volume: 9_000, unitPrice: 2.18 },
    { period: 'within 12 months: first fall', volume: 5_000, unitPrice: 2.0 },
    { period: 'within 12 months: second fall', volume: 3_000, unitPrice: 1.87 },
    { period: 'after 14 months: buyer cancelled', volume: 0 },
  ],
  source: {
    citation:
      'Kaplinsky, R. (2015) Technological upgrading in global value chains and clusters and their contribution to sustaining economic growth in low and middle income economies, UNU-MERIT Working Paper 2015-027; after Kaplinsky, R. (1993) Export processing zones in the Dominican Republic: transforming manufactures into commodities, World Development 21(11), 1851-1865',
  },
  notes:
    'Volume and price both fell, so the firm itself did not grow: its own path is declining, then exclusion. Immiserising growth (more activity, lower real income) is the economy-wide story the paper draws from it. The $150,000 investment was lost when the firm went bankrupt after the buyer cancelled.',
});
