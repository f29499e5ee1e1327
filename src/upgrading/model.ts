import { z } from 'zod';
import { validate } from '../core/boundary.js';
import { Id } from '../core/primitives.js';

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
export const UpgradingKind = z.enum(['process', 'product', 'functional', 'chain']);
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
export const MovementKind = z.enum([...UpgradingKind.options, 'downgrading']);
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
export const Position = z.enum(['OEA', 'OEM', 'ODM', 'OBM']);
/** A position on the OEA → OEM → ODM → OBM trajectory. */
export type Position = z.output<typeof Position>;

/**
 * Where a firm stands: a chain (any name, e.g. `'apparel'`), its position in it and, optionally,
 * evidence used by `classifyUpgrading`: a documented efficiency gain in that position, and the
 * functions the firm performs there (e.g. `['assembly', 'design']`).
 *
 * @example
 * ```ts
 * ChainPosition.parse({ chain: 'apparel', position: 'OEM' });
 * //=> { chain: 'apparel', position: 'OEM' }
 * ```
 */
export const ChainPosition = z
  .object({
    /** The chain (sector or product) the firm is in. */
    chain: Id,
    /** Its position on the OEA → OEM → ODM → OBM trajectory. */
    position: Position,
    /** Whether a gain in efficiency in this position is documented (process upgrading). */
    efficiencyGain: z.boolean().optional(),
    /** The functions performed in this position. */
    functions: z.array(z.string().min(1)).optional(),
  })
  .strict();
/** A firm's chain and position in it. */
export type ChainPosition = z.output<typeof ChainPosition>;

/**
 * A period: a number (a year, a month index) or a string that sorts chronologically in code-unit
 * order (an ISO date such as `'2015-03'`). One trajectory uses one or the other, not both.
 *
 * @example
 * ```ts
 * EventPeriod.parse(2015);
 * //=> 2015
 * ```
 */
export const EventPeriod = z.union([z.number().finite(), z.string().min(1)]);
/** A year, an index or an ISO date string. */
export type EventPeriod = z.output<typeof EventPeriod>;

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
export const UpgradingEvent = z
  .object({
    /** Who moved: a firm or actor id. */
    subject: Id,
    /** The position before. */
    from: ChainPosition,
    /** The position after. */
    to: ChainPosition,
    /** The kind of movement. */
    kind: MovementKind,
    /** When. */
    period: EventPeriod,
  })
  .strict();
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
  const parsed = validate(Position, position, 'position', 'invalid position');
  return Position.options.indexOf(parsed) as 0 | 1 | 2 | 3;
}
