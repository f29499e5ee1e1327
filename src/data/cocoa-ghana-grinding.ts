import type { ValueChain } from '../chains/model.js';
import { deepFreeze } from '../core/freeze.js';

/**
 * **A scenario**: the cocoa → chocolate chain of `cocoa`, with the beans ground to cocoa liquor in
 * Ghana instead of the Netherlands — the contrast Kaplinsky (2015) draws between a producing country
 * whose policy built capabilities and infrastructure so that grinders moved processing there (Ghana)
 * and one that ships mostly raw beans with thin domestic value added (Cameroon). `cocoa` is the
 * raw-bean case; this is the grinding-at-home case.
 *
 * **Nothing is invented**: every stage, price, conversion ratio and distribution is `cocoa`'s (the
 * value distribution of a 100 g milk-chocolate bar in Fountain & Huetz-Adams, *Cocoa Barometer 2015*,
 * section 5; the ICCO conversion factor of 1.25 kg of beans per kg of liquor; the 25% dry cocoa
 * solids of Directive 2000/36/EC; and the approximations `cocoa` documents). The one change is where
 * the `grind` stage is — `country: 'GHA'`, by the actor `grinder-gha` — and the one assumption is
 * that grinding at origin earns the grinders' Barometer share of the bar (7.6%): the same margin, in
 * another country. No published per-bar value distribution of a chain grinding at origin was
 * available; the observed alternative is FAO & BASIC (2020) *Comparative study on the distribution of
 * value in European chocolate chains* (country chapters on Côte d'Ivoire, Ghana and Cameroon), whose
 * tables a later version could use. The grinder has no `ownership`: the sources here do not say whose
 * plants grind at origin (typically subsidiaries of multinational grinders).
 *
 * **What it shows** (per bar, retail price USD 1.00): Ghana's value added rises from 0.130 (growing
 * 0.050, fermenting and drying 0.016, export trading 0.064) to 0.206 (plus grinding 0.076), from 13.0%
 * to 20.6% of the retail price — a forward linkage, thickening the chain; the Netherlands' 0.076
 * disappears; the United Kingdom keeps 0.794 (manufacture 0.120, its purchases 0.080, branding
 * 0.152, retail 0.442).
 *
 * Deeply frozen, like everything gvckit returns or ships. Copy it to edit it (`structuredClone(x)`,
 * or the chain-edit functions).
 *
 * @example
 * ```ts
 * import { domesticValueAddedShares } from 'gvckit';
 * domesticValueAddedShares([cocoa, cocoaGhanaGrinding], 'GHA').map((e) => e.share);
 * //=> [0.13, 0.206]
 * ```
 */
export const cocoaGhanaGrinding: ValueChain = /* @__PURE__ */ deepFreeze({
  family: 'additive',
  id: 'cocoa-chocolate-ghana-grinding',
  name: 'Cocoa to milk chocolate, ground in Ghana (scenario)',
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
    { id: 'grinder-gha', name: 'Cocoa grinder in Ghana', country: 'GHA', size: 'large' },
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
      name: 'Grinding to cocoa liquor (in Ghana)',
      function: 'processing',
      actor: 'grinder-gha',
      country: 'GHA',
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
      'Fountain, A.C. & Huetz-Adams, F. (2015) Cocoa Barometer 2015, value distribution of a chocolate bar; ICCO conversion factors for cocoa products (liquor/paste 1.25, butter 1.33, powder/cake 1.18); Directive 2000/36/EC (milk chocolate, at least 25% dry cocoa solids); Kaplinsky, R. (2015) UNU-MERIT Working Paper 2015-027 (grinding moved to Ghana under its cocoa policy; Cameroon ships raw beans)',
    page: 'Cocoa Barometer 2015, section 5 (Value Distribution)',
  },
  notes:
    'Scenario: the chain of `cocoa` with grinding located in Ghana. All prices, conversion ratios and shares are those of `cocoa` (Cocoa Barometer 2015, ICCO, Directive 2000/36/EC); the only assumption is that grinding at origin earns the grinders’ share of the bar (7.6%). Not an observed Ghanaian chain: for observed value distributions by origin see FAO & BASIC (2020).',
});
