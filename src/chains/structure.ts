import { quote } from '../core/preview.js';

/** A structural problem of a chain, with its path as an array of keys (as zod reports paths). */
export interface StructureIssue {
  path: Array<string | number>;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function records(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The id of a chain input (or of an actor, with `key` `'id'`), if it is a record with a string there. */
function field(value: unknown, key: string): string | undefined {
  return isRecord(value) ? str(value[key]) : undefined;
}

const q = (id: string): string => quote(id);

/** At most this many names in one message (then "…"), so a message stays short on huge chains. */
const MAX_NAMES = 10;

function list(names: string[], total = names.length): string {
  return total > MAX_NAMES
    ? `${names.slice(0, MAX_NAMES).join(', ')}, … (${total} in all)`
    : names.join(', ');
}

/**
 * What the checks read of a chain's stages, in flat arrays (no per-stage objects, so that chains of
 * millions of stages cost little beyond their input): stage `i` has id `ids[i]` (`undefined` when
 * absent, not a string, or the stage is not a record), and its chain inputs are
 * `refs[offsets[i]] … refs[offsets[i + 1] - 1]`, one slot per input, naming a stage id or `undefined`.
 * `targets` holds, per slot, the index of the stage named, or `-1` (unknown, repeated or unreadable).
 * `first[i]` is 1 when stage `i` has an id and is its first occurrence.
 */
interface StageTable {
  n: number;
  ids: Array<string | undefined>;
  first: Uint8Array;
  offsets: Int32Array;
  refs: Array<string | undefined>;
  targets: Int32Array;
}

/** Maps each actor id to the index of its first occurrence, reporting later occurrences as duplicates. */
function indexActors(actors: unknown[], issues: StructureIssue[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < actors.length; i++) {
    const id = field(actors[i], 'id');
    if (id === undefined) continue;
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else {
      issues.push({
        path: ['actors', i, 'id'],
        message: `expected unique actor ids, found ${q(id)} again (first at actors[${first}])`,
      });
    }
  }
  return index;
}

/**
 * Reads the stages' ids and chain inputs into a {@link StageTable} and maps each stage id to the index
 * of its first occurrence, reporting later occurrences as duplicates.
 */
function readStages(
  stages: unknown[],
  issues: StructureIssue[],
): { table: StageTable; index: Map<string, number> } {
  const n = stages.length;
  const ids = new Array<string | undefined>(n);
  const first = new Uint8Array(n);
  const offsets = new Int32Array(n + 1);
  const index = new Map<string, number>();
  let inputCount = 0;
  for (let i = 0; i < n; i++) {
    const stage = stages[i];
    offsets[i] = inputCount;
    if (!isRecord(stage)) continue;
    const id = str(stage.id);
    ids[i] = id;
    inputCount += records(stage.inputs).length;
    if (id === undefined) continue;
    const at = index.get(id);
    if (at === undefined) {
      index.set(id, i);
      first[i] = 1;
    } else {
      issues.push({
        path: ['stages', i, 'id'],
        message: `expected unique stage ids, found ${q(id)} again (first at stages[${at}])`,
      });
    }
  }
  offsets[n] = inputCount;
  const refs = new Array<string | undefined>(inputCount);
  for (let i = 0; i < n; i++) {
    const stage = stages[i];
    if (!isRecord(stage)) continue;
    const inputs = records(stage.inputs);
    const start = offsets[i]!;
    for (let j = 0; j < inputs.length; j++) refs[start + j] = field(inputs[j], 'stage');
  }
  const targets = new Int32Array(inputCount).fill(-1);
  return { table: { n, ids, first, offsets, refs, targets }, index };
}

/**
 * Finds cycles by an iterative depth-first search along chain inputs (no recursion, so chains of
 * millions of stages are fine); reports one issue per input that closes a cycle.
 */
function cycleIssues(table: StageTable, issues: StructureIssue[]): void {
  const { n, offsets, targets, first } = table;
  const state = new Uint8Array(n); // 0 unvisited, 1 on the stack, 2 done
  const position = new Int32Array(n); // index of a stage in the stack while it is on it
  const stack: number[] = [];
  const next: number[] = [];
  const idOf = (i: number): string => table.ids[i] ?? `#${i}`;
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0 || first[root] === 0) continue;
    stack.push(root);
    next.push(0);
    state[root] = 1;
    position[root] = 0;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top]!;
      const start = offsets[node]!;
      const k = next[top]!;
      if (start + k >= offsets[node + 1]!) {
        state[node] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      next[top] = k + 1;
      const target = targets[start + k]!;
      if (target < 0) continue;
      if (state[target] === 0) {
        state[target] = 1;
        position[target] = stack.length;
        stack.push(target);
        next.push(0);
      } else if (state[target] === 1) {
        // The stack from `target` to `node` is a chain of consumers: target consumes … consumes node,
        // and node consumes target. Value flows the other way: target → node → … → target.
        const from = position[target]!;
        const len = top - from + 1;
        const ids: string[] = [idOf(target)];
        if (len <= 12) {
          for (let p = top; p > from; p--) ids.push(idOf(stack[p]!));
        } else {
          for (let p = top; p > top - 5; p--) ids.push(idOf(stack[p]!));
          ids.push('…');
          for (let p = from + 4; p > from; p--) ids.push(idOf(stack[p]!));
        }
        ids.push(idOf(target));
        // Slots are kept one per input (-1 for unknown stages), so the k-th slot is the k-th input.
        issues.push({
          path: ['stages', node, 'inputs', k, 'stage'],
          message: `expected an acyclic chain, found the cycle ${ids.join(' → ')}`,
        });
      }
    }
  }
}

/**
 * Structural checks of a chain beyond its schema, on any value (a parsed chain, or raw input whose
 * shape may be partly wrong, so that structural problems are reported alongside schema problems):
 *
 * - duplicate stage ids and duplicate actor ids;
 * - chain inputs naming an unknown stage, or the same stage twice;
 * - stages and rents naming an unknown actor;
 * - a `finalStage` that does not exist, or that some stage consumes;
 * - an additive chain with parallel inputs (a stage with more than one chain input);
 * - cycles, reported with their path (`a → b → a`);
 * - stages that do not feed the final stage, directly or through other stages (they would silently
 *   drop out of decompositions).
 *
 * Runs in time linear in the number of stages, inputs and actors.
 *
 * @internal
 */
export function chainStructureIssues(input: unknown): StructureIssue[] {
  if (!isRecord(input)) return [];
  const issues: StructureIssue[] = [];
  const actorIndex = indexActors(records(input.actors), issues);
  const stages = records(input.stages);
  const { table, index: stageIndex } = readStages(stages, issues);
  const { n, ids, offsets, refs, targets, first } = table;
  const finalStage = str(input.finalStage);
  const finalIndex = finalStage === undefined ? undefined : stageIndex.get(finalStage);
  const additive = input.family === 'additive';
  const consumersOfFinal: string[] = [];
  // seenBy[t] = i + 1 when stage i has already named stage t among its inputs, at input seenAt[t]:
  // finds repeated inputs in constant time per input, however many inputs a stage has.
  const seenBy = new Int32Array(n);
  const seenAt = new Int32Array(n);

  for (let i = 0; i < n; i++) {
    const stage = stages[i];
    if (!isRecord(stage)) continue;
    const actor = str(stage.actor);
    if (actor !== undefined && !actorIndex.has(actor)) {
      issues.push({
        path: ['stages', i, 'actor'],
        message: `expected the id of an actor in the chain's actors, found ${q(actor)}`,
      });
    }
    const start = offsets[i]!;
    const count = offsets[i + 1]! - start;
    for (let j = 0; j < count; j++) {
      const ref = refs[start + j];
      if (ref === undefined) continue;
      const target = stageIndex.get(ref);
      if (target === undefined) {
        issues.push({
          path: ['stages', i, 'inputs', j, 'stage'],
          message: `expected the id of a stage of the chain, found ${q(ref)}`,
        });
        continue;
      }
      if (seenBy[target] === i + 1) {
        issues.push({
          path: ['stages', i, 'inputs', j, 'stage'],
          message: `expected each upstream stage at most once per stage, found ${q(ref)} again (first at stages[${i}].inputs[${seenAt[target]}])`,
        });
        continue;
      }
      seenBy[target] = i + 1;
      seenAt[target] = j;
      targets[start + j] = target;
      if (target === finalIndex)
        consumersOfFinal.push(`stages[${i}].inputs[${j}] of stage ${q(ids[i] ?? '')}`);
    }
    if (additive && count > 1) {
      const names = list(
        refs.slice(start, start + Math.min(count, MAX_NAMES)).map((r) => (r === undefined ? '?' : q(r))),
        count,
      );
      issues.push({
        path: ['stages', i, 'inputs'],
        message: `expected at most one chain input in an additive chain (value is added in sequence), found ${count}: ${names}`,
      });
    }
  }

  const holders = records(input.rents);
  for (let i = 0; i < holders.length; i++) {
    const holder = field(holders[i], 'holder');
    if (holder !== undefined && !actorIndex.has(holder)) {
      issues.push({
        path: ['rents', i, 'holder'],
        message: `expected the id of an actor in the chain's actors, found ${q(holder)}`,
      });
    }
  }

  if (finalStage !== undefined && finalIndex === undefined) {
    issues.push({
      path: ['finalStage'],
      message: `expected the id of a stage of the chain, found ${q(finalStage)}`,
    });
  }
  if (finalStage !== undefined && consumersOfFinal.length > 0) {
    issues.push({
      path: ['finalStage'],
      message: `expected a final stage that no stage consumes, found ${q(finalStage)} consumed at ${consumersOfFinal.length > MAX_NAMES ? `${consumersOfFinal.slice(0, MAX_NAMES).join('; ')}; … (${consumersOfFinal.length} in all)` : consumersOfFinal.join('; ')}`,
    });
  }

  cycleIssues(table, issues);

  if (finalIndex !== undefined) {
    const reached = new Uint8Array(n);
    reached[finalIndex] = 1;
    const queue = new Int32Array(n);
    let tail = 0;
    queue[tail++] = finalIndex;
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!;
      for (let e = offsets[node]!; e < offsets[node + 1]!; e++) {
        const target = targets[e]!;
        if (target >= 0 && reached[target] === 0) {
          reached[target] = 1;
          queue[tail++] = target;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      if (reached[i] === 1 || first[i] === 0) continue;
      issues.push({
        path: ['stages', i],
        message: `expected every stage to feed the final stage ${q(finalStage ?? '')} directly or through other stages, found stage ${q(ids[i] ?? '')} unconnected (it would be left out of decompositions)`,
      });
    }
  }
  return issues;
}
