import type { ValueChain } from '../chains/model.js';
import { deepFreeze } from '../core/freeze.js';

/**
 * The iPhone 3G (2009) as a vertically specialised chain: the first-round breakdown of Xing & Detert
 * (2010), Table 1 (from iSuppli's teardown), in US dollars per phone.
 *
 * Components are stages, one per supplier and country, with the components and costs of the table:
 * Toshiba (Japan) flash memory 24.00, display module 19.25, touch screen 16.00; Murata (Japan) front-end
 * module 1.35; Samsung (Korea) application processor 14.46, SDRAM 8.50; Infineon (Germany) baseband
 * 13.00, camera module 9.55, RF transceiver 2.80, GPS receiver 2.25, power IC (RF) 1.25; Dialog
 * Semiconductor (Germany) power IC (application processor) 1.30; Broadcom (USA) Bluetooth/FM/WLAN
 * 5.95; Numonyx (USA) memory MCP 3.65; Cirrus Logic (USA) audio codec 1.15; the rest of the bill of
 * materials 48.00 (other countries, `ROW`). Country totals are the published ones exactly: Japan 60.60,
 * Germany 30.15, Korea 22.96, United States 10.75, other countries 48.00 (bill of materials 172.46).
 * Foxconn assembles in China for 6.50 of value added, so the phone leaves China at 178.96. Apple's US
 * stage (design, marketing, distribution and retail) takes the rest up to the retail price of about
 * $500, used as 500.
 *
 * These are first-round figures: each component's full price is attributed to its supplier's country,
 * although components are themselves made of imported parts (Kaplinsky 2015). The rounder figures in
 * the domain summary ("about $80 from Korea, $25 from the US, $16 from Germany") come from a different
 * breakdown than this table; the dataset follows Xing & Detert's table.
 *
 * Deeply frozen, like everything gvckit returns or ships: an attempt to change it throws a
 * `TypeError` in strict mode (and is ignored otherwise), so no importer can alter it for another.
 * Copy it to edit it (`structuredClone(x)`, or the chain-edit functions for a chain).
 *
 * @example
 * ```ts
 * iphone3g.stages.find((s) => s.id === 'assembly')?.output.unitPrice;
 * //=> 178.96
 * ```
 */
export const iphone3g: ValueChain = /* @__PURE__ */ deepFreeze({
  family: 'vertically-specialised',
  id: 'iphone-3g',
  name: 'Apple iPhone 3G',
  product: 'iPhone 3G smartphone',
  currency: 'USD',
  year: 2009,
  driver: 'buyer',
  finalMarket: 'USA',
  actors: [
    { id: 'apple', name: 'Apple Inc.', country: 'USA', ownership: 'domestic', size: 'large', leadFirm: true },
    {
      id: 'foxconn',
      name: 'Foxconn',
      country: 'CHN',
      ownership: 'foreign',
      nationality: 'TWN',
      size: 'large',
    },
    { id: 'toshiba', name: 'Toshiba', country: 'JPN', size: 'large' },
    { id: 'murata', name: 'Murata', country: 'JPN', size: 'large' },
    { id: 'samsung', name: 'Samsung', country: 'KOR', size: 'large' },
    { id: 'infineon', name: 'Infineon', country: 'DEU', size: 'large' },
    { id: 'dialog', name: 'Dialog Semiconductor', country: 'DEU', size: 'medium' },
    { id: 'broadcom', name: 'Broadcom', country: 'USA', size: 'large' },
    { id: 'numonyx', name: 'Numonyx', country: 'USA', size: 'large' },
    { id: 'cirrus', name: 'Cirrus Logic', country: 'USA', size: 'medium' },
  ],
  stages: [
    {
      id: 'toshiba-components',
      name: 'Flash memory, display module and touch screen',
      function: 'component-manufacture',
      actor: 'toshiba',
      country: 'JPN',
      output: { unit: 'set per phone', unitPrice: 59.25 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'murata-fem',
      name: 'Front-end module',
      function: 'component-manufacture',
      actor: 'murata',
      country: 'JPN',
      output: { unit: 'set per phone', unitPrice: 1.35 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'samsung-components',
      name: 'Application processor and SDRAM',
      function: 'component-manufacture',
      actor: 'samsung',
      country: 'KOR',
      output: { unit: 'set per phone', unitPrice: 22.96 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'infineon-components',
      name: 'Baseband, camera module, RF transceiver, GPS receiver and RF power IC',
      function: 'component-manufacture',
      actor: 'infineon',
      country: 'DEU',
      output: { unit: 'set per phone', unitPrice: 28.85 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'dialog-power-ic',
      name: 'Power IC (application processor function)',
      function: 'component-manufacture',
      actor: 'dialog',
      country: 'DEU',
      output: { unit: 'set per phone', unitPrice: 1.3 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'broadcom-wireless',
      name: 'Bluetooth/FM/WLAN',
      function: 'component-manufacture',
      actor: 'broadcom',
      country: 'USA',
      output: { unit: 'set per phone', unitPrice: 5.95 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'numonyx-memory',
      name: 'Memory MCP',
      function: 'component-manufacture',
      actor: 'numonyx',
      country: 'USA',
      output: { unit: 'set per phone', unitPrice: 3.65 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'cirrus-audio',
      name: 'Audio codec',
      function: 'component-manufacture',
      actor: 'cirrus',
      country: 'USA',
      output: { unit: 'set per phone', unitPrice: 1.15 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'other-components',
      name: 'Rest of the bill of materials',
      function: 'component-manufacture',
      country: 'ROW',
      output: { unit: 'set per phone', unitPrice: 48 },
      inputs: [],
      purchases: [],
    },
    {
      id: 'assembly',
      name: 'Assembly',
      function: 'assembly',
      actor: 'foxconn',
      country: 'CHN',
      output: { unit: 'phone', unitPrice: 178.96 },
      inputs: [
        { stage: 'toshiba-components', quantity: 1 },
        { stage: 'murata-fem', quantity: 1 },
        { stage: 'samsung-components', quantity: 1 },
        { stage: 'infineon-components', quantity: 1 },
        { stage: 'dialog-power-ic', quantity: 1 },
        { stage: 'broadcom-wireless', quantity: 1 },
        { stage: 'numonyx-memory', quantity: 1 },
        { stage: 'cirrus-audio', quantity: 1 },
        { stage: 'other-components', quantity: 1 },
      ],
      purchases: [],
    },
    {
      id: 'retail',
      name: 'Design, marketing, distribution and retail',
      function: 'retail',
      actor: 'apple',
      country: 'USA',
      output: { unit: 'phone', unitPrice: 500 },
      inputs: [{ stage: 'assembly', quantity: 1 }],
      purchases: [],
    },
  ],
  finalStage: 'retail',
  rents: [
    {
      family: 'endogenous',
      kind: 'marketing',
      description: 'the Apple brand',
      barriers: 'high',
      protected: true,
      dynamic: true,
      holder: 'apple',
    },
    {
      family: 'endogenous',
      kind: 'technology',
      description: 'product design and software',
      barriers: 'high',
      protected: true,
      dynamic: true,
      holder: 'apple',
    },
  ],
  source: {
    citation:
      "Xing, Y. & Detert, N. (2010) How the iPhone widens the United States trade deficit with the People's Republic of China, ADBI Working Paper 257, Asian Development Bank Institute, Tokyo",
    page: 'Table 1',
  },
  notes:
    'First-round breakdown: component values are attributed to the supplier country, not decomposed into their own imported content. Retail price about $500, used as 500.',
});
