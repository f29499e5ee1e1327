import type { z } from 'zod';
import type { ChainPosition } from './model.js';
import { classifyParsed, parsePositions, type UpgradingClassification } from './rules.js';

export type { UpgradingClassification } from './rules.js';

/**
 * Classifies a move between two chain positions by the kinds of Humphrey & Schmitz (2000), read on the
 * OEA → OEM → ODM → OBM trajectory of Kaplinsky & Morris (2001). Rules, in order of precedence:
 *
 * 1. a different `chain` → `'chain'` (inter-sectoral upgrading; positions in different chains are not
 *    compared);
 * 2. a lower position → `'downgrading'`;
 * 3. a higher position → by the position reached: OEM → `'process'` (OEA → OEM is process upgrading),
 *    ODM → `'product'`, OBM → `'functional'` (a jump over a position is named by where it lands);
 * 4. the same position with a different set of `functions` on both sides (taking on or dropping
 *    functions) → `'functional'`;
 * 5. the same position with `to.efficiencyGain: true` → `'process'`;
 * 6. otherwise → `'none'`.
 *
 * Functions are compared only when both sides list them.
 *
 * References: Humphrey, J. & Schmitz, H. (2000) IDS Working Paper 120; Kaplinsky, R. & Morris, M.
 * (2001) *A Handbook for Value Chain Research*; Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027.
 *
 * @param from - the position before: `{ chain, position, efficiencyGain?, functions? }`
 * @param to - the position after
 * @returns `'process'`, `'product'`, `'functional'`, `'chain'`, `'downgrading'` or `'none'`
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem, with paths such as `from.position`
 * @example
 * ```ts
 * classifyUpgrading({ chain: 'apparel', position: 'OEA' }, { chain: 'apparel', position: 'OEM' });
 * //=> 'process'
 * classifyUpgrading({ chain: 'tv-tubes', position: 'OBM' }, { chain: 'monitors', position: 'OEM' });
 * //=> 'chain'
 * ```
 */
export function classifyUpgrading(
  from: z.input<typeof ChainPosition>,
  to: z.input<typeof ChainPosition>,
): UpgradingClassification {
  const parsed = parsePositions(from, to);
  return classifyParsed(parsed.from, parsed.to);
}
