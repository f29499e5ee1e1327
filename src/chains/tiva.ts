import { z } from 'zod';
import { validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { attribute, checkIdentity } from './attribution.js';
import { finalResult, overflow } from './cache.js';
import { indexChain, parseChainAtBoundary } from './graph.js';
import type { ValueChain, ValueChainInput } from './model.js';

/**
 * Options of {@link tradeInValueAdded}.
 *
 * @example
 * ```ts
 * TradeInValueAddedOptions.parse({});
 * //=> { tolerance: 1e-9 }
 * ```
 */
export const TradeInValueAddedOptions = z
  .object({
    /** Relative tolerance of the accounting identities, as a fraction of the final value (default 1e-9). */
    tolerance: z.number().positive().max(0.1).default(1e-9),
  })
  .strict();
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
 * The most work {@link tradeInValueAdded} takes on: exporting countries × (stages + chain inputs +
 * purchases). Domestic content needs one pass over the chain per exporting country, so a chain whose
 * every stage is in a country of its own would cost the square of its size; past this bound (a few
 * seconds) it is refused before any work. The benchmark's 10^6 stages in 10 countries use 2·10^7.
 */
const MAX_WORK = 1e8;

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
 * Linear in the chain for a fixed number of countries: O((stages + inputs) · exporting countries),
 * refused past 10^8 (exporting countries × (stages + inputs + purchases), a few seconds) before the work starts. A final unit
 * price of 0 is accepted (no shares are reported; the identities are then checked relative to the
 * sum of the absolute value added). The result is deep-frozen.
 *
 * @param chain - the value chain (validated: `INVALID_INPUT` lists every problem)
 * @param options - `tolerance`, relative (default 1e-9)
 * @returns per-country indicators, double counting and bilateral balances, per unit of the final
 *   product, deep-frozen
 * @throws {@link GvcError} `INVALID_INPUT` for an invalid chain or options (paths rooted at `chain`
 *   and `options`), `UNSUPPORTED` when the work bound is exceeded or amounts overflow,
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
  const { r, va, finalValue, lines } = attribute(index, -1);
  const stages = parsed.stages;
  const country = (i: number) => (stages[i] as ChainStage).country;
  const market = parsed.finalMarket ?? country(final);

  const valueAdded = new Map<string, number>();
  for (const line of lines)
    valueAdded.set(line.country, (valueAdded.get(line.country) ?? 0) + line.valueAdded);
  let total = 0;
  let magnitude = 0;
  for (const v of valueAdded.values()) total += v;
  for (const line of lines) magnitude += Math.abs(line.valueAdded);
  if (!Number.isFinite(magnitude)) throw overflow('chain', ' in the value added');
  const scale = finalValue > 0 ? finalValue : magnitude;
  checkIdentity('value added by country', total, finalValue, tolerance, parsed.currency, scale);

  // Gross flows that cross a border; exporting sellers whose domestic content must be known.
  const gross = new Map<string, Map<string, number>>();
  const addFlow = (from: string, to: string, v: number) => {
    let row = gross.get(from);
    if (!row) {
      row = new Map();
      gross.set(from, row);
    }
    row.set(to, (row.get(to) ?? 0) + v);
  };
  const dva = new Map<string, number>();
  const addDva = (c: string, v: number) => dva.set(c, (dva.get(c) ?? 0) + v);
  const exporting = new Set<string>();
  for (let s = 0; s < n; s++) {
    const rs = r[s] as number;
    if (rs === 0) continue;
    const cs = country(s);
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      if (country(u) !== cs) {
        addFlow(country(u), cs, rs * (inQty[k] as number) * (price[u] as number));
        exporting.add(country(u));
      }
    }
    for (const p of (stages[s] as ChainStage).purchases) {
      if (p.country !== cs) {
        addFlow(p.country, cs, rs * p.value);
        addDva(p.country, rs * p.value); // a purchase is entirely value added of its country
      }
    }
  }
  if (market !== country(final)) {
    addFlow(country(final), market, finalValue);
    exporting.add(country(final));
  }

  let purchaseCount = 0;
  for (const stage of stages) purchaseCount += stage.purchases.length;
  const work = exporting.size * (n + (inStart[n] as number) + purchaseCount);
  if (work > MAX_WORK) {
    throw new GvcError('UNSUPPORTED', 'chain too large for trade in value added', [
      {
        path: 'chain',
        message: `expected at most 1e8 units of work (exporting countries × (stages + chain inputs + purchases)), found ${exporting.size} × ${work / exporting.size} = ${work.toExponential(2)}`,
      },
    ]);
  }
  // Domestic content of the exports of each exporting country: one pass per country, upstream first.
  const embodied = new Float64Array(n);
  for (const c of exporting) {
    for (let t = 0; t < n; t++) {
      const u = order[t] as number;
      let e = country(u) === c ? (va[u] as number) : 0;
      for (const p of (stages[u] as ChainStage).purchases) if (p.country === c) e += p.value;
      for (let k = inStart[u] as number; k < (inStart[u + 1] as number); k++) {
        e += (inQty[k] as number) * (embodied[inStage[k] as number] as number);
      }
      embodied[u] = e;
    }
    for (let s = 0; s < n; s++) {
      const rs = r[s] as number;
      if (rs === 0 || country(s) === c) continue;
      for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
        const u = inStage[k] as number;
        if (country(u) === c) addDva(c, rs * (inQty[k] as number) * (embodied[u] as number));
      }
    }
    if (c === country(final) && market !== c) addDva(c, embodied[final] as number);
  }

  // Value added carried (counted once): the share of each origin's value whose path crosses a border.
  const stayAcc = new Float64Array(n);
  const stay = new Float64Array(n);
  let carried = 0;
  for (let t = n - 1; t >= 0; t--) {
    const s = order[t] as number;
    const rs = r[s] as number;
    if (rs === 0) continue;
    const cs = country(s);
    const st = s === final ? (cs === market ? 1 : 0) : (stayAcc[s] as number) / rs;
    stay[s] = st;
    carried += rs * (va[s] as number) * (1 - st);
    for (const p of (stages[s] as ChainStage).purchases)
      carried += rs * p.value * (p.country === cs ? 1 - st : 1);
    for (let k = inStart[s] as number; k < (inStart[s + 1] as number); k++) {
      const u = inStage[k] as number;
      if (country(u) === cs) stayAcc[u] = (stayAcc[u] as number) + rs * (inQty[k] as number) * st;
    }
  }

  const codes = new Set<string>([...valueAdded.keys(), market, ...gross.keys()]);
  const countries: CountryTradeInValueAdded[] = [...codes].sort().map((c) => {
    let g = 0;
    for (const v of gross.get(c)?.values() ?? []) g += v;
    const d = dva.get(c) ?? 0;
    const vaC = valueAdded.get(c) ?? 0;
    return {
      country: c,
      grossExports: g,
      valueAddedExports: c === market ? 0 : vaC,
      domesticValueAddedInExports: d,
      foreignContent: g - d,
      valueAdded: vaC,
    };
  });
  let grossTotal = 0;
  for (const row of countries) grossTotal += row.grossExports;

  const pairs = new Map<string, BilateralTradeInValueAdded>();
  const pair = (exporter: string, importer: string) => {
    const key = `${exporter}\u0000${importer}`;
    let p = pairs.get(key);
    if (!p) {
      p = { exporter, importer, gross: 0, valueAdded: 0 };
      pairs.set(key, p);
    }
    return p;
  };
  for (const [from, row] of gross) for (const [to, v] of row) pair(from, to).gross += v;
  for (const [c, v] of valueAdded) if (c !== market && v !== 0) pair(c, market).valueAdded += v;
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
