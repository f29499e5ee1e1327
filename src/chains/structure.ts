/** A structural problem of a chain, with its path as an array of keys (as zod reports paths). */
export interface StructureIssue {
  path: Array<string | number>;
  message: string;
}

/** What the structural checks read of a stage; fields that are absent or of the wrong type are `undefined`. */
interface StageSkeleton {
  id: string | undefined;
  actor: string | undefined;
  inputs: Array<string | undefined>;
}

interface ChainSkeleton {
  family: unknown;
  finalStage: string | undefined;
  stages: Array<StageSkeleton | undefined>;
  actors: Array<string | undefined>;
  holders: Array<string | undefined>;
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

/** Reads the parts of a chain the structural checks need, from any value, without trusting its shape. */
function readSkeleton(input: unknown): ChainSkeleton | undefined {
  if (!isRecord(input)) return undefined;
  const stages = records(input.stages).map((s): StageSkeleton | undefined =>
    isRecord(s)
      ? {
          id: str(s.id),
          actor: str(s.actor),
          inputs: records(s.inputs).map((i) => (isRecord(i) ? str(i.stage) : undefined)),
        }
      : undefined,
  );
  return {
    family: input.family,
    finalStage: str(input.finalStage),
    stages,
    actors: records(input.actors).map((a) => (isRecord(a) ? str(a.id) : undefined)),
    holders: records(input.rents).map((r) => (isRecord(r) ? str(r.holder) : undefined)),
  };
}

const q = (id: string): string => JSON.stringify(id);

/**
 * Chain inputs as a compressed adjacency list: the inputs of stage `i` are
 * `targets[offsets[i]] … targets[offsets[i + 1] - 1]`, one slot per input, `-1` for an unknown stage.
 */
interface Edges {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Maps each id to the index of its first occurrence, reporting later occurrences as duplicates. */
function indexIds(
  ids: Array<string | undefined>,
  list: 'stages' | 'actors',
  kind: 'stage' | 'actor',
  issues: StructureIssue[],
): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (id === undefined) return;
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else {
      issues.push({
        path: [list, i, 'id'],
        message: `expected unique ${kind} ids, found ${q(id)} again (first at ${list}[${first}])`,
      });
    }
  });
  return index;
}

/**
 * Finds cycles by an iterative depth-first search along chain inputs (no recursion, so chains of
 * millions of stages are fine); reports one issue per input that closes a cycle.
 */
function cycleIssues(
  stages: Array<StageSkeleton | undefined>,
  edges: Edges,
  isFirst: (i: number) => boolean,
  issues: StructureIssue[],
): void {
  const n = stages.length;
  const state = new Uint8Array(n); // 0 unvisited, 1 on the stack, 2 done
  const position = new Int32Array(n); // index of a stage in the stack while it is on it
  const stack: number[] = [];
  const next: number[] = [];
  const idOf = (i: number): string => stages[i]?.id ?? `#${i}`;
  for (let root = 0; root < n; root++) {
    if (state[root] !== 0 || !isFirst(root)) continue;
    stack.push(root);
    next.push(0);
    state[root] = 1;
    position[root] = 0;
    while (stack.length > 0) {
      const top = stack.length - 1;
      const node = stack[top]!;
      const start = edges.offsets[node]!;
      const k = next[top]!;
      if (start + k >= edges.offsets[node + 1]!) {
        state[node] = 2;
        stack.pop();
        next.pop();
        continue;
      }
      next[top] = k + 1;
      const target = edges.targets[start + k]!;
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
        // Edges keep one slot per input (-1 for unknown stages), so the k-th edge is the k-th input.
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
  const chain = readSkeleton(input);
  if (chain === undefined) return [];
  const issues: StructureIssue[] = [];
  const { stages } = chain;

  const actorIndex = indexIds(chain.actors, 'actors', 'actor', issues);
  const stageIndex = indexIds(
    stages.map((s) => s?.id),
    'stages',
    'stage',
    issues,
  );
  const isFirst = (i: number): boolean => {
    const id = stages[i]?.id;
    return id !== undefined && stageIndex.get(id) === i;
  };
  const stageIndexOf = (id: string): number | undefined => stageIndex.get(id);
  const finalIndex = chain.finalStage === undefined ? undefined : stageIndex.get(chain.finalStage);
  const consumersOfFinal: string[] = [];

  let inputCount = 0;
  for (const stage of stages) inputCount += stage?.inputs.length ?? 0;
  const edges: Edges = {
    offsets: new Int32Array(stages.length + 1),
    targets: new Int32Array(inputCount).fill(-1),
  };
  let slot = 0;
  stages.forEach((stage, i) => {
    edges.offsets[i] = slot;
    if (stage === undefined) return;
    if (stage.actor !== undefined && !actorIndex.has(stage.actor)) {
      issues.push({
        path: ['stages', i, 'actor'],
        message: `unknown actor ${q(stage.actor)}: expected the id of an actor in the chain's actors`,
      });
    }
    const first = slot;
    stage.inputs.forEach((ref, j) => {
      const at = slot++;
      if (ref === undefined) return;
      const target = stageIndexOf(ref);
      if (target === undefined) {
        issues.push({
          path: ['stages', i, 'inputs', j, 'stage'],
          message: `unknown stage ${q(ref)}: expected the id of a stage of the chain`,
        });
        return;
      }
      let again = -1;
      for (let e = first; e < at && again < 0; e++) if (edges.targets[e] === target) again = e - first;
      if (again >= 0) {
        issues.push({
          path: ['stages', i, 'inputs', j, 'stage'],
          message: `expected each upstream stage at most once per stage, found ${q(ref)} again (first at stages[${i}].inputs[${again}])`,
        });
        return;
      }
      edges.targets[at] = target;
      if (target === finalIndex)
        consumersOfFinal.push(`stages[${i}].inputs[${j}] of stage ${q(stage.id ?? '')}`);
    });
    if (chain.family === 'additive' && stage.inputs.length > 1) {
      const names = stage.inputs.map((r) => (r === undefined ? '?' : q(r))).join(', ');
      issues.push({
        path: ['stages', i, 'inputs'],
        message: `expected at most one chain input in an additive chain (value is added in sequence), found ${stage.inputs.length}: ${names}`,
      });
    }
  });
  edges.offsets[stages.length] = slot;

  chain.holders.forEach((holder, i) => {
    if (holder !== undefined && !actorIndex.has(holder)) {
      issues.push({
        path: ['rents', i, 'holder'],
        message: `unknown actor ${q(holder)}: expected the id of an actor in the chain's actors`,
      });
    }
  });

  if (chain.finalStage !== undefined && finalIndex === undefined) {
    issues.push({
      path: ['finalStage'],
      message: `unknown stage ${q(chain.finalStage)}: expected the id of a stage of the chain`,
    });
  }
  if (chain.finalStage !== undefined && consumersOfFinal.length > 0) {
    issues.push({
      path: ['finalStage'],
      message: `expected a final stage that no stage consumes, found ${q(chain.finalStage)} consumed at ${consumersOfFinal.join('; ')}`,
    });
  }

  cycleIssues(stages, edges, isFirst, issues);

  if (finalIndex !== undefined) {
    const reached = new Uint8Array(stages.length);
    reached[finalIndex] = 1;
    const queue: number[] = [finalIndex];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (let e = edges.offsets[node]!; e < edges.offsets[node + 1]!; e++) {
        const target = edges.targets[e]!;
        if (target >= 0 && reached[target] === 0) {
          reached[target] = 1;
          queue.push(target);
        }
      }
    }
    stages.forEach((stage, i) => {
      if (reached[i] === 1 || !isFirst(i)) return;
      issues.push({
        path: ['stages', i],
        message: `expected every stage to feed the final stage ${q(chain.finalStage ?? '')} directly or through other stages, found stage ${q(stage?.id ?? '')} unconnected (it would be left out of decompositions)`,
      });
    });
  }
  return issues;
}
