/**
 * The fuzz specs of the smaller folders: `core/`, `governance/`, `growth/`, `policy/`, `rents/`,
 * `thinning/` and `upgrading/`.
 */
import fc from 'fast-check';
import { chainArb } from '../arbitraries.js';
import { lib } from '../library.js';
import { cocoa, dominicanJeans, iphone3g, rents, tivaChain } from '../seeds.js';
import type { Spec } from '../spec.js';

const growthSeries = [
  { period: 2000, volume: 100, unitPrice: 10 },
  { period: 2001, volume: 150, unitPrice: 6 },
];
const unitValues = [
  { period: 1, exportUnitValue: 2, importUnitValue: 1, exportVolume: 100 },
  { period: 2, exportUnitValue: 1.5, importUnitValue: 1.25, exportVolume: 150 },
];
const thinningSeries = [
  { period: 1990, valueAddedShare: 0.6, functions: ['assembly', 'design', 'branding'] },
  { period: 2000, valueAddedShare: 0.2, functions: ['design', 'branding'] },
  { period: 2010, valueAddedShare: 0.35, functions: ['design', 'branding', 'services'] },
];
const thinningEntry = [
  { period: 1, valueAddedShare: 0.7, functions: ['assembly', 'design'] },
  { period: 2, valueAddedShare: 0.05, functions: ['assembly'], newToChain: true },
  { period: 3, valueAddedShare: 0.2, functions: ['assembly', 'design'], incumbent: true },
];
/** A dataset with one stage moved to another country (a second snapshot of the same chain). */
const relocated = (chain: unknown, stage: string, country: string) =>
  lib('relocateStage')(chain, stage, { country });
const upgradingEvents = [
  {
    subject: 'a',
    period: 2,
    kind: 'product',
    from: { chain: 'shoes', position: 'OEM' },
    to: { chain: 'shoes', position: 'ODM' },
  },
  {
    subject: 'a',
    period: 1,
    kind: 'process',
    from: { chain: 'shoes', position: 'OEA' },
    to: { chain: 'shoes', position: 'OEM' },
  },
];

/** How each function of the smaller folders is fuzzed. */
export const otherSpecs: Record<string, Spec> = {
  // ----- core -----
  isGvcError: {
    seeds: () => [
      [new (lib('GvcError') as unknown as new (c: string, m: string) => Error)('INVALID_INPUT', 'x')],
      [new Error('x')],
      [
        new (lib('GvcError') as unknown as new (c: string, m: string) => Error)('NOT_FOUND', 'x'),
        'NOT_FOUND',
      ],
    ],
  },
  // ----- governance -----
  classifyGovernance: {
    seeds: () => [
      [{ complexity: 'high', codifiability: 'low', supplierCapability: 'high' }],
      [{ complexity: 'low', codifiability: 'low', supplierCapability: 'high' }],
    ],
  },
  describeDriver: { seeds: () => [['buyer'], ['producer']] },
  classifyDriver: { seeds: () => [[{ leadFirm: 'retailer', coreCompetence: 'design-and-marketing' }]] },
  classifyLinkGovernance: {
    seeds: () => [
      [
        iphone3g,
        [
          {
            from: 'assembly',
            to: 'retail',
            determinants: { complexity: 'high', codifiability: 'high', supplierCapability: 'high' },
          },
        ],
      ],
      [
        cocoa,
        [
          {
            from: 'ferment-dry',
            to: 'export',
            determinants: { complexity: 'low', codifiability: 'high', supplierCapability: 'high' },
          },
        ],
        { withinActor: 'hierarchy' },
      ],
      [cocoa, []],
    ],
  },
  governanceShift: {
    seeds: () => [
      [
        { complexity: 'high', codifiability: 'low', supplierCapability: 'low' },
        { complexity: 'high', codifiability: 'high', supplierCapability: 'high' },
      ],
      [
        { complexity: 'low', codifiability: 'high', supplierCapability: 'low' },
        { complexity: 'high', codifiability: 'low', supplierCapability: 'high' },
      ],
    ],
  },
  assessDriver: {
    seeds: () => [
      [
        {
          leadFirm: 'retailer',
          coreCompetence: 'design-and-marketing',
          networkLinks: 'investment',
          ownsProduction: true,
        },
      ],
      [{ leadFirm: 'retailer', barriersToEntry: 'scale', networkLinks: 'trade' }, { mixedShare: 0.4 }],
      [{}, { weights: { leadFirm: 0 } }],
    ],
  },
  // ----- growth -----
  classifyGrowthPath: {
    seeds: () => [[growthSeries], [dominicanJeans.series], [growthSeries, { tolerance: 0.01 }]],
  },
  termsOfTrade: { seeds: () => [[unitValues]] },
  // ----- policy -----
  policyAgenda: {
    seeds: () => [['additive'], ['vertically-specialised'], ['additive', { catalogue: 'full' }]],
  },
  policyConflicts: {
    seeds: () => [
      [['export-processing-zones', 'local-content-rules'], { size: 'large', insulatedZones: true }],
      [['export-processing-zones', 'local-content-rules'], { size: 'small' }],
      [['trade-preferences', 'imported-input-limits'], { size: 'small' }],
      [['export-processing-zones', 'offsets'], { size: 'small', zonesSellDomestically: true }],
    ],
  },
  policyFit: {
    seeds: () => [[cocoa], [iphone3g, { country: 'CHN' }], [cocoa, { catalogue: 'core', country: 'GBR' }]],
    valid: () => fc.tuple(chainArb),
  },
  // ----- rents -----
  aggregateRents: {
    seeds: () => [
      [rents],
      [rents, { excludeMonopoly: false }],
      [[{ family: 'exogenous', kind: 'finance', barriers: 'medium', amount: 15000 }]],
    ],
  },
  resourceRent: {
    seeds: () => [
      [
        [
          { id: 'land-1', unitCost: 0.8, quantity: 100 },
          { id: 'land-2', unitCost: 80 / 90, quantity: 90, country: 'GHA' },
          { id: 'land-3', unitCost: 1, quantity: 80 },
        ],
      ],
      [[{ id: 'a', unitCost: 0.5, quantity: 10 }], { price: 1.1 }],
    ],
  },
  projectRentErosion: {
    seeds: () => [
      [
        { amount: 10 },
        [
          { period: 0, barriers: 'low' },
          { period: 1, barriers: 'low' },
        ],
        { erosionRates: { high: 0, medium: 0.03, low: 0.0738 } },
      ],
      [
        { amount: 292.5, dynamic: true },
        [
          { period: 0, barriers: 'high', protected: true },
          { period: 1, barriers: 'medium' },
          { period: 2, barriers: 'low' },
        ],
        { erosionRates: { high: 0.2, medium: 0.1, low: 0.3 }, renewal: 0.1 },
      ],
    ],
  },
  fitErosionRate: { seeds: () => [[[2.18, 2.0, 1.87]], [[1, 1e-300, 1e300]]] },
  rentFamily: { seeds: () => [[{ family: 'exogenous', kind: 'finance', barriers: 'medium' }]] },
  rentOutlook: {
    seeds: () => [
      [{ family: 'endogenous', kind: 'marketing', barriers: 'high', protected: true }],
      [{ family: 'resource', barriers: 'low' }],
    ],
  },
  // ----- thinning -----
  functionKnowledgeIntensity: {
    seeds: () => [[['assembly', 'design']], [['assembly', 'x'], { knowledgeIntensity: { x: 3 } }]],
  },
  thinningProfile: {
    seeds: () => [
      [thinningSeries],
      [thinningSeries, { stableTolerance: 0.05 }],
      [thinningEntry, { rebuildingAfter: 'thinning-out' }],
    ],
  },
  thinningFromChains: {
    seeds: () => [
      [
        [
          { period: 2015, chain: cocoa },
          { period: 2016, chain: relocated(cocoa, 'grind', 'GHA') },
        ],
        { country: 'GHA' },
      ],
      [
        [
          { period: 1, chain: relocated(iphone3g, 'assembly', 'TWN') },
          { period: 2, chain: iphone3g },
        ],
        { actor: 'foxconn' },
      ],
    ],
    valid: () =>
      fc.tuple(
        fc.tuple(chainArb, chainArb).map(([a, b]) => [
          { period: 1, chain: a },
          { period: 2, chain: b },
        ]),
        fc.constantFrom({ country: 'CHN' }, { country: 'USA' }, { actor: 'a1' }),
      ),
  },
  compareChainSnapshots: {
    seeds: () => [
      [cocoa, relocated(cocoa, 'grind', 'GHA')],
      [relocated(iphone3g, 'assembly', 'TWN'), iphone3g, { depth: 'first-round' }],
    ],
    valid: () => fc.tuple(chainArb, chainArb),
  },
  valueAddedShare: {
    seeds: () => [
      [tivaChain, { country: 'CHN' }],
      [iphone3g, { country: 'USA' }],
      [cocoa, { country: 'GHA' }],
    ],
    valid: () =>
      fc.tuple(chainArb, fc.constantFrom({ country: 'CHN' }, { country: 'USA' }, { country: 'GHA' })),
  },
  // ----- upgrading -----
  classifyUpgrading: {
    seeds: () => [
      [
        { chain: 'apparel', position: 'OEA' },
        { chain: 'apparel', position: 'OEM' },
      ],
      [
        { chain: 'tv-tubes', position: 'OBM' },
        { chain: 'monitors', position: 'OEM' },
      ],
      [
        { chain: 'footwear', position: 'OEM', unitValue: 10 },
        { chain: 'footwear', position: 'OEM', unitValue: 14 },
        { chainEvidence: 'presumed' },
      ],
    ],
  },
  assessUpgrading: {
    seeds: () => [
      [
        { chain: 'apparel', position: 'OEM', functions: ['assembly', 'design'] },
        { chain: 'apparel', position: 'OEM', functions: ['assembly'] },
      ],
      [
        { chain: 'tv-tubes', position: 'OBM', competences: ['cathode-ray tubes'] },
        { chain: 'monitors', position: 'OEM', competences: ['cathode-ray tubes', 'PC interfaces'] },
      ],
      [
        { chain: 'wine', position: 'OBM', unitValue: 6, unitCost: 5 },
        { chain: 'wine', position: 'OBM', unitValue: 4, unitCost: 3, efficiencyGain: true },
        { tolerance: 0.05 },
      ],
      [
        { chain: 'monitors', position: 'OBM', functions: ['cut', 'sew'] },
        { chain: 'garments', position: 'OEA', functions: ['sew'], productUpgrade: true },
        { chainEvidence: 'presumed', valueScale: { cut: 1, sew: 1 } },
      ],
    ],
  },
  disembodiedIndex: { seeds: () => [['ODM'], ['OEA']] },
  upgradingTrajectory: {
    seeds: () => [[upgradingEvents], [upgradingEvents, { tolerance: 0.05, chainEvidence: 'presumed' }]],
  },
};
