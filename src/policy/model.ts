import { z } from 'zod';
import { Source } from '../core/primitives.js';

/**
 * The stance a policy lever takes on the trade regime: `open` (it needs free movement of imports and
 * exports), `restrictive` (it limits trade to deepen domestic value added) or `neutral`.
 *
 * @example
 * ```ts
 * TradeRegimeStance.options;
 * //=> ['open', 'restrictive', 'neutral']
 * ```
 */
export const TradeRegimeStance = z.enum(['open', 'restrictive', 'neutral']);
/** A lever's stance on the trade regime. */
export type TradeRegimeStance = z.output<typeof TradeRegimeStance>;

/**
 * The chain family a policy agenda serves (Kaplinsky 2015): `vertically-specialised` chains (thinning:
 * firms join at a low share and upgrade) and `additive` chains (thickening: deepening linkages).
 *
 * @example
 * ```ts
 * PolicyFamily.parse('additive');
 * //=> 'additive'
 * ```
 */
export const PolicyFamily = z.enum(['additive', 'vertically-specialised']);
/** The chain family a policy agenda serves. */
export type PolicyFamily = z.output<typeof PolicyFamily>;

/**
 * One policy lever: its id, what it is, the chain family it serves, its stance on the trade regime,
 * examples the paper gives, and its source.
 *
 * @example
 * ```ts
 * PolicyLever.parse({ id: 'x', description: 'X', family: 'additive', tradeRegime: 'neutral',
 *   source: { citation: 'Kaplinsky (2015)' } }).tradeRegime;
 * //=> 'neutral'
 * ```
 */
export const PolicyLever = z
  .object({
    /** A stable identifier, unique across both families. */
    id: z.string().min(1),
    /** What the lever is. */
    description: z.string().min(1),
    /** The chain family whose agenda it belongs to. */
    family: PolicyFamily,
    /** Its stance on the trade regime. */
    tradeRegime: TradeRegimeStance,
    /** Cases the source cites. */
    examples: z.array(z.string()).optional(),
    /** Where it comes from. */
    source: Source,
  })
  .strict();
/** One policy lever. */
export type PolicyLever = z.output<typeof PolicyLever>;

/**
 * The economy a policy portfolio is pursued in: its `size` and whether its open-regime zones
 * (export processing or special economic zones) are insulated from the restrictive domestic regime,
 * and whether they may sell into the domestic market.
 *
 * @example
 * ```ts
 * Economy.parse({ size: 'large', insulatedZones: true });
 * //=> { size: 'large', insulatedZones: true }
 * ```
 */
export const Economy = z
  .object({
    /** `large` (a domestic market and administration able to run several trade regimes) or `small`. */
    size: z.enum(['large', 'small']),
    /** Whether zones run under an open regime walled off from the rest of the economy. */
    insulatedZones: z.boolean().optional(),
    /** Whether zone firms may sell into the domestic market. */
    zonesSellDomestically: z.boolean().optional(),
  })
  .strict();
/** The economy a policy portfolio is pursued in. */
export type Economy = z.output<typeof Economy>;
