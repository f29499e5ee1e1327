import type { ValueChain } from '../chains/model.js';
import { deepFreeze } from '../core/freeze.js';

/**
 * Cocoa → chocolate as an additive chain (Kaplinsky 2015): growing and fermenting/drying by
 * smallholders in Ghana, export trading from Ghana, grinding to cocoa liquor in the Netherlands,
 * chocolate manufacture, branding and marketing, and retail in the United Kingdom, for one 100 g
 * milk-chocolate bar whose retail price is normalised to USD 1.00 (so that values per bar are shares
 * of the retail price).
 *
 * **Shares of the retail price** (published): cocoa farmers 6.6%, processors and grinders 7.6%,
 * chocolate manufacturers 35.2%, retailers 44.2% — the value distribution of a chocolate bar in
 * Fountain & Huetz-Adams, *Cocoa Barometer 2015*. The remaining 6.4% (local buying, transport,
 * export marketing and taxes in the producing country, shipping) is given here to the export-trading
 * stage.
 *
 * **Conversion ratios**: 1.25 kg of dry beans per kg of cocoa liquor (the ICCO conversion factor for
 * liquor/paste to bean equivalent; the factors for butter and powder/cake are 1.33 and 1.18);
 * 25 g of cocoa solids per 100 g bar, counted as liquor (the EU minimum of 25% dry cocoa solids for
 * milk chocolate, Directive 2000/36/EC; real bars mix liquor and butter); 1 kg of dry beans exported
 * per kg bought; 2.5 kg of fresh beans per kg of fermented and dried beans (an approximation of the
 * weight lost in fermentation and drying).
 *
 * **Approximations** (ours, not the Barometer's): the split of the farmers' 6.6% between growing
 * (5.0 cents a bar) and fermenting/drying (1.6 cents); the split of the manufacturers' 35.2% between
 * manufacture (20 cents, after 8 cents of sugar, milk powder and packaging bought outside the chain)
 * and branding/marketing (15.2 cents); the `distribution` of value added on three stages, which is
 * illustrative. Per-unit prices are the cumulative value per bar divided by the quantity per bar
 * (0.078125 kg fresh beans, 0.03125 kg dry beans, 0.025 kg liquor): for example liquor
 * 0.206 / 0.025 = 8.24 USD per kg. Because the bar is normalised, these per-kg prices are not market
 * prices.
 *
 * Deeply frozen, like everything gvckit returns or ships: an attempt to change it throws a
 * `TypeError` in strict mode (and is ignored otherwise), so no importer can alter it for another.
 * Copy it to edit it (`structuredClone(x)`, or the chain-edit functions for a chain).
 *
 * @example
 * ```ts
 * cocoa.stages.map((s) => s.id);
 * //=> ['grow', 'ferment-dry', 'export', 'grind', 'manufacture', 'brand', 'retail']
 * ```
 */
export const cocoa: ValueChain = /* @__PURE__ */ deepFreeze({
  family: 'additive',
  id: 'cocoa-chocolate',
  name: 'Cocoa to milk chocolate, Ghana to the United Kingdom',
  product: 'milk-chocolate bar (100 g)',
  currency: 'USD',
  year: 2015,
  driver: 'buyer',
  finalMarket: 'GBR',
  actors: [
    { id: 'smallholders', name: 'Cocoa smallholders', country: 'GHA', ownership: 'domestic', size: 'micro' },
    {
      id: 'exporter',
      name: 'Licensed buying companies and COCOBOD marketing',
      country: 'GHA',
      ownership: 'domestic',
    },
    { id: 'grinder', name: 'Cocoa grinder', country: 'NLD', size: 'large' },
    { id: 'manufacturer', name: 'Chocolate manufacturer', country: 'GBR', size: 'large', leadFirm: true },
    { id: 'retailer', name: 'Supermarket chain', country: 'GBR', size: 'large' },
  ],
  stages: [
    {
      id: 'grow',
      name: 'Growing and harvesting',
      function: 'growing/extraction',
      actor: 'smallholders',
      country: 'GHA',
      output: { unit: 'kg fresh beans', unitPrice: 0.64 },
      inputs: [],
      purchases: [],
      distribution: { wages: 0.48, taxes: 0, depreciation: 0, interest: 0, landRent: 0.06, profit: 0.1 },
    },
    {
      id: 'ferment-dry',
      name: 'Fermenting and drying',
      function: 'primary-processing',
      actor: 'smallholders',
      country: 'GHA',
      output: { unit: 'kg dry beans', unitPrice: 2.112 },
      inputs: [{ stage: 'grow', quantity: 2.5 }],
      purchases: [],
    },
    {
      id: 'export',
      name: 'Local buying and export trading',
      function: 'distribution',
      actor: 'exporter',
      country: 'GHA',
      output: { unit: 'kg dry beans', unitPrice: 4.16 },
      inputs: [{ stage: 'ferment-dry', quantity: 1 }],
      purchases: [],
      distribution: { wages: 0.3, taxes: 0.9, depreciation: 0.1, interest: 0.1, landRent: 0, profit: 0.648 },
    },
    {
      id: 'grind',
      name: 'Grinding to cocoa liquor',
      function: 'processing',
      actor: 'grinder',
      country: 'NLD',
      output: { unit: 'kg cocoa liquor', unitPrice: 8.24 },
      inputs: [{ stage: 'export', quantity: 1.25 }],
      purchases: [],
    },
    {
      id: 'manufacture',
      name: 'Chocolate manufacture',
      function: 'processing',
      actor: 'manufacturer',
      country: 'GBR',
      output: { unit: 'bar (100 g)', unitPrice: 0.406 },
      inputs: [{ stage: 'grind', quantity: 0.025 }],
      purchases: [
        { description: 'sugar and milk powder', value: 0.06, country: 'GBR' },
        { description: 'packaging', value: 0.02, country: 'GBR' },
      ],
      distribution: { wages: 0.06, taxes: 0.01, depreciation: 0.02, interest: 0, landRent: 0, profit: 0.03 },
    },
    {
      id: 'brand',
      name: 'Branding and marketing',
      function: 'branding',
      actor: 'manufacturer',
      country: 'GBR',
      output: { unit: 'bar (100 g)', unitPrice: 0.558 },
      inputs: [{ stage: 'manufacture', quantity: 1 }],
      purchases: [],
    },
    {
      id: 'retail',
      name: 'Retail',
      function: 'retail',
      actor: 'retailer',
      country: 'GBR',
      output: { unit: 'bar (100 g)', unitPrice: 1 },
      inputs: [{ stage: 'brand', quantity: 1 }],
      purchases: [],
    },
  ],
  finalStage: 'retail',
  rents: [
    {
      family: 'resource',
      description: 'tropical land suited to cocoa',
      barriers: 'low',
      protected: false,
      dynamic: false,
      holder: 'smallholders',
    },
    {
      family: 'endogenous',
      kind: 'marketing',
      description: 'chocolate brands',
      barriers: 'high',
      protected: true,
      dynamic: true,
      holder: 'manufacturer',
    },
  ],
  source: {
    citation:
      'Fountain, A.C. & Huetz-Adams, F. (2015) Cocoa Barometer 2015, value distribution of a chocolate bar; ICCO conversion factors for cocoa products (liquor/paste 1.25, butter 1.33, powder/cake 1.18); Directive 2000/36/EC (milk chocolate, at least 25% dry cocoa solids)',
    page: 'Cocoa Barometer 2015, section 5 (Value Distribution)',
  },
  notes:
    'Retail price normalised to USD 1.00 per bar. The splits of the farmers’ and manufacturers’ shares between stages, the fresh-to-dry bean ratio and the distributions of value added are approximations; see the dataset documentation.',
});
