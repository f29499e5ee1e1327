import * as z from 'zod/mini';
import { validate } from '../core/boundary.js';
import type { DynamismClass } from './dynamism-class.js';

/**
 * The evidence of a cluster's dynamism (Kaplinsky 2015, Table 1): whether it shows `growth`
 * (extensive: more of the same) and whether it shows `upgrading` (process, product, functional or
 * chain). Neither means a static cluster.
 *
 * @example
 * ```ts
 * DynamismEvidence.parse({ growth: true, upgrading: false });
 * //=> { growth: true, upgrading: false }
 * ```
 */
export const DynamismEvidence = z.strictObject({ growth: z.boolean(), upgrading: z.boolean() });
/** The evidence of growth and of upgrading. */
export type DynamismEvidence = z.output<typeof DynamismEvidence>;

/**
 * Classifies a cluster's dynamism from the evidence flags of Table 1 of Kaplinsky (2015): growth
 * and upgrading → `growth-and-upgrading`; only one of them → `growth` or `upgrading`; neither →
 * `static`. For quantitative indicators, use {@link assessDynamism}.
 *
 * @param evidence - `{ growth, upgrading }` flags
 * @returns the dynamism class
 * @throws GvcError `INVALID_INPUT` when a flag is missing or not a boolean, or a key is unknown (paths
 * rooted at the argument: `evidence.growth`)
 * @example
 * ```ts
 * classifyDynamism({ growth: true, upgrading: false });
 * //=> 'growth'
 * classifyDynamism({ growth: false, upgrading: false });
 * //=> 'static'
 * ```
 */
export function classifyDynamism(evidence: DynamismEvidence): DynamismClass {
  const parsed = validate(DynamismEvidence, evidence, 'evidence', 'invalid dynamism evidence');
  return dynamismOf(parsed.growth, parsed.upgrading);
}

/**
 * The dynamism class of two validated flags.
 *
 * @internal
 */
export function dynamismOf(growth: boolean, upgrading: boolean): DynamismClass {
  if (growth && upgrading) return 'growth-and-upgrading';
  if (growth) return 'growth';
  if (upgrading) return 'upgrading';
  return 'static';
}
