import { checkOptions } from '../core/check.js';
import { decomposeAttribution, prepareDecomposition } from './attribution.js';
import { finalResult } from './cache.js';
import { DecomposeOptionsCheck } from './check.js';
import type { ValueChainInput } from './model.js';
import type { DecomposeOptions, ValueAddedDecomposition } from './value-added.js';

export * from './value-added.js';

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
 * const chain = parseValueChain({
 *   id: 'bar', name: 'Chocolate', family: 'additive', currency: 'USD', finalStage: 'make',
 *   stages: [
 *     { id: 'grow', name: 'Grow', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } },
 *     { id: 'make', name: 'Make', country: 'CHE', output: { unit: 'kg', unitPrice: 10 },
 *       inputs: [{ stage: 'grow', quantity: 1.5 }] },
 *   ],
 * });
 * decomposeValueAdded(chain).byCountry;
 * //=> [{ key: 'CHE', valueAdded: 7, share: 0.7 }, { key: 'GHA', valueAdded: 3, share: 0.3 }]
 * ```
 */
export function decomposeValueAdded(
  chain: ValueChainInput,
  options?: DecomposeOptions,
): ValueAddedDecomposition {
  const opts = checkOptions(DecomposeOptionsCheck, options);
  return finalResult(decomposeAttribution(prepareDecomposition(chain, opts).att, opts.tolerance), 'chain');
}
