/**
 * Internal engine of `tradeInValueAdded`: the value added of each country embodied in each stage's
 * output, for every exporting country in one pass over the chain (sparse by country).
 *
 * @internal
 * @packageDocumentation
 */
import { GvcError } from '../core/errors.js';
import type { ChainIndex } from './graph.js';
import type { ValueChain } from './model.js';

type ChainStage = ValueChain['stages'][number];

/**
 * The most work of the pass, in country entries merged: a stage's own value added and each of its
 * purchases count one, a chain input the number of countries its seller's content holds. It is
 * checked before the pass on an upper bound (each stage's countries bounded by the exporting
 * countries and by the sum over its sellers'), which never exceeds exporting countries × (stages +
 * chain inputs + purchases), the bound of the former one pass per exporting country. The benchmark's
 * tree of 10^6 stages in 60 countries needs about 4.6 · 10^6.
 */
export const MAX_CONTENT_WORK = 1e8;
/**
 * The most slots held at once: the country entries of the stages not yet read by all their buyers,
 * plus one per such stage. Their pool is at most twice as large (12 bytes a slot: at most 240 MB);
 * depth first, a tree holds only the contents along one path (a few thousand slots at 10^6 stages).
 */
export const MAX_CONTENT_HELD = 1e7;

/** The chain's countries by number, and its purchases in compressed rows. @internal */
export interface NumberedCountries {
  /** Country codes by number: stages' countries in chain order, then purchases', then the market's. */
  codes: string[];
  /** Country number of each stage. */
  stageCountry: Int32Array;
  /** Purchases of stage `s` are `purchaseStart[s] .. purchaseStart[s + 1]` (chain order). */
  purchaseStart: Int32Array;
  /** Country number of each purchase. */
  purchaseCountry: Int32Array;
  /** Value of each purchase per unit of its stage's output. */
  purchaseValue: Float64Array;
  /** Number of the final market. */
  marketNumber: number;
}

/**
 * Numbers the countries of a chain (one map look-up per stage and purchase) and lays its purchases
 * out in compressed rows, so that the passes compare numbers and read typed arrays.
 *
 * @internal
 */
export function numberCountries(stages: readonly ChainStage[], market: string): NumberedCountries {
  const n = stages.length;
  const codes: string[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (code: string) => {
    let c = numbers.get(code);
    if (c === undefined) {
      c = codes.length;
      codes.push(code);
      numbers.set(code, c);
    }
    return c;
  };
  const stageCountry = new Int32Array(n);
  const purchaseStart = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) {
    const stage = stages[s] as ChainStage;
    stageCountry[s] = numberOf(stage.country);
    purchaseStart[s + 1] = (purchaseStart[s] as number) + stage.purchases.length;
  }
  const purchaseCountry = new Int32Array(purchaseStart[n] as number);
  const purchaseValue = new Float64Array(purchaseStart[n] as number);
  for (let s = 0, j = 0; s < n; s++) {
    for (const p of (stages[s] as ChainStage).purchases) {
      purchaseCountry[j] = numberOf(p.country);
      purchaseValue[j++] = p.value;
    }
  }
  const marketNumber = numberOf(market);
  return { codes, stageCountry, purchaseStart, purchaseCountry, purchaseValue, marketNumber };
}

/** The content pass, as `tradeInValueAdded` calls it. @internal */
export interface ContentInput {
  index: ChainIndex;
  /** Value added per unit of each stage's own output. */
  va: Float64Array;
  /** Country number of each stage (`0 .. wanted.length − 1`). */
  stageCountry: Int32Array;
  /** Purchases in compressed rows (see {@link NumberedCountries}). */
  purchaseStart: Int32Array;
  purchaseCountry: Int32Array;
  purchaseValue: Float64Array;
  /** 1 for the countries whose domestic content is needed (the exporting ones), else 0. */
  wanted: Uint8Array;
}

function tooMuch(message: string): GvcError {
  return new GvcError('UNSUPPORTED', 'chain too large for trade in value added', [
    { path: 'chain', message },
  ]);
}

/**
 * The own-country content `E_u[c_u]` of every stage `u` upstream of the final one, where `E_u[c]` is
 * the value added of country `c` embodied in one unit of `u`'s output: `E_u[c] = [c_u = c] · va_u +
 * Σ purchases of u from c + Σ q(u, w) · E_w[c]`, for the wanted countries only.
 *
 * One depth-first pass from the final stage, sellers before buyers; each stage holds a sparse vector
 * over the wanted countries found upstream of it, merged from its sellers' through a dense scratch row,
 * and released when its last buyer has read it (the pool is compacted in place, or grown, when full).
 * The terms of each `E_u[c]` are added in the same order as a dense pass per country (own value
 * added, purchases, chain inputs in chain order), so the values are bitwise those of that pass. Before
 * merging, a bound of the work (each stage's countries bounded by the wanted ones and by its own, its
 * purchases' and its sellers' together) is checked against {@link MAX_CONTENT_WORK}.
 *
 * Allocates five arrays of the number of stages (about 24 bytes a stage) and the pool, so that a call
 * on a chain of 10^6 stages adds little to the garbage collector's work.
 *
 * @returns `own[u] = E_u[c_u]` (0 when `c_u` is not wanted, or `u` does not lead to the final stage)
 * @throws {@link GvcError} `UNSUPPORTED` before merging when the bound of work exceeds
 *   {@link MAX_CONTENT_WORK}, during it when more than {@link MAX_CONTENT_HELD} slots are held
 * @internal
 */
export function ownContent(input: ContentInput): Float64Array {
  const { index, va, stageCountry, purchaseStart, purchaseCountry, purchaseValue, wanted } = input;
  const { n, final, inStart, inStage, inQty } = index;
  const countries = wanted.length;

  // Depth-first post-order from the final stage. `slot` is 0 (not seen), position + 1 of the next
  // input to visit (on the stack), or -1 (placed); `readers` serves as the stack.
  const post = new Int32Array(n);
  const slot = new Int32Array(n);
  const readers = new Int32Array(n);
  let reached = 0;
  let sp = 0;
  readers[sp++] = final;
  slot[final] = (inStart[final] as number) + 1;
  while (sp > 0) {
    const u = readers[sp - 1] as number;
    const k = (slot[u] as number) - 1;
    if (k < (inStart[u + 1] as number)) {
      slot[u] = k + 2;
      const w = inStage[k] as number;
      if (slot[w] === 0) {
        slot[w] = (inStart[w] as number) + 1;
        readers[sp++] = w;
      }
    } else {
      post[reached++] = u;
      slot[u] = -1;
      sp--;
    }
  }

  // Buyers still to read each stage's vector, and the bound of the work (`slot`: countries bound).
  readers.fill(0);
  let most = 0;
  for (let c = 0; c < countries; c++) most += wanted[c] as number;
  let bound = 0;
  for (let t = 0; t < reached; t++) {
    const u = post[t] as number;
    let w = wanted[stageCountry[u] as number] as number;
    for (let j = purchaseStart[u] as number; j < (purchaseStart[u + 1] as number); j++)
      w += wanted[purchaseCountry[j] as number] as number;
    for (let k = inStart[u] as number; k < (inStart[u + 1] as number); k++) {
      const v = inStage[k] as number;
      readers[v] = (readers[v] as number) + 1;
      w += slot[v] as number;
    }
    bound += w;
    slot[u] = Math.min(w, most);
  }
  if (bound > MAX_CONTENT_WORK) {
    throw tooMuch(
      `expected at most 1e8 country entries merged (exporting countries upstream of each stage, over stages, chain inputs and purchases), found up to ${bound.toExponential(2)}`,
    );
  }

  // The merge. A stage's vector is a header (length in poolCountry, owner in poolValue) and its
  // entries; `slot[u]` is the header's position.
  const scratch = new Float64Array(countries);
  const seen = new Int32Array(countries).fill(-1);
  const touched = new Int32Array(countries);
  const own = new Float64Array(n);
  let capacity = 4096;
  let poolCountry = new Int32Array(capacity);
  let poolValue = new Float64Array(capacity);
  let used = 0;
  let held = 0;
  for (let t = 0; t < reached; t++) {
    const u = post[t] as number;
    let count = 0;
    const cu = stageCountry[u] as number;
    if (wanted[cu] === 1) {
      seen[cu] = u;
      touched[count++] = cu;
      scratch[cu] = va[u] as number;
    }
    for (let j = purchaseStart[u] as number; j < (purchaseStart[u + 1] as number); j++) {
      const c = purchaseCountry[j] as number;
      if (wanted[c] !== 1) continue;
      if (seen[c] !== u) {
        seen[c] = u;
        touched[count++] = c;
        scratch[c] = 0;
      }
      scratch[c] = (scratch[c] as number) + (purchaseValue[j] as number);
    }
    for (let k = inStart[u] as number; k < (inStart[u + 1] as number); k++) {
      const w = inStage[k] as number;
      const q = inQty[k] as number;
      const h = slot[w] as number;
      const to = h + 1 + (poolCountry[h] as number);
      for (let j = h + 1; j < to; j++) {
        const c = poolCountry[j] as number;
        if (seen[c] !== u) {
          seen[c] = u;
          touched[count++] = c;
          scratch[c] = 0;
        }
        scratch[c] = (scratch[c] as number) + q * (poolValue[j] as number);
      }
      const left = (readers[w] as number) - 1;
      readers[w] = left;
      if (left === 0) held -= to - h;
    }
    own[u] = seen[cu] === u ? (scratch[cu] as number) : 0;
    if (readers[u] === 0) continue;

    held += count + 1;
    if (held > MAX_CONTENT_HELD) {
      throw tooMuch(
        `expected at most 1e7 slots held at once (country contents of stages not yet read by all their buyers), found ${held.toExponential(2)}`,
      );
    }
    if (used + count + 1 > capacity) {
      // Keep the live vectors (owner still to be read), in place when they fill at most half of the
      // pool, else in a pool twice their size: either way at least half of it is then free.
      const inPlace = 2 * held <= capacity;
      if (!inPlace) capacity = 2 * held;
      const toCountry = inPlace ? poolCountry : new Int32Array(capacity);
      const toValue = inPlace ? poolValue : new Float64Array(capacity);
      let write = 0;
      for (let h = 0; h < used; ) {
        const len = (poolCountry[h] as number) + 1;
        const owner = poolValue[h] as number;
        if ((readers[owner] as number) > 0) {
          if (inPlace) {
            poolCountry.copyWithin(write, h, h + len);
            poolValue.copyWithin(write, h, h + len);
          } else {
            toCountry.set(poolCountry.subarray(h, h + len), write);
            toValue.set(poolValue.subarray(h, h + len), write);
          }
          slot[owner] = write;
          write += len;
        }
        h += len;
      }
      poolCountry = toCountry;
      poolValue = toValue;
      used = write; // = held − count − 1, the live slots
    }
    slot[u] = used;
    poolCountry[used] = count;
    poolValue[used] = u;
    used++;
    for (let i = 0; i < count; i++) {
      const c = touched[i] as number;
      poolCountry[used] = c;
      poolValue[used] = scratch[c] as number;
      used++;
    }
  }
  return own;
}
