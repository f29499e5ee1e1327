/**
 * Internal engine of the value-added decompositions: attribution of the final value to stages,
 * purchases and (first round) chain inputs, and its grouping with the identity checks.
 *
 * @internal
 * @packageDocumentation
 */
import { quote } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { overflow } from './cache.js';
import {
  type ChainIndex,
  indexChain,
  parseChainAtBoundary,
  stageIndex,
  stagePath,
  unitRequirements,
  unitValueAdded,
} from './graph.js';
import type { ValueChain } from './model.js';
import {
  type BelowCostStage,
  type DecompositionDepth,
  incomeTypes,
  type StageValueAddedLine,
  type ValueAddedDecomposition,
  type ValueAddedGroup,
} from './value-added.js';

/** An attribution of the final value to stages and purchases at a depth. @internal */
export interface Attribution {
  index: ChainIndex;
  /** Index of the first-round stage, or -1 for the full decomposition. */
  at: number;
  /** Unit requirements at this depth. */
  r: Float64Array;
  /** Value added per unit of each stage's own output. */
  va: Float64Array;
  finalValue: number;
  /** The lines, as they appear in `byStage` of the result. */
  lines: StageValueAddedLine[];
  /** For each line, the index of its stage in `chain.stages`. */
  lineStage: number[];
}

/**
 * Attributes one unit of the final product's value to stages and purchases (see `decomposeValueAdded`
 * for the method). Lines come in chain order: each stage's own line, its purchases by country, then
 * (first round) the chain inputs bought by `at`.
 *
 * @internal
 */
export function attribute(index: ChainIndex, at: number): Attribution {
  const { chain, n, final, price, inStart, inStage, inQty } = index;
  const r = unitRequirements(index, at);
  const va = unitValueAdded(index);
  const finalValue = price[final] as number;
  const lines: StageValueAddedLine[] = [];
  const lineStage: number[] = [];
  // Shares of a zero final value are undefined: decomposeAttribution refuses them (see shareBase);
  // here they are left at 0 for the callers that use only the amounts (tradeInValueAdded).
  const shareOf = (v: number) => (finalValue > 0 ? v / finalValue : 0);
  const push = (s: number, line: Omit<StageValueAddedLine, 'share'>) => {
    lines.push({ ...line, share: shareOf(line.valueAdded) });
    lineStage.push(s);
  };
  for (let s = 0; s < n; s++) {
    const rs = r[s] as number;
    if (rs === 0) continue;
    const stage = chain.stages[s] as ValueChain['stages'][number];
    const own = rs * (va[s] as number);
    lines.push({
      key: stage.id,
      valueAdded: own,
      share: shareOf(own),
      stage: stage.id,
      origin: 'stage',
      country: stage.country,
      units: rs,
    });
    lineStage.push(s);
    const ps = stage.purchases;
    if (ps.length === 0) continue;
    const byCountry = new Map<string, number>();
    for (const p of ps) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + rs * p.value);
    for (const [country, value] of byCountry) {
      if (!Number.isFinite(value)) throw overflow(stagePath(index, s, '.purchases'), ' in the purchases');
      push(s, {
        key: `purchases:${stage.id}:${country}`,
        valueAdded: value,
        stage: stage.id,
        origin: 'purchases',
        country,
        units: 0,
      });
    }
  }
  if (at >= 0) {
    const ra = r[at] as number;
    const atId = (chain.stages[at] as ValueChain['stages'][number]).id;
    const sold = new Map<number, number>();
    for (let k = inStart[at] as number; k < (inStart[at + 1] as number); k++) {
      const u = inStage[k] as number;
      sold.set(u, (sold.get(u) ?? 0) + ra * (inQty[k] as number));
    }
    for (const [u, units] of sold) {
      const seller = chain.stages[u] as ValueChain['stages'][number];
      // a seller that also supplies stages outside `at`'s sub-chain keeps an own line under its id
      const key = (r[u] as number) > 0 ? `${seller.id}→${atId}` : seller.id;
      push(u, {
        key,
        valueAdded: units * (price[u] as number),
        stage: seller.id,
        origin: 'chain-input',
        country: seller.country,
        units,
      });
    }
  }
  return { index, at, r, va, finalValue, lines, lineStage };
}

type ChainStage = ValueChain['stages'][number];

/** Formats an amount for a message, to 12 significant digits (so 0.19999999999999996 reads 0.2). @internal */
export function formatAmount(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
}

/**
 * The final value as the base of shares: shares of a final value of 0 are undefined, so this raises
 * `GvcError('UNSUPPORTED')` at the final stage's `unitPrice` (`chain.stages[2].output.unitPrice`)
 * rather than return NaN or ±Infinity. The amounts themselves are well defined; only shares are not.
 *
 * @internal
 */
export function shareBase(index: ChainIndex): number {
  const finalValue = index.price[index.final] as number;
  if (finalValue > 0) return finalValue;
  const stage = index.chain.stages[index.final] as ChainStage;
  throw new GvcError('UNSUPPORTED', 'shares of a final value of 0 are undefined', [
    {
      path: stagePath(index, index.final, '.output.unitPrice'),
      message: `expected a positive unit price of the final stage ${quote(stage.id)} to compute shares of the final value, found ${formatAmount(finalValue)}`,
    },
  ]);
}

/** Sums values by key and returns groups sorted by value added (descending), then key. @internal */
function groups(
  sums: Map<string, number>,
  finalValue: number,
  out: ValueAddedGroup[] = [],
): ValueAddedGroup[] {
  for (const [key, valueAdded] of sums) out.push({ key, valueAdded, share: valueAdded / finalValue });
  return out.sort((a, b) => b.valueAdded - a.valueAdded || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function add(sums: Map<string, number>, key: string, value: number): void {
  sums.set(key, (sums.get(key) ?? 0) + value);
}

/** Checks that `parts` sums to `total` within `tolerance · scale` (default `|total|`); throws ACCOUNTING_MISMATCH with the gap. @internal */
export function checkIdentity(
  what: string,
  parts: number,
  total: number,
  tolerance: number,
  currency: string,
  scale = Math.abs(total),
): void {
  const gap = parts - total;
  const allowed = tolerance * scale;
  if (!(Math.abs(gap) <= allowed)) {
    throw new GvcError(
      'ACCOUNTING_MISMATCH',
      `${what}: expected the parts to sum to ${formatAmount(total)} ${currency}, found ${formatAmount(parts)} (gap ${formatAmount(gap)}, tolerance ${formatAmount(allowed)})`,
    );
  }
}

/**
 * Decomposes an attribution into groups, checking the identities. Shared by the public functions.
 *
 * @internal
 */
export function decomposeAttribution(att: Attribution, tolerance: number): ValueAddedDecomposition {
  const { index, r, va, lines, lineStage } = att;
  const finalValue = shareBase(index);
  const chain = index.chain;
  const stages = chain.stages;
  const byActor = new Map<string, number>();
  const byCountry = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byIncome = new Map<string, number>();
  // Stages without an actor form one group each; in the full decomposition each has exactly one
  // line, so their groups are built directly rather than through a map of (possibly 10^6) keys.
  const soleActor: ValueAddedGroup[] = [];
  let distributed = false;
  let total = 0;
  const mismatches: Array<{ path: string; message: string }> = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as StageValueAddedLine;
    const si = lineStage[li] as number;
    const stage = stages[si] as ChainStage;
    const value = line.valueAdded;
    total += value;
    add(byCountry, line.country, value);
    if (line.origin === 'purchases') {
      add(byActor, `purchases:${line.country}`, value);
      add(byFunction, 'purchases', value);
      add(byIncome, 'purchases', value);
      continue;
    }
    if (stage.actor !== undefined) add(byActor, stage.actor, value);
    else if (att.at < 0)
      soleActor.push({ key: `stage:${stage.id}`, valueAdded: value, share: value / finalValue });
    else add(byActor, `stage:${stage.id}`, value);
    add(byFunction, stage.function ?? 'unspecified', value);
    if (line.origin === 'chain-input') {
      add(byIncome, 'chain-inputs', value);
      continue;
    }
    const d = stage.distribution;
    if (d === undefined) {
      add(byIncome, 'undistributed', value);
      continue;
    }
    distributed = true;
    let sum = 0;
    for (const t of incomeTypes) {
      sum += d[t];
      add(byIncome, t, line.units * d[t]);
    }
    const vas = va[si] as number;
    const scale = Math.max(Math.abs(index.price[si] as number), Math.abs(vas));
    if (!(Math.abs(sum - vas) <= tolerance * scale)) {
      mismatches.push({
        path: stagePath(index, si, '.distribution'),
        message: `expected the distribution of stage ${quote(stage.id)} to sum to its value added per unit ${formatAmount(vas)}, found ${formatAmount(sum)} (gap ${formatAmount(sum - vas)})`,
      });
    }
  }
  if (mismatches.length > 0) {
    throw new GvcError(
      'ACCOUNTING_MISMATCH',
      'value added created differs from value added distributed',
      mismatches,
    );
  }
  if (!Number.isFinite(total)) throw overflow(index.root, ' in the sum of the value added');
  checkIdentity('value-added decomposition', total, finalValue, tolerance, chain.currency);
  const belowCost: BelowCostStage[] = [];
  for (let s = 0; s < index.n; s++) {
    if ((r[s] as number) > 0 && (va[s] as number) < 0) {
      belowCost.push({ stage: (stages[s] as ChainStage).id, valueAddedPerUnit: va[s] as number });
    }
  }
  const result: ValueAddedDecomposition = {
    finalValue,
    currency: chain.currency,
    depth: att.at < 0 ? 'full' : 'first-round',
    byStage: lines,
    byActor: groups(byActor, finalValue, soleActor),
    byCountry: groups(byCountry, finalValue),
    byFunction: groups(byFunction, finalValue),
    belowCost,
  };
  if (att.at >= 0) result.at = (stages[att.at] as ChainStage).id;
  if (distributed) result.byIncome = groups(byIncome, finalValue);
  return result;
}

/**
 * Parses and indexes a chain and options, and attributes its final value (shared by the public functions).
 *
 * @internal
 */
export function prepareDecomposition(
  chain: unknown,
  opts: { depth: DecompositionDepth; at?: string | undefined },
  name = 'chain',
  optionsName = 'options',
): { att: Attribution; chain: ValueChain } {
  const parsed = parseChainAtBoundary(chain, name);
  const index = indexChain(parsed, name);
  let at = -1;
  if (opts.depth === 'first-round') {
    at = opts.at === undefined ? index.final : stageIndex(index, opts.at, `${optionsName}.at`);
  } else if (opts.at !== undefined) {
    throw new GvcError('INVALID_INPUT', `invalid ${optionsName}`, [
      { path: `${optionsName}.at`, message: `expected no "at" with depth "full", found ${quote(opts.at)}` },
    ]);
  }
  return { att: attribute(index, at), chain: parsed };
}
