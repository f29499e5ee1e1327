/**
 * Test fixtures for the value-added decomposition, with their published or hand-computed numbers.
 * Plain object literals (inputs, not parsed chains), built by functions so that tests can freeze them.
 */
import type { z } from 'zod';
import type { ValueChain } from '../../src/chains/model.js';

/** What a user passes: the schema's input type (defaults not yet applied). */
export type ChainInput = z.input<typeof ValueChain>;

const component = (id: string, name: string, actor: string, country: string, unitPrice: number) => ({
  id,
  name,
  actor,
  country,
  function: 'component-manufacture',
  output: { unit: 'set', unitPrice },
});

/**
 * The iPhone 3G ex-factory, after Xing, Y. & Detert, N. (2010), ADBI Working Paper 257, Table 1
 * (bill of materials by supplier; manufacturing cost 6.50 in China; total 178.96). Country totals as
 * published: Japan 24.00 + 19.25 + 16.00 + 1.35 = 60.60; Germany 13.00 + 9.55 + 2.80 + 2.25 + 1.25 +
 * 1.30 = 30.15; Korea 14.46 + 8.50 = 22.96; USA 5.95 + 3.65 + 1.15 = 10.75; others 48.00; China 6.50.
 * With `retail`, Apple's US stage sells at 500 (the retail price the paper rounds to "just under $500").
 */
export function iphoneChain(retail: boolean): ChainInput {
  const stages = [
    component('toshiba', 'Toshiba: flash memory, display module, touch screen', 'toshiba', 'JPN', 59.25),
    component('murata', 'Murata: FEM', 'murata', 'JPN', 1.35),
    component('infineon', 'Infineon: baseband, camera, RF, GPS, power IC', 'infineon', 'DEU', 28.85),
    component('dialog', 'Dialog: power IC', 'dialog', 'DEU', 1.3),
    component('samsung', 'Samsung: processor, SDRAM', 'samsung', 'KOR', 22.96),
    component('broadcom', 'Broadcom: Bluetooth/FM/WLAN', 'broadcom', 'USA', 5.95),
    component('numonyx', 'Numonyx: memory MCP', 'numonyx', 'USA', 3.65),
    component('cirrus', 'Cirrus Logic: audio codec', 'cirrus', 'USA', 1.15),
    component('others', 'Rest of the bill of materials', 'others', 'ROW', 48),
    {
      id: 'assembly',
      name: 'Assembly',
      actor: 'foxconn',
      country: 'CHN',
      function: 'assembly',
      output: { unit: 'phone', unitPrice: 178.96 },
      inputs: [
        'toshiba',
        'murata',
        'infineon',
        'dialog',
        'samsung',
        'broadcom',
        'numonyx',
        'cirrus',
        'others',
      ].map((stage) => ({ stage, quantity: 1 })),
    },
    ...(retail
      ? [
          {
            id: 'apple',
            name: 'Apple: design, brand, distribution and retail',
            actor: 'apple',
            country: 'USA',
            function: 'branding',
            output: { unit: 'phone', unitPrice: 500 },
            inputs: [{ stage: 'assembly', quantity: 1 }],
          },
        ]
      : []),
  ];
  const actorIds = [
    'toshiba',
    'murata',
    'infineon',
    'dialog',
    'samsung',
    'broadcom',
    'numonyx',
    'cirrus',
    'others',
  ];
  const countries: Record<string, string> = {
    toshiba: 'JPN',
    murata: 'JPN',
    infineon: 'DEU',
    dialog: 'DEU',
    samsung: 'KOR',
    broadcom: 'USA',
    numonyx: 'USA',
    cirrus: 'USA',
    others: 'ROW',
  };
  return {
    id: retail ? 'iphone3g' : 'iphone3g-ex-factory',
    name: 'iPhone 3G',
    family: 'vertically-specialised',
    currency: 'USD',
    year: 2009,
    finalStage: retail ? 'apple' : 'assembly',
    finalMarket: 'USA',
    actors: [
      ...actorIds.map((id) => ({ id, name: id, country: countries[id] as string })),
      { id: 'foxconn', name: 'Foxconn', country: 'CHN', ownership: 'foreign' as const, nationality: 'TWN' },
      ...(retail ? [{ id: 'apple', name: 'Apple', country: 'USA', leadFirm: true }] : []),
    ],
    stages,
  };
}

/**
 * A hand-computed additive cocoa chain with conversion ratios and purchases.
 *
 *   grow (GHA)   p = 2.00 /kg beans, purchases 0.20 (NLD fertiliser)   va = 2.00 − 0.20 = 1.80
 *   ferment(GHA) p = 2.60 /kg dry, 1.1 kg beans per kg                 va = 2.60 − 1.1·2.00 = 0.40
 *   grind (NLD)  p = 5.00 /kg liquor, 1.25 kg dry per kg, energy 0.25   va = 5.00 − 1.25·2.60 − 0.25 = 1.50
 *   make (CHE)   p = 1.50 /bar, 0.04 kg liquor per bar, 0.30 FRA sugar  va = 1.50 − 0.04·5.00 − 0.30 = 1.00
 *   retail (GBR) p = 2.50 /bar, 1 bar                                   va = 2.50 − 1.50 = 1.00
 * Unit requirements per bar: retail 1, make 1, grind 0.04, ferment 0.04·1.25 = 0.05, grow 0.05·1.1 = 0.055.
 * Contributions: retail 1.00, make 1.00, make purchases FRA 0.30, grind 0.04·1.50 = 0.06, grind
 * purchases NLD 0.04·0.25 = 0.01, ferment 0.05·0.40 = 0.02, grow 0.055·1.80 = 0.099, grow purchases
 * NLD 0.055·0.20 = 0.011. Sum 2.50 = retail price.
 * By country: GBR 1.00, CHE 1.00, FRA 0.30, GHA 0.02 + 0.099 = 0.119, NLD 0.06 + 0.01 + 0.011 = 0.081.
 * Grow's distribution: wages 1.20 + profit 0.60 = 1.80 = its value added.
 */
export function cocoaChain(): ChainInput {
  return {
    id: 'cocoa-hand',
    name: 'Cocoa to chocolate (hand computed)',
    family: 'additive',
    currency: 'USD',
    finalStage: 'retail',
    actors: [
      { id: 'farmers', name: 'Smallholders', country: 'GHA' },
      { id: 'grinder', name: 'Grinder', country: 'NLD' },
    ],
    stages: [
      {
        id: 'grow',
        name: 'Growing',
        actor: 'farmers',
        country: 'GHA',
        function: 'growing/extraction',
        output: { unit: 'kg beans', unitPrice: 2 },
        purchases: [{ description: 'fertiliser', value: 0.2, country: 'NLD' }],
        distribution: { wages: 1.2, profit: 0.6 },
      },
      {
        id: 'ferment',
        name: 'Fermenting and drying',
        actor: 'farmers',
        country: 'GHA',
        function: 'primary-processing',
        output: { unit: 'kg dry beans', unitPrice: 2.6 },
        inputs: [{ stage: 'grow', quantity: 1.1 }],
      },
      {
        id: 'grind',
        name: 'Grinding',
        actor: 'grinder',
        country: 'NLD',
        function: 'processing',
        output: { unit: 'kg liquor', unitPrice: 5 },
        inputs: [{ stage: 'ferment', quantity: 1.25 }],
        purchases: [{ description: 'energy', value: 0.25, country: 'NLD' }],
      },
      {
        id: 'make',
        name: 'Chocolate manufacture',
        country: 'CHE',
        function: 'processing',
        output: { unit: 'bar', unitPrice: 1.5 },
        inputs: [{ stage: 'grind', quantity: 0.04 }],
        purchases: [{ description: 'sugar and milk', value: 0.3, country: 'FRA' }],
      },
      {
        id: 'retail',
        name: 'Retail',
        country: 'GBR',
        function: 'retail',
        output: { unit: 'bar', unitPrice: 2.5 },
        inputs: [{ stage: 'make', quantity: 1 }],
      },
    ],
  };
}

/**
 * A nested vertically specialised chain where the first round and the full decomposition differ.
 *
 *   wafer (TWN)    p = 10                                   va = 10
 *   chip (KOR)     p = 40, 2 wafers, 5 of JPN chemicals      va = 40 − 2·10 − 5 = 15
 *   display (JPN)  p = 30, 6 of CHN purchases                va = 30 − 6 = 24
 *   assembly (CHN) p = 80, chip + display, 4 of CHN parts    va = 80 − 40 − 30 − 4 = 6
 *   brand (USA)    p = 200, 1 assembled unit                 va = 200 − 80 = 120
 * Full: TWN 2·10 = 20; KOR 15; JPN 5 + 24 = 29; CHN 6 + 4 + 6 = 16; USA 120; sum 200.
 * First round at assembly: assembly 6 + its parts 4 → CHN 10; chip in whole 40 → KOR; display in whole
 * 30 → JPN; brand 120 → USA; TWN absent; sum 200.
 * First round at the final stage (brand): USA 120, assembly in whole 80 → CHN.
 */
export function nestedChain(): ChainInput {
  return {
    id: 'nested',
    name: 'Nested electronics',
    family: 'vertically-specialised',
    currency: 'USD',
    finalStage: 'brand',
    stages: [
      { id: 'wafer', name: 'Wafer', country: 'TWN', output: { unit: 'wafer', unitPrice: 10 } },
      {
        id: 'chip',
        name: 'Chip',
        country: 'KOR',
        function: 'component-manufacture',
        output: { unit: 'chip', unitPrice: 40 },
        inputs: [{ stage: 'wafer', quantity: 2 }],
        purchases: [{ description: 'chemicals', value: 5, country: 'JPN' }],
      },
      {
        id: 'display',
        name: 'Display',
        country: 'JPN',
        function: 'component-manufacture',
        output: { unit: 'display', unitPrice: 30 },
        purchases: [{ description: 'glass', value: 6, country: 'CHN' }],
      },
      {
        id: 'assembly',
        name: 'Assembly',
        country: 'CHN',
        function: 'assembly',
        output: { unit: 'device', unitPrice: 80 },
        inputs: [
          { stage: 'chip', quantity: 1 },
          { stage: 'display', quantity: 1 },
        ],
        purchases: [{ description: 'local parts', value: 4, country: 'CHN' }],
      },
      {
        id: 'brand',
        name: 'Brand',
        country: 'USA',
        function: 'branding',
        output: { unit: 'device', unitPrice: 200 },
        inputs: [{ stage: 'assembly', quantity: 1 }],
      },
    ],
  };
}

/** Groups as a key → value record (for order-independent comparisons). */
export function asRecord(groups: ReadonlyArray<{ key: string; valueAdded: number }>): Record<string, number> {
  return Object.fromEntries(groups.map((g) => [g.key, g.valueAdded]));
}
