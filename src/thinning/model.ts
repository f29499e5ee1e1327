import { z } from 'zod';
import type { StandardStageFunction } from '../chains/index.js';
import { Period } from '../core/primitives.js';

/**
 * The kinds of change in a participant's share of a product's value added (Kaplinsky 2015):
 * - `thinning-in`: entry into the chain at a low share (cut-make-trim apparel);
 * - `thinning-out`: an incumbent's share falls, typically as it gives up functions it used to perform
 *   (own design and brand) to assemble for a lead buyer;
 * - `thickening`: the share rises, through new linkages or functions;
 * - `rebuilding`: the share rises after an earlier thinning;
 * - `stable`: the share changes by no more than a tolerance.
 *
 * Reference: Kaplinsky, R. (2015) *Technological upgrading in global value chains and clusters…*,
 * UNU-MERIT Working Paper 2015-027.
 *
 * @example
 * ```ts
 * ThinningKind.options;
 * //=> ['thinning-in', 'thinning-out', 'thickening', 'rebuilding', 'stable']
 * ```
 */
export const ThinningKind = z.enum(['thinning-in', 'thinning-out', 'thickening', 'rebuilding', 'stable']);
/** A kind of change in a participant's share of value added. */
export type ThinningKind = z.output<typeof ThinningKind>;

/**
 * The knowledge intensity of the standard stage functions on an ordinal scale of 1 (least) to 4
 * (most knowledge-intensive), following the rising disembodied (knowledge) share of value added
 * along OEA → OEM → ODM → OBM (Kaplinsky & Morris 2001; Kaplinsky 2015):
 * - 1, routine transformation embodied in equipment: `growing/extraction`, `primary-processing`,
 *   `assembly` (the OEA position);
 * - 2, manufacturing and logistics capabilities: `processing`, `component-manufacture` (the OEM
 *   position), `distribution`, `retail`;
 * - 3, disembodied services to the market: `services`, `marketing`;
 * - 4, product and brand knowledge: `design` (the ODM position), `branding` (the OBM position).
 *
 * The scale is ordinal: only comparisons of means are used. Other functions are ranked with the
 * `knowledgeIntensity` option of `thinningProfile`.
 *
 * @example
 * ```ts
 * knowledgeIntensityScale.design > knowledgeIntensityScale.assembly;
 * //=> true
 * ```
 */
export const knowledgeIntensityScale: Readonly<Record<StandardStageFunction, number>> = {
  'growing/extraction': 1,
  'primary-processing': 1,
  assembly: 1,
  processing: 2,
  'component-manufacture': 2,
  distribution: 2,
  retail: 2,
  services: 3,
  marketing: 3,
  design: 4,
  branding: 4,
};

/**
 * One observation of a participant (a firm, a country, a cluster) in a value chain:
 * - `period`: a number (a year) or a chronologically sortable string (`'2015-03'`);
 * - `valueAddedShare`: its share of the product's value added, 0 to 1;
 * - `functions`: the functions (stage functions) it performs, e.g. `['assembly']`;
 * - `valueAddedPerUnit`: optionally, its value added per unit of the product;
 * - `newToChain`: whether it joined the chain in this period (its first period in the chain; an
 *   earlier observation, e.g. a share of 0 or its import-substitution share, makes the entry a
 *   transition that can be classified as thinning-in).
 *
 * @example
 * ```ts
 * ThinningObservation.parse({ period: 2000, valueAddedShare: 0.05, functions: ['assembly'], newToChain: true }).newToChain;
 * //=> true
 * ```
 */
export const ThinningObservation = z
  .object({
    /** When. */
    period: Period,
    /** The participant's share of the product's value added, 0 to 1. */
    valueAddedShare: z.number().min(0).max(1),
    /** The functions it performs. */
    functions: z.array(z.string().min(1)),
    /** Its value added per unit of the product. */
    valueAddedPerUnit: z.number().finite().optional(),
    /** Whether it joined the chain in this period. */
    newToChain: z.boolean().optional(),
  })
  .strict();
/** One observation of a participant in a value chain. */
export type ThinningObservation = z.output<typeof ThinningObservation>;

/**
 * Options of `thinningProfile`, with their defaults:
 * - `stableTolerance` (0.01, one percentage point of the product's value added): a change of share
 *   with absolute value at most this is `stable`;
 * - `entryShareMax` (0.1): an entry (`newToChain`) at a share at most this is `thinning-in`;
 * - `knowledgeIntensity` ({}): ranks for functions outside {@link knowledgeIntensityScale}, or
 *   overriding it, on the same 1–4 scale (any finite number is accepted).
 *
 * @example
 * ```ts
 * ThinningOptions.parse({});
 * //=> { stableTolerance: 0.01, entryShareMax: 0.1, knowledgeIntensity: {} }
 * ```
 */
export const ThinningOptions = z
  .object({
    /** The largest absolute change of share that counts as stable. */
    stableTolerance: z.number().min(0).max(1).default(0.01),
    /** The largest share at which an entry counts as thinning-in. */
    entryShareMax: z.number().min(0).max(1).default(0.1),
    /** Knowledge-intensity ranks of further functions, or overrides of the standard scale. */
    knowledgeIntensity: z.record(z.string().min(1), z.number().finite()).default({}),
  })
  .strict();
/** Options of `thinningProfile`. */
export type ThinningOptions = z.input<typeof ThinningOptions>;
