// Today's (before issue #20) tradeInValueAdded, kept verbatim as the reference of the one-pass
// version: one pass over the chain per exporting country for the domestic content of exports. Only
// its work guard (10^8) is removed, so that the benchmark can time it. Used by tests/chains/tiva-scale.test.ts
// and bench/chains.bench.ts; not part of the library.

import { attribute, checkIdentity } from '../../src/chains/attribution.js';
import { finalResult, overflow } from '../../src/chains/cache.js';
import { indexChain, parseChainAtBoundary } from '../../src/chains/graph.js';
import type { ValueChain, ValueChainInput } from '../../src/chains/model.js';
import {
  type BilateralTradeInValueAdded,
  type CountryTradeInValueAdded,
  type TradeInValueAdded,
  TradeInValueAddedOptions,
} from '../../src/chains/tiva.js';
import { validateOptions } from '../../src/core/boundary.js';

type ChainStage = ValueChain['stages'][number];

/** tradeInValueAdded as it was before the one-pass domestic content (issue #20), without the work guard. */
export function legacyTradeInValueAdded(
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
