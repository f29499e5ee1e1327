import * as z from 'zod/mini';
import { CountryCode, CurrencyCode, Id, NonNegative, Source } from '../core/primitives.js';

/**
 * The three linkages of Hirschman (1981) through which a resource sector feeds the rest of an economy:
 * - `fiscal`: resource rents taxed (royalties, profit taxes, export taxes, dividends of state equity)
 *   and spent on other sectors;
 * - `consumption`: demand for goods and services arising from the incomes earned in the sector (weak
 *   when imports are liberalised and the goods are bought abroad);
 * - `production`: the sector's own purchases and sales — see {@link ProductionDirection}.
 *
 * References: Hirschman, A. O. (1981) *Essays in Trespassing*, Cambridge University Press; Morris, M.,
 * Kaplinsky, R. & Kaplan, D. (2012) *One Thing Leads to Another*; Kaplinsky, R. (2015) UNU-MERIT
 * Working Paper 2015-027.
 *
 * @example
 * ```ts
 * LinkageType.options;
 * //=> ['fiscal', 'consumption', 'production']
 * ```
 */
export const LinkageType = z.enum(['fiscal', 'consumption', 'production']);
/** A Hirschman (1981) linkage type. */
export type LinkageType = z.output<typeof LinkageType>;

/**
 * The direction of a production linkage:
 * - `backward` (Hirschman 1981): local supply of the sector's inputs (goods and services);
 * - `forward` (Hirschman 1981): local processing of the sector's output before it is exported;
 * - `horizontal` (Morris, Kaplinsky & Kaplan 2012): capabilities built by suppliers to the resource
 *   sector that serve other sectors (mining-equipment makers selling to agriculture or construction).
 *
 * @example
 * ```ts
 * ProductionDirection.options;
 * //=> ['backward', 'forward', 'horizontal']
 * ```
 */
export const ProductionDirection = z.enum(['backward', 'forward', 'horizontal']);
/** The direction of a production linkage. */
export type ProductionDirection = z.output<typeof ProductionDirection>;

/**
 * One end of a linkage: a sector (an open name such as `'mining'` or an ISIC code), an actor (an
 * actor id of a chain) or both, and optionally where it is located. At least one of `sector` and
 * `actor` is required.
 *
 * @example
 * ```ts
 * LinkageParty.parse({ sector: 'mining', country: 'GHA' });
 * //=> { sector: 'mining', country: 'GHA' }
 * ```
 */
export const LinkageParty = z
  .strictObject({
    /** The sector, by name or code. */
    sector: z.optional(z.string().check(z.minLength(1))),
    /** The actor, by id. */
    actor: z.optional(Id),
    /** Where the party is located (ISO 3166-1 alpha-3 or region code). */
    country: z.optional(CountryCode),
  })
  .check(
    z.refine((p) => p.sector !== undefined || p.actor !== undefined, {
      error: 'expected a sector or an actor, found neither',
    }),
  );
/** One end of a linkage. */
export type LinkageParty = z.output<typeof LinkageParty>;

const linkageFields = {
  /** An optional identifier of the record. */
  id: z.optional(Id),
  /**
   * Where the flow starts: the supplier (backward), the resource sector (forward, fiscal, consumption)
   * or the supplier whose capabilities spill over (horizontal).
   */
  from: LinkageParty,
  /**
   * Where the flow goes: the resource sector (backward), the processor (forward), the other sector
   * served (horizontal), the government or the sector funded (fiscal), the sector supplying the goods
   * consumed (consumption).
   */
  to: LinkageParty,
  /** The value of the flow in the period, in `currency`. */
  value: NonNegative,
  /** The economy whose linkages are described (ISO 3166-1 alpha-3). */
  country: CountryCode,
  /**
   * Whether the linked counterpart is part of the domestic economy of `country`: a locally based
   * supplier, a local processor, a domestic government budget, locally produced consumer goods.
   */
  domestic: z.boolean(),
  /** The period of the flow (a year or an index). */
  period: z.optional(z.number()),
  /** The currency of `value` (ISO 4217). */
  currency: z.optional(CurrencyCode),
  /** What flows (an input category, a tax instrument, a product). */
  description: z.optional(z.string().check(z.minLength(1))),
  /** Where the number comes from. */
  source: z.optional(Source),
};

/**
 * A production linkage: a flow of goods or services between a resource sector and its suppliers
 * (`backward`), its processors (`forward`), or between its suppliers and other sectors (`horizontal`)
 * (Hirschman 1981; Morris, Kaplinsky & Kaplan 2012).
 *
 * @example
 * ```ts
 * ProductionLinkage.parse({ type: 'production', direction: 'backward', from: { sector: 'mining equipment' },
 *   to: { sector: 'gold mining' }, value: 120, country: 'GHA', domestic: true }).direction;
 * //=> 'backward'
 * ```
 */
export const ProductionLinkage = z.strictObject({
  type: z.literal('production'),
  direction: ProductionDirection,
  ...linkageFields,
});
/** A production linkage. */
export type ProductionLinkage = z.output<typeof ProductionLinkage>;

/**
 * A fiscal linkage: resource rents taxed and spent elsewhere (Hirschman 1981). `instrument` names the
 * tax (royalty, profit tax, export tax, dividend of state equity).
 *
 * @example
 * ```ts
 * FiscalLinkage.parse({ type: 'fiscal', instrument: 'royalty', from: { sector: 'copper mining' },
 *   to: { sector: 'government' }, value: 80, country: 'ZMB', domestic: true }).instrument;
 * //=> 'royalty'
 * ```
 */
export const FiscalLinkage = z.strictObject({
  type: z.literal('fiscal'),
  instrument: z.optional(z.string().check(z.minLength(1))),
  ...linkageFields,
});
/** A fiscal linkage. */
export type FiscalLinkage = z.output<typeof FiscalLinkage>;

/**
 * A consumption linkage: spending of incomes earned in the resource sector on goods and services; it
 * is domestic when they are produced in the economy (Hirschman 1981).
 *
 * @example
 * ```ts
 * ConsumptionLinkage.parse({ type: 'consumption', from: { sector: 'oil' }, to: { sector: 'food' },
 *   value: 15, country: 'NGA', domestic: false }).domestic;
 * //=> false
 * ```
 */
export const ConsumptionLinkage = z.strictObject({ type: z.literal('consumption'), ...linkageFields });
/** A consumption linkage. */
export type ConsumptionLinkage = z.output<typeof ConsumptionLinkage>;

/**
 * One linkage record, discriminated by `type` (Hirschman 1981; Morris, Kaplinsky & Kaplan 2012): a
 * {@link ProductionLinkage} (which carries a `direction`), a {@link FiscalLinkage} or a
 * {@link ConsumptionLinkage}. Each states its two ends, its value, the economy it belongs to and
 * whether the counterpart is domestic.
 *
 * @example
 * ```ts
 * Linkage.parse({ type: 'production', direction: 'forward', from: { sector: 'cocoa growing' },
 *   to: { actor: 'grinder' }, value: 40, country: 'GHA', domestic: true }).type;
 * //=> 'production'
 * ```
 */
export const Linkage = z.discriminatedUnion('type', [ProductionLinkage, FiscalLinkage, ConsumptionLinkage]);
/** One linkage record. */
export type Linkage = z.output<typeof Linkage>;
