import * as z from 'zod/mini';
import { IssueList, preview, validate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { Period } from '../core/primitives.js';

const positive = (what: string) =>
  z.number().check(z.positive({ error: (iss) => `expected ${what} > 0, found ${preview(iss.input)}` }));

/**
 * One period of trade unit values: the unit value of exports and of imports (in one currency), and
 * optionally the export volume (any unit, used for the income terms of trade).
 *
 * @example
 * ```ts
 * TradeUnitValues.parse({ period: 2000, exportUnitValue: 2.18, importUnitValue: 1 });
 * //=> { period: 2000, exportUnitValue: 2.18, importUnitValue: 1 }
 * ```
 */
export const TradeUnitValues = z.strictObject({
  /** When: a year, an index or a label. */
  period: Period,
  /** Export unit value (price index or average value per unit exported). */
  exportUnitValue: positive('an export unit value'),
  /** Import unit value. */
  importUnitValue: positive('an import unit value'),
  /** Export volume (quantity, or a volume index); give it for every period or none. */
  exportVolume: z.optional(z.number().check(z.gte(0))),
});
/** One period of trade unit values. */
export type TradeUnitValues = z.output<typeof TradeUnitValues>;

/** Terms of trade of one period, as indices with the base period = 100. */
export interface TermsOfTradePoint {
  /** The period. */
  period: Period;
  /** Net barter terms of trade: 100 × (Px / Px₀) / (Pm / Pm₀). */
  barter: number;
  /** Income terms of trade: barter × (Qx / Qx₀); present when export volumes are given. */
  income?: number;
}

/**
 * Net barter and income terms of trade from unit values, as indices with the first period = 100.
 * The net barter terms of trade are the ratio of the export to the import unit-value index,
 * `100 × (Px_t / Px_0) / (Pm_t / Pm_0)`; the income terms of trade multiply them by the export volume
 * index, `barter × Qx_t / Qx_0`: the capacity to import bought by exports. Falling barter terms with
 * rising income terms is the signature of exporting more for less (Kaplinsky 2015 on immiserising
 * growth and the terms of trade of manufactures).
 *
 * Reference: Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027; the definitions are standard
 * (UNCTAD, *Handbook of Statistics*, terms of trade indices).
 *
 * @param series - `{ period, exportUnitValue, importUnitValue, exportVolume? }` per period, first = base
 * @returns one point per period with `barter` and, when volumes are given, `income` (deeply frozen)
 * @throws {@link GvcError} `INSUFFICIENT_DATA` for an empty series; `INVALID_INPUT` listing every
 *   problem with its path (`series[2].importUnitValue`: unit values must be > 0; volumes on every
 *   period or none, the base volume > 0); `UNSUPPORTED` when an index overflows or underflows double
 *   precision (`series[3]`: unit values 1e300 times the base's)
 * @example
 * ```ts
 * termsOfTrade([
 *   { period: 1, exportUnitValue: 2, importUnitValue: 1, exportVolume: 100 },
 *   { period: 2, exportUnitValue: 1.5, importUnitValue: 1.25, exportVolume: 150 },
 * ]).map((p) => [p.barter, p.income]);
 * //=> [[100, 100], [60, 90]]
 * ```
 */
export function termsOfTrade(series: ReadonlyArray<z.input<typeof TradeUnitValues>>): TermsOfTradePoint[] {
  if (Array.isArray(series) && series.length === 0) {
    throw new GvcError('INSUFFICIENT_DATA', 'no terms of trade without data', [
      { path: 'series', message: 'expected at least 1 period, found 0' },
    ]);
  }
  const rows = validate(z.array(TradeUnitValues), series, 'series', 'invalid trade unit values');
  const withVolume = rows.filter((r) => r.exportVolume !== undefined).length;
  const issues = new IssueList();
  const base = rows[0] as TradeUnitValues;
  if (withVolume === rows.length && base.exportVolume === 0) {
    issues.add('series[0].exportVolume', 'expected a base export volume > 0, found 0');
  }
  rows.forEach((r, i) => {
    if (withVolume > 0 && r.exportVolume === undefined) {
      issues.add(
        `series[${i}].exportVolume`,
        `expected an export volume on every period (${withVolume} of ${rows.length} have one), found none`,
      );
    }
  });
  issues.throwIfAny('invalid trade unit values');

  const points = rows.map((r, i) => {
    const barter =
      (100 * (r.exportUnitValue / base.exportUnitValue)) / (r.importUnitValue / base.importUnitValue);
    const point: TermsOfTradePoint = { period: r.period, barter };
    if (r.exportVolume !== undefined && base.exportVolume !== undefined) {
      point.income = barter * (r.exportVolume / base.exportVolume);
    }
    if (!Number.isFinite(barter) || (point.income !== undefined && !Number.isFinite(point.income))) {
      throw new GvcError('UNSUPPORTED', 'cannot compute the terms of trade', [
        {
          path: `series[${i}]`,
          message: `expected unit values and volumes whose ratios to the base stay within double precision, found a barter index of ${preview(barter)}${point.income === undefined ? '' : ` and an income index of ${preview(point.income)}`}`,
        },
      ]);
    }
    return point;
  });
  return deepFreeze(points);
}
