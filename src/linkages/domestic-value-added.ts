import { z } from 'zod';
import { attribute, decomposeAttribution } from '../chains/attribution.js';
import type { ValueChainInput } from '../chains/decompose.js';
import { indexChain, parseOptionsAtBoundary } from '../chains/graph.js';
import type { ValueChain } from '../chains/model.js';
import { safeParseValueChain } from '../chains/parse.js';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { fromZodIssues } from '../core/issues.js';
import { CountryCode } from '../core/primitives.js';

/**
 * Options of {@link domesticValueAddedShares}.
 *
 * @example
 * ```ts
 * DomesticValueAddedOptions.parse({});
 * //=> { tolerance: 1e-9 }
 * ```
 */
export const DomesticValueAddedOptions = z
  .object({
    /** Relative tolerance of the accounting identities (default 1e-9). */
    tolerance: z.number().positive().max(0.1).default(1e-9),
  })
  .strict();
/** Options of {@link domesticValueAddedShares}, after defaults. */
export type DomesticValueAddedOptions = z.output<typeof DomesticValueAddedOptions>;

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
 * @param chains - the chain observed in successive periods (each validated)
 * @param country - the economy whose share is measured (ISO 3166-1 alpha-3 or region code)
 * @param options - `tolerance`, relative (default 1e-9)
 * @returns one entry per chain, in the order given, with the change from the previous entry
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of every chain (paths such as
 *   `chains[1].stages[0].output.unitPrice`) and of the country; `ACCOUNTING_MISMATCH` as
 *   {@link decomposeValueAdded}
 * @example
 * ```ts
 * const chain = (year: number, grindInGhana: boolean) => ({
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
  options?: z.input<typeof DomesticValueAddedOptions>,
): DomesticValueAddedShare[] {
  const issues: GvcIssue[] = [];
  const code = CountryCode.safeParse(country);
  if (!code.success) issues.push(...fromZodIssues(code.error.issues).map((i) => ({ ...i, path: 'country' })));
  const parsed: ValueChain[] = [];
  if (!Array.isArray(chains) || chains.length === 0) {
    issues.push({ path: 'chains', message: 'expected a non-empty array of value chains, found none' });
  } else {
    chains.forEach((c, i) => {
      const r = safeParseValueChain(c);
      if (r.success) parsed.push(r.data);
      else
        for (const issue of r.error.issues)
          issues.push({
            path: issue.path ? `chains[${i}].${issue.path}` : `chains[${i}]`,
            message: issue.message,
          });
    });
  }
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', 'invalid value chains', issues);
  const { tolerance } = parseOptionsAtBoundary(DomesticValueAddedOptions, options);
  const out: DomesticValueAddedShare[] = [];
  let previous: number | null = null;
  for (const chain of parsed) {
    const att = attribute(indexChain(chain), -1);
    decomposeAttribution(att, tolerance); // checks the accounting identities
    let domestic = 0;
    for (const line of att.lines) if (line.country === country) domestic += line.valueAdded;
    const share = domestic / att.finalValue;
    const entry: DomesticValueAddedShare = {
      chain: chain.id,
      domesticValueAdded: domestic,
      finalValue: att.finalValue,
      share,
      change: previous === null ? null : share - previous,
    };
    if (chain.year !== undefined) entry.year = chain.year;
    out.push(entry);
    previous = share;
  }
  return out;
}
