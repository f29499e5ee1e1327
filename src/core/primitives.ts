import * as z from 'zod/mini';
import {
  countryCodeMessage,
  currencyCodeMessage,
  emptyIdMessage,
  nonNegativeMessage,
  spacedIdMessage,
} from './primitives-check.js';

/**
 * An identifier of a stage, actor, cluster or chain: a non-empty string without surrounding spaces.
 *
 * @example
 * ```ts
 * Id.parse('assembly');
 * //=> 'assembly'
 * ```
 */
export const Id = z.string().check(
  z.minLength(1, { error: emptyIdMessage }),
  z.refine((s: string) => s.trim() === s, { error: spacedIdMessage }),
);
/** An identifier of a stage, actor, cluster or chain. */
export type Id = z.output<typeof Id>;

/**
 * A country: an ISO 3166-1 alpha-3 code (`CHN`, `GHA`) or a region code of three to five capital
 * letters or digits (`ROW` for rest of world, `EU27`).
 *
 * @example
 * ```ts
 * CountryCode.parse('GHA');
 * //=> 'GHA'
 * ```
 */
export const CountryCode = z.string().check(z.regex(/^[A-Z][A-Z0-9]{2,4}$/, { error: countryCodeMessage }));
/** A country (ISO 3166-1 alpha-3) or region code. */
export type CountryCode = z.output<typeof CountryCode>;

/**
 * A currency: an ISO 4217 code of three capital letters (`USD`, `GHS`).
 *
 * @example
 * ```ts
 * CurrencyCode.parse('USD');
 * //=> 'USD'
 * ```
 */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/, { error: currencyCodeMessage }));
/** An ISO 4217 currency code. */
export type CurrencyCode = z.output<typeof CurrencyCode>;

/**
 * A finite number greater than or equal to zero (prices, quantities, values, counts).
 *
 * @example
 * ```ts
 * NonNegative.safeParse(-1).success;
 * //=> false
 * ```
 */
export const NonNegative = z
  .number({ error: nonNegativeMessage })
  .check(z.gte(0, { error: nonNegativeMessage }));
/** A finite number greater than or equal to zero. */
export type NonNegative = z.output<typeof NonNegative>;

/**
 * Where a number comes from: a citation and, optionally, the page or table.
 *
 * @example
 * ```ts
 * Source.parse({ citation: 'Xing, Y. & Detert, N. (2010) ADBI Working Paper 257', page: 'Table 1' });
 * //=> { citation: 'Xing, Y. & Detert, N. (2010) ADBI Working Paper 257', page: 'Table 1' }
 * ```
 */
export const Source = z.strictObject({
  citation: z.string().check(z.minLength(1)),
  page: z.optional(z.union([z.string(), z.number()])),
  url: z.optional(z.string()),
});
/** Where a number comes from. */
export type Source = z.output<typeof Source>;

/**
 * A period: a number (a year, a month index) or a non-empty label (an ISO date such as `'2015-03'`,
 * `'start (1989)'`). How the periods of a series are ordered is stated by the model that holds them
 * (an upgrading trajectory sorts them; a growth series is read in the order given).
 *
 * @example
 * ```ts
 * Period.parse(2015);
 * //=> 2015
 * ```
 */
export const Period = z.union([z.number(), z.string().check(z.minLength(1))]);
/** A period: a year, an index or a label. */
export type Period = z.output<typeof Period>;
