import { checkOptions } from '../core/check.js';
import { decomposeAttribution, prepareDecomposition } from './attribution.js';
import { finalResult } from './cache.js';
import { DecomposeOptionsCheck } from './check.js';
import type { ValueChain, ValueChainInput } from './model.js';
import type { DecomposeOptions, DecompositionDepth } from './value-added.js';

/** Value added and value captured by one actor or country, per unit of the final product. */
export interface ValueCaptureGroup {
  /** Actor id or country code (same keys as the `byActor` and `byCountry` groups of {@link decomposeValueAdded}). */
  key: string;
  /** Value added, as in {@link decomposeValueAdded}. */
  valueAdded: number;
  /** Direct labour (wages) of the stages whose distribution is known. */
  directLabour: number;
  /** Value added less direct labour, over the stages whose distribution is known. */
  valueCaptured: number;
  /** Value added whose distribution is unknown: stages without one, outside purchases, first-round chain inputs. */
  uncovered: number;
  /** `valueAdded / finalValue`. */
  share: number;
  /** `valueCaptured / finalValue`. */
  capturedShare: number;
}

/** The result of {@link valueCapture}. */
export interface ValueCapture {
  /** Unit price of the final product. */
  finalValue: number;
  /** The chain's currency. */
  currency: string;
  /** The depth of the underlying decomposition. */
  depth: DecompositionDepth;
  /** By actor, sorted by value captured (descending), then key. */
  byActor: ValueCaptureGroup[];
  /** By country, sorted by value captured (descending), then key. */
  byCountry: ValueCaptureGroup[];
}

type ChainStage = ValueChain['stages'][number];
type Acc = { valueAdded: number; directLabour: number; valueCaptured: number; uncovered: number };

function accumulate(
  map: Map<string, Acc>,
  key: string,
  va: number,
  labour: number,
  captured: number,
  uncovered: number,
) {
  let a = map.get(key);
  if (!a) {
    a = { valueAdded: 0, directLabour: 0, valueCaptured: 0, uncovered: 0 };
    map.set(key, a);
  }
  a.valueAdded += va;
  a.directLabour += labour;
  a.valueCaptured += captured;
  a.uncovered += uncovered;
}

function toGroups(map: Map<string, Acc>, finalValue: number): ValueCaptureGroup[] {
  return [...map]
    .map(([key, a]) => ({
      key,
      ...a,
      share: a.valueAdded / finalValue,
      capturedShare: a.valueCaptured / finalValue,
    }))
    .sort((x, y) => y.valueCaptured - x.valueCaptured || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/**
 * Value captured beside value added, by actor and by country: value added less direct labour
 * (wages), after Kraemer, Linden & Dedrick (2011), who showed that of the iPhone's value the lead firm
 * captures far more than the countries that assemble it. A stage's value captured is its value added
 * less the wages of its `Distribution` (so: taxes, depreciation, interest, land rent and profit),
 * scaled by its unit requirement as in {@link decomposeValueAdded}. Value added whose distribution is
 * unknown (stages without a distribution, outside purchases, chain inputs counted in whole in a first
 * round) is reported as `uncovered`, never guessed: `valueAdded = directLabour + valueCaptured +
 * uncovered` for every group.
 *
 * Shares need a positive final value: a final unit price of 0 raises `UNSUPPORTED` at the final
 * stage's `unitPrice`, as in {@link decomposeValueAdded}. The result is deep-frozen.
 *
 * @param chain - the value chain (validated: `INVALID_INPUT` lists every problem)
 * @param options - as for {@link decomposeValueAdded}: `depth`, `at`, `tolerance`
 * @returns value added, direct labour, value captured and uncovered value by actor and country,
 *   deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain or options (paths rooted at `chain`
 *   and `options`), `NOT_FOUND` for an unknown `at`, `UNSUPPORTED` when the final unit price is 0 or
 *   amounts overflow, `ACCOUNTING_MISMATCH` when the decomposition or a stage's distribution does not
 *   balance
 * @example
 * ```ts
 * const chain = parseValueChain({
 *   id: 'phone', name: 'Phone', family: 'vertically-specialised', currency: 'USD', finalStage: 'brand',
 *   actors: [{ id: 'apple', name: 'Apple', country: 'USA' }],
 *   stages: [
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 180 } },
 *     { id: 'brand', name: 'Brand', actor: 'apple', country: 'USA', output: { unit: 'phone', unitPrice: 500 },
 *       inputs: [{ stage: 'assembly', quantity: 1 }], distribution: { wages: 60, profit: 260 } },
 *   ],
 * });
 * valueCapture(chain).byActor[0];
 * //=> { key: 'apple', valueAdded: 320, directLabour: 60, valueCaptured: 260, uncovered: 0, share: 0.64, capturedShare: 0.52 }
 * ```
 */
export function valueCapture(chain: ValueChainInput, options?: DecomposeOptions): ValueCapture {
  const opts = checkOptions(DecomposeOptionsCheck, options);
  const { att, chain: parsed } = prepareDecomposition(chain, opts);
  const decomposition = decomposeAttribution(att, opts.tolerance); // checks the identities
  const byActor = new Map<string, Acc>();
  const byCountry = new Map<string, Acc>();
  att.lines.forEach((line, li) => {
    const stage = parsed.stages[att.lineStage[li] as number] as ChainStage;
    const actor =
      line.origin === 'purchases' ? `purchases:${line.country}` : (stage.actor ?? `stage:${stage.id}`);
    const d = line.origin === 'stage' ? stage.distribution : undefined;
    const labour = d ? line.units * d.wages : 0;
    const captured = d ? line.valueAdded - labour : 0;
    const uncovered = d ? 0 : line.valueAdded;
    accumulate(byActor, actor, line.valueAdded, labour, captured, uncovered);
    accumulate(byCountry, line.country, line.valueAdded, labour, captured, uncovered);
  });
  return finalResult(
    {
      finalValue: decomposition.finalValue,
      currency: parsed.currency,
      depth: decomposition.depth,
      byActor: toGroups(byActor, decomposition.finalValue),
      byCountry: toGroups(byCountry, decomposition.finalValue),
    },
    'chain',
  );
}
