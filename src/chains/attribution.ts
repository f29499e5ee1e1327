/**
 * Internal engine of the value-added decompositions: attribution of the final value to stages,
 * purchases and (first round) chain inputs, and its grouping with the identity checks.
 *
 * @internal
 * @packageDocumentation
 */
import { GvcError } from '../core/errors.js';
import type {
  BelowCostStage,
  DecompositionDepth,
  StageValueAddedLine,
  ValueAddedDecomposition,
  ValueAddedGroup,
  ValueAddedOrigin,
} from './decompose.js';
import {
  type ChainIndex,
  indexChain,
  parseChainAtBoundary,
  stageIndex,
  unitRequirements,
  unitValueAdded,
} from './graph.js';
import { incomeTypes, type ValueChain } from './model.js';

/**
 * One line of an attribution: value per unit of the final product, the stage it belongs to, and
 * the country it counts for.
 *
 * @internal
 */
export interface AttributionLine {
  key: string;
  /** Index of the stage: its own value added, its purchases, or (chain-input) the stage that sold. */
  stage: number;
  origin: ValueAddedOrigin;
  country: string;
  /** Units of the stage's output per unit of the final product (0 for purchases). */
  units: number;
  value: number;
}

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
  lines: AttributionLine[];
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
  const lines: AttributionLine[] = [];
  const ownKey = new Set<string>();
  for (let s = 0; s < n; s++) {
    const rs = r[s] as number;
    if (rs === 0) continue;
    const stage = chain.stages[s] as ValueChain['stages'][number];
    ownKey.add(stage.id);
    lines.push({
      key: stage.id,
      stage: s,
      origin: 'stage',
      country: stage.country,
      units: rs,
      value: rs * (va[s] as number),
    });
    if (stage.purchases.length === 0) continue;
    const byCountry = new Map<string, number>();
    for (const p of stage.purchases) byCountry.set(p.country, (byCountry.get(p.country) ?? 0) + rs * p.value);
    for (const [country, value] of byCountry) {
      lines.push({
        key: `purchases:${stage.id}:${country}`,
        stage: s,
        origin: 'purchases',
        country,
        units: 0,
        value,
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
      const key = ownKey.has(seller.id) ? `${seller.id}→${atId}` : seller.id;
      lines.push({
        key,
        stage: u,
        origin: 'chain-input',
        country: seller.country,
        units,
        value: units * (price[u] as number),
      });
    }
  }
  return { index, at, r, va, finalValue: price[final] as number, lines };
}

type ChainStage = ValueChain['stages'][number];

/** Formats an amount for a message, to 12 significant digits (so 0.19999999999999996 reads 0.2). @internal */
export function formatAmount(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(12))) : String(x);
}

/** Sums values by key and returns groups sorted by value added (descending), then key. @internal */
function groups(sums: Map<string, number>, finalValue: number): ValueAddedGroup[] {
  const out: ValueAddedGroup[] = [];
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
  const { index, r, va, finalValue, lines } = att;
  const chain = index.chain;
  const stages = chain.stages;
  const byActor = new Map<string, number>();
  const byCountry = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byIncome = new Map<string, number>();
  const byStage: StageValueAddedLine[] = [];
  let distributed = false;
  let total = 0;
  const mismatches: Array<{ path: string; message: string }> = [];
  for (const line of lines) {
    const stage = stages[line.stage] as ChainStage;
    total += line.value;
    byStage.push({
      key: line.key,
      valueAdded: line.value,
      share: line.value / finalValue,
      stage: stage.id,
      origin: line.origin,
      country: line.country,
      units: line.units,
    });
    add(byCountry, line.country, line.value);
    if (line.origin === 'purchases') {
      add(byActor, `purchases:${line.country}`, line.value);
      add(byFunction, 'purchases', line.value);
      add(byIncome, 'purchases', line.value);
      continue;
    }
    add(byActor, stage.actor ?? `stage:${stage.id}`, line.value);
    add(byFunction, stage.function ?? 'unspecified', line.value);
    if (line.origin === 'chain-input') {
      add(byIncome, 'chain-inputs', line.value);
      continue;
    }
    const d = stage.distribution;
    if (d === undefined) {
      add(byIncome, 'undistributed', line.value);
      continue;
    }
    distributed = true;
    let sum = 0;
    for (const t of incomeTypes) {
      sum += d[t];
      add(byIncome, t, line.units * d[t]);
    }
    const vas = va[line.stage] as number;
    const scale = Math.max(Math.abs(index.price[line.stage] as number), Math.abs(vas));
    if (!(Math.abs(sum - vas) <= tolerance * scale)) {
      const i = line.stage;
      mismatches.push({
        path: `stages[${i}].distribution`,
        message: `expected the distribution of stage "${stage.id}" to sum to its value added per unit ${formatAmount(vas)}, found ${formatAmount(sum)} (gap ${formatAmount(sum - vas)})`,
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
    byStage,
    byActor: groups(byActor, finalValue),
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
): { att: Attribution; chain: ValueChain } {
  const parsed = parseChainAtBoundary(chain);
  const index = indexChain(parsed);
  let at = -1;
  if (opts.depth === 'first-round') {
    at = opts.at === undefined ? index.final : stageIndex(index, opts.at, 'options.at');
  } else if (opts.at !== undefined) {
    throw new GvcError('INVALID_INPUT', 'invalid options', [
      { path: 'options.at', message: `expected no "at" with depth "full", found "${opts.at}"` },
    ]);
  }
  return { att: attribute(index, at), chain: parsed };
}
