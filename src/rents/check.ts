/**
 * A zod-free check of a {@link Rent} (src/rents/model.ts), line for line beside its schema: the same
 * issues, paths and output (tests/chains/check-differential.test.ts compares them).
 *
 * @internal
 * @packageDocumentation
 */
import {
  boolean,
  type Check,
  checks,
  discriminatedUnion,
  enumOf,
  gt,
  literal,
  lte,
  number,
  optional,
  strictObject,
  string,
  withDefault,
} from '../core/check.js';
import { IdCheck } from '../core/primitives-check.js';
import type { Rent } from './model.js';

/** `BarrierLevel`. @internal */
export const BarrierLevelCheck = enumOf(['high', 'medium', 'low']);

/** `EndogenousRentKind`. @internal */
export const EndogenousRentKindCheck = enumOf([
  'technology',
  'human-resource',
  'organisational',
  'marketing',
  'relational',
]);

/** `ExogenousRentKind`. @internal */
export const ExogenousRentKindCheck = enumOf(['policy', 'infrastructure', 'finance']);

/**
 * A rent of `family` (with its `kind` for endogenous and exogenous rents), its fields in the schema's
 * order. A function rather than a spread object, so that a bundle drops the checks it does not use.
 */
const rentCheck = (family: string, kind?: Check<unknown>) =>
  strictObject({
    family: literal(family),
    ...(kind ? { kind } : {}),
    id: optional(IdCheck),
    description: optional(string()),
    barriers: BarrierLevelCheck,
    protected: withDefault(boolean(), false),
    dynamic: withDefault(boolean(), false),
    holder: optional(IdCheck),
    eroding: optional(boolean()),
    amount: optional(number()),
    share: optional(checks(number(), gt(0), lte(1))),
  });

/** `Rent`. @internal */
export const RentCheck = discriminatedUnion('family', [
  rentCheck('resource'),
  rentCheck('endogenous', EndogenousRentKindCheck),
  rentCheck('exogenous', ExogenousRentKindCheck),
  rentCheck('monopoly'),
]) as Check<Rent>;
