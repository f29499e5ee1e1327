/**
 * Seed material shared by several folders' specs: the embedded datasets, the small chains of the
 * TSDoc examples, the rents list, and helpers that call the library while building seeds.
 */
import { dataModule, lib } from './library.js';

// biome-ignore lint/suspicious/noExplicitAny: the datasets, typed loosely (the module may not load)
const data = dataModule as Record<string, any>;
export const {
  africanClusters,
  africanClustersSource,
  cocoa,
  dominicanJeans,
  exampleIcio,
  iphone3g,
  publishedClusterTables,
} = data;

export const parseValueChain = (c: unknown) => lib('parseValueChain')(c);
export const clusterTables = (c: unknown) => lib('clusterTables')(c) as { marketOrientation: unknown };

/** `f()`, or `fallback` when it throws. */
export const tryOr = <T>(f: () => T, fallback: unknown): T | unknown => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

/** The two-stage phone chain of the `tradeInValueAdded` example (chip in Japan, assembly in China). */
export const tivaChain = {
  id: 'phone',
  name: 'Phone',
  family: 'vertically-specialised',
  currency: 'USD',
  finalStage: 'assembly',
  finalMarket: 'USA',
  stages: [
    { id: 'chip', name: 'Chip', country: 'JPN', output: { unit: 'chip', unitPrice: 60 } },
    {
      id: 'assembly',
      name: 'Assembly',
      country: 'CHN',
      output: { unit: 'phone', unitPrice: 70 },
      inputs: [{ stage: 'chip', quantity: 1 }],
    },
  ],
};

/** The rents of the `aggregateRents` example. */
export const rents = [
  { family: 'resource', barriers: 'high', protected: true, holder: 'mine' },
  { family: 'monopoly', barriers: 'high', holder: 'mine' },
];
