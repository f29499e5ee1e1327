import * as z from 'zod/mini';
import { IssueList, quote, validate, validateOptions } from '../core/boundary.js';
import { Id, NonNegative } from '../core/primitives.js';
import {
  applyEdit,
  applyEditWithPatches,
  type ChainEdit,
  refuse,
  stageAt,
  stageIndexOf,
} from './edit-core.js';
import { Stage, type ValueChain } from './model.js';

/**
 * Where a new stage goes, since every stage must feed the final stage:
 * - `{ feeds, quantity }`: the new stage becomes a chain input of stage `feeds`, `quantity` units of
 *   it per unit of that stage's output; with `replacing`, it takes the place of that existing input of
 *   `feeds` (to insert a stage into a sequence: give the new stage the replaced stage as its input);
 * - `{ final: true }`: the new stage becomes the chain's `finalStage` (it should take the old final
 *   stage as an input).
 *
 * @example
 * ```ts
 * StagePlacement.parse({ feeds: 'assembly', quantity: 1 });
 * //=> { feeds: 'assembly', quantity: 1 }
 * ```
 */
export const StagePlacement = z.union([
  z.strictObject({ feeds: Id, quantity: NonNegative, replacing: z.optional(Id) }),
  z.strictObject({ final: z.literal(true) }),
]);
/** Where a new stage goes. */
export type StagePlacement = z.output<typeof StagePlacement>;

/**
 * A stage as given to {@link addStage}: a {@link Stage} whose defaulted fields (`inputs`, `purchases`)
 * may be left out.
 */
export type NewStage = z.input<typeof Stage>;

function addStageRecipe(chain: ValueChain, stage: unknown, placement: unknown): (draft: ValueChain) => void {
  const added = validate(Stage, stage, 'stage');
  const place = validate(StagePlacement, placement, 'placement');
  if ('final' in place) {
    return (draft) => {
      draft.stages.push(added);
      draft.finalStage = added.id;
    };
  }
  const target = stageIndexOf(chain, place.feeds, 'placement.feeds');
  const inputs = chain.stages[target]?.inputs ?? [];
  const replaced = place.replacing === undefined ? -1 : inputs.findIndex((i) => i.stage === place.replacing);
  if (place.replacing !== undefined && replaced < 0) {
    const shown = inputs.slice(0, 10).map((i) => quote(i.stage));
    if (inputs.length > 10) shown.push(`… (${inputs.length} in all)`);
    const found = shown.join(', ') || 'none';
    refuse(`cannot add stage ${quote(added.id)}`, [
      {
        path: 'placement.replacing',
        message: `expected an input of stage ${quote(place.feeds)}, found ${quote(place.replacing)} (its inputs: ${found})`,
      },
    ]);
  }
  const input = { stage: added.id, quantity: place.quantity };
  return (draft) => {
    draft.stages.push(added);
    const downstream = stageAt(draft, target);
    if (replaced >= 0) downstream.inputs[replaced] = input;
    else downstream.inputs.push(input);
  };
}

/**
 * Adds a stage to a chain and wires it in (see {@link StagePlacement}). The result is re-validated:
 * the new stage's id must be new, its inputs and actor must exist, an additive chain must stay a
 * sequence.
 *
 * @param chain - a valid value chain
 * @param stage - the new stage
 * @param placement - where it goes: `{ feeds, quantity, replacing? }` or `{ final: true }`
 * @returns the edited chain, deep-frozen; the input is unchanged
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain (paths `chain.…`), stage or placement
 *   (paths `stage.…`, `placement.…`) or an invalid result (paths in the edited chain, `stages[3].id`);
 *   `NOT_FOUND` when `placement.feeds` is unknown
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'cocoa', name: 'Cocoa', family: 'additive', currency: 'USD',
 *   finalStage: 'export', stages: [
 *     { id: 'grow', name: 'Growing', country: 'GHA', output: { unit: 'kg wet beans', unitPrice: 1.2 } },
 *     { id: 'export', name: 'Export', country: 'GHA', output: { unit: 'kg dry beans', unitPrice: 2.5 },
 *       inputs: [{ stage: 'grow', quantity: 1.1 }] }] });
 * // insert fermentation and drying between growing and export
 * const next = addStage(chain, { id: 'ferment', name: 'Fermenting and drying', country: 'GHA',
 *   output: { unit: 'kg dry beans', unitPrice: 1.9 }, inputs: [{ stage: 'grow', quantity: 1.05 }] },
 *   { feeds: 'export', quantity: 1, replacing: 'grow' });
 * next.stages.find((s) => s.id === 'export')?.inputs;
 * //=> [{ stage: 'ferment', quantity: 1 }]
 * ```
 */
export function addStage(chain: ValueChain, stage: NewStage, placement: StagePlacement): ValueChain {
  return applyEdit(chain, addStageRecipe, stage, placement);
}

/**
 * {@link addStage}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stage - the new stage
 * @param placement - where it goes
 * @returns `[next, patches, inversePatches]`, all deep-frozen
 * @throws {@link GvcError} as {@link addStage}
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * const battery = { id: 'battery', name: 'Battery', country: 'KOR', output: { unit: 'piece', unitPrice: 5 } };
 * const [, patches] = addStageWithPatches(chain, battery, { feeds: 'assembly', quantity: 1 });
 * patches.map((p) => p.path.join('.'));
 * //=> ['stages.1.inputs.1', 'stages.3']
 * ```
 */
export function addStageWithPatches(
  chain: ValueChain,
  stage: NewStage,
  placement: StagePlacement,
): ChainEdit {
  return applyEditWithPatches(chain, addStageRecipe, stage, placement);
}

/**
 * Options of {@link removeStage}.
 *
 * @example
 * ```ts
 * RemoveStageOptions.parse({ asPurchase: true });
 * //=> { asPurchase: true }
 * ```
 */
export const RemoveStageOptions = z.strictObject({
  /**
   * Turn each use of the removed stage into a purchase from outside the chain, valued at
   * `quantity × unitPrice` of the removed stage and located in its country, so that the consuming
   * stages' costs are unchanged. Without it, a stage that others consume is not removed.
   */
  asPurchase: z._default(z.boolean(), false),
});
/** Options of {@link removeStage}, as a caller passes them: every field may be left out. */
export type RemoveStageOptions = z.input<typeof RemoveStageOptions>;

function removeStageRecipe(
  chain: ValueChain,
  stageIdArgument: unknown,
  options: unknown,
): (draft: ValueChain) => void {
  const stageId = validate(Id, stageIdArgument, 'stageId');
  const { asPurchase } = validateOptions(RemoveStageOptions, options);
  const index = stageIndexOf(chain, stageId);
  const removed = chain.stages[index]!;
  const id = quote(stageId);
  if (chain.finalStage === stageId) {
    refuse(`cannot remove stage ${id}`, [
      {
        path: 'stageId',
        message: `expected a stage other than the final stage, found ${id}, the chain's finalStage (make another stage final first)`,
      },
    ]);
  }
  const uses: Array<{ stage: number; input: number; quantity: number }> = [];
  chain.stages.forEach((s, i) => {
    s.inputs.forEach((input, j) => {
      if (input.stage === stageId) uses.push({ stage: i, input: j, quantity: input.quantity });
    });
  });
  if (uses.length > 0 && !asPurchase) {
    const issues = new IssueList();
    for (const u of uses) {
      issues.add(
        `chain.stages[${u.stage}].inputs[${u.input}].stage`,
        `expected no stage to use ${id}, found stage ${quote(chain.stages[u.stage]?.id ?? '')} using it: remove that input first, or pass { asPurchase: true } to buy it from outside the chain`,
      );
    }
    issues.throwIfAny(`cannot remove stage ${id}`);
  }
  return (draft) => {
    // Remove inputs from the last to the first, so that earlier indices stay valid.
    for (const u of [...uses].reverse()) {
      const consumer = stageAt(draft, u.stage);
      consumer.inputs.splice(u.input, 1);
      consumer.purchases.push({
        description: removed.name,
        value: u.quantity * removed.output.unitPrice,
        country: removed.country,
      });
    }
    draft.stages.splice(index, 1);
  };
}

/**
 * Removes a stage from a chain. It refuses to leave dangling references: the final stage cannot be
 * removed, nor a stage that other stages use as an input, unless `{ asPurchase: true }` turns each
 * such use into a purchase from outside the chain. The result is re-validated (so removing a stage
 * whose own upstream stages would be left unconnected is refused too).
 *
 * @param chain - a valid value chain
 * @param stageId - the stage to remove
 * @param options - `{ asPurchase?: boolean }` (default `false`)
 * @returns the edited chain, deep-frozen; the input is unchanged
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain (paths `chain.…`), `stageId` or options
 *   (`options.asPurchase`; `null` means no options), naming the final stage (path `stageId`) or every
 *   stage that uses it (paths `chain.stages[i].inputs[j].stage`, at most 100 listed); `NOT_FOUND` for
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
 * // chip (40 a unit, JPN) is used once by assembly: it becomes a purchase of assembly
 * removeStage(chain, 'chip', { asPurchase: true }).stages[0]?.purchases;
 * //=> [{ description: 'Chip', value: 40, country: 'JPN' }]
 * ```
 */
export function removeStage(
  chain: ValueChain,
  stageId: string,
  options: RemoveStageOptions = {},
): ValueChain {
  return applyEdit(chain, removeStageRecipe, stageId, options);
}

/**
 * {@link removeStage}, also returning Immer patches and inverse patches.
 *
 * @param chain - a valid value chain
 * @param stageId - the stage to remove
 * @param options - `{ asPurchase?: boolean }` (default `false`)
 * @returns `[next, patches, inversePatches]`, all deep-frozen
 * @throws {@link GvcError} as {@link removeStage}
 * @example
 * ```ts
 * import { applyPatches } from 'immer';
 * const chain = parseValueChain({ id: 'phone', name: 'Phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 100 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }] }] });
 * const [next, , inverse] = removeStageWithPatches(chain, 'chip', { asPurchase: true });
 * applyPatches(next, inverse).stages.length;
 * //=> 3
 * ```
 */
export function removeStageWithPatches(
  chain: ValueChain,
  stageId: string,
  options: RemoveStageOptions = {},
): ChainEdit {
  return applyEditWithPatches(chain, removeStageRecipe, stageId, options);
}
