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
  // ----- growth -----
  classifyGrowthPath: {
    seeds: () => [[growthSeries], [dominicanJeans.series], [growthSeries, { tolerance: 0.01 }]],
  },
  termsOfTrade: { seeds: () => [[unitValues]] },
  // ----- policy -----
  policyAgenda: { seeds: () => [['additive'], ['vertically-specialised']] },
  policyConflicts: {
    seeds: () => [
      [['export-processing-zones', 'local-content-rules'], { size: 'large', insulatedZones: true }],
      [['export-processing-zones', 'local-content-rules'], { size: 'small' }],
    ],
  },
  // ----- rents -----
  aggregateRents: { seeds: () => [[rents], [rents, { excludeMonopoly: false }]] },
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
  thinningProfile: { seeds: () => [[thinningSeries], [thinningSeries, { stableTolerance: 0.05 }]] },
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
    ],
  },
  disembodiedIndex: { seeds: () => [['ODM'], ['OEA']] },
  upgradingTrajectory: { seeds: () => [[upgradingEvents]] },
};
