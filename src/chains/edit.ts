import * as z from 'zod/mini';
import { quote, validate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { CountryCode, Id, NonNegative } from '../core/primitives.js';
import {
  applyEdit,
  applyEditWithPatches,
  type ChainEdit,
  editBase,
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
 * The chain is validated first (paths rooted at `chain`: `chain.stages[0].output.unitPrice`); problems
 * of the result are reported with paths in the edited chain (`stages[3].id`). A chain the library
 * returned (parsed or edited) is not validated again. When the recipe left out fields that have
 * defaults (a pushed stage without `inputs`), the result is the parsed copy, with the defaults.
 *
 * @param chain - a valid value chain
 * @param recipe - mutates the draft it is given (and returns nothing)
 * @returns the edited chain, deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` ('invalid value chain') when `chain` itself is invalid
 *   (paths `chain.…`), ('invalid recipe') when `recipe` is not a function (path `recipe`), ('invalid
 *   value chain after the edit') listing every problem of the result with its path; whatever
 *   `recipe` itself throws is passed on unchanged
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * const next = updateChain(chain, (draft) => { draft.year = 2009; });
 * [chain.year, next.year];
 * //=> [undefined, 2009]
 * ```
 */
export function updateChain(chain: ValueChain, recipe: (draft: ValueChain) => void): ValueChain {
  return produceChain(editBase(chain), recipe);
}

/**
 * {@link updateChain}, also returning Immer patches (to replay the edit) and inverse patches (to undo it).
 *
 * @param chain - a valid value chain
 * @param recipe - mutates the draft it is given (and returns nothing)
 * @returns `[next, patches, inversePatches]`, all deep-frozen
 * @throws {@link GvcError} as {@link updateChain}
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * const [, patches] = updateChainWithPatches(chain, (draft) => { draft.year = 2009; });
 * patches;
 * //=> [{ op: 'add', path: ['year'], value: 2009 }]
 * ```
 */
export function updateChainWithPatches(chain: ValueChain, recipe: (draft: ValueChain) => void): ChainEdit {
  return produceChainWithPatches(editBase(chain), recipe);
}

function setPriceRecipe(
  chain: ValueChain,
  stageId: unknown,
  unitPrice: unknown,
): (draft: ValueChain) => void {
  const id = validate(Id, stageId, 'stageId');
  const price = validate(NonNegative, unitPrice, 'unitPrice');
  const index = stageIndexOf(chain, id);
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
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain (paths `chain.…`), a `stageId` that is
 *   not an id (path `stageId`), or a negative or non-finite price (path `unitPrice`); `NOT_FOUND` for
 *   an unknown stage (path `stageId`)
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * setPrice(chain, 'retail', 160).stages[2]?.output.unitPrice;
 * //=> 160
 * ```
 */
export function setPrice(chain: ValueChain, stageId: string, unitPrice: number): ValueChain {
  return applyEdit(chain, setPriceRecipe, stageId, unitPrice);
}

/**
 * {@link setPrice}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage whose price changes
 * @param unitPrice - the new price per unit of output
 * @returns `[next, patches, inversePatches]`, all deep-frozen
 * @throws {@link GvcError} as {@link setPrice}
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * setPriceWithPatches(chain, 'retail', 160)[1];
 * //=> [{ op: 'replace', path: ['stages', 2, 'output', 'unitPrice'], value: 160 }]
 * ```
 */
export function setPriceWithPatches(chain: ValueChain, stageId: string, unitPrice: number): ChainEdit {
  return applyEditWithPatches(chain, setPriceRecipe, stageId, unitPrice);
}

function addPurchaseRecipe(
  chain: ValueChain,
  stageId: unknown,
  purchase: unknown,
): (draft: ValueChain) => void {
  const id = validate(Id, stageId, 'stageId');
  const parsed = validate(Purchase, purchase, 'purchase');
  const index = stageIndexOf(chain, id);
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
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain (paths `chain.…`), `stageId` or
 *   purchase (paths such as `purchase.value`); `NOT_FOUND` for an unknown stage (path `stageId`)
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * addPurchase(chain, 'assembly', { description: 'battery', value: 5, country: 'KOR' }).stages[1]?.purchases;
 * //=> [{ description: 'battery', value: 5, country: 'KOR' }]
 * ```
 */
export function addPurchase(chain: ValueChain, stageId: string, purchase: Purchase): ValueChain {
  return applyEdit(chain, addPurchaseRecipe, stageId, purchase);
}

/**
 * {@link addPurchase}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage that buys
 * @param purchase - `{ description, value, country }`
 * @returns `[next, patches, inversePatches]`, all deep-frozen
 * @throws {@link GvcError} as {@link addPurchase}
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * addPurchaseWithPatches(chain, 'assembly', { description: 'battery', value: 5, country: 'KOR' })[1];
 * //=> [{ op: 'add', path: ['stages', 1, 'purchases', 0], value: { description: 'battery', value: 5, country: 'KOR' } }]
 * ```
 */
export function addPurchaseWithPatches(chain: ValueChain, stageId: string, purchase: Purchase): ChainEdit {
  return applyEditWithPatches(chain, addPurchaseRecipe, stageId, purchase);
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
export const Relocation = z.strictObject({ actor: z.optional(Id), country: z.optional(CountryCode) }).check(
  z.refine((r) => r.actor !== undefined || r.country !== undefined, {
    error: 'expected an actor, a country or both, found neither',
  }),
);
/** Where a stage moves to. */
export type Relocation = z.output<typeof Relocation>;

function relocateRecipe(chain: ValueChain, stageId: unknown, to: unknown): (draft: ValueChain) => void {
  const id = validate(Id, stageId, 'stageId');
  const parsed = validate(Relocation, to, 'to');
  const index = stageIndexOf(chain, id);
  const actor = parsed.actor === undefined ? undefined : chain.actors.find((a) => a.id === parsed.actor);
  if (parsed.actor !== undefined && actor === undefined) {
    throw new GvcError('NOT_FOUND', `no actor ${quote(parsed.actor)} in chain ${quote(chain.id)}`, [
      {
        path: 'to.actor',
        message: `expected the id of an actor in the chain's actors, found ${quote(parsed.actor)}`,
      },
    ]);
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
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain (paths `chain.…`), `stageId` or `to`
 *   (paths such as `to.country`); `NOT_FOUND` for an unknown stage (`stageId`) or actor (`to.actor`)
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * relocateStage(chain, 'assembly', { country: 'VNM' }).stages[1]?.country;
 * //=> 'VNM'
 * ```
 */
export function relocateStage(chain: ValueChain, stageId: string, to: Relocation): ValueChain {
  return applyEdit(chain, relocateRecipe, stageId, to);
}

/**
 * {@link relocateStage}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage that moves
 * @param to - `{ actor?, country? }`
 * @returns `[next, patches, inversePatches]`, all deep-frozen
 * @throws {@link GvcError} as {@link relocateStage}
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * relocateStageWithPatches(chain, 'assembly', { country: 'VNM' })[1];
 * //=> [{ op: 'replace', path: ['stages', 1, 'country'], value: 'VNM' }]
 * ```
 */
export function relocateStageWithPatches(chain: ValueChain, stageId: string, to: Relocation): ChainEdit {
  return applyEditWithPatches(chain, relocateRecipe, stageId, to);
}
