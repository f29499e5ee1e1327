import * as z from 'zod/mini';
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
 * - `newToChain`: whether it joined the chain in this period (its first period in the chain; precede
 *   the entry with the pre-entry observation so that the entry is a transition to classify);
 * - `incumbent`: whether it was already active in the sector before this observation (e.g. an
 *   import-substituting producer), whether or not an earlier observation records it. An entry of an
 *   incumbent, or of a participant whose earlier observations show a share above `stableTolerance` or
 *   some functions, is thinning-out, not thinning-in: an incumbent pushed into a narrow niche of a
 *   global chain (Kaplinsky 2015; Kaplinsky & Morris 2016). `newToChain: true` with `incumbent: true`
 *   is an incumbent new to this chain.
 *
 * @example
 * ```ts
 * ThinningObservation.parse({ period: 2000, valueAddedShare: 0.05, functions: ['assembly'], newToChain: true }).newToChain;
 * //=> true
 * ```
 */
export const ThinningObservation = z.strictObject({
  /** When. */
  period: Period,
  /** The participant's share of the product's value added, 0 to 1. */
  valueAddedShare: z.number().check(z.gte(0), z.lte(1)),
  /** The functions it performs. */
  functions: z.array(z.string().check(z.minLength(1))),
  /** Its value added per unit of the product. */
  valueAddedPerUnit: z.optional(z.number()),
  /** Whether it joined the chain in this period. */
  newToChain: z.optional(z.boolean()),
  /** Whether it was already active in the sector before this observation (an incumbent), recorded or not. */
  incumbent: z.optional(z.boolean()),
});
/** One observation of a participant in a value chain. */
export type ThinningObservation = z.output<typeof ThinningObservation>;

/**
 * Options of `thinningProfile`, with their defaults:
 * - `stableTolerance` (0.01, one percentage point of the product's value added): a change of share
 *   with absolute value at most this is `stable`;
 * - `entryShareMax` (0.1): an entry (`newToChain`) at a share at most this is `thinning-in`;
 * - `knowledgeIntensity` ({}): ranks for functions outside {@link knowledgeIntensityScale}, or
 *   overriding it, on the same 1–4 scale (any finite number is accepted);
 * - `rebuildingAfter` (`'any-thinning'`): a rise after an earlier thinning-in or thinning-out is
 *   `rebuilding`; with `'thinning-out'`, only a rise after thinning-out is (an entrant never had a
 *   larger share to rebuild, so its rise is `thickening`). Kaplinsky (2015) speaks of incumbents
 *   rebuilding their share "seldom to import-substitution depth", for which `'thinning-out'` is the
 *   stricter reading; the default keeps earlier answers.
 *
 * The numbers (0.01, 0.1) are gvckit's convention: no source gives a number.
 *
 * @example
 * ```ts
 * ThinningOptions.parse({});
 * //=> { stableTolerance: 0.01, entryShareMax: 0.1, knowledgeIntensity: {}, rebuildingAfter: 'any-thinning' }
 * ```
 */
export const ThinningOptions = z.strictObject({
  /** The largest absolute change of share that counts as stable. */
  stableTolerance: z._default(z.number().check(z.gte(0), z.lte(1)), 0.01),
  /** The largest share at which an entry counts as thinning-in. */
  entryShareMax: z._default(z.number().check(z.gte(0), z.lte(1)), 0.1),
  /** Knowledge-intensity ranks of further functions, or overrides of the standard scale. */
  knowledgeIntensity: z._default(z.record(z.string().check(z.minLength(1)), z.number()), {}),
  /** After which thinning a rise counts as rebuilding: `any-thinning` (default) or `thinning-out`. */
  rebuildingAfter: z._default(z.enum(['any-thinning', 'thinning-out']), 'any-thinning'),
});
/** Options of `thinningProfile`. */
export type ThinningOptions = z.input<typeof ThinningOptions>;

/**
 * The rules of {@link thinningProfile} (Kaplinsky 2015; Kaplinsky & Morris 2016), in the order they
 * are tried:
 * - `T1-entrant-low-share`: an entrant (new to the chain, no record of earlier activity) at a share at
 *   most `entryShareMax` — thinning-in;
 * - `T1b-incumbent-entry`: an incumbent new to the chain at such a share — thinning-out;
 * - `T2-stable`: the share changed by at most `stableTolerance`;
 * - `T3-share-fell`: the share fell by more — thinning-out;
 * - `T4-rebuilding`: the share rose after an earlier thinning;
 * - `T5-thickening`: the share rose otherwise.
 *
 * @example
 * ```ts
 * ThinningRuleId.options.length;
 * //=> 6
 * ```
 */
export const ThinningRuleId = z.enum([
  'T1-entrant-low-share',
  'T1b-incumbent-entry',
  'T2-stable',
  'T3-share-fell',
  'T4-rebuilding',
  'T5-thickening',
]);
/** A rule of {@link thinningProfile}. */
export type ThinningRuleId = z.output<typeof ThinningRuleId>;
