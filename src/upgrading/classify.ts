import type * as z from 'zod/mini';
import { assessUpgrading } from './assess.js';
import type { ChainPosition, UpgradingOptions } from './model.js';
import type { UpgradingClassification } from './rules.js';

export type { UpgradingClassification } from './rules.js';

/**
 * Classifies a move between two chain positions by the kinds of Humphrey & Schmitz (2000, 2002), read
 * on the OEA → OEM → ODM → OBM trajectory of Kaplinsky & Morris (2001): the `primary` answer of
 * {@link assessUpgrading}, which lists every movement of the move with its rule and evidence. The
 * first movement recognised, in order of precedence, gives the answer (its kind, or `'downgrading'`):
 *
 * 1. a different `chain` → `'chain'` when competence carries over (`competences` on both sides with
 *    one in common; with `options.chainEvidence: 'presumed'`, also when a side states none), and then
 *    positions are not compared;
 * 2. a lower position → `'downgrading'`; a higher position → by the position reached: OEM →
 *    `'process'` (OEA → OEM is process upgrading), ODM → `'product'`, OBM → `'functional'` (a jump
 *    over a position is named by where it lands);
 * 3. `functions` on both sides, judged on the value scale: a higher top function, taking on functions,
 *    or abandoning only low-value ones → `'functional'`; a lower top function or giving up one at the
 *    top → `'downgrading'`; functions with no rank are ignored;
 * 4. a real `unitValue` higher (lower) by more than `options.tolerance`, else `to.productUpgrade`
 *    (`to.productDowngrade`) → `'product'` (`'downgrading'`);
 * 5. a real `unitCost` lower (higher) by more than `options.tolerance`, else `to.efficiencyGain`
 *    (`to.efficiencyLoss`) → `'process'` (`'downgrading'`);
 * 6. otherwise → `'none'`.
 *
 * References: Humphrey, J. & Schmitz, H. (2000) IDS Working Paper 120; Kaplinsky, R. & Morris, M.
 * (2001) *A Handbook for Value Chain Research*; Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027;
 * Humphrey, J. & Schmitz, H. (2002) *Regional Studies* 36(9), 1017–1027.
 *
 * @param from - the position before: `{ chain, position, efficiencyGain?, functions?, … }` (see
 *   {@link ChainPosition})
 * @param to - the position after
 * @param options - {@link UpgradingOptions}; `undefined` or `null` for the defaults
 * @returns `'process'`, `'product'`, `'functional'`, `'chain'`, `'downgrading'` or `'none'`
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem, with paths such as `from.position` or `options.tolerance`
 * @example
 * ```ts
 * classifyUpgrading({ chain: 'apparel', position: 'OEA' }, { chain: 'apparel', position: 'OEM' });
 * //=> 'process'
 * classifyUpgrading(
 *   { chain: 'tv-tubes', position: 'OBM', competences: ['cathode-ray tubes'] },
 *   { chain: 'monitors', position: 'OEM', competences: ['cathode-ray tubes', 'PC interfaces'] },
 * );
 * //=> 'chain'
 * classifyUpgrading({ chain: 'tv-tubes', position: 'OBM' }, { chain: 'monitors', position: 'OEM' });
 * //=> 'downgrading'
 * ```
 */
export function classifyUpgrading(
  from: z.input<typeof ChainPosition>,
  to: z.input<typeof ChainPosition>,
  options?: UpgradingOptions | null,
): UpgradingClassification {
  return assessUpgrading(from, to, options).primary;
}
