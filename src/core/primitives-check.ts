/**
 * Zod-free checks of the primitives (src/core/primitives.ts), line for line beside their schemas,
 * and the messages both use: each message is written once, here, where the schemas import it
 * without importing any check.
 *
 * @internal
 * @packageDocumentation
 */
import {
  checks,
  gte,
  minLength,
  number,
  optional,
  refine,
  regex,
  strictObject,
  string,
  union,
} from './check.js';
import { describeFound } from './issues.js';

/** The message of an empty {@link IdCheck} (and `Id`). @internal */
export const emptyIdMessage = 'expected a non-empty id, found ""';
/** The message of an id with surrounding spaces. @internal */
export const spacedIdMessage = (iss: { input?: unknown; received?: unknown }): string =>
  `expected an id without leading or trailing spaces, found ${describeFound(iss)}`;
/** The message of a malformed country code. @internal */
export const countryCodeMessage = (iss: { input?: unknown; received?: unknown }): string =>
  `expected an ISO 3166-1 alpha-3 or region code such as "CHN" or "ROW", found ${describeFound(iss)}`;
/** The message of a malformed currency code. @internal */
export const currencyCodeMessage = (iss: { input?: unknown; received?: unknown }): string =>
  `expected an ISO 4217 currency code such as "USD", found ${describeFound(iss)}`;
/** The message of a number that is not finite and ≥ 0. @internal */
export const nonNegativeMessage = (iss: { input?: unknown; received?: unknown }): string =>
  `expected a finite number >= 0, found ${describeFound(iss)}`;

/** `Id`. @internal */
export const IdCheck = checks(
  string(),
  minLength(1, () => emptyIdMessage),
  refine((s: string) => s.trim() === s, spacedIdMessage),
);

/** `CountryCode`. @internal */
export const CountryCodeCheck = checks(string(), regex(/^[A-Z][A-Z0-9]{2,4}$/, countryCodeMessage));

/** `CurrencyCode`. @internal */
export const CurrencyCodeCheck = checks(string(), regex(/^[A-Z]{3}$/, currencyCodeMessage));

/** `NonNegative`. @internal */
export const NonNegativeCheck = checks(number(nonNegativeMessage), gte(0, nonNegativeMessage));

/** `Source`. @internal */
export const SourceCheck = strictObject({
  citation: checks(string(), minLength(1)),
  page: optional(union([string(), number()])),
  url: optional(string()),
});

/** `Period`. @internal */
export const PeriodCheck = union([number(), checks(string(), minLength(1))]);
