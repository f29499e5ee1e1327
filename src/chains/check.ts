/**
 * Zod-free checks of a value chain (src/chains/model.ts), line for line beside its schemas, so that
 * the chain functions check their argument without bundling zod (issue #19): the same issues, paths
 * and output as the schemas (tests/chains/check-differential.test.ts compares them). The messages of
 * their own that the schemas and these checks share are written once, here.
 *
 * @internal
 * @packageDocumentation
 */

import type * as z from 'zod/mini';
import {
  array,
  boolean,
  type Check,
  checks,
  discriminatedUnion,
  enumOf,
  gt,
  int,
  literal,
  lte,
  minLength,
  number,
  optional,
  strictObject,
  string,
  superRefine,
  unknown,
  withDefault,
} from '../core/check.js';
import {
  CountryCodeCheck,
  CurrencyCodeCheck,
  IdCheck,
  NonNegativeCheck,
  SourceCheck,
} from '../core/primitives-check.js';
import { ChainDriverCheck, GovernanceCheck } from '../governance/check.js';
import { RentCheck } from '../rents/check.js';
import type { DecomposeOptions } from './value-added.js';

/** The message of a foreign-owned actor without its owners' nationality. @internal */
export const missingNationalityMessage =
  "expected the owners' nationality for a foreign-owned actor, found none";
/** The message of a chain without stages. @internal */
export const noStagesMessage = 'expected at least one stage, found none';

/** `StageFunction`. @internal */
export const StageFunctionCheck = checks(string(), minLength(1));

/** `Actor`. @internal */
export const ActorCheck = checks(
  strictObject({
    id: IdCheck,
    name: checks(string(), minLength(1)),
    country: CountryCodeCheck,
    ownership: optional(enumOf(['domestic', 'foreign'])),
    nationality: optional(CountryCodeCheck),
    size: optional(enumOf(['micro', 'small', 'medium', 'large'])),
    formality: optional(enumOf(['formal', 'informal'])),
    leadFirm: optional(boolean()),
  }),
  superRefine((a, ctx) => {
    if (a.ownership === 'foreign' && a.nationality === undefined) {
      ctx.addIssue({ path: ['nationality'], message: missingNationalityMessage });
    }
  }),
);

/** `StageOutput`. @internal */
export const StageOutputCheck = strictObject({
  unit: checks(string(), minLength(1)),
  unitPrice: NonNegativeCheck,
  volume: optional(NonNegativeCheck),
});

/** `StageInput`. @internal */
export const StageInputCheck = strictObject({ stage: IdCheck, quantity: NonNegativeCheck });

/** `Purchase`. @internal */
export const PurchaseCheck = strictObject({
  description: checks(string(), minLength(1)),
  value: NonNegativeCheck,
  country: CountryCodeCheck,
});

/** `Distribution`. @internal */
export const DistributionCheck = strictObject({
  wages: withDefault(NonNegativeCheck, 0),
  taxes: withDefault(number(), 0),
  depreciation: withDefault(NonNegativeCheck, 0),
  interest: withDefault(NonNegativeCheck, 0),
  landRent: withDefault(NonNegativeCheck, 0),
  profit: withDefault(number(), 0),
});

/** `Stage`. @internal */
export const StageCheck = strictObject({
  id: IdCheck,
  name: checks(string(), minLength(1)),
  function: optional(StageFunctionCheck),
  actor: optional(IdCheck),
  country: CountryCodeCheck,
  output: StageOutputCheck,
  inputs: withDefault(array(StageInputCheck), []),
  purchases: withDefault(array(PurchaseCheck), []),
  distribution: optional(DistributionCheck),
});

/**
 * A chain of `family`: the fields of {@link AdditiveValueChainCheck} in the schemas' order (`family`
 * first). A function rather than a spread object, so that a bundle drops the checks it does not use.
 */
const chainCheck = <F extends Check<unknown>>(family: F) =>
  strictObject({
    family,
    id: IdCheck,
    name: checks(string(), minLength(1)),
    product: optional(string()),
    currency: CurrencyCodeCheck,
    year: optional(int()),
    driver: optional(ChainDriverCheck),
    governance: optional(GovernanceCheck),
    actors: withDefault(array(ActorCheck), []),
    stages: checks(
      array(StageCheck),
      minLength(1, () => noStagesMessage),
    ),
    finalStage: IdCheck,
    finalMarket: optional(CountryCodeCheck),
    rents: optional(array(RentCheck)),
    source: optional(SourceCheck),
    notes: optional(string()),
  });

/** `AdditiveValueChain`. @internal */
export const AdditiveValueChainCheck = chainCheck(literal('additive'));

/** `VerticallySpecialisedValueChain`. @internal */
export const VerticallySpecialisedValueChainCheck = chainCheck(literal('vertically-specialised'));

/** `ValueChainShape`: a chain's shapes and values, without its structure. @internal */
export const ValueChainShapeCheck = discriminatedUnion('family', [
  AdditiveValueChainCheck,
  VerticallySpecialisedValueChainCheck,
]);

/** `ValueChainAnyFamily`: the other fields, when `family` is missing or unknown. @internal */
export const ValueChainAnyFamilyCheck = chainCheck(optional(unknown()));

/** `DecomposeOptions` (src/chains/value-added.ts). @internal */
export const DecomposeOptionsCheck = strictObject({
  depth: withDefault(enumOf(['full', 'first-round']), 'full'),
  at: optional(IdCheck),
  tolerance: withDefault(checks(number(), gt(0), lte(0.1)), 1e-9),
}) satisfies { _out?: z.output<typeof DecomposeOptions> };
