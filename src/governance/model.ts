import * as z from 'zod/mini';

/**
 * The five types of value-chain governance of Gereffi, Humphrey & Sturgeon (2005), from the most
 * market-like to the most integrated: `market`, `modular`, `relational`, `captive`, `hierarchy`.
 *
 * Reference: Gereffi, G., Humphrey, J. & Sturgeon, T. (2005) The governance of global value chains,
 * *Review of International Political Economy* 12(1), 78–104.
 *
 * @example
 * ```ts
 * GovernanceType.options;
 * //=> ['market', 'modular', 'relational', 'captive', 'hierarchy']
 * ```
 */
export const GovernanceType = z.enum(['market', 'modular', 'relational', 'captive', 'hierarchy']);
/** One of the five governance types of Gereffi, Humphrey & Sturgeon (2005). */
export type GovernanceType = z.output<typeof GovernanceType>;

/**
 * Who drives a chain (Gereffi 1994): `buyer` (lead firms at the consumer end — retailers, brand
 * owners) or `producer` (lead firms holding the core production technology).
 *
 * @example
 * ```ts
 * ChainDriver.parse('buyer');
 * //=> 'buyer'
 * ```
 */
export const ChainDriver = z.enum(['buyer', 'producer']);
/** Buyer- or producer-driven (Gereffi 1994). */
export type ChainDriver = z.output<typeof ChainDriver>;

/** `high` or `low`: the level of one determinant of governance. */
export const Level = z.enum(['high', 'low']);
/** `high` or `low`. */
export type Level = z.output<typeof Level>;

/**
 * The three determinants of governance in Gereffi, Humphrey & Sturgeon (2005): the complexity of
 * the information and knowledge transferred, the ability to codify it, and the capabilities of
 * the supply base.
 *
 * @example
 * ```ts
 * GovernanceDeterminants.parse({ complexity: 'high', codifiability: 'high', supplierCapability: 'high' });
 * //=> { complexity: 'high', codifiability: 'high', supplierCapability: 'high' }
 * ```
 */
export const GovernanceDeterminants = z.strictObject({
  complexity: Level,
  codifiability: Level,
  supplierCapability: Level,
});
/** The three determinants of governance. */
export type GovernanceDeterminants = z.output<typeof GovernanceDeterminants>;

/**
 * A chain's governance: its type and, optionally, the determinants observed.
 *
 * @example
 * ```ts
 * Governance.parse({ type: 'modular' });
 * //=> { type: 'modular' }
 * ```
 */
export const Governance = z.strictObject({
  type: GovernanceType,
  determinants: z.optional(GovernanceDeterminants),
  note: z.optional(z.string()),
});
/** A chain's governance. */
export type Governance = z.output<typeof Governance>;
