import type { AdditiveValueChain, VerticallySpecialisedValueChain } from './model.js';

/** A structural problem of a chain, with its path as an array of keys (as zod reports paths). */
export interface StructureIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Structural checks of a chain beyond its schema: references, duplicate ids, cycles, the final stage,
 * family rules. (Implemented in issue 3; see the brief.)
 *
 * @internal
 */
export function chainStructureIssues(
  _chain: AdditiveValueChain | VerticallySpecialisedValueChain,
): StructureIssue[] {
  return [];
}
