import * as z from 'zod/mini';
import { checkArgument } from '../core/check.js';
import { Id, Period } from '../core/primitives.js';
import {
  chainEvidenceValues,
  contradictoryFlags,
  movementKinds,
  PositionCheck,
  positions,
  upgradingKinds,
} from './check.js';

/**
 * The four kinds of upgrading of Humphrey & Schmitz (2000): `process` (doing the same more
 * efficiently), `product` (better or differentiated products), `functional` (a new position in the
 * chain: new functions taken on, or low-value ones dropped) and `chain` (moving into a new chain with
 * the capabilities gained).
 *
 * Reference: Humphrey, J. & Schmitz, H. (2000) Governance and upgrading: linking industrial cluster and
 * global value chain research, IDS Working Paper 120.
 *
 * @example
 * ```ts
 * UpgradingKind.options;
 * //=> ['process', 'product', 'functional', 'chain']
 * ```
 */
export const UpgradingKind = z.enum(upgradingKinds);
/** One of the four kinds of upgrading (Humphrey & Schmitz 2000). */
export type UpgradingKind = z.output<typeof UpgradingKind>;

/**
 * The kind of a movement in a chain: one of the four {@link UpgradingKind}s, or `downgrading`
 * (moving back down the trajectory), which also happens (Kaplinsky 2015).
 *
 * @example
 * ```ts
 * MovementKind.parse('downgrading');
 * //=> 'downgrading'
 * ```
 */
export const MovementKind = z.enum(movementKinds);
/** An upgrading kind, or downgrading. */
export type MovementKind = z.output<typeof MovementKind>;

/**
 * A firm's position on the upgrading trajectory of vertically specialised chains (Kaplinsky & Morris
 * 2001), from the least to the most knowledge-intensive: `OEA` (original equipment assembly), `OEM`
 * (original equipment manufacture), `ODM` (original design manufacture), `OBM` (original brand
 * manufacture).
 *
 * @example
 * ```ts
 * Position.options;
 * //=> ['OEA', 'OEM', 'ODM', 'OBM']
 * ```
 */
export const Position = z.enum(positions);
/** A position on the OEA → OEM → ODM → OBM trajectory. */
export type Position = z.output<typeof Position>;

/**
 * Where a firm stands: a chain (any name, e.g. `'apparel'`), its position in it and, optionally,
 * the evidence `assessUpgrading` and `classifyUpgrading` read (Humphrey & Schmitz 2002, p. 1020):
 * - process: a documented `efficiencyGain` or `efficiencyLoss`, or the real `unitCost`;
 * - product: the real `unitValue` (Kaplinsky & Readman 2005 read relative unit values), or a
 *   documented `productUpgrade` or `productDowngrade`;
 * - functional: the `functions` performed there (e.g. `['assembly', 'design']`), ranked on the value
 *   scale of `knowledgeIntensityScale`;
 * - chain: the `competences` the activity uses or builds (inter-sectoral upgrading carries them over).
 *
 * `efficiencyGain` and `efficiencyLoss` may not both be true, nor `productUpgrade` and `productDowngrade`.
 *
 * @example
 * ```ts
 * ChainPosition.parse({ chain: 'apparel', position: 'OEM' });
 * //=> { chain: 'apparel', position: 'OEM' }
 * ```
 */
export const ChainPosition = z
  .strictObject({
    /** The chain (sector or product) the firm is in. */
    chain: Id,
    /** Its position on the OEA → OEM → ODM → OBM trajectory. */
    position: Position,
    /** Whether a gain in efficiency in this position is documented (process upgrading). */
    efficiencyGain: z.optional(z.boolean()),
    /** The functions performed in this position. */
    functions: z.optional(z.array(z.string().check(z.minLength(1)))),
    /** Whether a loss of efficiency in this position is documented (process downgrading). */
    efficiencyLoss: z.optional(z.boolean()),
    /** Real unit cost of the product in this position (same currency and base year on both sides). */
    unitCost: z.optional(z.number().check(z.positive())),
    /** Real unit value (price) of the product, or its value relative to competitors' (unit values). */
    unitValue: z.optional(z.number().check(z.positive())),
    /** Whether a move to a better or differentiated product is documented (product upgrading). */
    productUpgrade: z.optional(z.boolean()),
    /** Whether a move to a less sophisticated product is documented (product downgrading). */
    productDowngrade: z.optional(z.boolean()),
    /** The competences the firm's activity in this position uses or builds (evidence of chain upgrading). */
    competences: z.optional(z.array(z.string().check(z.minLength(1)))),
  })
  .check(z.superRefine(contradictoryFlags));
/** A firm's chain and position in it. */
export type ChainPosition = z.output<typeof ChainPosition>;

/**
 * The period of an upgrading event: a {@link Period}, a number (a year, a month index) or a string
 * that sorts chronologically in code-unit order (an ISO date such as `'2015-03'`). One trajectory
 * uses one or the other, not both.
 *
 * @deprecated Use {@link Period} (the same schema, shared by every model with periods); removed in 0.3.0.
 * @example
 * ```ts
 * EventPeriod.parse(2015);
 * //=> 2015
 * ```
 */
export const EventPeriod = Period;
/**
 * A year, an index or an ISO date string.
 *
 * @deprecated Use {@link Period}; removed in 0.3.0.
 */
export type EventPeriod = Period;

/**
 * One upgrading (or downgrading) event: a subject (a firm or other actor id) moved `from` one chain
 * position `to` another in a `period`, by a `kind` of movement (Humphrey & Schmitz 2000; Kaplinsky &
 * Morris 2001).
 *
 * @example
 * ```ts
 * UpgradingEvent.parse({ subject: 'f1', period: 2001, kind: 'process',
 *   from: { chain: 'apparel', position: 'OEA' }, to: { chain: 'apparel', position: 'OEM' } }).kind;
 * //=> 'process'
 * ```
 */
export const UpgradingEvent = z.strictObject({
  /** Who moved: a firm or actor id. */
  subject: Id,
  /** The position before. */
  from: ChainPosition,
  /** The position after. */
  to: ChainPosition,
  /** The kind of movement. */
  kind: MovementKind,
  /** When: a number, or a string that sorts chronologically in code-unit order (an ISO date). */
  period: Period,
});
/** One upgrading or downgrading event. */
export type UpgradingEvent = z.output<typeof UpgradingEvent>;

/**
 * An ordinal index of the disembodied (knowledge) share of value added at each position: OEA 0, OEM 1,
 * ODM 2, OBM 3. Kaplinsky & Morris (2001) show the share of disembodied activities (design, branding,
 * marketing) rising along OEA → OEM → ODM → OBM; the index orders positions by it and is **ordinal
 * only**: it is not a share, and differences between indices are not magnitudes.
 *
 * @param position - a position
 * @returns 0 (OEA) to 3 (OBM)
 * @throws {@link GvcError} `INVALID_INPUT` when `position` is not one of the four (path `position`:
 *   `expected one of "OEA", "OEM", "ODM", "OBM", found "OXM"`)
 * @example
 * ```ts
 * disembodiedIndex('ODM');
 * //=> 2
 * ```
 */
export function disembodiedIndex(position: Position): 0 | 1 | 2 | 3 {
  return positions.indexOf(checkArgument(PositionCheck, position, 'position', 'invalid position')) as
    | 0
    | 1
    | 2
    | 3;
}

/**
 * Options of `assessUpgrading`, `classifyUpgrading` and `upgradingTrajectory`, with their defaults:
 * - `tolerance` (0.01): the relative change of real unit cost or unit value that counts (the change
 *   must be strictly above it). No source gives a threshold: this is gvckit's convention, the same
 *   one percent as `thinningProfile`'s `stableTolerance`.
 * - `chainEvidence` (`'required'`): what a change of chain needs to count as chain upgrading.
 *   `'required'`: competence carried over must be shown (`competences` on both sides with one in
 *   common), since Humphrey & Schmitz (2002, p. 1020) define inter-sectoral upgrading as applying the
 *   competence acquired in one function to a new sector. `'presumed'`: a change of chain without
 *   competence data on both sides is presumed to carry it over (the answer of gvckit 0.1).
 * - `valueScale` ({}): ranks of functions outside `knowledgeIntensityScale`, or overrides of it, on
 *   the same ordinal 1–4 value scale (any finite number).
 *
 * @example
 * ```ts
 * UpgradingOptions.parse({});
 * //=> { tolerance: 0.01, chainEvidence: 'required', valueScale: {} }
 * ```
 */
export const UpgradingOptions = z.strictObject({
  /** The relative change of unit cost or unit value that counts (strictly above it); gvckit's convention. */
  tolerance: z._default(z.number().check(z.gte(0), z.lte(1)), 0.01),
  /** Whether chain upgrading needs competence carried over to be shown (`required`) or presumes it. */
  chainEvidence: z._default(z.enum(chainEvidenceValues), 'required'),
  /** Ranks of further functions on the value scale, or overrides of `knowledgeIntensityScale`. */
  valueScale: z._default(z.record(z.string().check(z.minLength(1)), z.number()), {}),
});
/** Options of `assessUpgrading`: what a caller may pass (every field optional). */
export type UpgradingOptions = z.input<typeof UpgradingOptions>;
