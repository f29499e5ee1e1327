import { enablePatches } from 'immer';
import type { z } from 'zod';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { immer } from '../core/immer.js';
import { gvcParseParams, parseOrThrow } from '../core/issues.js';
import type { Stage, ValueChain } from './model.js';
import { safeParseValueChain } from './parse.js';

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
 * Parses an edit's argument with its schema, reporting issues under the argument's name
 * (`purchase.value`), and throws one `INVALID_INPUT` error.
 *
 * @internal
 */
export function parseArgument<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  return parseOrThrow(schema, value, `invalid ${name}`, { prefix: name, params: gvcParseParams() });
}

/**
 * The index of a stage, or a `NOT_FOUND` error naming the argument.
 *
 * @internal
 */
export function stageIndexOf(chain: ValueChain, stageId: string, argument = 'stageId'): number {
  const index = chain.stages.findIndex((s) => s.id === stageId);
  if (index < 0) {
    throw new GvcError(
      'NOT_FOUND',
      `no stage ${JSON.stringify(stageId)} in chain ${JSON.stringify(chain.id)}`,
      [
        {
          path: argument,
          message: `unknown stage ${JSON.stringify(stageId)}: expected the id of a stage of the chain`,
        },
      ],
    );
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

/** Whether a value and everything it holds are frozen (checked iteratively, without recursion). */
function isDeepFrozen(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (!Object.isFrozen(value)) return false;
    for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) stack.push(v);
  }
  return true;
}

/**
 * The base state of an edit: a deep-frozen chain (such as the result of an earlier edit) is used as is,
 * so that successive edits share structure; any other chain is validated and copied first, so that
 * the caller's objects are never modified (not even frozen).
 *
 * @internal
 */
export function editBase(chain: ValueChain): ValueChain {
  if (isDeepFrozen(chain)) return chain;
  const parsed = safeParseValueChain(chain);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

function validated(next: ValueChain): ValueChain {
  const result = safeParseValueChain(next);
  if (result.success) return next;
  throw new GvcError('INVALID_INPUT', 'invalid value chain after the edit', result.error.issues);
}

/**
 * Applies a recipe to a chain with the library's private Immer instance and re-validates the result.
 *
 * @internal
 */
export function produceChain(chain: ValueChain, recipe: (draft: ValueChain) => void): ValueChain {
  const base = editBase(chain);
  return validated(immer().produce(base, (draft: ValueChain) => void recipe(draft)));
}

/**
 * Like {@link produceChain}, also returning the patches and inverse patches of the edit.
 *
 * @internal
 */
export function produceChainWithPatches(chain: ValueChain, recipe: (draft: ValueChain) => void): ChainEdit {
  enablePatches();
  const base = editBase(chain);
  const [next, patches, inverse] = immer().produceWithPatches(
    base,
    (draft: ValueChain) => void recipe(draft),
  );
  return [validated(next), patches, inverse];
}

/**
 * Throws one `INVALID_INPUT` error for a refused edit.
 *
 * @internal
 */
export function refuse(summary: string, issues: GvcIssue[]): never {
  throw new GvcError('INVALID_INPUT', summary, issues);
}
