import * as z from 'zod/mini';
import { Id } from '../core/primitives.js';

/** Height of the barriers to entry that protect a rent: `high`, `medium` or `low`. */
export const BarrierLevel = z.enum(['high', 'medium', 'low']);
/** Height of barriers to entry. */
export type BarrierLevel = z.output<typeof BarrierLevel>;

/** Kinds of endogenous (Schumpeterian) rent, after Kaplinsky & Morris (2001). */
export const EndogenousRentKind = z.enum([
  'technology',
  'human-resource',
  'organisational',
  'marketing',
  'relational',
]);
/** A kind of endogenous rent. */
export type EndogenousRentKind = z.output<typeof EndogenousRentKind>;

/** Kinds of exogenous rent, external to the chain (Kaplinsky 2015). */
export const ExogenousRentKind = z.enum(['policy', 'infrastructure', 'finance']);
/** A kind of exogenous rent. */
export type ExogenousRentKind = z.output<typeof ExogenousRentKind>;

const rentFields = {
  /** An optional identifier. */
  id: z.optional(Id),
  /** What the rent is, in words. */
  description: z.optional(z.string()),
  /** Height of the barriers to entry that protect it. */
  barriers: BarrierLevel,
  /** Whether the barriers are actively protected (patents, brands, regulation, secrecy). */
  protected: z._default(z.boolean(), false),
  /** Whether the holder keeps creating new rents as old ones erode. */
  dynamic: z._default(z.boolean(), false),
  /** The actor that holds the rent (an actor id of the chain), if known. */
  holder: z.optional(Id),
  /** Whether the barriers are falling (rivals entering, patents expiring). */
  eroding: z.optional(z.boolean()),
  /**
   * The rent's amount per unit of the chain's final product, in the chain's currency, when it was
   * measured elsewhere (company accounts, a published study): `measureRents` adds it as stated.
   */
  amount: z.optional(z.number()),
  /**
   * The share (0–1] of its holder's measured rent that this rent accounts for, when the holder has
   * several: `measureRents` attributes land rent to resource rents and rent above a normal return to
   * the others by it (the shares of one holder's resource rents, and of its other rents, may not sum
   * to more than 1).
   */
  share: z.optional(z.number().check(z.gt(0), z.lte(1))),
};

/**
 * The fields of a rent after its `family` (and `kind`). A function, marked pure, rather than a spread
 * in each schema: a bundler cannot drop a schema whose arguments spread an object (issue #19).
 */
const rentShape = <H extends Record<string, z.core.$ZodType>>(head: H) => ({ ...head, ...rentFields });

/**
 * A rent: income from a scarce attribute that is in demand and protected by barriers to entry
 * (Kaplinsky 2015, after Kaplinsky & Morris 2001). Discriminated by `family`:
 * - `resource`: gifts of nature (better land, richer ore);
 * - `endogenous`: created by chain participants, of a `kind` (technology, human-resource,
 *   organisational, marketing, relational);
 * - `exogenous`: external to the chain (policy, infrastructure, finance);
 * - `monopoly`: power that excludes rivals, kept so that analyses can set it aside as the paper does.
 *
 * @example
 * ```ts
 * Rent.parse({ family: 'endogenous', kind: 'marketing', barriers: 'high', protected: true, holder: 'apple' });
 * //=> { family: 'endogenous', kind: 'marketing', barriers: 'high', protected: true, dynamic: false, holder: 'apple' }
 * ```
 */
export const Rent = z.discriminatedUnion('family', [
  z.strictObject(/* @__PURE__ */ rentShape({ family: z.literal('resource') })),
  z.strictObject(/* @__PURE__ */ rentShape({ family: z.literal('endogenous'), kind: EndogenousRentKind })),
  z.strictObject(/* @__PURE__ */ rentShape({ family: z.literal('exogenous'), kind: ExogenousRentKind })),
  z.strictObject(/* @__PURE__ */ rentShape({ family: z.literal('monopoly') })),
]);
/** A rent, discriminated by family. */
export type Rent = z.output<typeof Rent>;

/** The four families of rent. */
export type RentFamily = Rent['family'];
