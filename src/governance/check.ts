/**
 * Zod-free checks of governance (src/governance/model.ts), line for line beside their schemas: the
 * same issues, paths and output (tests/chains/check-differential.test.ts compares them).
 *
 * @internal
 * @packageDocumentation
 */
import { enumOf, optional, strictObject, string } from '../core/check.js';
import type { Governance, GovernanceType } from './model.js';

/** `GovernanceType`. @internal */
export const GovernanceTypeCheck = enumOf([
  'market',
  'modular',
  'relational',
  'captive',
  'hierarchy',
]) satisfies { _out?: GovernanceType };

/** `ChainDriver`. @internal */
export const ChainDriverCheck = enumOf(['buyer', 'producer']);

/** `Level`. @internal */
export const LevelCheck = enumOf(['high', 'low']);

/** `GovernanceDeterminants`. @internal */
export const GovernanceDeterminantsCheck = strictObject({
  complexity: LevelCheck,
  codifiability: LevelCheck,
  supplierCapability: LevelCheck,
});

/** `Governance`. @internal */
export const GovernanceCheck = strictObject({
  type: GovernanceTypeCheck,
  determinants: optional(GovernanceDeterminantsCheck),
  note: optional(string()),
}) satisfies { _out?: Governance };

// The values of each item of `DriverEvidence` (Gereffi 1994), shared by the schema and its check:
// constants of their own, since a bundler keeps a schema whose arguments read a property.
/** @internal */
export const leadFirmValues = ['manufacturer', 'retailer', 'brand-marketer'] as const;
/** @internal */
export const coreCompetenceValues = ['production-technology', 'design-and-marketing'] as const;
/** @internal */
export const barriersToEntryValues = ['scale', 'scope'] as const;
/** @internal */
export const networkLinksValues = ['investment', 'trade'] as const;

/** `DriverEvidence`. @internal */
export const DriverEvidenceCheck = strictObject({
  leadFirm: optional(enumOf(leadFirmValues)),
  coreCompetence: optional(enumOf(coreCompetenceValues)),
  barriersToEntry: optional(enumOf(barriersToEntryValues)),
  networkLinks: optional(enumOf(networkLinksValues)),
});
