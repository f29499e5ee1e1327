import * as z from 'zod/mini';
import { validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { checkIdentity } from './attribution.js';
import { finalResult, overflow } from './cache.js';
import { indexChain, parseChainAtBoundary, stagePath, unitRequirements, unitValueAdded } from './graph.js';
import type { ValueChain, ValueChainInput } from './model.js';
import { numberCountries, ownContent } from './tiva-content.js';

/**
 * Options of {@link tradeInValueAdded}.
 *
 * @example
 * ```ts
 * TradeInValueAddedOptions.parse({});
 * //=> { tolerance: 1e-9 }
 * ```
 */
export const TradeInValueAddedOptions = z.strictObject({
  /** Relative tolerance of the accounting identities, as a fraction of the final value (default 1e-9). */
  tolerance: z._default(z.number().check(z.positive(), z.lte(0.1)), 1e-9),
});
/** Options of {@link tradeInValueAdded}, as a caller passes them: every field may be left out. */
export type TradeInValueAddedOptions = z.input<typeof TradeInValueAddedOptions>;

/** One country's trade in the chain, per unit of the final product. */
export interface CountryTradeInValueAdded {
  /** Country code. */
  country: string;
  /** Value of chain inputs, purchases and the final product that leave the country for another. */
  grossExports: number;
  /** The country's value added absorbed in final demand in another country (VAX). */
  valueAddedExports: number;
  /** The country's own value added embodied in its gross exports, counted at each crossing. */
  domesticValueAddedInExports: number;
  /** Value added of other countries embodied in its gross exports: `grossExports − domesticValueAddedInExports`. */
  foreignContent: number;
  /** The country's total value added in the product (full decomposition). */
  valueAdded: number;
}

/** Trade between two countries, gross and in value added, per unit of the final product. */
export interface BilateralTradeInValueAdded {
  /** Exporting country. */
  exporter: string;
  /** Importing country. */
  importer: string;
  /** Gross exports from `exporter` to `importer`. */
  gross: number;
  /** The exporter's value added absorbed in the importer's final demand. */
  valueAdded: number;
}

/** The result of {@link tradeInValueAdded}; every amount is per unit of the final product. */
export interface TradeInValueAdded {
  /** Unit price of the final product. */
  finalValue: number;
  /** The chain's currency. */
  currency: string;
  /** Where the final product is consumed: `chain.finalMarket`, else the final stage's country. */
  finalMarket: string;
  /** One row per country that appears in the chain, sorted by code. */
  countries: CountryTradeInValueAdded[];
  /** Value added that crosses at least one border, each unit counted once. */
  valueAddedCarried: number;
  /** Gross exports summed over countries minus the value added they carry (counted once). */
  doubleCounting: number;
  /** One row per ordered pair of countries with gross or value-added trade, sorted by exporter then importer. */
  bilateral: BilateralTradeInValueAdded[];
}

type ChainStage = ValueChain['stages'][number];

/**
 * Gross trade against trade in value added for one product's chain: the chain-scale counterpart of
 * the TiVA indicators (Johnson & Noguera 2012 for value-added exports; Koopman, Wang & Wei 2014 for
 * the split of gross exports into domestic value added, foreign content and double counting).
 *
 * **Method.** Unit requirements `r` and value added per unit `va` are those of the full
 * {@link decomposeValueAdded}. A flow crosses a border when the seller's country differs from the
 * buyer stage's country: a chain input `(u, q)` of `s` is worth `r_s · q · p_u`; a purchase of `s`
 * from another country `r_s · value`; the final product `p_final` when the final market is not the
 * final stage's country. The value added embodied per unit of a stage's output by country,
 * `E_u[c] = [c_u = c] · va_u + Σ purchases of u from c + Σ q(u, w) · E_w[c]`, gives the domestic value
 * added of each export (counted at each crossing) and so the foreign content. Value-added exports of a
 * country are its value added when it is not the final market (all of a product's value added is
 * absorbed where the product is consumed). The value added carried by exports, counted once, is the
 * value added whose path to final demand crosses at least one border; double counting is the sum of
 * gross exports minus it: intermediates counted again each time they cross (for the iPhone, the
 * 172.46 of components counted once into China and again inside the phone).
 *
 * **Computation.** It is an accounting pass over the chain, not a matrix inversion: on an acyclic
 * chain the contents `E_u[·]` are a substitution through the stages in topological order, one
 * right-hand side per exporting country, and all of them are carried at once as sparse rows (each
 * stage holds only the exporting countries found upstream of it, merged from its sellers'), in time
 * proportional to the entries formed, as in a sparse triangular solve with sparse right-hand sides
 * (Gilbert & Peierls 1988, "Sparse partial pivoting in time proportional to arithmetic operations",
 * SIAM J. Sci. Stat. Comput. 9(5)). Each export reads its seller's own-country entry; the flows and
 * the value added carried take one plain pass each. So the cost is O(stages + inputs + purchases)
 * times the mean number of exporting countries upstream of a stage: about 4.6 for the benchmark's
 * tree of 10^6 stages in 60 countries (about 2–3 s, most of it indexing the chain), all of them for
 * a line that changes country at every stage. Work is bounded before the pass: past 10^8 country
 * entries merged (an upper bound computed first, never above the former exporting countries ×
 * (stages + inputs + purchases) of one pass per country) it is refused with `UNSUPPORTED`, as is a
 * pass that would hold more than 10^7 entries at once (about 240 MB). The sums are formed in the
 * same order as one pass per country, so the results are those of that pass to the last bit. A final unit
 * price of 0 is accepted (no shares are reported; the identities are then checked relative to the
 * sum of the absolute value added). The result is deep-frozen.
 *
 * @param chain - the value chain (validated: `INVALID_INPUT` lists every problem)
 * @param options - `tolerance`, relative (default 1e-9)
 * @returns per-country indicators, double counting and bilateral balances, per unit of the final
 *   product, deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain or options (paths rooted at `chain`
 *   and `options`), `UNSUPPORTED` when the work or memory bound is exceeded or amounts overflow,
 *   `ACCOUNTING_MISMATCH` when value added by country does not sum to the final value
 * @example
 * ```ts
 * const chain = parseValueChain({
 *   id: 'phone', name: 'Phone', family: 'vertically-specialised', currency: 'USD',
 *   finalStage: 'assembly', finalMarket: 'USA',
 *   stages: [
 *     { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'chip', unitPrice: 60 } },
 *     { id: 'assembly', name: 'Assembly', country: 'CHN', output: { unit: 'phone', unitPrice: 70 },
 *       inputs: [{ stage: 'chip', quantity: 1 }] },
 *   ],
 * });
 * tradeInValueAdded(chain).bilateral;
 * //=> [{ exporter: 'CHN', importer: 'USA', gross: 70, valueAdded: 10 },
 * //    { exporter: 'JPN', importer: 'CHN', gross: 60, valueAdded: 0 },
 * //    { exporter: 'JPN', importer: 'USA', gross: 0, valueAdded: 60 }]
 * ```
 */
export function tradeInValueAdded(
  chain: ValueChainInput,
  options?: TradeInValueAddedOptions,
): TradeInValueAdded {
  const parsed = parseChainAtBoundary(chain);
  const { tolerance } = validateOptions(TradeInValueAddedOptions, options);
  const index = indexChain(parsed);
  const { n, order, inStart, inStage, inQty, price, final } = index;
  const r = unitRequirements(index, -1);
  const va = unitValueAdded(index);
  const finalValue = price[final] as number;
  const stages = parsed.stages;
  const market = parsed.finalMarket ?? (stages[final] as ChainStage).country;
  const numbered = numberCountries(stages, market);
  const { codes, stageCountry, purchaseStart, purchaseCountry, purchaseValue, marketNumber } = numbered;
  const countryCount = codes.length;
  const cf = stageCountry[final] as number;

  // Value added by country, summed as the lines of the full decomposition (own, then purchases by country).
  const valueAdded = new Float64Array(countryCount);
  const vaOrder: number[] = []; // countries in order of their first line
  const listed = new Uint8Array(countryCount); // 1: has a line, 2: exports (gross), 3: both
  const addVa = (c: number, v: number) => {
    if (((listed[c] as number) & 1) === 0) {
      listed[c] = (listed[c] as number) | 1;
      vaOrder.push(c);
    }
    valueAdded[c] = (valueAdded[c] as number) + v;
  };
  let magnitude = 0;
  const groupC: number[] = [];
  const groupV: number[] = [];
  for (let s = 0; s < n; s++) {
    const rs = r[s] as number;
    if (rs === 0) continue;
    const own = rs * (va[s] as number);
    addVa(stageCountry[s] as number, own);
    magnitude += Math.abs(own);
    const p0 = purchaseStart[s] as number;
    const p1 = purchaseStart[s + 1] as number;
    if (p0 === p1) continue;
    groupC.length = 0;
    groupV.length = 0;
    for (let j = p0; j < p1; j++) {
      const c = purchaseCountry[j] as number;
      const g = groupC.indexOf(c);
      const v = rs * (purchaseValue[j] as number);
      if (g < 0) {
        groupC.push(c);
        groupV.push(0 + v);
      } else groupV[g] = (groupV[g] as number) + v;
    }
    for (let g = 0; g < groupC.length; g++) {
      const v = groupV[g] as number;
      if (!Number.isFinite(v)) throw overflow(stagePath(index, s, '.purchases'), ' in the purchases');
      addVa(groupC[g] as number, v);
      magnitude += Math.abs(v);
    }
  }
  let total = 0;
  for (const c of vaOrder) total += valueAdded[c] as number;
  if (!Number.isFinite(magnitude)) throw overflow('chain', ' in the value added');
  const scale = finalValue > 0 ? finalValue : magnitude;
  checkIdentity('value added by country', total, finalValue, tolerance, parsed.currency, scale);

  // Gross flows that cross a border, by (seller country, buyer country) in order of first flow; the
  // exporting countries, whose domestic content is needed; purchases are entirely value added of
  // their country, so they count as domestic content of the seller's export as they cross.
  const gross = new Map<number, number>();
  const addFlow = (from: number, to: number, v: number) => {
    const key = from * countryCount + to;
    gross.set(key, (gross.get(key) ?? 0) + v);
    listed[from] = (listed[from] as number) | 2;
  };
  const dva = new Float64Array(countryCount);
  const wanted = new Uint8Array(countryCount);
  for (let s = 0; s < n; s++) {
    const rs = r[s] as number;
    if (rs === 0) continue;
    const cs = stageCountry[s] as number;
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      const cu = stageCountry[u] as number;
      if (cu !== cs) {
        addFlow(cu, cs, rs * (inQty[k] as number) * (price[u] as number));
        wanted[cu] = 1;
      }
    }
    for (let j = purchaseStart[s] as number; j < (purchaseStart[s + 1] as number); j++) {
      const c = purchaseCountry[j] as number;
      if (c !== cs) {
        const v = rs * (purchaseValue[j] as number);
        addFlow(c, cs, v);
        dva[c] = (dva[c] as number) + v;
      }
    }
  }
  if (marketNumber !== cf) {
    addFlow(cf, marketNumber, finalValue);
    wanted[cf] = 1;
  }

  // Domestic content of the exports of every exporting country: one pass, upstream first (tiva-content).
  const own = ownContent({ index, va, stageCountry, purchaseStart, purchaseCountry, purchaseValue, wanted });
  for (let s = 0; s < n; s++) {
    const rs = r[s] as number;
    if (rs === 0) continue;
    const cs = stageCountry[s] as number;
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      const cu = stageCountry[u] as number;
      if (cu !== cs) dva[cu] = (dva[cu] as number) + rs * (inQty[k] as number) * (own[u] as number);
    }
  }
  if (marketNumber !== cf) dva[cf] = (dva[cf] as number) + (own[final] as number);

  // Value added carried (counted once): the share of each origin's value whose path crosses a border.
  const stayAcc = own.fill(0); // the contents are read: reuse their array
  let carried = 0;
  for (let t = n - 1; t >= 0; t--) {
    const s = order[t] as number;
    const rs = r[s] as number;
    if (rs === 0) continue;
    const cs = stageCountry[s] as number;
    const st = s === final ? (cs === marketNumber ? 1 : 0) : (stayAcc[s] as number) / rs;
    carried += rs * (va[s] as number) * (1 - st);
    for (let j = purchaseStart[s] as number; j < (purchaseStart[s + 1] as number); j++)
      carried += rs * (purchaseValue[j] as number) * (purchaseCountry[j] === cs ? 1 - st : 1);
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      if (stageCountry[u] === cs) stayAcc[u] = (stayAcc[u] as number) + rs * (inQty[k] as number) * st;
    }
  }

  // Gross exports by country, summed over importers in order of first flow.
  const grossOf = new Float64Array(countryCount);
  for (const [key, v] of gross) {
    const from = Math.floor(key / countryCount);
    grossOf[from] = (grossOf[from] as number) + v;
  }
  listed[marketNumber] = (listed[marketNumber] as number) | 4;
  const shown: number[] = [];
  for (let c = 0; c < countryCount; c++) if (listed[c] !== 0) shown.push(c);
  shown.sort((a, b) => ((codes[a] as string) < (codes[b] as string) ? -1 : 1));
  const countries: CountryTradeInValueAdded[] = shown.map((c) => {
    const g = grossOf[c] as number;
    const d = dva[c] as number;
    const vaC = valueAdded[c] as number;
    return {
      country: codes[c] as string,
      grossExports: g,
      valueAddedExports: c === marketNumber ? 0 : vaC,
      domesticValueAddedInExports: d,
      foreignContent: g - d,
      valueAdded: vaC,
    };
  });
  let grossTotal = 0;
  for (const row of countries) grossTotal += row.grossExports;

  const pairs = new Map<number, BilateralTradeInValueAdded>();
  const pair = (from: number, to: number) => {
    const key = from * countryCount + to;
    let p = pairs.get(key);
    if (!p) {
      p = { exporter: codes[from] as string, importer: codes[to] as string, gross: 0, valueAdded: 0 };
      pairs.set(key, p);
    }
    return p;
  };
  for (const [key, v] of gross) pair(Math.floor(key / countryCount), key % countryCount).gross += v;
  for (const c of vaOrder) {
    const v = valueAdded[c] as number;
    if (c !== marketNumber && v !== 0) pair(c, marketNumber).valueAdded += v;
  }
  const bilateral = [...pairs.values()].sort((a, b) =>
    a.exporter === b.exporter ? (a.importer < b.importer ? -1 : 1) : a.exporter < b.exporter ? -1 : 1,
  );

  return finalResult(
    {
      finalValue,
      currency: parsed.currency,
      finalMarket: market,
      countries,
      valueAddedCarried: carried,
      doubleCounting: grossTotal - carried,
      bilateral,
    },
    'chain',
  );
}
