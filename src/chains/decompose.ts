import { z } from 'zod';
import { Id } from '../core/primitives.js';
import { decomposeAttribution, prepareDecomposition } from './attribution.js';
import { finalResult } from './cache.js';
import { parseOptionsAtBoundary } from './graph.js';
import type { ValueChain } from './model.js';

/** A value chain as a user writes it: the input of the {@link ValueChain} schema (defaults not yet applied). */
export type ValueChainInput = z.input<typeof ValueChain>;

/**
 * How deep a decomposition goes: `full` attributes every stage's own value added to its country,
 * however deep in the chain; `first-round` disaggregates one round only, at one stage (Xing & Detert
 * 2010).
 */
export const DecompositionDepth = z.enum(['full', 'first-round']);
/** How deep a decomposition goes. */
export type DecompositionDepth = z.output<typeof DecompositionDepth>;

/**
 * Options of {@link decomposeValueAdded}.
 *
 * @example
 * ```ts
 * DecomposeOptions.parse({ depth: 'first-round', at: 'assembly' });
 * //=> { depth: 'first-round', at: 'assembly', tolerance: 1e-9 }
 * ```
 */
export const DecomposeOptions = z
  .object({
    /** `full` (default) or `first-round`. */
    depth: DecompositionDepth.default('full'),
    /** First round only: the stage disaggregated (default: the chain's final stage). */
    at: Id.optional(),
    /** Relative tolerance of the accounting identities, as a fraction of the final value (default 1e-9). */
    tolerance: z.number().positive().max(0.1).default(1e-9),
  })
  .strict();
/** Options of {@link decomposeValueAdded}, after defaults. */
export type DecomposeOptions = z.output<typeof DecomposeOptions>;

/**
 * What a line of {@link ValueAddedDecomposition.byStage} holds: a stage's own value added (`stage`),
 * outside purchases (`purchases`), or a chain input counted in whole in a first-round decomposition
 * (`chain-input`).
 */
export type ValueAddedOrigin = 'stage' | 'purchases' | 'chain-input';

/** One group of a decomposition: its key, its value added per unit of the final product, and its share of the final value. */
export interface ValueAddedGroup {
  /** The group: a stage, actor, country, function or income type (see {@link decomposeValueAdded} for the keys). */
  key: string;
  /** Value per unit of the final product, in the chain's currency (negative when sold below cost). */
  valueAdded: number;
  /** `valueAdded / finalValue`. */
  share: number;
}

/** One line of {@link ValueAddedDecomposition.byStage}. */
export interface StageValueAddedLine extends ValueAddedGroup {
  /**
   * The stage the line belongs to: the stage whose own value added it is (`origin: 'stage'`), the
   * stage that bought the purchases (`'purchases'`), or the stage that sold a chain input to the
   * first-round stage (`'chain-input'`).
   */
  stage: string;
  /** What the value is: a stage's own value added, outside purchases, or a chain input counted in whole. */
  origin: ValueAddedOrigin;
  /** The country the value counts for. */
  country: string;
  /** Units of the stage's output per unit of the final product (own and chain-input lines; 0 for purchases). */
  units: number;
}

/** A stage that sells below the cost of its inputs: its value added per unit of its own output is negative. */
export interface BelowCostStage {
  /** Stage id. */
  stage: string;
  /** Value added per unit of the stage's own output (negative). */
  valueAddedPerUnit: number;
}

/** The result of {@link decomposeValueAdded}; every amount is per unit of the final product. */
export interface ValueAddedDecomposition {
  /** Unit price of the final stage's output: the value decomposed. */
  finalValue: number;
  /** The chain's currency. */
  currency: string;
  /** The depth of the decomposition. */
  depth: DecompositionDepth;
  /** First round only: the stage disaggregated. */
  at?: string;
  /** One line per contributing stage, per purchasing stage and purchase country, and (first round) per chain input of `at`. */
  byStage: StageValueAddedLine[];
  /** By actor (see {@link decomposeValueAdded} for the keys of stages without an actor and of purchases). */
  byActor: ValueAddedGroup[];
  /** By country. */
  byCountry: ValueAddedGroup[];
  /** By stage function (`unspecified` where a stage states none, `purchases` for outside purchases). */
  byFunction: ValueAddedGroup[];
  /** By income type, where at least one contributing stage states a distribution. */
  byIncome?: ValueAddedGroup[];
  /** Stages with negative value added per unit (legitimate: reported, not rejected). */
  belowCost: BelowCostStage[];
}

/**
 * Decomposes the value of one unit of a chain's final product into the value added of its stages,
 * grouped by stage, actor, country, function and (where distributions are given) income type.
 *
 * **Method.** Unit requirements: `r[final] = 1`; for every stage `s` in reverse topological order,
 * `r[u] += r[s] · q(s, u)` for each chain input `(u, q)` of `s`, so conversion ratios and processing
 * losses (1.25 kg of beans per kg of liquor) scale value added correctly. Value added per unit of a
 * stage's own output: `va_s = p_s − Σ q(s, u) · p_u − Σ purchases_s`. Full decomposition:
 * `finalValue = p_final = Σ_s r_s · va_s + Σ_s r_s · Σ purchases_s`, purchases counting as value of
 * their country (Kaplinsky & Morris 2001, ch. 7, on measuring value added along a chain). The
 * identity is checked and a gap beyond `tolerance · finalValue` raises `ACCOUNTING_MISMATCH`.
 *
 * **First round** (`depth: 'first-round'`, `at` defaulting to the final stage) is what Xing & Detert
 * (2010) did at the Chinese assembler of the iPhone: `at` and the stages downstream of it keep their
 * own value added; each chain input bought by `at` counts in whole (`r_at · q · p_u`) as value of the
 * selling stage's country, and `at`'s purchases as value of their countries. Technically `at` stops
 * passing unit requirements upstream, so stages that feed only `at` drop out, while a stage that also
 * supplies stages outside `at`'s sub-chain keeps the value added of that other use.
 *
 * **Keys.** `byStage`: a stage's own value added under its id; its purchases under
 * `purchases:<stageId>:<country>`; in the first round, each chain input bought by `at` under the
 * selling stage's id (or `<sellerId>→<atId>` when the seller also has an own line). Stages with zero
 * unit requirement (contributing nothing at this depth) have no line. `byActor`: the actor id, or
 * `stage:<stageId>` for a stage without an actor, and `purchases:<country>` for purchases. `byFunction`:
 * the stage's function, `unspecified` or `purchases`. `byIncome` (present when some contributing stage
 * has a distribution): the income types, plus `undistributed` (stages without a distribution),
 * `purchases` and, in the first round, `chain-inputs`. A distribution that does not sum to its stage's
 * value added raises `ACCOUNTING_MISMATCH` naming the stage and the gap. Groups are sorted by value
 * added (descending), then key; `byStage` follows the order of `chain.stages`.
 *
 * Negative value added (a stage selling below cost) is legitimate: it is kept and listed in `belowCost`.
 * A stage priced at 0 is legitimate too (its consumers' inputs from it cost nothing). A final unit
 * price of 0 is not decomposable into shares (a share of nothing is undefined): it raises
 * `UNSUPPORTED` at the final stage's `unitPrice` rather than answer NaN or ±Infinity; every chain
 * function that reports shares does the same. The result is deep-frozen.
 * Linear in the number of stages and chain inputs. The chain is validated with `safeParseValueChain`;
 * validation costs more than the decomposition itself, so a deep-frozen chain (an immutable value,
 * such as the editing functions return) is validated once and remembered by identity: repeated
 * analyses of it skip re-validation.
 *
 * @param chain - the value chain (validated: `INVALID_INPUT` lists every problem)
 * @param options - `depth` (`full` | `first-round`), `at` (first round), `tolerance` (relative, default 1e-9)
 * @returns the decomposition, per unit of the final product, in the chain's currency, deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain or options (paths rooted at `chain`
 *   and `options`: `chain.stages[3].inputs[0].stage`, `options.depth`), `NOT_FOUND` for an unknown
 *   `at` (`options.at`), `UNSUPPORTED` when the final unit price is 0 (path
 *   `chain.stages[i].output.unitPrice`) or amounts overflow double precision, `ACCOUNTING_MISMATCH`
 *   when the parts do not sum to the final value or a distribution does not sum to its stage's value
 *   added
 * @example
 * ```ts
 * const chain = {
 *   id: 'bar', name: 'Chocolate', family: 'additive', currency: 'USD', finalStage: 'make',
 *   stages: [
 *     { id: 'grow', name: 'Grow', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } },
 *     { id: 'make', name: 'Make', country: 'CHE', output: { unit: 'kg', unitPrice: 10 },
 *       inputs: [{ stage: 'grow', quantity: 1.5 }] },
 *   ],
 * };
 * decomposeValueAdded(chain).byCountry;
 * //=> [{ key: 'CHE', valueAdded: 7, share: 0.7 }, { key: 'GHA', valueAdded: 3, share: 0.3 }]
 * ```
 */
export function decomposeValueAdded(
  chain: ValueChainInput,
  options?: z.input<typeof DecomposeOptions>,
): ValueAddedDecomposition {
  const opts = parseOptionsAtBoundary(DecomposeOptions, options);
  return finalResult(decomposeAttribution(prepareDecomposition(chain, opts).att, opts.tolerance), 'chain');
}
