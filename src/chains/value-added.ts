/**
 * The model of the value-added decomposition: its options and the shapes of its result, shared by
 * {@link decomposeValueAdded} and the engine that computes it (`attribution.ts`).
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { Id } from '../core/primitives.js';

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
export const DecomposeOptions = z.strictObject({
  /** `full` (default) or `first-round`. */
  depth: z._default(DecompositionDepth, 'full'),
  /** First round only: the stage disaggregated (default: the chain's final stage). */
  at: z.optional(Id),
  /** Relative tolerance of the accounting identities, as a fraction of the final value (default 1e-9). */
  tolerance: z._default(z.number().check(z.positive(), z.lte(0.1)), 1e-9),
});
/**
 * Options of {@link decomposeValueAdded} (and {@link valueCapture}), as a caller passes them: every
 * field may be left out (`{}` means the defaults).
 */
export type DecomposeOptions = z.input<typeof DecomposeOptions>;

/**
 * The income items of a stage's `Distribution`, in their standard order: the groups of
 * {@link ValueAddedDecomposition.byIncome}.
 *
 * @example
 * ```ts
 * incomeTypes.length;
 * //=> 6
 * ```
 */
export const incomeTypes = ['wages', 'taxes', 'depreciation', 'interest', 'landRent', 'profit'] as const;

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
