/** The fuzz specs of `chains/`: parsing, decompositions, accounts, edits, smile curve, TiVA. */
import fc from 'fast-check';
import { additiveInput, minimalInput } from '../../chains/fixtures.js';
import { chainArb } from '../arbitraries.js';
import { cocoa, iphone3g, parseValueChain, rents, tivaChain } from '../seeds.js';
import type { Spec } from '../spec.js';

const phone = () => parseValueChain(minimalInput());
const chainSeeds = () => [[minimalInput()], [additiveInput()], [iphone3g], [cocoa], [phone()]];
const chainValid = () => chainArb.map((c) => [c]);

const accountsChain = {
  id: 'c',
  name: 'Cocoa',
  family: 'additive',
  currency: 'USD',
  finalStage: 'export',
  stages: [
    {
      id: 'grow',
      name: 'Grow',
      country: 'GHA',
      output: { unit: 'kg', unitPrice: 2, volume: 100 },
      distribution: { wages: 1.5, profit: 0.5 },
    },
    {
      id: 'export',
      name: 'Export',
      country: 'GHA',
      output: { unit: 'kg', unitPrice: 2.5, volume: 100 },
      inputs: [{ stage: 'grow', quantity: 1 }],
      purchases: [{ description: 'bags', value: 0.1, country: 'CHN' }],
    },
  ],
};

const battery = { id: 'battery', name: 'Battery', country: 'KOR', output: { unit: 'piece', unitPrice: 5 } };
const ferment = {
  id: 'ferment',
  name: 'Fermenting',
  country: 'GHA',
  output: { unit: 'kg', unitPrice: 1.9 },
  inputs: [{ stage: 'grow', quantity: 1.05 }],
};
const purchase = { description: 'battery', value: 5, country: 'KOR' };

/** Valid argument lists for the chain edits: the parsed phone chain (stages chip → assembly → retail). */
const edits: Record<string, () => unknown[][]> = {
  addStage: () => [
    [phone(), battery, { feeds: 'assembly', quantity: 1 }],
    [parseValueChain(cocoa), ferment, { feeds: 'export', quantity: 1, replacing: 'grow' }],
  ],
  removeStage: () => [
    [phone(), 'chip', { asPurchase: true }],
    [phone(), 'chip'],
    [minimalInput(), 'chip'],
  ],
  updateChain: () => [
    [
      phone(),
      (d: { year?: number }) => {
        d.year = 2009;
      },
    ],
    [phone(), () => undefined],
  ],
  setPrice: () => [
    [phone(), 'retail', 160],
    [minimalInput(), 'chip', 0],
  ],
  addPurchase: () => [[phone(), 'assembly', purchase]],
  relocateStage: () => [
    [phone(), 'assembly', { country: 'VNM' }],
    [phone(), 'chip', { country: 'USA', actor: 'maker' }],
  ],
};

/** How each function of `chains/` is fuzzed. */
export const chainSpecs: Record<string, Spec> = {
  agentAccounts: {
    seeds: () => [[accountsChain, { basis: 'volume', indirectValueAdded: 0 }], ...chainSeeds()],
    valid: () => fc.tuple(chainArb, fc.constantFrom(undefined, { basis: 'volume' }, { basis: 'per-unit' })),
  },
  valueCapture: { seeds: chainSeeds, valid: chainValid },
  measureRents: {
    seeds: () => [
      [cocoa, { normalReturn: { basis: 'none' } }],
      [cocoa, { normalReturn: { basis: 'cost-markup', markup: 0.1 } }],
      [
        cocoa,
        {
          normalReturn: {
            basis: 'capital',
            rate: 0.08,
            capitalPerUnit: { grow: 1, export: 2, manufacture: 0.5 },
          },
        },
      ],
      [
        {
          ...iphone3g,
          rents: [
            { family: 'endogenous', kind: 'marketing', barriers: 'high', holder: 'apple', amount: 292.5 },
          ],
        },
        { normalReturn: { basis: 'none' }, depth: 'first-round' },
      ],
    ],
    valid: () => chainArb.map((c) => [c, { normalReturn: { basis: 'cost-markup', markup: 0.1 } }]),
  },
  decomposeValueAdded: {
    seeds: () => [...chainSeeds(), [tivaChain, { depth: 'direct' }]],
    valid: chainValid,
  },
  addStage: { seeds: edits.addStage as () => unknown[][] },
  addStageWithPatches: { seeds: edits.addStage as () => unknown[][] },
  removeStage: { seeds: edits.removeStage as () => unknown[][] },
  removeStageWithPatches: { seeds: edits.removeStage as () => unknown[][] },
  updateChain: { seeds: edits.updateChain as () => unknown[][] },
  updateChainWithPatches: { seeds: edits.updateChain as () => unknown[][] },
  setPrice: { seeds: edits.setPrice as () => unknown[][] },
  setPriceWithPatches: { seeds: edits.setPrice as () => unknown[][] },
  addPurchase: { seeds: edits.addPurchase as () => unknown[][] },
  addPurchaseWithPatches: { seeds: edits.addPurchase as () => unknown[][] },
  relocateStage: { seeds: edits.relocateStage as () => unknown[][] },
  relocateStageWithPatches: { seeds: edits.relocateStage as () => unknown[][] },
  parseValueChain: { seeds: chainSeeds, valid: chainValid },
  safeParseValueChain: { seeds: chainSeeds, valid: chainValid },
  parseActor: { seeds: () => [[{ id: 'maker', name: 'Assembler Ltd', country: 'CHN' }]] },
  safeParseActor: {
    seeds: () => [[{ id: 'maker', name: 'Assembler Ltd', country: 'CHN' }], [iphone3g.actors[0]]],
  },
  parseStage: { seeds: () => [[battery], [ferment], [iphone3g.stages[0]]] },
  safeParseStage: { seeds: () => [[battery], [ferment], [cocoa.stages[1]]] },
  parseRent: {
    seeds: () => [
      [{ family: 'resource', barriers: 'medium' }],
      [{ family: 'endogenous', kind: 'marketing', barriers: 'high', protected: true }],
    ],
  },
  safeParseRent: {
    seeds: () => [[{ family: 'endogenous', kind: 'technology', barriers: 'high' }], [rents[1]]],
  },
  smileCurve: {
    seeds: () => [...chainSeeds(), [iphone3g, { position: 'function' }]],
    valid: () => fc.tuple(chainArb, fc.constantFrom(undefined, { position: 'function' })),
  },
  inferChainFamily: {
    seeds: () => [
      ...chainSeeds(),
      [{ ...iphone3g, family: 'additive' }],
      [cocoa, { stages: { grow: { perishable: true, fixedLocation: true } }, sector: 'apparel' }],
      [iphone3g, { leadFirmsLeaveProcessing: true, sector: 'furniture' }, { minSequentialStages: 2 }],
      [cocoa, null, { minWeightLoss: 0.5, minSequentialStages: 8 }],
    ],
    valid: () =>
      fc.tuple(
        chainArb,
        fc.constantFrom(undefined, null, { sector: 'footwear' }, { leadFirmsLeaveProcessing: true }),
        fc.constantFrom(undefined, { minWeightLoss: 0 }, { minSequentialStages: 2 }),
      ),
  },
  tradeInValueAdded: {
    seeds: () => [[tivaChain], ...chainSeeds(), [iphone3g, { tolerance: 1e-6 }]],
    valid: chainValid,
  },
};
