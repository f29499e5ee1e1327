/** The fuzz specs of `linkages/`: the linkage curve and its projection, depth, breadth, summaries. */
import fc from 'fast-check';
import { chainArb } from '../arbitraries.js';
import { lib } from '../library.js';
import { cocoa, iphone3g } from '../seeds.js';
import type { Spec } from '../spec.js';

const cocoaYear = (year: number, grindInGhana: boolean) => ({
  id: `cocoa-${year}`,
  name: 'Cocoa',
  family: 'additive',
  currency: 'USD',
  year,
  finalStage: 'grind',
  stages: [
    { id: 'grow', name: 'Grow', country: 'GHA', output: { unit: 'kg', unitPrice: 2 } },
    {
      id: 'grind',
      name: 'Grind',
      country: grindInGhana ? 'GHA' : 'NLD',
      output: { unit: 'kg', unitPrice: 4 },
      inputs: [{ stage: 'grow', quantity: 1 }],
    },
  ],
});

const logisticObs = [0, 1, 2, 3, 4, 5, 6].map((t) => ({
  period: 2000 + t,
  domesticShare: 0.6 / (1 + Math.exp(-(t - 3))),
}));
const sectorInputs = {
  inputs: [
    { category: 'fuel', domesticValue: 0, importedValue: 30 },
    { category: 'catering', domesticValue: 10, importedValue: 0 },
    { category: 'explosives', domesticValue: 15, importedValue: 45 },
  ],
};
const party = (sector: string) => ({ sector });
const linkages = [
  {
    type: 'production',
    direction: 'backward',
    from: party('engineering'),
    to: party('mining'),
    value: 30,
    country: 'GHA',
    domestic: true,
  },
  {
    type: 'production',
    direction: 'backward',
    from: party('fuel'),
    to: party('mining'),
    value: 90,
    country: 'GHA',
    domestic: false,
  },
];

/** How each function of `linkages/` is fuzzed. */
export const linkageSpecs: Record<string, Spec> = {
  fitLinkageCurve: { seeds: () => [[logisticObs], [logisticObs, { maxIterations: 50 }]] },
  domesticValueAddedShares: {
    seeds: () => [
      [[cocoaYear(2000, false), cocoaYear(2010, true)], 'GHA'],
      [[cocoa, iphone3g], 'CHN'],
    ],
    valid: () =>
      fc.tuple(fc.array(chainArb, { minLength: 1, maxLength: 3 }), fc.constantFrom('CHN', 'USA', 'GHA')),
  },
  backwardDepth: { seeds: () => [[sectorInputs]] },
  forwardDepth: {
    seeds: () => [
      [{ outputs: [{ product: 'cocoa beans', processedDomestically: 25, exportedUnprocessed: 75 }] }],
    ],
  },
  horizontalLinkage: {
    seeds: () => [
      [
        {
          suppliers: [
            { supplier: 'pumps', salesToResourceSector: 60, salesToOtherSectors: 20 },
            { supplier: 'engineering', salesToResourceSector: 15, salesToOtherSectors: 5 },
          ],
        },
      ],
    ],
  },
  linkageBreadth: { seeds: () => [[sectorInputs, { minDomesticShare: 0.2 }], [sectorInputs]] },
  projectLinkageCurve: {
    seeds: () => [
      [
        { ceiling: 0.5, rate: 1, midpoint: 0, coreThreshold: 0.5, lastPeriod: 0 },
        { periods: [0, 100], depth: 0.3 },
      ],
      [lib('fitLinkageCurve')(logisticObs), { periods: [2010, 2020] }],
    ],
  },
  summarizeLinkages: { seeds: () => [[linkages]] },
};
