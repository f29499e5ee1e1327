import { z } from 'zod';
import { GvcError } from '../core/errors.js';
import { CountryCode, Id, NonNegative } from '../core/primitives.js';
import {
  type ChainEdit,
  parseArgument,
  produceChain,
  produceChainWithPatches,
  stageAt,
  stageIndexOf,
} from './edit-core.js';
import { Purchase, type ValueChain } from './model.js';

/**
 * Applies a recipe to a draft of a chain, with gvckit's private Immer instance (the result is
 * deep-frozen and shares unchanged parts with the input), and re-validates the result as
 * {@link parseValueChain} does. The input is never modified.
 *
 * @param chain - a valid value chain
 * @param recipe - mutates the draft it is given (and returns nothing)
 * @returns the edited chain, deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` ('invalid value chain after the edit') listing every problem
 *   of the result with its path; `INVALID_INPUT` ('invalid value chain') when `chain` itself is invalid
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * const next = updateChain(chain, (draft) => { draft.year = 2009; });
 * [chain.year, next.year];
 * //=> [undefined, 2009]
 * ```
 */
export function updateChain(chain: ValueChain, recipe: (draft: ValueChain) => void): ValueChain {
  return produceChain(chain, recipe);
}

/**
 * {@link updateChain}, also returning Immer patches (to replay the edit) and inverse patches (to undo it).
 *
 * @param chain - a valid value chain
 * @param recipe - mutates the draft it is given (and returns nothing)
 * @returns `[next, patches, inversePatches]`
 * @throws {@link GvcError} as {@link updateChain}
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * const [, patches] = updateChainWithPatches(chain, (draft) => { draft.year = 2009; });
 * patches;
 * //=> [{ op: 'add', path: ['year'], value: 2009 }]
 * ```
 */
export function updateChainWithPatches(chain: ValueChain, recipe: (draft: ValueChain) => void): ChainEdit {
  return produceChainWithPatches(chain, recipe);
}

function setPriceRecipe(chain: ValueChain, stageId: string, unitPrice: number): (draft: ValueChain) => void {
  const price = parseArgument(NonNegative, unitPrice, 'unitPrice');
  const index = stageIndexOf(chain, stageId);
  return (draft) => {
    stageAt(draft, index).output.unitPrice = price;
  };
}

/**
 * Sets the unit price of a stage's output.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage whose price changes
 * @param unitPrice - the new price per unit of output, a finite number >= 0
 * @returns the edited chain, deep-frozen; the input is unchanged
 * @throws {@link GvcError} `NOT_FOUND` for an unknown stage; `INVALID_INPUT` for a negative or
 *   non-finite price (path `unitPrice`)
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * setPrice(chain, 'retail', 160).stages[2].output.unitPrice;
 * //=> 160
 * ```
 */
export function setPrice(chain: ValueChain, stageId: string, unitPrice: number): ValueChain {
  return produceChain(chain, setPriceRecipe(chain, stageId, unitPrice));
}

/**
 * {@link setPrice}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage whose price changes
 * @param unitPrice - the new price per unit of output
 * @returns `[next, patches, inversePatches]`
 * @throws {@link GvcError} as {@link setPrice}
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * setPriceWithPatches(chain, 'retail', 160)[1];
 * //=> [{ op: 'replace', path: ['stages', 2, 'output', 'unitPrice'], value: 160 }]
 * ```
 */
export function setPriceWithPatches(chain: ValueChain, stageId: string, unitPrice: number): ChainEdit {
  return produceChainWithPatches(chain, setPriceRecipe(chain, stageId, unitPrice));
}

function addPurchaseRecipe(
  chain: ValueChain,
  stageId: string,
  purchase: Purchase,
): (draft: ValueChain) => void {
  const parsed = parseArgument(Purchase, purchase, 'purchase');
  const index = stageIndexOf(chain, stageId);
  return (draft) => {
    stageAt(draft, index).purchases.push(parsed);
  };
}

/**
 * Adds a purchase from outside the modelled chain to a stage (its value per unit of the stage's output).
 *
 * @param chain - a valid value chain
 * @param stageId - the stage that buys
 * @param purchase - `{ description, value, country }`
 * @returns the edited chain, deep-frozen; the input is unchanged
 * @throws {@link GvcError} `NOT_FOUND` for an unknown stage; `INVALID_INPUT` for an invalid purchase
 *   (paths such as `purchase.value`)
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * addPurchase(chain, 'assembly', { description: 'battery', value: 5, country: 'KOR' }).stages[1].purchases;
 * //=> [{ description: 'battery', value: 5, country: 'KOR' }]
 * ```
 */
export function addPurchase(chain: ValueChain, stageId: string, purchase: Purchase): ValueChain {
  return produceChain(chain, addPurchaseRecipe(chain, stageId, purchase));
}

/**
 * {@link addPurchase}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage that buys
 * @param purchase - `{ description, value, country }`
 * @returns `[next, patches, inversePatches]`
 * @throws {@link GvcError} as {@link addPurchase}
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * addPurchaseWithPatches(chain, 'assembly', { description: 'battery', value: 5, country: 'KOR' })[1];
 * //=> [{ op: 'add', path: ['stages', 1, 'purchases', 0], value: { description: 'battery', value: 5, country: 'KOR' } }]
 * ```
 */
export function addPurchaseWithPatches(chain: ValueChain, stageId: string, purchase: Purchase): ChainEdit {
  return produceChainWithPatches(chain, addPurchaseRecipe(chain, stageId, purchase));
}

/**
 * Where a stage moves to: a new actor, a new country, or both. When only `actor` is given, the stage
 * moves to that actor's country.
 *
 * @example
 * ```ts
 * Relocation.parse({ country: 'VNM' });
 * //=> { country: 'VNM' }
 * ```
 */
export const Relocation = z
  .object({ actor: Id.optional(), country: CountryCode.optional() })
  .strict()
  .refine((r) => r.actor !== undefined || r.country !== undefined, {
    error: 'expected an actor, a country or both, found neither',
  });
/** Where a stage moves to. */
export type Relocation = z.output<typeof Relocation>;

function relocateRecipe(chain: ValueChain, stageId: string, to: Relocation): (draft: ValueChain) => void {
  const parsed = parseArgument(Relocation, to, 'to');
  const index = stageIndexOf(chain, stageId);
  const actor = parsed.actor === undefined ? undefined : chain.actors.find((a) => a.id === parsed.actor);
  if (parsed.actor !== undefined && actor === undefined) {
    throw new GvcError(
      'NOT_FOUND',
      `no actor ${JSON.stringify(parsed.actor)} in chain ${JSON.stringify(chain.id)}`,
      [
        {
          path: 'to.actor',
          message: `unknown actor ${JSON.stringify(parsed.actor)}: expected the id of an actor in the chain's actors`,
        },
      ],
    );
  }
  const country = parsed.country ?? actor?.country;
  return (draft) => {
    const stage = stageAt(draft, index);
    if (actor !== undefined) stage.actor = actor.id;
    if (country !== undefined) stage.country = country;
  };
}

/**
 * Moves a stage to another actor or country (offshoring, relocation to an export-processing zone,
 * a buyer switching suppliers), keeping its prices, inputs and purchases.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage that moves
 * @param to - `{ actor?, country? }`; with only `actor`, the stage takes that actor's country
 * @returns the edited chain, deep-frozen; the input is unchanged
 * @throws {@link GvcError} `NOT_FOUND` for an unknown stage or actor; `INVALID_INPUT` for an invalid
 *   `to` (paths such as `to.country`)
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * relocateStage(chain, 'assembly', { country: 'VNM' }).stages[1].country;
 * //=> 'VNM'
 * ```
 */
export function relocateStage(chain: ValueChain, stageId: string, to: Relocation): ValueChain {
  return produceChain(chain, relocateRecipe(chain, stageId, to));
}

/**
 * {@link relocateStage}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage that moves
 * @param to - `{ actor?, country? }`
 * @returns `[next, patches, inversePatches]`
 * @throws {@link GvcError} as {@link relocateStage}
 * @example
 * ```ts
 * // chain: the minimal phone chain (stages chip → assembly → retail, actor maker)
 * relocateStageWithPatches(chain, 'assembly', { country: 'VNM' })[1];
 * //=> [{ op: 'replace', path: ['stages', 1, 'country'], value: 'VNM' }]
 * ```
 */
export function relocateStageWithPatches(chain: ValueChain, stageId: string, to: Relocation): ChainEdit {
  return produceChainWithPatches(chain, relocateRecipe(chain, stageId, to));
}
