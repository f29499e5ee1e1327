import * as z from 'zod/mini';
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
 * The tier of a lever: `core` (the ten levers {@link policyAgenda} gives by default) or `extended`
 * (the wider catalogue Kaplinsky 2015 discusses, listed with `{ catalogue: 'full' }`).
 *
 * @example
 * ```ts
 * LeverTier.options;
 * //=> ['core', 'extended']
 * ```
 */
export const LeverTier = z.enum(['core', 'extended']);
/** The tier of a lever. */
export type LeverTier = z.output<typeof LeverTier>;

/**
 * Which firms a lever fits: their ownership, size and formality (the `Actor` fields of a chain), whether
 * the chain needs a lead firm, and conditions in words. An absent dimension means any firm; an actor
 * whose chain records no value for a stated dimension does not match it.
 *
 * @example
 * ```ts
 * LeverFitCriteria.parse({ size: ['micro', 'small'], needsLeadFirm: true }).size;
 * //=> ['micro', 'small']
 * ```
 */
export const LeverFitCriteria = z.strictObject({
  /** Ownership of the firms it serves. */
  ownership: z.optional(z.array(z.enum(['domestic', 'foreign']))),
  /** Size of the firms it serves. */
  size: z.optional(z.array(z.enum(['micro', 'small', 'medium', 'large']))),
  /** Formality of the firms it serves. */
  formality: z.optional(z.array(z.enum(['formal', 'informal']))),
  /** Whether it needs a lead firm in the chain (supplier development, offsets). */
  needsLeadFirm: z.optional(z.boolean()),
  /** Conditions in words, e.g. group certification support for smallholders. */
  conditions: z.optional(z.array(z.string().check(z.minLength(1)))),
});
/** Which firms a lever fits. */
export type LeverFitCriteria = z.output<typeof LeverFitCriteria>;

/**
 * The options of {@link policyAgenda}: `catalogue` is `core` (default: the ten levers of the two
 * families' core agendas) or `full` (with the seven levers of the wider catalogue: marketing
 * institutions, linkage development zones, standards and certification, skills programmes, offsets,
 * supplier development, trade preferences).
 *
 * @example
 * ```ts
 * PolicyAgendaOptions.parse({}).catalogue;
 * //=> 'core'
 * ```
 */
export const PolicyAgendaOptions = z.strictObject({
  /** `core` (default) or `full`. */
  catalogue: z._default(z.enum(['core', 'full']), 'core'),
});
/** The options of {@link policyAgenda} (every field optional). */
export type PolicyAgendaOptions = z.input<typeof PolicyAgendaOptions>;

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
export const PolicyLever = z.strictObject({
  /** A stable identifier, unique across both families. */
  id: z.string().check(z.minLength(1)),
  /** What the lever is. */
  description: z.string().check(z.minLength(1)),
  /** The chain family whose agenda it belongs to. */
  family: PolicyFamily,
  /** Its stance on the trade regime. */
  tradeRegime: TradeRegimeStance,
  /** Cases the source cites. */
  examples: z.optional(z.array(z.string())),
  /** Where it comes from. */
  source: Source,
  /** Every family the lever serves; `family` is the first of these. Absent: `[family]`. */
  families: z.optional(z.array(PolicyFamily).check(z.minLength(1))),
  /** `core` (the ten levers of the default agenda) or `extended` (the paper's wider catalogue). */
  tier: z.optional(LeverTier),
  /** Which firms the lever fits (read by {@link policyFit}); an absent dimension means any. */
  fits: z.optional(LeverFitCriteria),
  /** Levers it conflicts with beyond the trade-regime rule, each with the reason a source gives. */
  conflictsWith: z.optional(
    z.array(
      z.strictObject({
        lever: z.string().check(z.minLength(1)),
        reason: z.string().check(z.minLength(1)),
      }),
    ),
  ),
  /** Levers it complements. */
  complements: z.optional(z.array(z.string().check(z.minLength(1)))),
  /** Remarks, e.g. where an attribute is gvckit's reading of the source. */
  notes: z.optional(z.string()),
});
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
export const Economy = z.strictObject({
  /** `large` (a domestic market and administration able to run several trade regimes) or `small`. */
  size: z.enum(['large', 'small']),
  /** Whether zones run under an open regime walled off from the rest of the economy. */
  insulatedZones: z.optional(z.boolean()),
  /** Whether zone firms may sell into the domestic market. */
  zonesSellDomestically: z.optional(z.boolean()),
});
/** The economy a policy portfolio is pursued in. */
export type Economy = z.output<typeof Economy>;
