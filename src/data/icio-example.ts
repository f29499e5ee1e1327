import { deepFreeze } from '../core/freeze.js';
/**
 * A small **made-up, illustrative** inter-country input–output table (not real data): three
 * countries — Ghana (`GHA`), the Netherlands (`NLD`), the United States (`USA`) — and three sectors
 * — agriculture (`AGR`, cocoa growing), manufacturing (`MAN`, grinding and chocolate) and services
 * (`SRV`) — in millions of an arbitrary currency, ordered country-major (GHA_AGR, GHA_MAN, GHA_SRV,
 * NLD_AGR, …). Built for the gvckit demo to echo the cocoa → chocolate chain of Kaplinsky (2015):
 * Ghana sells most of its beans (GHA_AGR) to Dutch grinders (NLD_MAN) and US manufacturers, whose
 * products are consumed at home. Gross output is the row sum, x = Z·1 + Y·1 (90, 59, 85, 81, 165,
 * 261, 244, 783, 1742), and value added is x minus the column sums of Z.
 *
 * Pass it to `createIcio` from `gvckit/io`.
 *
 * Deeply frozen, like everything gvckit returns or ships: an attempt to change it throws a
 * `TypeError` in strict mode (and is ignored otherwise), so no importer can alter it for another.
 * Copy it to edit it (`structuredClone(x)`, or the chain-edit functions for a chain).
 *
 * @example
 * ```ts
 * import { createIcio, valueAddedExports } from 'gvckit/io';
 * valueAddedExports(createIcio(exampleIcio)).map((r) => r.country);
 * //=> ['GHA', 'NLD', 'USA']
 * ```
 */
export const exampleIcio = /* @__PURE__ */ deepFreeze({
  countries: ['GHA', 'NLD', 'USA'],
  sectors: ['AGR', 'MAN', 'SRV'],
  /** Intermediate use, 9×9: row = selling country–sector, column = buying country–sector. */
  Z: [
    [8, 12, 2, 1, 30, 0, 1, 14, 0],
    [2, 6, 4, 0, 3, 1, 0, 2, 1],
    [3, 5, 10, 0, 1, 1, 0, 1, 1],
    [0, 1, 0, 10, 20, 3, 1, 4, 1],
    [1, 2, 1, 2, 40, 15, 1, 12, 6],
    [0, 2, 1, 3, 18, 60, 1, 8, 12],
    [0, 1, 0, 1, 5, 1, 40, 60, 12],
    [0, 3, 1, 1, 10, 4, 20, 150, 80],
    [0, 2, 1, 1, 8, 6, 25, 90, 400],
  ],
  /** Final demand, 9×3: row = producing country–sector, column = consuming country (GHA, NLD, USA). */
  Y: [
    [20, 1, 1],
    [25, 6, 9],
    [60, 1, 2],
    [2, 35, 4],
    [3, 70, 12],
    [1, 150, 5],
    [1, 3, 120],
    [4, 10, 500],
    [1, 8, 1200],
  ],
});
