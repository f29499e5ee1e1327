import { safeCheck } from '../core/boundary.js';
import { type Check, runCheck } from '../core/check.js';
import { deepFreeze } from '../core/freeze.js';
import { formatPath } from '../core/issues.js';
import type { SafeParseResult } from '../core/result.js';
import { RentCheck } from '../rents/check.js';
import type { Rent } from '../rents/index.js';
import { freezeChain, remember } from './cache.js';
import { ActorCheck, StageCheck, ValueChainAnyFamilyCheck, ValueChainShapeCheck } from './check.js';
import type { Actor, Stage, ValueChain } from './model.js';
import { chainStructureIssues } from './structure.js';

/**
 * The result of a `safeParse…` function: the parsed value, or the `GvcError` that the matching
 * `parse…` function would have thrown.
 *
 * @deprecated Use {@link SafeParseResult} (the one result type of every `safeParse…` function);
 *   removed in 0.3.0.
 */
export type ParseResult<T> = SafeParseResult<T>;

/** One problem of a chain, its path as zod reports paths (an array of keys). */
interface PathIssue {
  path: PropertyKey[];
  message: string;
}

/**
 * Every problem of a value as a chain: shapes and values (with the other fields checked even when
 * `family` is missing or unknown), then structure; repeated issues (same path and message) once.
 */
function chainIssues(input: unknown): { data: ValueChain | undefined; issues: PathIssue[] } {
  // zod-free checks that give the issues of the schemas ValueChainShape and ValueChainAnyFamily
  // (src/chains/check.ts), so that a chain function's bundle carries no zod
  const result = runCheck<ValueChain>(ValueChainShapeCheck, input);
  const issues: PathIssue[] = [];
  if (!result.success) {
    issues.push(...result.error.issues);
    const badFamily = result.error.issues.some(
      (i) => i.code === 'invalid_union' && formatPath(i.path) === 'family',
    );
    if (badFamily) {
      const rest = runCheck(ValueChainAnyFamilyCheck, input);
      if (!rest.success) issues.push(...rest.error.issues);
    }
  }
  issues.push(...chainStructureIssues(result.success ? result.data : input));
  if (issues.length === 0 && result.success) return { data: result.data, issues };
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${formatPath(i.path)}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { data: undefined, issues: unique };
}

/**
 * Validates a value chain given as the argument `name` (`''` for a document): its shapes and values
 * and its structure, every problem with its path rooted at `name`, as {@link safeParseValueChain} and
 * the public functions report them. Never throws: whatever the check throws is reported at `name`.
 * It runs the zod-free checks of src/chains/check.ts, which give exactly the issues and output of the
 * schemas `ValueChainShape` and `ValueChainAnyFamily`, so that a bundle of one chain function carries
 * no zod (issue #19).
 *
 * @internal
 */
export function safeValidateChain(
  input: unknown,
  name: string,
  summary: string,
): SafeParseResult<ValueChain> {
  return safeCheck<ValueChain>(
    () => {
      const { data, issues } = chainIssues(input);
      return data !== undefined ? { success: true, data } : { success: false, error: { issues } };
    },
    name,
    summary,
  );
}

/**
 * Checks `input` with `check` (the zod-free mirror of a schema, src/chains/check.ts) as a document
 * (paths relative to it). The result, envelope, data and error alike, is deep-frozen. Never throws.
 */
function safeParseWith<T>(check: Check<T>, input: unknown, summary: string): SafeParseResult<T> {
  return deepFreeze(safeCheck(() => runCheck(check, input), '', summary));
}

function orThrow<T>(result: SafeParseResult<T>): T {
  if (result.success) return result.data;
  throw result.error;
}

/**
 * Checks any value as a value chain and reports every problem at once: shapes and values (from the
 * schema, with unknown keys named), and structure — unknown stage or actor ids, duplicate ids, cycles,
 * a `finalStage` that does not exist or that some stage consumes, an additive chain with parallel
 * inputs, stages that do not feed the final stage. Structural problems are found even when parts of
 * the input have the wrong shape, and the other fields are checked even when `family` is missing.
 *
 * @param input - anything, typically parsed JSON
 * Paths are relative to the document (`finalStage`, `stages[3].inputs[0].stage`), as zod and JSON
 * Schema validators report them. Found values are shown in short previews, never serialised whole;
 * at most 100 issues are listed, then "and N more problems". Anything (a bigint, a cycle, 10,000
 * levels of nesting, a throwing getter) gives a result, never a raw throw. The chain returned is
 * deep-frozen (as the editing functions return theirs) and remembered, so that analysing it later
 * skips re-validation.
 *
 * @returns `{ success: true, data }` with defaults applied, `data` a new deep-frozen chain, or
 *   `{ success: false, error }` where `error` is a `GvcError` with code `INVALID_INPUT` listing every
 *   issue with its path
 * @throws never
 * @example
 * ```ts
 * const r = safeParseValueChain({ id: 'c', name: 'C', family: 'additive', currency: 'USD', finalStage: 'shop',
 *   stages: [{ id: 'shop', name: 'Shop', country: 'GBR', output: { unit: 'bar', unitPrice: 1 },
 *     inputs: [{ stage: 'grind', quantity: 0.2 }] }] });
 * r.success ? [] : r.error.issues;
 * //=> [{ path: 'stages[0].inputs[0].stage', message: 'expected the id of a stage of the chain, found "grind"' }]
 * ```
 */
export function safeParseValueChain(input: unknown): SafeParseResult<ValueChain> {
  const r = safeValidateChain(input, '', 'invalid value chain');
  if (!r.success) return deepFreeze(r);
  const chain = freezeChain(r.data);
  remember(chain, chain); // analyses of this chain skip re-validation
  return Object.freeze({ success: true, data: chain });
}

/**
 * Parses any value as a value chain, applying defaults (`actors`, `inputs`, `purchases` become `[]`),
 * and throws one error listing every problem; see {@link safeParseValueChain} for what is checked.
 *
 * @param input - anything, typically parsed JSON
 * @returns the chain, a new deep-frozen object (the input is never modified, nor frozen)
 * @throws {@link GvcError} `INVALID_INPUT` ('invalid value chain') with every issue and its path, such
 *   as `stages[3].inputs[0].stage: expected the id of a stage of the chain, found "grind"`; paths are
 *   relative to the document (`finalStage`, `stages[3]…`)
 * @example
 * ```ts
 * const chain = parseValueChain({ id: 'phone', name: 'A phone', family: 'vertically-specialised',
 *   currency: 'USD', finalStage: 'retail', stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } },
 *     { id: 'retail', name: 'Retail', country: 'USA', output: { unit: 'phone', unitPrice: 150 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] }] });
 * chain.stages[0]?.inputs;
 * //=> []
 * ```
 */
export function parseValueChain(input: unknown): ValueChain {
  return orThrow(safeParseValueChain(input));
}

/**
 * Checks any value as an {@link Actor} and reports every problem at once.
 *
 * @param input - anything, typically parsed JSON
 * @returns `{ success: true, data }` (`data` deep-frozen) or `{ success: false, error }` (a `GvcError`,
 *   code `INVALID_INPUT`, paths relative to the document)
 * @throws never
 * @example
 * ```ts
 * safeParseActor({ id: 'maker', name: 'Assembler Ltd', country: 'China' }).success;
 * //=> false
 * ```
 */
export function safeParseActor(input: unknown): SafeParseResult<Actor> {
  return safeParseWith<Actor>(ActorCheck, input, 'invalid actor');
}

/**
 * Parses any value as an {@link Actor}.
 *
 * @param input - anything, typically parsed JSON
 * @returns the actor, a new deep-frozen object (paths in errors are relative to the document)
 * @throws {@link GvcError} `INVALID_INPUT` ('invalid actor') listing every issue with its path
 * @example
 * ```ts
 * parseActor({ id: 'maker', name: 'Assembler Ltd', country: 'CHN' });
 * //=> { id: 'maker', name: 'Assembler Ltd', country: 'CHN' }
 * ```
 */
export function parseActor(input: unknown): Actor {
  return orThrow(safeParseActor(input));
}

/**
 * Checks any value as a {@link Stage} on its own (references to other stages and actors are checked
 * when the stage is part of a chain) and reports every problem at once.
 *
 * @param input - anything, typically parsed JSON
 * @returns `{ success: true, data }` (`data` deep-frozen) or `{ success: false, error }` (a `GvcError`,
 *   code `INVALID_INPUT`, paths relative to the document)
 * @throws never
 * @example
 * ```ts
 * const r = safeParseStage({ id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: -1 } });
 * r.success ? '' : r.error.issues[0]?.path;
 * //=> 'output.unitPrice'
 * ```
 */
export function safeParseStage(input: unknown): SafeParseResult<Stage> {
  return safeParseWith<Stage>(StageCheck, input, 'invalid stage');
}

/**
 * Parses any value as a {@link Stage}, applying defaults (`inputs` and `purchases` become `[]`).
 *
 * @param input - anything, typically parsed JSON
 * @returns the stage, a new deep-frozen object (paths in errors are relative to the document)
 * @throws {@link GvcError} `INVALID_INPUT` ('invalid stage') listing every issue with its path
 * @example
 * ```ts
 * parseStage({ id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 } });
 * //=> { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'piece', unitPrice: 40 }, inputs: [], purchases: [] }
 * ```
 */
export function parseStage(input: unknown): Stage {
  return orThrow(safeParseStage(input));
}

/**
 * Checks any value as a {@link Rent} (Kaplinsky 2015, after Kaplinsky & Morris 2001) and reports every
 * problem at once.
 *
 * @param input - anything, typically parsed JSON
 * @returns `{ success: true, data }` (`data` deep-frozen) or `{ success: false, error }` (a `GvcError`,
 *   code `INVALID_INPUT`, paths relative to the document)
 * @throws never
 * @example
 * ```ts
 * const r = safeParseRent({ family: 'endogenous', kind: 'brand', barriers: 'high' });
 * r.success ? '' : r.error.issues[0]?.message;
 * //=> 'expected one of "technology", "human-resource", "organisational", "marketing", "relational", found "brand"'
 * ```
 */
export function safeParseRent(input: unknown): SafeParseResult<Rent> {
  return safeParseWith<Rent>(RentCheck, input, 'invalid rent');
}

/**
 * Parses any value as a {@link Rent}, applying defaults (`protected` and `dynamic` become `false`).
 *
 * @param input - anything, typically parsed JSON
 * @returns the rent, a new deep-frozen object (paths in errors are relative to the document)
 * @throws {@link GvcError} `INVALID_INPUT` ('invalid rent') listing every issue with its path
 * @example
 * ```ts
 * parseRent({ family: 'resource', barriers: 'medium' });
 * //=> { family: 'resource', barriers: 'medium', protected: false, dynamic: false }
 * ```
 */
export function parseRent(input: unknown): Rent {
  return orThrow(safeParseRent(input));
}
