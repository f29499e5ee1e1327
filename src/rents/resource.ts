import * as z from 'zod/mini';
import { IssueList, safeValidate, validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import type { Explanation } from '../core/explanation.js';
import { deepFreeze } from '../core/freeze.js';
import { CountryCode, Id, NonNegative } from '../core/primitives.js';

/**
 * One producer of a natural resource for {@link resourceRent}: its output and its unit cost.
 *
 * @example
 * ```ts
 * ResourceProducer.parse({ id: 'land-1', quantity: 100, unitCost: 0.8 });
 * //=> { id: 'land-1', quantity: 100, unitCost: 0.8 }
 * ```
 */
export const ResourceProducer = z.strictObject({
  /** The producer (a land, a mine, a firm). */
  id: Id,
  /** Quantity produced in the period. */
  quantity: NonNegative,
  /**
   * Cost per unit including a normal return on capital (Ricardo's "equal capital and labour";
   * World Bank 2011 deducts a normal return on capital in the same way).
   */
  unitCost: NonNegative,
  /** Where it produces (ISO 3166-1 alpha-3), for the rents by country. */
  country: z.optional(CountryCode),
});
/** One producer of a natural resource. */
export type ResourceProducer = z.output<typeof ResourceProducer>;

/**
 * Options of {@link resourceRent}.
 *
 * @example
 * ```ts
 * ResourceRentOptions.parse({ price: 1.1 });
 * //=> { price: 1.1 }
 * ```
 */
export const ResourceRentOptions = z.strictObject({
  /**
   * The market price. Default: the highest unit cost among the producers with a positive quantity:
   * the marginal (least well endowed) producer sets the price (Ricardo 1817, ch. 2; Kaplinsky 2015).
   */
  price: z.optional(NonNegative),
});
/** Options of {@link resourceRent}, as a caller passes them. */
export type ResourceRentOptions = z.input<typeof ResourceRentOptions>;

/** One producer's differential rent in {@link ResourceRents}. */
export interface ProducerRent {
  /** The producer's id. */
  id: string;
  /** `price − unitCost` (negative: the producer sells at a loss; reported). */
  rentPerUnit: number;
  /** `rentPerUnit × quantity`. */
  rent: number;
}

/** The result of {@link resourceRent}. */
export interface ResourceRents {
  /** The price used: the one given, or the marginal producer's unit cost. */
  price: number;
  /** The producer whose unit cost sets the price; `null` when no producer with output sits at it. */
  marginalProducer: string | null;
  /** Each producer's rent, in input order. */
  byProducer: ProducerRent[];
  /** Sum of the rents. */
  total: number;
  /** Rents by producer country, in order of first appearance (producers without a country under `'unknown'`). */
  byCountry: Array<{ key: string; rent: number }>;
  /** Which price was used and why. */
  explanation: Explanation;
}

/**
 * Differential (Ricardian) resource rents: better land or richer ore earns the difference between the
 * price and its own unit cost, where the price is set by the cost of the marginal, least well endowed
 * producer still needed to meet demand (Ricardo 1817, ch. 2 "On Rent"; Kaplinsky 2015, resource rents
 * priced at the cost of the less well endowed producer). With a `price` given, this is the World Bank's
 * country-level measure: (price − unit cost including a normal return) × production (World Bank 2011,
 * *The Changing Wealth of Nations*, methodology appendix). A producer whose cost is above the price
 * earns a negative rent (a loss), reported as such.
 *
 * @param producers - the producers (validated; at least one)
 * @param options - `{ price }`; `undefined` or `null`: the price is the marginal producer's cost
 * @returns the price, the marginal producer, each producer's rent, the total and the rents by country,
 *   with an explanation (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of `producers` (`producers[1].unitCost`)
 *   and `options` (`options.price`), or an empty list, or repeated ids; `UNSUPPORTED` when amounts
 *   overflow
 * @example
 * ```ts
 * resourceRent([
 *   { id: 'land-1', unitCost: 0.8, quantity: 100 },
 *   { id: 'land-2', unitCost: 80 / 90, quantity: 90 },
 *   { id: 'land-3', unitCost: 1, quantity: 80 },
 * ]).byProducer.map((p) => p.rent);
 * //=> [20, 10, 0]
 * ```
 */
export function resourceRent(
  producers: ReadonlyArray<z.input<typeof ResourceProducer>>,
  options?: ResourceRentOptions | null,
): ResourceRents {
  const issues = new IssueList();
  const list = issues.take(
    safeValidate(z.array(ResourceProducer).check(z.minLength(1)), producers, 'producers'),
  );
  const opts = issues.attempt(() => validateOptions(ResourceRentOptions, options));
  if (list) {
    const seen = new Set<string>();
    list.forEach((p, i) => {
      if (seen.has(p.id)) issues.add(`producers[${i}].id`, `expected a unique id, found "${p.id}" again`);
      seen.add(p.id);
    });
  }
  issues.throwIfAny('invalid resource producers');
  const ps = list as ResourceProducer[];
  const active = ps.filter((p) => p.quantity > 0);
  const marginalCost = active.reduce((m, p) => Math.max(m, p.unitCost), 0);
  const price = opts?.price ?? marginalCost;
  const marginal = active.filter((p) => p.unitCost === price).pop();
  const byProducer = ps.map((p) => {
    const rentPerUnit = price - p.unitCost;
    return { id: p.id, rentPerUnit, rent: finite(rentPerUnit * p.quantity) };
  });
  const countries = new Map<string, number>();
  ps.forEach((p, i) => {
    const key = p.country ?? 'unknown';
    countries.set(key, finite((countries.get(key) ?? 0) + (byProducer[i] as ProducerRent).rent));
  });
  const total = finite(byProducer.reduce((s, p) => s + p.rent, 0));
  const given = opts?.price !== undefined;
  const explanation: Explanation = {
    text: given
      ? `Each producer's rent is (price − unit cost) × quantity at the given price ${price}`
      : `The price ${price} is the unit cost of the marginal producer ${marginal ? `"${marginal.id}"` : '(none with output)'}; each producer's rent is (price − unit cost) × quantity`,
    rules: [given ? 'given-price' : 'marginal-cost-price', 'differential-rent'],
    evidence: given ? ['options.price', 'producers'] : ['producers'],
    notes: [
      'unit costs are read as including a normal return on capital; a negative rent is a loss at this price',
    ],
    sources: given
      ? ['World Bank 2011, The Changing Wealth of Nations, methodology appendix', 'Ricardo 1817, ch. 2']
      : ['Ricardo 1817, ch. 2 "On Rent"', 'Kaplinsky 2015, section on rents'],
  };
  return deepFreeze({
    price,
    marginalProducer: marginal ? marginal.id : null,
    byProducer,
    total,
    byCountry: [...countries].map(([key, rent]) => ({ key, rent })),
    explanation,
  });
}

/** The number, or `UNSUPPORTED` when finite inputs overflowed. */
function finite(x: number): number {
  if (Number.isFinite(x)) return x;
  throw new GvcError('UNSUPPORTED', 'resource rents overflow', [
    { path: 'producers', message: `expected amounts whose products and sums are finite, found ${x}` },
  ]);
}
