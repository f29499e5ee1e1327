import * as z from 'zod/mini';
import { quote, validateOptions } from '../core/boundary.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { CountryCode, NonNegative } from '../core/primitives.js';
import { checkIdentity, formatAmount } from './attribution.js';
import { finalResult, overflow } from './cache.js';
import { indexChain, parseChainAtBoundary, stagePath, unitRequirements } from './graph.js';
import { type IncomeType, incomeTypes, type ValueChain, type ValueChainInput } from './model.js';

/**
 * Options of {@link agentAccounts}.
 *
 * @example
 * ```ts
 * AgentAccountsOptions.parse({ basis: 'volume', domesticCountry: 'GHA', indirectValueAdded: 120 });
 * //=> { basis: 'volume', domesticCountry: 'GHA', indirectValueAdded: 120, tolerance: 1e-9 }
 * ```
 */
export const AgentAccountsOptions = z.strictObject({
  /**
   * `per-unit` (default): flows per unit of the final product, scaled by unit requirements;
   * `volume`: flows of the period, from every stage's `output.volume`.
   */
  basis: z._default(z.enum(['per-unit', 'volume']), 'per-unit'),
  /** The economy of the analysis (default: the final stage's country). */
  domesticCountry: z.optional(CountryCode),
  /** Indirect value added generated in the domestic economy by the chain's purchases, on the same basis. */
  indirectValueAdded: z.optional(NonNegative),
  /** Relative tolerance of the accounting identities (default 1e-9). */
  tolerance: z._default(z.number().check(z.positive(), z.lte(0.1)), 1e-9),
});
/** Options of {@link agentAccounts}, as a caller passes them: every field may be left out. */
export type AgentAccountsOptions = z.input<typeof AgentAccountsOptions>;

/** Income items of an account: a stage `Distribution` summed over stages and scaled. */
export type IncomeTotals = Record<IncomeType, number>;

/** The operating account of one actor (or of a stage without an actor) of the chain. */
export interface AgentAccount {
  /** Actor id, or `stage:<stageId>` for a stage without an actor. */
  actor: string;
  /** The actor's country (from `chain.actors`, else its first stage's country). */
  country: string;
  /** The stages the actor performs. */
  stages: string[];
  /** Value of output: Σ scale · unit price. */
  productionValue: number;
  /** Intermediate consumption, split by origin. */
  intermediateConsumption: {
    /** Bought from other stages of the chain. */
    fromChain: number;
    /** Purchases from outside the chain. */
    fromOutside: number;
    /** `fromChain + fromOutside`. */
    total: number;
  };
  /** `productionValue − intermediateConsumption.total`. */
  valueAdded: number;
  /** How the value added is distributed, when every stage of the actor states a distribution. */
  distribution?: IncomeTotals;
  /** Value added less wages, taxes, depreciation, interest and land rent (with a distribution). */
  netOperatingProfit?: number;
}

/** The consolidated account of the whole chain, with transactions between its actors netted out. */
export interface ConsolidatedAccount {
  /** Value of final sales: output not consumed by other stages of the chain. */
  productionValue: number;
  /** Purchases from outside the chain (intra-chain purchases net out). */
  intermediateConsumption: number;
  /** Value added of the chain (= Σ of the actors' value added, checked). */
  valueAdded: number;
  /** Value added of stages located in the domestic country. */
  domesticValueAdded: number;
  /** The country of the analysis. */
  domesticCountry: string;
  /** Indirect value added, when supplied. */
  indirectValueAdded?: number;
  /** Indirect / direct domestic value added, when indirect value added is supplied. */
  drivingEffect?: number;
  /** (Direct domestic + indirect value added) / value of final sales, when indirect value added is supplied. */
  integrationRate?: number;
  /** Income totals over all stages, when every contributing stage states a distribution. */
  distribution?: IncomeTotals;
}

/** A stage whose consumers use more of its output than it produced. */
export interface MassBalanceIssue {
  /** The supplying stage. */
  stage: string;
  /** Its physical output (`output.volume`). */
  available: number;
  /** Σ over consumers of their volume times the quantity they use per unit. */
  required: number;
  /** `required − available`. */
  excess: number;
  /** The consuming stages. */
  consumers: string[];
}

/** The result of {@link agentAccounts}. */
export interface AgentAccounts {
  /** The chain's currency. */
  currency: string;
  /** The basis of the flows. */
  basis: 'per-unit' | 'volume';
  /** One account per actor, in order of first appearance in `chain.stages`. */
  accounts: AgentAccount[];
  /** The consolidated chain account. */
  consolidated: ConsolidatedAccount;
  /** Stages whose consumers use more than they produce (empty when consistent or when volumes are missing). */
  massBalance: MassBalanceIssue[];
}

type ChainStage = ValueChain['stages'][number];
const zeroIncome = (): IncomeTotals => ({
  wages: 0,
  taxes: 0,
  depreciation: 0,
  interest: 0,
  landRent: 0,
  profit: 0,
});

/**
 * Mass balance: every supplying stage whose volume is given and whose consumers all state volumes
 * must produce at least what they use, `volume_u ≥ Σ_s volume_s · q(s, u)` (within the tolerance).
 */
function massBalance(
  chain: ValueChain,
  index: ReturnType<typeof indexChain>,
  tolerance: number,
): MassBalanceIssue[] {
  const { n, inStart, inStage, inQty } = index;
  const required = new Float64Array(n);
  const unknown = new Uint8Array(n);
  const consumers: Array<string[] | undefined> = new Array(n);
  for (let s = 0; s < n; s++) {
    const stage = chain.stages[s] as ChainStage;
    const vol = stage.output.volume;
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      if (vol === undefined) unknown[u] = 1;
      else required[u] = (required[u] as number) + vol * (inQty[k] as number);
      const list = consumers[u] ?? [];
      if (!list.includes(stage.id)) list.push(stage.id);
      consumers[u] = list;
    }
  }
  const issues: MassBalanceIssue[] = [];
  for (let u = 0; u < n; u++) {
    const available = (chain.stages[u] as ChainStage).output.volume;
    const req = required[u] as number;
    if (available === undefined || unknown[u] || req <= available * (1 + tolerance)) continue;
    issues.push({
      stage: (chain.stages[u] as ChainStage).id,
      available,
      required: req,
      excess: req - available,
      consumers: consumers[u] ?? [],
    });
  }
  return issues;
}

/**
 * Agent accounts of a chain and their consolidation, as in FAO's value chain analysis (FAO 2005,
 * *Commodity chain analysis: constructing the commodity chain, functional analysis and flow charts*;
 * the EU's VCA4D methodological framework, 2018). Per actor: production value, intermediate
 * consumption (split into purchases from chain actors and from outside), value added, its
 * distribution and net operating profit (value added less wages, taxes, depreciation, interest and
 * land rent). The consolidated account nets out transactions between actors of the chain: its
 * production is the value of final sales, its intermediate consumption the outside purchases, and its
 * value added must equal the sum of the actors' (checked). Where a stage states a distribution, value
 * added created must equal value added distributed (checked, with the gap in the error). Where
 * indirect value added is supplied: the driving effect (indirect / direct domestic value added) and
 * the rate of integration into the domestic economy ((direct domestic + indirect value added) / value
 * of final sales). For a national analysis, model the national chain (its final stage the export or
 * the domestic sale). A mass-balance check flags stages whose consumers use more physical product
 * than they produced (`volume_u < Σ_s volume_s · q(s, u)`).
 *
 * The `per-unit` basis scales each stage by its unit requirement (flows per unit of the final
 * product, as {@link decomposeValueAdded}); the `volume` basis by its `output.volume` (flows of the period).
 *
 * Accounts hold amounts, not shares, so a final unit price of 0 is accepted (the accounts are still
 * well defined). The two ratios are undefined when their denominator is 0: asking for them (with
 * `indirectValueAdded`) when the direct domestic value added is 0, or the value of final sales is 0,
 * raises `UNSUPPORTED` naming the culprit, never NaN or ±Infinity. The result is deep-frozen.
 *
 * @param chain - the value chain (validated: `INVALID_INPUT` lists every problem)
 * @param options - `basis`, `domesticCountry`, `indirectValueAdded`, `tolerance`
 * @returns the actors' accounts, the consolidated account and mass-balance findings, deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain or options (paths rooted at `chain`
 *   and `options`), `INSUFFICIENT_DATA` when the `volume` basis is asked and a stage has no volume
 *   (`chain.stages[i].output.volume`), `UNSUPPORTED` when a ratio asked for has a zero denominator
 *   (`options.indirectValueAdded` for a zero direct domestic value added,
 *   `chain.stages[i].output.unitPrice` of the final stage for zero final sales) or amounts overflow,
 *   `ACCOUNTING_MISMATCH` when value added created differs from value added distributed, or the
 *   consolidated account does not balance
 * @example
 * ```ts
 * const chain = parseValueChain({
 *   id: 'c', name: 'Cocoa', family: 'additive', currency: 'USD', finalStage: 'export',
 *   stages: [
 *     { id: 'grow', name: 'Grow', country: 'GHA', output: { unit: 'kg', unitPrice: 2, volume: 100 },
 *       distribution: { wages: 1.5, profit: 0.5 } },
 *     { id: 'export', name: 'Export', country: 'GHA', output: { unit: 'kg', unitPrice: 2.5, volume: 100 },
 *       inputs: [{ stage: 'grow', quantity: 1 }], purchases: [{ description: 'bags', value: 0.1, country: 'CHN' }] },
 *   ],
 * });
 * agentAccounts(chain, { basis: 'volume', indirectValueAdded: 0 }).consolidated.integrationRate;
 * //=> 0.96
 * ```
 */
export function agentAccounts(chain: ValueChainInput, options?: AgentAccountsOptions): AgentAccounts {
  const parsed = parseChainAtBoundary(chain);
  const opts = validateOptions(AgentAccountsOptions, options);
  const index = indexChain(parsed);
  const { n, inStart, inStage, inQty, price, purchases, final } = index;
  const stages = parsed.stages;
  let scale: Float64Array;
  if (opts.basis === 'per-unit') scale = unitRequirements(index);
  else {
    scale = new Float64Array(n);
    const missing: GvcIssue[] = [];
    for (let s = 0; s < n; s++) {
      const v = (stages[s] as ChainStage).output.volume;
      if (v === undefined)
        missing.push({
          path: stagePath(index, s, '.output.volume'),
          message: 'expected a volume, found none',
        });
      else scale[s] = v;
    }
    if (missing.length > 0)
      throw new GvcError('INSUFFICIENT_DATA', "volume basis needs every stage's volume", missing);
  }
  const domesticCountry = opts.domesticCountry ?? (stages[final] as ChainStage).country;
  const actorCountry = new Map(parsed.actors.map((a) => [a.id, a.country]));

  const accounts = new Map<string, AgentAccount & { complete: boolean }>();
  const mismatches: GvcIssue[] = [];
  const total = zeroIncome();
  let allDistributed = true;
  let productionSum = 0;
  let intraChain = 0;
  let outside = 0;
  let domestic = 0;
  for (let s = 0; s < n; s++) {
    const x = scale[s] as number;
    const stage = stages[s] as ChainStage;
    const key = stage.actor ?? `stage:${stage.id}`;
    let acc = accounts.get(key);
    if (!acc) {
      acc = {
        actor: key,
        country: (stage.actor && actorCountry.get(stage.actor)) || stage.country,
        stages: [],
        productionValue: 0,
        intermediateConsumption: { fromChain: 0, fromOutside: 0, total: 0 },
        valueAdded: 0,
        distribution: zeroIncome(),
        complete: true,
      };
      accounts.set(key, acc);
    }
    acc.stages.push(stage.id);
    let fromChain = 0;
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      fromChain += (inQty[k] as number) * (price[inStage[k] as number] as number);
    }
    const production = x * (price[s] as number);
    const ic = x * fromChain;
    const ext = x * (purchases[s] as number);
    const va = production - ic - ext;
    if (!Number.isFinite(va)) throw overflow(stagePath(index, s), ' in its account');
    acc.productionValue += production;
    acc.intermediateConsumption.fromChain += ic;
    acc.intermediateConsumption.fromOutside += ext;
    acc.intermediateConsumption.total += ic + ext;
    acc.valueAdded += va;
    productionSum += production;
    intraChain += ic;
    outside += ext;
    if (stage.country === domesticCountry) domestic += va;
    const d = stage.distribution;
    if (d === undefined) {
      acc.complete = false;
      if (x !== 0) allDistributed = false;
      continue;
    }
    let distributed = 0;
    for (const t of incomeTypes) {
      distributed += x * d[t];
      (acc.distribution as IncomeTotals)[t] += x * d[t];
      total[t] += x * d[t];
    }
    if (!(Math.abs(distributed - va) <= opts.tolerance * Math.max(Math.abs(production), Math.abs(va)))) {
      mismatches.push({
        path: stagePath(index, s, '.distribution'),
        message: `expected value added distributed to equal value added created for stage ${quote(stage.id)} (actor ${quote(key)}), found created ${formatAmount(va)}, distributed ${formatAmount(distributed)} (gap ${formatAmount(distributed - va)})`,
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

  const list: AgentAccount[] = [];
  let vaSum = 0;
  for (const { complete, ...acc } of accounts.values()) {
    vaSum += acc.valueAdded;
    if (complete && acc.distribution) {
      const d = acc.distribution;
      acc.netOperatingProfit = acc.valueAdded - d.wages - d.taxes - d.depreciation - d.interest - d.landRent;
    } else delete acc.distribution;
    list.push(acc);
  }
  const finalSales = productionSum - intraChain;
  if (!Number.isFinite(finalSales - outside) || !Number.isFinite(vaSum))
    throw overflow('chain', ' in the consolidated account');
  // relative to the gross production of the chain, the magnitude of the sums involved
  checkIdentity(
    'consolidated chain account',
    vaSum,
    finalSales - outside,
    opts.tolerance,
    parsed.currency,
    productionSum,
  );

  const consolidated: ConsolidatedAccount = {
    productionValue: finalSales,
    intermediateConsumption: outside,
    valueAdded: vaSum,
    domesticValueAdded: domestic,
    domesticCountry,
  };
  if (opts.indirectValueAdded !== undefined) {
    // Ratios of a zero denominator are undefined: refused with the culprit, never NaN or ±Infinity.
    const ratioIssues: GvcIssue[] = [];
    if (domestic === 0) {
      ratioIssues.push({
        path: 'options.indirectValueAdded',
        message: `expected direct value added other than 0 in the domestic country ${quote(domesticCountry)} to compute the driving effect (indirect / direct domestic value added), found 0`,
      });
    }
    if (finalSales === 0) {
      ratioIssues.push({
        path: stagePath(index, final, '.output.unitPrice'),
        message: `expected final sales other than 0 to compute the integration rate ((direct domestic + indirect value added) / final sales), found 0 (the final stage ${quote((stages[final] as ChainStage).id)} sells at ${formatAmount(price[final] as number)})`,
      });
    }
    if (ratioIssues.length > 0)
      throw new GvcError('UNSUPPORTED', 'ratios of a zero denominator are undefined', ratioIssues);
    consolidated.indirectValueAdded = opts.indirectValueAdded;
    consolidated.drivingEffect = opts.indirectValueAdded / domestic;
    consolidated.integrationRate = (domestic + opts.indirectValueAdded) / finalSales;
  }
  if (allDistributed) consolidated.distribution = total;
  return finalResult(
    {
      currency: parsed.currency,
      basis: opts.basis,
      accounts: list,
      consolidated,
      massBalance: massBalance(parsed, index, opts.tolerance),
    },
    'chain',
  );
}
