import { enablePatches } from 'immer';
import { quote, validateFunction } from '../core/boundary.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { immer } from '../core/immer.js';
import { freezeChain, remember, sameData } from './cache.js';
import { parseChainAtBoundary } from './graph.js';
import type { Stage, ValueChain } from './model.js';
import { safeValidateChain } from './parse.js';

/**
 * One change to a chain, in the form of Immer's (and JSON Patch-like) patches: apply a list of them
 * with Immer's `applyPatches` to replay an edit elsewhere, or the inverse list to undo it.
 */
export interface ChainPatch {
  /** The operation. */
  op: 'replace' | 'remove' | 'add';
  /** Where, as keys from the chain's root: `['stages', 2, 'output', 'unitPrice']`. */
  path: Array<string | number>;
  /** The new value, for `replace` and `add`. */
  value?: unknown;
}

/** The result of a `…WithPatches` edit: the new chain, the patches that made it, and their inverse. */
export type ChainEdit = [next: ValueChain, patches: ChainPatch[], inversePatches: ChainPatch[]];

/**
 * The index of a stage, or a `NOT_FOUND` error at the argument that named it.
 *
 * @internal
 */
export function stageIndexOf(chain: ValueChain, stageId: string, argument = 'stageId'): number {
  const index = chain.stages.findIndex((s) => s.id === stageId);
  if (index < 0) {
    throw new GvcError('NOT_FOUND', `no stage ${quote(stageId)} in chain ${quote(chain.id)}`, [
      { path: argument, message: `expected the id of a stage of the chain, found ${quote(stageId)}` },
    ]);
  }
  return index;
}

/**
 * The stage at an index of a draft (the index comes from {@link stageIndexOf}).
 *
 * @internal
 */
export function stageAt(draft: ValueChain, index: number): Stage {
  const stage = draft.stages[index];
  if (stage === undefined) throw new GvcError('NOT_FOUND', `no stage at index ${index}`);
  return stage;
}

/**
 * The base state of an edit: the chain argument validated (paths rooted at `chain`). A chain the
 * library returned (parsed or edited) is used as it is, so that successive edits share structure; a
 * deep-frozen chain that holds exactly its parsed data is used as it is too; any other chain is
 * validated and copied first, so that the caller's objects are never modified (not even frozen).
 *
 * @internal
 */
export function editBase(chain: unknown): ValueChain {
  return parseChainAtBoundary(chain, 'chain');
}

/**
 * Validates the chain an edit produced, returns it deep-frozen (the Immer result itself when it
 * already holds exactly its parsed data, so that it shares unchanged parts with `base`; else the
 * parsed copy, with defaults applied) and remembers it as validated. Paths of the problems are
 * relative to the edited chain (`stages[3].id`).
 */
function validated(next: ValueChain, base: ValueChain): ValueChain {
  const r = safeValidateChain(next, '', 'invalid value chain after the edit');
  if (!r.success) throw r.error;
  const out = sameData(next, r.data, base) ? deepFreeze(next) : freezeChain(r.data);
  remember(out, out);
  return out;
}

/**
 * Runs the recipe in Immer; an error the recipe throws is passed on unchanged, any other failure of
 * the edit (a draft left in a state Immer cannot finalise) becomes `GvcError('INVALID_INPUT')`.
 */
function run<T>(
  base: ValueChain,
  recipe: (draft: ValueChain) => void,
  produce: (base: ValueChain, r: (draft: ValueChain) => void) => T,
): T {
  let own: { error: unknown } | undefined;
  try {
    return produce(base, (draft) => {
      try {
        recipe(draft);
      } catch (error) {
        own = { error };
        throw error;
      }
    });
  } catch (error) {
    if (own !== undefined) throw own.error;
    if (error instanceof GvcError) throw error;
    throw new GvcError('INVALID_INPUT', 'invalid value chain after the edit', [
      {
        path: 'recipe',
        message:
          'expected a recipe that leaves plain data in the draft, found an edit that could not be completed',
      },
    ]);
  }
}

/**
 * Applies a recipe to a validated chain (from {@link editBase}) with the library's private Immer
 * instance and re-validates the result.
 *
 * @internal
 */
export function produceChain(base: ValueChain, recipe: (draft: ValueChain) => void): ValueChain {
  const fn = validateFunction<(draft: ValueChain) => void>(recipe, 'recipe');
  const next = run(base, fn, (b, r) => immer().produce(b, (draft: ValueChain) => void r(draft)));
  return validated(next, base);
}

/**
 * Like {@link produceChain}, also returning the patches and inverse patches of the edit (all
 * deep-frozen).
 *
 * @internal
 */
export function produceChainWithPatches(base: ValueChain, recipe: (draft: ValueChain) => void): ChainEdit {
  const fn = validateFunction<(draft: ValueChain) => void>(recipe, 'recipe');
  enablePatches();
  const [next, patches, inverse] = run(base, fn, (b, r) =>
    immer().produceWithPatches(b, (draft: ValueChain) => void r(draft)),
  );
  return deepFreeze([validated(next, base), patches as ChainPatch[], inverse as ChainPatch[]] as ChainEdit);
}

/**
 * Builds the recipe of a named edit (`setPrice`, `addStage`, …) from its arguments, checked against
 * the validated chain.
 *
 * @internal
 */
export type RecipeOf<A extends unknown[]> = (base: ValueChain, ...args: A) => (draft: ValueChain) => void;

/**
 * Runs a named edit: validates the chain ({@link editBase}), builds the recipe from the arguments and
 * applies it ({@link produceChain}).
 *
 * @internal
 */
export function applyEdit<A extends unknown[]>(
  chain: unknown,
  recipeOf: RecipeOf<A>,
  ...args: A
): ValueChain {
  const base = editBase(chain);
  return produceChain(base, recipeOf(base, ...args));
}

/**
 * {@link applyEdit}, also returning the patches and inverse patches ({@link produceChainWithPatches}).
 *
 * @internal
 */
export function applyEditWithPatches<A extends unknown[]>(
  chain: unknown,
  recipeOf: RecipeOf<A>,
  ...args: A
): ChainEdit {
  const base = editBase(chain);
  return produceChainWithPatches(base, recipeOf(base, ...args));
}

/**
 * Throws one `INVALID_INPUT` error for a refused edit.
 *
 * @internal
 */
export function refuse(summary: string, issues: GvcIssue[]): never {
  throw new GvcError('INVALID_INPUT', summary, issues);
}
