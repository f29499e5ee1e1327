/**
 * Zod-free checkers of the arguments of `classifyLinkGovernance`: the chain it reads (`LinkChain`),
 * `LinkDeterminants` and `LinkGovernanceOptions` (src/governance/links-model.ts), written line for line beside them, so that the function checks its
 * arguments without bundling zod (issue #19: a classifier bundles to ≤ 20 KB). Each gives exactly
 * the zod schema's result, issues and output (tests/governance/links-check-differential.test.ts).
 * The message and values live here, once, and the zod schemas use them.
 *
 * @internal
 * @packageDocumentation
 */
import {
  array,
  checks,
  enumOf,
  looseObject,
  minLength,
  optional,
  strictObject,
  string,
  withDefault,
} from '../core/check.js';
import { IdCheck } from '../core/primitives-check.js';
import { GovernanceDeterminantsCheck, GovernanceTypeCheck } from './check.js';

/** The message of a chain without stages. @internal */
export const noStages = 'expected at least one stage, found none';

/** The values of `LinkGovernanceOptions.withinActor`. @internal */
export const withinActorValues = ['skip', 'hierarchy'] as const;

/** `LinkChain`. @internal */
export const LinkChainCheck = looseObject({
  stages: checks(
    array(
      looseObject({
        id: IdCheck,
        actor: optional(IdCheck),
        inputs: withDefault(array(looseObject({ stage: IdCheck })), []),
      }),
    ),
    minLength(1, () => noStages),
  ),
  governance: optional(looseObject({ type: GovernanceTypeCheck })),
});

/** `LinkDeterminants`. @internal */
export const LinkDeterminantsCheck = strictObject({
  from: IdCheck,
  to: IdCheck,
  determinants: GovernanceDeterminantsCheck,
  note: optional(string()),
});

/** `z.array(LinkDeterminants)`, the `links` argument. @internal */
export const LinkDeterminantsListCheck = array(LinkDeterminantsCheck);

/** `LinkGovernanceOptions`. @internal */
export const LinkGovernanceOptionsCheck = strictObject({
  withinActor: withDefault(enumOf(withinActorValues), 'skip'),
});
