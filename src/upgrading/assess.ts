import type * as z from 'zod/mini';
import { deepFreeze } from '../core/freeze.js';
import type { UpgradingAssessment } from './assessment.js';
import type { ChainPosition, UpgradingOptions } from './model.js';
import { assessParsed, parsePositions, parseUpgradingOptions } from './rules.js';

export type {
  UpgradingAssessment,
  UpgradingChainChange,
  UpgradingDirection,
  UpgradingFunctionChange,
  UpgradingMove,
  UpgradingRuleId,
} from './assessment.js';

/**
 * Recognises every kind of upgrading and downgrading in a move between two chain positions, each on
 * its own evidence, so that several kinds can occur in one move (Humphrey & Schmitz 2002, p. 1020:
 * process, product, functional and inter-sectoral upgrading; Kaplinsky & Morris 2001, section 4, the
 * OEA → OEM → ODM → OBM trajectory; Gereffi 1999). The rules, in this order:
 *
 * - **chain** (`C`): a change of `chain` is chain upgrading only when competence carries over:
 *   `competences` on both sides with one in common (`C1`). None in common is a change of sector, not
 *   chain upgrading (`C2`); without competences on both sides the carry-over is undetermined (`C3`)
 *   unless `options.chainEvidence` is `'presumed'` (`C4`: chain upgrading presumed).
 * - **position** (`P`), unless a chain move was recognised: up the trajectory is named by the position
 *   reached (OEM process, ODM product, OBM functional; `P1`), down it by the position left (leaving OBM
 *   is functional downgrading; `P2`). Positions are comparable across chains.
 * - **functions** (`F`), when both sides list them, judged by where they sit on the value scale
 *   (`knowledgeIntensityScale`, extended by `options.valueScale`; unranked functions are ignored and
 *   listed): the highest function rising is upgrading (`F1`), falling is downgrading (`F2`: an OEM
 *   that drops design and keeps assembly); at the same highest rank, taking on functions is upgrading
 *   (`F3`), abandoning only lower-value functions is upgrading (`F4`, "to focus on higher value-added
 *   activities"), giving up a function at the highest rank is downgrading (`F5`), an exchange is
 *   judged by the mean rank (`F6`); sets differing only in unranked functions decide nothing (`F7`).
 * - **product** (`R`): a real unit value higher (lower) by more than `options.tolerance` (`R1`;
 *   unit values as in Kaplinsky & Readman 2005), else a documented `to.productUpgrade`
 *   (`to.productDowngrade`) (`R2`), in any position.
 * - **process** (`E`): a real unit cost lower (higher) by more than `options.tolerance` (`E1`), else a
 *   documented `to.efficiencyGain` (`to.efficiencyLoss`) (`E2`).
 *
 * A functional, product or process move that repeats the kind and direction of the position move is
 * counted once. `primary` is the first move's kind (`'downgrading'` if it is down), `'none'` without a
 * move: the answer of {@link classifyUpgrading}.
 *
 * @param from - the position before: `{ chain, position, functions?, competences?, unitValue?,
 *   unitCost?, efficiencyGain?, efficiencyLoss?, productUpgrade?, productDowngrade? }`
 * @param to - the position after
 * @param options - {@link UpgradingOptions}: `tolerance` (0.01, gvckit's convention), `chainEvidence`
 *   (`'required'`), `valueScale` ({}); `undefined` or `null` for the defaults
 * @returns the moves, the kinds up and down, the chain and function comparisons, the relative changes
 *   of unit value and unit cost, and an explanation, deeply frozen
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both positions at once, with paths
 *   such as `from.unitValue`, `to.competences[0]`, `to.efficiencyLoss` (both flags true), or of the
 *   options (`options.tolerance`)
 * @example
 * ```ts
 * assessUpgrading(
 *   { chain: 'apparel', position: 'OEM', functions: ['assembly', 'design'] },
 *   { chain: 'apparel', position: 'OEM', functions: ['assembly'] },
 * ).moves.map((m) => [m.kind, m.direction, m.rule]);
 * //=> [['functional', 'down', 'F2-top-function-falls']]
 * assessUpgrading(
 *   { chain: 'wine', position: 'OBM', unitValue: 6, unitCost: 5 },
 *   { chain: 'wine', position: 'OBM', unitValue: 4, unitCost: 3 },
 * ).upgrading;
 * //=> ['process']
 * ```
 */
export function assessUpgrading(
  from: z.input<typeof ChainPosition>,
  to: z.input<typeof ChainPosition>,
  options?: UpgradingOptions | null,
): UpgradingAssessment {
  const parsed = parsePositions(from, to);
  const opts = parseUpgradingOptions(options);
  return deepFreeze(assessParsed(parsed.from, parsed.to, opts));
}
