import * as z from 'zod/mini';
import { decomposeValueAdded, type ValueChain, type ValueChainInput } from '../chains/index.js';
import { IssueList, preview, safeValidate } from '../core/boundary.js';
import { GvcError, MAX_REPORTED_ISSUES } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { CountryCode } from '../core/primitives.js';
import { parseChainInto, requireFinite, rerootError } from './validate.js';

/**
 * Options of {@link domesticValueAddedShares}.
 *
 * @example
 * ```ts
 * DomesticValueAddedOptions.parse({});
 * //=> { tolerance: 1e-9 }
 * ```
 */
export const DomesticValueAddedOptions = z.strictObject({
  /** Relative tolerance of the accounting identities (default 1e-9). */
  tolerance: z._default(z.number().check(z.positive(), z.lte(0.1)), 1e-9),
});
/** Options of {@link domesticValueAddedShares}. */
export type DomesticValueAddedOptions = z.input<typeof DomesticValueAddedOptions>;

/** The most chains {@link domesticValueAddedShares} takes in one series (one per period). */
const MAX_CHAINS_PER_SERIES = 10_000;

/** A country's value added in one chain (one period). */
export interface DomesticValueAddedShare {
  /** The chain's id. */
  chain: string;
  /** The chain's `year`, if stated. */
  year?: number;
  /** The country's value added per unit of the final product (full decomposition). */
  domesticValueAdded: number;
  /** Unit price of the final product. */
  finalValue: number;
  /** `domesticValueAdded / finalValue`. */
  share: number;
  /** Change of `share` from the previous entry (`null` for the first): positive when the chain thickens. */
  change: number | null;
}

/**
 * The domestic value-added share of a chain across periods: for each chain (one per period, in the
 * order given), the value added of `country` per unit of the final product and its share of the final
 * value, from the full {@link decomposeValueAdded} — its stages' value added and the outside purchases
 * from it. A rising share is thickening, the deepening of domestic value added through linkages
 * (Kaplinsky 2015; Kaplinsky & Morris 2014b; Morris, Kaplinsky & Kaplan 2012).
 *
 * A share of a product worth nothing is undefined, so a chain whose final stage sells at a unit
 * price of 0 is refused (`UNSUPPORTED`, with the path of that price) rather than given a NaN or
 * infinite share. At most 10,000 chains are taken; the work is linear in their
 * stages and chain inputs.
 *
 * @param chains - the chain observed in successive periods (each validated), at most 10,000
 * @param country - the economy whose share is measured (ISO 3166-1 alpha-3 or region code)
 * @param options - `tolerance`, relative (default 1e-9); `undefined` or `null` for the defaults
 * @returns one entry per chain, in the order given, with the change from the previous entry (deeply
 *   frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of every chain (paths such as
 *   `chains[1].stages[0].output.unitPrice`), of the country and of the options (`options.tolerance`),
 *   or more than 10,000 chains; `UNSUPPORTED` when a chain's final unit price is 0
 *   (`chains[1].stages[2].output.unitPrice`) or its values overflow double precision;
 *   `ACCOUNTING_MISMATCH` as {@link decomposeValueAdded} (paths under `chains[i]`)
 * @example
 * ```ts
 * const chain = (year: number, grindInGhana: boolean) => parseValueChain({
 *   id: `cocoa-${year}`, name: 'Cocoa', family: 'additive', currency: 'USD', year, finalStage: 'grind',
 *   stages: [
 *     { id: 'grow', name: 'Grow', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } },
 *     { id: 'grind', name: 'Grind', country: grindInGhana ? 'GHA' : 'NLD', output: { unit: 'kg', unitPrice: 4 },
 *       inputs: [{ stage: 'grow', quantity: 1 }] },
 *   ],
 * });
 * domesticValueAddedShares([chain(2000, false), chain(2010, true)], 'GHA').map((e) => e.share);
 * //=> [0.5, 1]
 * ```
 */
export function domesticValueAddedShares(
  chains: ReadonlyArray<ValueChainInput>,
  country: string,
  options?: DomesticValueAddedOptions | null,
): DomesticValueAddedShare[] {
  const summary = 'invalid value chains';
  const issues = new IssueList();
  const code = safeValidate(CountryCode, country, 'country', summary);
  if (!code.success) issues.addAll(code.error.issues);
  const parsed: ValueChain[] = [];
  if (!Array.isArray(chains) || chains.length === 0) {
    issues.add(
      'chains',
      `expected a non-empty array of value chains, found ${Array.isArray(chains) ? 'none' : preview(chains)}`,
    );
  } else if (chains.length > MAX_CHAINS_PER_SERIES) {
    issues.add('chains', `expected at most ${MAX_CHAINS_PER_SERIES} value chains, found ${chains.length}`);
  } else {
    for (let i = 0; i < chains.length; i++) {
      // Past the cap of reported problems the error is certain: stop checking further chains.
      if (issues.size > MAX_REPORTED_ISSUES) break;
      const c = parseChainInto(chains[i], `chains[${i}]`, issues);
      if (c !== undefined) parsed.push(c);
    }
  }
  const opts = safeValidate(DomesticValueAddedOptions, options ?? {}, 'options', summary);
  if (!opts.success) issues.addAll(opts.error.issues);
  issues.throwIfAny(summary);
  const tolerance = opts.success ? opts.data.tolerance : 1e-9;
  const target = code.success ? code.data : country;
  const out: DomesticValueAddedShare[] = [];
  let previous: number | null = null;
  for (let i = 0; i < parsed.length; i++) {
    const chain = parsed[i] as ValueChain;
    const d = decomposeAt(chain, tolerance, i);
    let domestic = 0;
    for (const group of d.byCountry) if (group.key === target) domestic += group.valueAdded;
    const share = domestic / d.finalValue;
    const change = previous === null ? null : share - previous;
    requireFinite(
      [domestic, share, change ?? 0],
      'cannot compute a domestic value-added share',
      `chains[${i}]`,
    );
    const entry: DomesticValueAddedShare = {
      chain: chain.id,
      domesticValueAdded: domestic,
      finalValue: d.finalValue,
      share,
      change,
    };
    if (chain.year !== undefined) entry.year = chain.year;
    out.push(entry);
    previous = share;
  }
  return deepFreeze(out);
}

/** Decomposes one parsed chain, rooting the paths of any error at `chains[i]`. */
function decomposeAt(chain: ValueChain, tolerance: number, i: number) {
  try {
    return decomposeValueAdded(chain, { tolerance });
  } catch (e) {
    throw rerootError(e, 'chain', `chains[${i}]`);
  }
}
