import * as z from 'zod/mini';
import { validate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { deepFreeze } from '../core/freeze.js';
import { NonNegative } from '../core/primitives.js';
import { requireFinite, validateArguments } from './validate.js';

/**
 * One category of a sector's inputs, by where it is sourced: the value bought from domestic suppliers
 * and the value imported, in one currency and period. Several rows may share a category (one per
 * supplier, say); the metrics add them up.
 *
 * @example
 * ```ts
 * InputSourcing.parse({ category: 'explosives', domesticValue: 3, importedValue: 7 });
 * //=> { category: 'explosives', domesticValue: 3, importedValue: 7 }
 * ```
 */
export const InputSourcing = z.strictObject({
  /** The input category (a product group, a service, an ISIC or HS code). */
  category: z.string().check(z.minLength(1)),
  /** Value bought from suppliers based in the economy. */
  domesticValue: NonNegative,
  /** Value imported. */
  importedValue: NonNegative,
});
/** One category of a sector's inputs, by where it is sourced. */
export type InputSourcing = z.output<typeof InputSourcing>;

/**
 * A sector's purchases of inputs, by category and source: the data of {@link backwardDepth} and
 * {@link linkageBreadth}.
 *
 * @example
 * ```ts
 * SectorInputs.parse({ sector: 'gold mining', inputs: [{ category: 'fuel', domesticValue: 0, importedValue: 5 }] }).sector;
 * //=> 'gold mining'
 * ```
 */
export const SectorInputs = z.strictObject({
  /** The sector whose inputs are described. */
  sector: z.optional(z.string().check(z.minLength(1))),
  /** Its inputs, by category. */
  inputs: z.array(InputSourcing),
});
/** A sector's purchases of inputs, by category and source. */
export type SectorInputs = z.output<typeof SectorInputs>;

/**
 * One product line of a sector's output, by what happens to it before export: the part processed in
 * the economy and the part exported unprocessed, in one measure (value at the sector's price, or
 * volume).
 *
 * @example
 * ```ts
 * OutputDisposition.parse({ product: 'cocoa beans', processedDomestically: 30, exportedUnprocessed: 70 }).product;
 * //=> 'cocoa beans'
 * ```
 */
export const OutputDisposition = z.strictObject({
  /** The product line. */
  product: z.optional(z.string().check(z.minLength(1))),
  /** Output processed in the economy (before export or for domestic use). */
  processedDomestically: NonNegative,
  /** Output exported without processing. */
  exportedUnprocessed: NonNegative,
});
/** One product line of a sector's output, by what happens to it before export. */
export type OutputDisposition = z.output<typeof OutputDisposition>;

/**
 * A sector's output by disposition: the data of {@link forwardDepth}.
 *
 * @example
 * ```ts
 * SectorOutputs.parse({ outputs: [{ processedDomestically: 1, exportedUnprocessed: 3 }] }).outputs.length;
 * //=> 1
 * ```
 */
export const SectorOutputs = z.strictObject({
  /** The sector whose output is described. */
  sector: z.optional(z.string().check(z.minLength(1))),
  /** Its output, by product line. */
  outputs: z.array(OutputDisposition),
});
/** A sector's output by disposition. */
export type SectorOutputs = z.output<typeof SectorOutputs>;

/**
 * One supplier to a resource sector (or a group of them) and its sales: to the resource sector and to
 * other sectors, in one currency and period.
 *
 * @example
 * ```ts
 * SupplierSales.parse({ supplier: 'pump maker', salesToResourceSector: 8, salesToOtherSectors: 2 }).supplier;
 * //=> 'pump maker'
 * ```
 */
export const SupplierSales = z.strictObject({
  /** The supplier or group of suppliers. */
  supplier: z.optional(z.string().check(z.minLength(1))),
  /** Sales to the resource sector. */
  salesToResourceSector: NonNegative,
  /** Sales to all other sectors (at home or abroad). */
  salesToOtherSectors: NonNegative,
});
/** One supplier's sales, to the resource sector and to other sectors. */
export type SupplierSales = z.output<typeof SupplierSales>;

/**
 * The suppliers of a resource sector and their sales: the data of {@link horizontalLinkage}.
 *
 * @example
 * ```ts
 * SupplierBase.parse({ suppliers: [] });
 * //=> { suppliers: [] }
 * ```
 */
export const SupplierBase = z.strictObject({
  /** The resource sector supplied. */
  sector: z.optional(z.string().check(z.minLength(1))),
  /** Its suppliers' sales. */
  suppliers: z.array(SupplierSales),
});
/** The suppliers of a resource sector and their sales. */
export type SupplierBase = z.output<typeof SupplierBase>;

/**
 * A share of a total: the share (0 to 1), its numerator (`part`) and its denominator (`total`).
 */
export interface LinkageShare {
  /** `part / total`. */
  share: number;
  /** The numerator: domestic value, value processed domestically, or sales to other sectors. */
  part: number;
  /** The denominator: all inputs, all output, or all sales. */
  total: number;
}

/**
 * Σ part / Σ (part + rest) over `rows`: the share the three depth metrics report, refused when the
 * total is 0 (`INSUFFICIENT_DATA`) or leaves double precision (`UNSUPPORTED`), both at `path`.
 */
function shareOf<T>(
  rows: readonly T[],
  partOf: (row: T) => number,
  restOf: (row: T) => number,
  what: string,
  path: string,
): LinkageShare {
  let part = 0;
  let total = 0;
  for (const row of rows) {
    const p = partOf(row);
    part += p;
    total += p + restOf(row);
  }
  requireFinite([part, total], `cannot compute ${what}`, path);
  if (!(total > 0)) {
    throw new GvcError('INSUFFICIENT_DATA', `cannot compute ${what}`, [
      { path, message: `expected a positive total value, found ${total}` },
    ]);
  }
  return deepFreeze({ share: part / total, part, total });
}

/**
 * Backward linkage depth: the share of a sector's inputs, by value, sourced from domestic suppliers,
 * Σ domesticValue / Σ (domesticValue + importedValue) over all input categories — Hirschman's (1981)
 * backward production linkage as measured by Morris, Kaplinsky & Kaplan (2012).
 *
 * @param sector - `{ sector?, inputs: [{ category, domesticValue, importedValue }] }`
 * @returns `{ share, part, total }`: the domestic share, domestic value and total input value (frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path
 *   (`sector.inputs[2].importedValue`); `INSUFFICIENT_DATA` when the inputs total zero (a share of
 *   nothing is undefined); `UNSUPPORTED` when they total more than double precision holds (1.8e308)
 * @example
 * ```ts
 * backwardDepth({ inputs: [
 *   { category: 'fuel', domesticValue: 0, importedValue: 30 },
 *   { category: 'catering', domesticValue: 10, importedValue: 0 },
 *   { category: 'explosives', domesticValue: 15, importedValue: 45 },
 * ] });
 * //=> { share: 0.25, part: 25, total: 100 }
 * ```
 */
export function backwardDepth(sector: z.input<typeof SectorInputs>): LinkageShare {
  const data = validate(SectorInputs, sector, 'sector', 'invalid sector inputs');
  return shareOf(
    data.inputs,
    (i) => i.domesticValue,
    (i) => i.importedValue,
    'backward depth',
    'sector.inputs',
  );
}

/**
 * Forward linkage depth: the share of a sector's output processed in the economy before export,
 * Σ processedDomestically / Σ (processedDomestically + exportedUnprocessed) — Hirschman's (1981)
 * forward production linkage (Morris, Kaplinsky & Kaplan 2012; Kaplinsky 2015 on cocoa grinding in
 * Ghana versus raw-bean exports from Cameroon).
 *
 * @param sector - `{ sector?, outputs: [{ product?, processedDomestically, exportedUnprocessed }] }`
 * @returns `{ share, part, total }`: the processed share, the output processed and the total output
 *   (frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path
 *   (`sector.outputs[0].processedDomestically`); `INSUFFICIENT_DATA` when the output totals zero;
 *   `UNSUPPORTED` when it totals more than double precision holds (1.8e308)
 * @example
 * ```ts
 * forwardDepth({ outputs: [{ product: 'cocoa beans', processedDomestically: 25, exportedUnprocessed: 75 }] });
 * //=> { share: 0.25, part: 25, total: 100 }
 * ```
 */
export function forwardDepth(sector: z.input<typeof SectorOutputs>): LinkageShare {
  const data = validate(SectorOutputs, sector, 'sector', 'invalid sector outputs');
  return shareOf(
    data.outputs,
    (o) => o.processedDomestically,
    (o) => o.exportedUnprocessed,
    'forward depth',
    'sector.outputs',
  );
}

/**
 * Horizontal linkage: the share of the resource sector's suppliers' sales made to other sectors,
 * Σ salesToOtherSectors / Σ (salesToResourceSector + salesToOtherSectors) — capabilities built for the
 * resource sector serving the rest of the economy (Morris, Kaplinsky & Kaplan 2012, extending Hirschman
 * 1981).
 *
 * @param base - `{ sector?, suppliers: [{ supplier?, salesToResourceSector, salesToOtherSectors }] }`
 * @returns `{ share, part, total }`: the share, sales to other sectors and total sales (frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path
 *   (`base.suppliers[1].salesToOtherSectors`); `INSUFFICIENT_DATA` when sales total zero;
 *   `UNSUPPORTED` when they total more than double precision holds (1.8e308)
 * @example
 * ```ts
 * horizontalLinkage({ suppliers: [
 *   { supplier: 'pumps', salesToResourceSector: 60, salesToOtherSectors: 20 },
 *   { supplier: 'engineering', salesToResourceSector: 15, salesToOtherSectors: 5 },
 * ] });
 * //=> { share: 0.25, part: 25, total: 100 }
 * ```
 */
export function horizontalLinkage(base: z.input<typeof SupplierBase>): LinkageShare {
  const data = validate(SupplierBase, base, 'base', 'invalid supplier sales');
  return shareOf(
    data.suppliers,
    (s) => s.salesToOtherSectors,
    (s) => s.salesToResourceSector,
    'horizontal linkage',
    'base.suppliers',
  );
}

/**
 * Options of {@link linkageBreadth}: `minDomesticShare`, the domestic share of a category's value at
 * or above which it counts as sourced locally (default 0: any domestic value > 0 counts).
 *
 * @example
 * ```ts
 * LinkageBreadthOptions.parse({});
 * //=> { minDomesticShare: 0 }
 * ```
 */
export const LinkageBreadthOptions = z.strictObject({
  /** Domestic share of a category at or above which it is sourced locally; a category also needs domestic value > 0. */
  minDomesticShare: z._default(z.number().check(z.gte(0), z.lte(1)), 0),
});
/** Options of {@link linkageBreadth}. */
export type LinkageBreadthOptions = z.input<typeof LinkageBreadthOptions>;

/** The result of {@link linkageBreadth}. */
export interface LinkageBreadth {
  /** Number of input categories sourced locally. */
  breadth: number;
  /** Those categories, in order of first appearance. */
  categories: string[];
  /** Number of distinct input categories. */
  totalCategories: number;
  /** `breadth / totalCategories`; 0 when there are no categories. */
  share: number;
}

/**
 * Linkage breadth: the number of a sector's input categories sourced locally — the spread of backward
 * linkages across kinds of inputs, beside their depth (Morris, Kaplinsky & Kaplan 2012). Rows of the
 * same category are added up first. A category is sourced locally when its domestic value is > 0 and
 * its domestic share, domesticValue / (domesticValue + importedValue), is at least
 * `options.minDomesticShare` (default 0, so any domestic value counts).
 *
 * @param sector - `{ sector?, inputs: [{ category, domesticValue, importedValue }] }`
 * @param options - `{ minDomesticShare? }`; `undefined` or `null` for the defaults
 * @returns `{ breadth, categories, totalCategories, share }` (deeply frozen)
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both arguments at once, with its
 *   path (`sector.inputs[0].category`, `options.minDomesticShare`); `UNSUPPORTED` when a category's
 *   values add up past double precision (1.8e308)
 * @example
 * ```ts
 * linkageBreadth(
 *   { inputs: [
 *     { category: 'fuel', domesticValue: 1, importedValue: 99 },
 *     { category: 'catering', domesticValue: 10, importedValue: 0 },
 *     { category: 'explosives', domesticValue: 15, importedValue: 45 },
 *   ] },
 *   { minDomesticShare: 0.2 },
 * );
 * //=> { breadth: 2, categories: ['catering', 'explosives'], totalCategories: 3, share: 2 / 3 }
 * ```
 */
export function linkageBreadth(
  sector: z.input<typeof SectorInputs>,
  options?: LinkageBreadthOptions | null,
): LinkageBreadth {
  const [data, opts] = validateArguments(
    'invalid sector inputs',
    [SectorInputs, sector, 'sector'],
    [LinkageBreadthOptions, options, 'options'],
  );
  const byCategory = new Map<string, { domestic: number; imported: number }>();
  for (const input of data.inputs) {
    const sum = byCategory.get(input.category) ?? { domestic: 0, imported: 0 };
    byCategory.set(input.category, {
      domestic: sum.domestic + input.domesticValue,
      imported: sum.imported + input.importedValue,
    });
  }
  const categories: string[] = [];
  for (const [category, { domestic, imported }] of byCategory) {
    // Scaled by the larger of the two, so that sums past 1.8e308 still give the right share.
    requireFinite([domestic, imported], 'cannot compute linkage breadth', 'sector.inputs');
    const scale = Math.max(domestic, imported);
    const d = scale > 0 ? domestic / scale : 0;
    const m = scale > 0 ? imported / scale : 0;
    if (domestic > 0 && d / (d + m) >= opts.minDomesticShare) categories.push(category);
  }
  const totalCategories = byCategory.size;
  return deepFreeze({
    breadth: categories.length,
    categories,
    totalCategories,
    share: totalCategories === 0 ? 0 : categories.length / totalCategories,
  });
}
