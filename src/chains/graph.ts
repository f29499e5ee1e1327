/**
 * Internal helpers shared by the chain analytics: validation at the boundary, an index of the chain
 * as typed arrays (compressed rows of chain inputs), a topological order and unit requirements.
 * Everything is iterative and linear in the number of stages plus chain inputs, so that chains of
 * 10^6 stages neither recurse nor allocate per-stage objects beyond the parsed chain itself.
 *
 * @internal
 * @packageDocumentation
 */
import { quote } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { freezeChain, isDeepFrozen, overflow, recall, remember, sameData } from './cache.js';
import type { ValueChain } from './model.js';
import { safeValidateChain } from './parse.js';

/**
 * Validates a value chain given as the argument `name` of a public function (the chain's shapes,
 * values and structure, as {@link safeParseValueChain} checks them) and returns it parsed, or throws
 * one `GvcError('INVALID_INPUT', 'invalid value chain')` listing every problem with its path rooted
 * at `name` (`chain.stages[3].inputs[0].stage`).
 *
 * A deep-frozen input (a chain returned by the parsers or the editing functions, or one the caller
 * froze) cannot change, so its parse result is remembered (weakly, by identity) and repeated
 * analyses of it skip re-validation; a frozen input that already holds exactly its parsed data is
 * used as it is (so that edits share its unchanged parts).
 *
 * @internal
 */
export function parseChainAtBoundary(chain: unknown, name = 'chain'): ValueChain {
  const hit = recall(chain);
  if (hit) return hit;
  const r = safeValidateChain(chain, name, 'invalid value chain');
  if (!r.success) throw r.error;
  const parsed = r.data;
  if (typeof chain === 'object' && chain !== null && isDeepFrozen(chain)) {
    const kept = sameData(chain, parsed) ? (chain as ValueChain) : freezeChain(parsed);
    remember(chain, kept);
    remember(kept, kept);
    return kept;
  }
  return parsed;
}

/**
 * A value chain indexed for linear-time computation. Stage `i` is `chain.stages[i]`; its chain inputs
 * are `inStage[k]`, `inQty[k]` for `k` in `inStart[i] .. inStart[i + 1]`.
 *
 * @internal
 */
export interface ChainIndex {
  readonly chain: ValueChain;
  /** The name of the argument the chain came from (`chain`, `chains[1]`), the root of error paths. */
  readonly root: string;
  readonly n: number;
  readonly indexOf: ReadonlyMap<string, number>;
  readonly inStart: Int32Array;
  readonly inStage: Int32Array;
  readonly inQty: Float64Array;
  /** Stage indices in topological order, every stage after all of its chain inputs (upstream first). */
  readonly order: Int32Array;
  /** Index of the final stage. */
  readonly final: number;
  /** Unit price of every stage's output. */
  readonly price: Float64Array;
  /** Value of outside purchases per unit of every stage's output. */
  readonly purchases: Float64Array;
}

/**
 * Builds the {@link ChainIndex} of a parsed chain. Defensive against structures the schema should
 * already reject (unknown stage ids, cycles, a missing final stage): those raise `INVALID_INPUT`.
 *
 * @internal
 */
export function indexChain(chain: ValueChain, root = 'chain'): ChainIndex {
  const at = (path: string) => (root === '' ? path : `${root}.${path}`);
  const stages = chain.stages;
  const n = stages.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set((stages[i] as ValueChain['stages'][number]).id, i);
  const final = indexOf.get(chain.finalStage);
  if (final === undefined) {
    throw new GvcError('INVALID_INPUT', 'invalid value chain', [
      { path: at('finalStage'), message: `expected the id of a stage, found ${quote(chain.finalStage)}` },
    ]);
  }
  const inStart = new Int32Array(n + 1);
  const price = new Float64Array(n);
  const purchases = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = stages[i] as ValueChain['stages'][number];
    inStart[i + 1] = (inStart[i] as number) + s.inputs.length;
    price[i] = s.output.unitPrice;
    let p = 0;
    for (const purchase of s.purchases) p += purchase.value;
    if (!Number.isFinite(p)) throw overflow(at(`stages[${i}].purchases`), ' in the sum of the purchases');
    purchases[i] = p;
  }
  const m = inStart[n] as number;
  const inStage = new Int32Array(m);
  const inQty = new Float64Array(m);
  const indegreeDown = new Int32Array(n); // number of chain inputs not yet placed, per stage
  const consumersStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const s = stages[i] as ValueChain['stages'][number];
    let k = inStart[i] as number;
    for (let j = 0; j < s.inputs.length; j++, k++) {
      const input = s.inputs[j] as { stage: string; quantity: number };
      const u = indexOf.get(input.stage);
      if (u === undefined) {
        throw new GvcError('INVALID_INPUT', 'invalid value chain', [
          {
            path: at(`stages[${i}].inputs[${j}].stage`),
            message: `expected the id of a stage, found ${quote(input.stage)}`,
          },
        ]);
      }
      inStage[k] = u;
      inQty[k] = input.quantity;
      consumersStart[u + 1] = (consumersStart[u + 1] as number) + 1;
    }
    indegreeDown[i] = s.inputs.length;
  }
  // Consumers of every stage (reverse edges), for Kahn's algorithm from the sources downstream.
  for (let i = 0; i < n; i++)
    consumersStart[i + 1] = (consumersStart[i + 1] as number) + (consumersStart[i] as number);
  const fill = consumersStart.slice(0, n);
  const consumers = new Int32Array(m);
  for (let s = 0; s < n; s++) {
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      consumers[fill[u] as number] = s;
      fill[u] = (fill[u] as number) + 1;
    }
  }
  const order = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) if (indegreeDown[i] === 0) order[tail++] = i;
  while (head < tail) {
    const u = order[head++] as number;
    for (let k = consumersStart[u] as number; k < (consumersStart[u + 1] as number); k++) {
      const s = consumers[k] as number;
      indegreeDown[s] = (indegreeDown[s] as number) - 1;
      if (indegreeDown[s] === 0) order[tail++] = s;
    }
  }
  if (tail < n) {
    throw new GvcError('INVALID_INPUT', 'invalid value chain', [
      {
        path: at('stages'),
        message: `expected an acyclic chain, found ${n - tail} stage(s) on or behind a cycle`,
      },
    ]);
  }
  return { chain, root, n, indexOf, inStart, inStage, inQty, order, final, price, purchases };
}

/**
 * Unit requirements: how many units of every stage's output go into one unit of the final product.
 * `r[final] = 1`; for every stage `s` in reverse topological order, `r[u] += r[s] · q(s, u)` for each
 * chain input `(u, q)` of `s`. With `blockAt`, that stage does not pass requirements on to its chain
 * inputs (the first-round view, where its inputs are counted in whole).
 *
 * @internal
 */
export function unitRequirements(index: ChainIndex, blockAt = -1): Float64Array {
  const { n, order, inStart, inStage, inQty, final } = index;
  const r = new Float64Array(n);
  r[final] = 1;
  for (let t = n - 1; t >= 0; t--) {
    const s = order[t] as number;
    const rs = r[s] as number;
    if (!Number.isFinite(rs)) throw overflow(stagePath(index, s), ' in its unit requirement');
    if (rs === 0 || s === blockAt) continue;
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      r[u] = (r[u] as number) + rs * (inQty[k] as number);
    }
  }
  return r;
}

/**
 * Value added per unit of every stage's own output: `va_s = p_s − Σ q(s, u) · p_u − Σ purchases_s`.
 * A value that overflows raises `UNSUPPORTED` at the stage.
 *
 * @internal
 */
export function unitValueAdded(index: ChainIndex): Float64Array {
  const { n, inStart, inStage, inQty, price, purchases } = index;
  const va = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    let inputs = 0;
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      inputs += (inQty[k] as number) * (price[inStage[k] as number] as number);
    }
    const v = (price[s] as number) - inputs - (purchases[s] as number);
    if (!Number.isFinite(v)) throw overflow(stagePath(index, s), ' in its value added per unit');
    va[s] = v;
  }
  return va;
}

/**
 * Resolves a stage id to its index, or throws `NOT_FOUND` naming the option path.
 *
 * @internal
 */
export function stageIndex(index: ChainIndex, id: string, path: string): number {
  const i = index.indexOf.get(id);
  if (i === undefined) {
    throw new GvcError('NOT_FOUND', 'stage not found', [
      { path, message: `expected the id of a stage of chain ${quote(index.chain.id)}, found ${quote(id)}` },
    ]);
  }
  return i;
}

/**
 * The path of stage `s` under the index's root: `chain.stages[3]`.
 *
 * @internal
 */
export function stagePath(index: ChainIndex, s: number, rest = ''): string {
  const p = `stages[${s}]${rest}`;
  return index.root === '' ? p : `${index.root}.${p}`;
}
