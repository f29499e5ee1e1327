/**
 * Every runtime function exported by `gvckit` (`src/index.ts`), `gvckit/io` (`src/io/index.ts`) and
 * `gvckit/data` (`src/data/index.ts`), enumerated from the modules themselves, each with valid seed
 * argument lists (from the TSDoc `@example`s, the tests and the embedded datasets) and, where the
 * function takes a table, chain or matrix, a generator of random valid argument lists.
 *
 * A new export without an entry in `specs` makes `tests/fuzz/fuzz.test.ts` fail (see
 * {@link missingSpecs}); an entry whose function is no longer exported fails too.
 */
import fc from 'fast-check';
import { additiveInput, minimalInput } from '../chains/fixtures.js';
import { sampleCluster, tsvHeader } from '../clusters/fixtures.js';
import { HAND_TABLE } from '../io/decompositions/helpers.js';
import { MILLER_BLAIR_TABLE } from '../io/fixture.js';
import {
  chainArb,
  squareArb,
  type TableInput,
  tableArb,
  tableToCsv,
  tableToRecords,
  vectorArb,
} from './arbitraries.js';

// biome-ignore lint/suspicious/noExplicitAny: the registry calls every function with arbitrary values
type AnyFn = (...args: any[]) => unknown;

/** How one function is fuzzed. */
export interface Spec {
  /** Valid argument lists (built lazily, since building one may call the library). */
  seeds: () => unknown[][];
  /** Random valid argument lists, where the function takes tables, chains or matrices. */
  valid?: () => fc.Arbitrary<unknown[]>;
  /** Wall-clock bound of one call in milliseconds (default {@link DEFAULT_BOUND_MS}). */
  boundMs?: number;
}

/** A registered function with its spec. */
export interface Entry extends Spec {
  name: string;
  /** `io`, `data`, or the folder of `src/` whose index exports it. */
  folder: string;
  fn: AnyFn;
  arity: number;
}

/** Default wall-clock bound of one call. */
export const DEFAULT_BOUND_MS = 2000;
/** Bound of one call of an input–output function (its largest random table is 4 × 4 = 16 sectors, the largest seed 9). */
export const IO_BOUND_MS = 5000;

/** Exports that are functions but not fuzzed, with the reason. */
export const notFuzzed: Record<string, string> = {
  GvcError: 'a class (the error every other case checks for), not a function of data',
};

const isSchema = (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as { safeParse?: unknown }).safeParse === 'function';

type Module = Record<string, unknown>;

/** Modules that failed to load (a folder mid-edit), with the error: their functions are reported, not fuzzed. */
export const loadErrors: Record<string, string> = {};

async function load(name: string, f: () => Promise<unknown>): Promise<Module> {
  try {
    return (await f()) as Module;
  } catch (e) {
    loadErrors[name] = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
    return {};
  }
}

// Each folder is loaded on its own, so that a folder that does not load (being edited) does not stop
// the fuzzing of the others.
const folderModules: Array<[string, Module]> = [
  ['chains', await load('chains', () => import('../../src/chains/index.js'))],
  ['charts', await load('charts', () => import('../../src/charts/index.js'))],
  ['clusters', await load('clusters', () => import('../../src/clusters/index.js'))],
  ['core', await load('core', () => import('../../src/core/index.js'))],
  ['governance', await load('governance', () => import('../../src/governance/index.js'))],
  ['growth', await load('growth', () => import('../../src/growth/index.js'))],
  ['linkages', await load('linkages', () => import('../../src/linkages/index.js'))],
  ['policy', await load('policy', () => import('../../src/policy/index.js'))],
  ['rents', await load('rents', () => import('../../src/rents/index.js'))],
  ['thinning', await load('thinning', () => import('../../src/thinning/index.js'))],
  ['upgrading', await load('upgrading', () => import('../../src/upgrading/index.js'))],
];
const mainModule = await load('main', () => import('../../src/index.js'));
const ioModule = await load('io', () => import('../../src/io/index.js'));
const dataModule = await load('data', () => import('../../src/data/index.js'));

/** Every exported runtime function of the three entry points, with the folder that exports it. */
export function exportedFunctions(): Map<string, { fn: AnyFn; folder: string }> {
  const out = new Map<string, { fn: AnyFn; folder: string }>();
  const add = (mod: Module, fallback: string) => {
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v !== 'function' || isSchema(v) || name in notFuzzed || out.has(name)) continue;
      const folder = folderModules.find(([, m]) => m[name] === v)?.[0] ?? fallback;
      out.set(name, { fn: v as AnyFn, folder });
    }
  };
  add(mainModule, 'main');
  for (const [folder, m] of folderModules) add(m, folder);
  add(ioModule, 'io');
  add(dataModule, 'data');
  return out;
}

/** A library function by name, for building seeds (throws when its module did not load). */
function lib(name: string): AnyFn {
  for (const m of [mainModule, ioModule, ...folderModules.map(([, x]) => x)]) {
    const f = m[name];
    if (typeof f === 'function') return f as AnyFn;
  }
  throw new Error(`${name} is not available (its module did not load)`);
}

// ----- seed material -----

const createIcio = (t: unknown) => lib('createIcio')(t);
const luFactor = (a: unknown, n: unknown) => lib('luFactor')(a, n);
const parseValueChain = (c: unknown) => lib('parseValueChain')(c);
const clusterTables = (c: unknown) => lib('clusterTables')(c) as { marketOrientation: unknown };
const decomposeValueAdded = (c: unknown) => lib('decomposeValueAdded')(c);
const smileCurve = (c: unknown) => lib('smileCurve')(c);
// biome-ignore lint/suspicious/noExplicitAny: the datasets, typed loosely (the module may not load)
const data = dataModule as Record<string, any>;
const {
  africanClusters,
  africanClustersSource,
  cocoa,
  dominicanJeans,
  exampleIcio,
  iphone3g,
  publishedClusterTables,
} = data;

const tryOr = <T>(f: () => T, fallback: unknown): T | unknown => {
  try {
    return f();
  } catch {
    return fallback;
  }
};

/** The table as an Icio where `createIcio` accepts it, else the plain input (the function must then reject it). */
const icioOf = (t: TableInput) => tryOr(() => createIcio(t), t);

/** Seed tables: the decomposition tests' hand table and Miller & Blair's two-sector example. */
const small2 = HAND_TABLE;
const mb = MILLER_BLAIR_TABLE;
const chainAB = {
  countries: ['A', 'B'],
  sectors: ['s'],
  Z: [
    [0, 5],
    [0, 0],
  ],
  Y: [
    [5, 0],
    [0, 10],
  ],
};
const icioSeeds = () => [exampleIcio, small2, mb, chainAB].map((t) => [createIcio(t)]);
const icioValid = () => tableArb().map((t) => [icioOf(t)]);

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

const tivaChain = {
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

const battery = { id: 'battery', name: 'Battery', country: 'KOR', output: { unit: 'piece', unitPrice: 5 } };
const ferment = {
  id: 'ferment',
  name: 'Fermenting',
  country: 'GHA',
  output: { unit: 'kg', unitPrice: 1.9 },
  inputs: [{ stage: 'grow', quantity: 1.05 }],
};
const purchase = { description: 'battery', value: 5, country: 'KOR' };

const heatmapRows = [
  { key: 'local-only', growth: 1, upgrading: 0, growthAndUpgrading: 0, clusters: 4 },
  { key: 'domestic-and-international', growth: 6, upgrading: 7, growthAndUpgrading: 5, clusters: 9 },
];
const linkageChartInput = {
  observations: [{ period: 2000, domesticShare: 0.1 }],
  fitted: [
    { period: 2000, domesticShare: 0.1 },
    { period: 2010, domesticShare: 0.4 },
  ],
  scenarios: [{ name: 'speed', points: [{ period: 2010, domesticShare: 0.5 }] }],
};
const smileInput = {
  byPosition: [
    { position: 0, valueAdded: 4, share: 0.4, stages: ['design'] },
    { position: 1, valueAdded: 1, share: 0.1, stages: ['assembly'] },
    { position: 2, valueAdded: 5, share: 0.5, stages: ['retail'] },
  ],
};
const thinningObs = [
  { period: 2000, valueAddedShare: 0.6 },
  { period: 2005, valueAddedShare: 0.3 },
];
const vaDecomp = {
  finalValue: 10,
  currency: 'USD',
  depth: 'full',
  byCountry: [
    { key: 'CHN', valueAdded: 2, share: 0.2 },
    { key: 'USA', valueAdded: 8, share: 0.8 },
  ],
};

const dynamicCluster = {
  ...sampleCluster(),
  dynamism: { growth: false, upgrading: false },
  indicators: [
    { period: 2000, firms: 100 },
    { period: 2002, firms: 121 },
  ],
};
const keko = {
  id: 'k',
  name: 'Keko Furniture',
  country: 'TZA',
  sector: 'furniture',
  endMarkets: ['local', 'regional'],
  dynamism: { growth: true, upgrading: false },
  externalEconomies: ['suppliers', 'labour-supply'],
  collectiveAction: ['marketing', 'learning'],
  institutionalSupport: ['cluster-sectoral'],
};
const tsv = [
  tsvHeader,
  'Kenya\tNgong Furniture\tlocal\tgrowth\tlabour supply;availability of suppliers\tnone\tnone',
].join('\n');

const growthSeries = [
  { period: 2000, volume: 100, unitPrice: 10 },
  { period: 2001, volume: 150, unitPrice: 6 },
];
const unitValues = [
  { period: 1, exportUnitValue: 2, importUnitValue: 1, exportVolume: 100 },
  { period: 2, exportUnitValue: 1.5, importUnitValue: 1.25, exportVolume: 150 },
];
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
const rents = [
  { family: 'resource', barriers: 'high', protected: true, holder: 'mine' },
  { family: 'monopoly', barriers: 'high', holder: 'mine' },
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

const m2 = () => Float64Array.of(4, 7, 2, 6);

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

/** How each exported function is fuzzed. */
export const specs: Record<string, Spec> = {
  // ----- chains -----
  agentAccounts: {
    seeds: () => [[accountsChain, { basis: 'volume', indirectValueAdded: 0 }], ...chainSeeds()],
    valid: () => fc.tuple(chainArb, fc.constantFrom(undefined, { basis: 'volume' }, { basis: 'per-unit' })),
  },
  valueCapture: { seeds: chainSeeds, valid: chainValid },
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
  tradeInValueAdded: {
    seeds: () => [[tivaChain], ...chainSeeds(), [iphone3g, { tolerance: 1e-6 }]],
    valid: chainValid,
  },
  // ----- charts -----
  clusterHeatmap: { seeds: () => [[heatmapRows], [clusterTables(africanClusters).marketOrientation]] },
  linkageCurveChart: { seeds: () => [[linkageChartInput]] },
  smileCurveChart: { seeds: () => [[smileInput], [smileCurve(iphone3g)]] },
  thinningChart: {
    seeds: () => [
      [thinningObs, { transitions: [{ from: 2000, to: 2005, kind: 'thinning-out', withUpgrading: false }] }],
      [thinningObs],
    ],
  },
  valueAddedChart: {
    seeds: () => [
      [vaDecomp, { by: 'country' }],
      [decomposeValueAdded(iphone3g), { by: 'country' }],
      [decomposeValueAdded(cocoa)],
    ],
  },
  // ----- clusters -----
  oddsRatio: {
    seeds: () => [
      [
        [
          [10, 2],
          [6, 7],
        ],
      ],
      [
        [
          [2, 0],
          [0, 2],
        ],
        { correction: 'haldane-anscombe' },
      ],
    ],
  },
  fisherExactTest: {
    seeds: () => [
      [
        [
          [3, 1],
          [1, 3],
        ],
      ],
      [
        [
          [10, 2],
          [6, 7],
        ],
      ],
    ],
  },
  jointActionAssociation: { seeds: () => [[africanClusters, 'logistics']] },
  compareTables: { seeds: () => [[clusterTables(africanClusters), publishedClusterTables]] },
  checkTableConsistency: {
    seeds: () => [
      [
        {
          marketOrientation: [
            { key: 'domestic-and-regional', growth: 1, upgrading: 0, growthAndUpgrading: 1, clusters: 4 },
          ],
        },
      ],
      [publishedClusterTables],
    ],
  },
  crossTab: {
    seeds: () => [
      [
        africanClusters,
        (c: { country: string }) => (c.country === 'KEN' || c.country === 'ZAF' ? c.country : undefined),
        { growth: (c: { dynamism: { growth: boolean } }) => c.dynamism.growth },
        { rows: ['KEN', 'ZAF'] },
      ],
      [[sampleCluster()], (c: { sector: string }) => c.sector, {}],
    ],
  },
  classifyDynamism: {
    seeds: () => [[{ growth: true, upgrading: false }], [{ growth: false, upgrading: false }]],
  },
  assessDynamism: {
    seeds: () => [[dynamicCluster], [dynamicCluster, { basis: 'evidence' }], [africanClusters[0]]],
  },
  collectiveEfficiency: { seeds: () => [[keko], [africanClusters[3]]] },
  classifyMarketOrientation: { seeds: () => [[['local', 'national']], [['national', 'international']]] },
  parseCluster: { seeds: () => [[sampleCluster()], [keko], [africanClusters[1]]] },
  safeParseCluster: { seeds: () => [[sampleCluster()], [{ id: 'x' }], [dynamicCluster]] },
  clusterTables: { seeds: () => [[africanClusters], [[sampleCluster(), keko]]] },
  readClustersTsv: { seeds: () => [[tsv], [tsv, { source: africanClustersSource }]] },
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
  // ----- linkages -----
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
  // ----- io -----
  createIcio: {
    seeds: () => [[exampleIcio], [small2], [mb]],
    valid: () => tableArb().map((t) => [t]),
    boundMs: IO_BOUND_MS,
  },
  createIcioFromRecords: {
    seeds: () => [
      [
        {
          countries: ['A', 'B'],
          sectors: ['s'],
          Z: { A_s: { B_s: 2 }, B_s: { A_s: 3 } },
          Y: { A_s: { A: 5, B: 6 }, B_s: { B_HFCE: 7, B_GFCF: 1 } },
        },
      ],
      [tableToRecords(exampleIcio as TableInput)],
    ],
    valid: () => tableArb().map((t) => [tableToRecords(t)]),
    boundMs: IO_BOUND_MS,
  },
  readIcioCsv: {
    seeds: () => [
      [
        [
          ',A_s,B_s,A_HFCE,B_HFCE,OUT',
          'A_s,1,2,5,6,14',
          'B_s,3,4,7,8,22',
          'VA,10,16,,,',
          'OUT,14,22,,,',
        ].join('\n'),
      ],
      [tableToCsv(exampleIcio as TableInput)],
    ],
    valid: () => tableArb().map((t) => [tableToCsv(t)]),
    boundMs: IO_BOUND_MS,
  },
  aggregateIcio: {
    seeds: () => [
      [
        createIcio({
          countries: ['A', 'B'],
          sectors: ['s'],
          Z: [
            [1, 2],
            [3, 4],
          ],
          Y: [
            [5, 6],
            [7, 8],
          ],
        }),
        { countries: { W: ['A', 'B'] } },
      ],
      [createIcio(exampleIcio), { countries: { EU: ['NLD'], REST: ['GHA', 'USA'] } }],
    ],
    valid: () => tableArb().map((t) => [icioOf(t), { countries: { W: t.countries } }]),
    boundMs: IO_BOUND_MS,
  },
  technicalCoefficients: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  leontiefInverse: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  ghoshInverse: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  domesticInverses: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  valueAddedCoefficients: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  outputMultipliers: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  bmDecomposition: {
    seeds: () => [
      ...icioSeeds(),
      [createIcio(small2), { level: 'sector' }],
      [createIcio(exampleIcio), { level: 'country' }],
    ],
    valid: () =>
      tableArb().chain((t) =>
        fc.tuple(
          fc.constant(icioOf(t)),
          fc.constantFrom(undefined, { level: 'sector' }, { level: 'country' }),
        ),
      ),
    boundMs: IO_BOUND_MS,
  },
  kwwDecomposition: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  wwzDecomposition: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  leontiefDecomposition: {
    seeds: () => [...icioSeeds(), [createIcio(exampleIcio), { level: 'sector' }]],
    valid: () =>
      tableArb().chain((t) =>
        fc.tuple(fc.constant(icioOf(t)), fc.constantFrom(undefined, { level: 'sector' })),
      ),
    boundMs: IO_BOUND_MS,
  },
  linkageClass: {
    seeds: () => [
      [1.2, 1.1],
      [1, 1],
      [0.9, 1.3],
    ],
    valid: () =>
      fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })),
  },
  rasmussenLinkages: {
    seeds: () => [...icioSeeds(), [createIcio(exampleIcio), {}]],
    valid: icioValid,
    boundMs: IO_BOUND_MS,
  },
  gvcParticipation: {
    seeds: () => [...icioSeeds(), [createIcio(exampleIcio), { level: 'sector' }]],
    valid: () =>
      tableArb().chain((t) =>
        fc.tuple(fc.constant(icioOf(t)), fc.constantFrom(undefined, { level: 'sector' })),
      ),
    boundMs: IO_BOUND_MS,
  },
  upstreamness: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  downstreamness: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  averagePropagationLength: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  valueAddedExports: { seeds: icioSeeds, valid: icioValid, boundMs: IO_BOUND_MS },
  inverse: {
    seeds: () => [
      [m2(), 2],
      [Float64Array.of(1), 1],
    ],
    valid: () => squareArb.map(([a, n]) => [a, n]),
  },
  luFactor: {
    seeds: () => [
      [Float64Array.of(0, 1, 2, 3), 2],
      [m2(), 2],
    ],
    valid: () => squareArb.map(([a, n]) => [a, n]),
  },
  luSolve: {
    seeds: () => [[luFactor(Float64Array.of(2, 0, 0, 4), 2), Float64Array.of(2, 8)]],
    valid: () =>
      squareArb.chain(([a, n]) => fc.tuple(fc.constant(tryOr(() => luFactor(a, n), a)), vectorArb(n))),
  },
  luSolveTransposed: {
    seeds: () => [[luFactor(Float64Array.of(1, 2, 0, 4), 2), Float64Array.of(1, 6)]],
    valid: () =>
      squareArb.chain(([a, n]) => fc.tuple(fc.constant(tryOr(() => luFactor(a, n), a)), vectorArb(n))),
  },
  matmul: {
    seeds: () => [[Float64Array.of(1, 2, 3, 4), Float64Array.of(5, 6, 7, 8), 2, 2, 2]],
    valid: () =>
      fc
        .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
        .chain(([m, k, n]) =>
          fc.tuple(vectorArb(m * k), vectorArb(k * n), fc.constant(m), fc.constant(k), fc.constant(n)),
        ),
  },
  identityMinus: {
    seeds: () => [[Float64Array.of(0.1, 0.2, 0.3, 0.4), 2]],
    valid: () => squareArb.map(([a, n]) => [a, n]),
  },
  transpose: {
    seeds: () => [[Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3]],
    valid: () =>
      fc
        .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
        .chain(([m, n]) => fc.tuple(vectorArb(m * n), fc.constant(m), fc.constant(n))),
  },
};

/**
 * With FUZZ_SELF_TEST=1, two functions that misbehave on purpose (an endless loop, an allocation
 * bomb) are added, to check the watchdog and the heap limit:
 * `FUZZ_SELF_TEST=1 npx tsx scripts/fuzz.ts --only selftest --runs 5` must report hangs, not die.
 */
function selfTestEntries(): Entry[] {
  if (process.env.FUZZ_SELF_TEST !== '1') return [];
  const loop = (n: unknown) => {
    if (n === 42) return 0;
    for (;;) {
      // never returns
    }
  };
  const bomb = () => {
    const keep: number[][] = [];
    for (;;) keep.push(new Array(1e6).fill(1.5));
  };
  return [
    { name: 'selfTestHang', folder: 'selftest', fn: loop, arity: 1, seeds: () => [[1]], boundMs: 500 },
    { name: 'selfTestOom', folder: 'selftest', fn: bomb, arity: 0, seeds: () => [[]] },
  ];
}

/** The registry: every exported function that has a spec. */
export function registry(): Entry[] {
  const out: Entry[] = [...selfTestEntries()];
  for (const [name, { fn, folder }] of exportedFunctions()) {
    const spec = specs[name];
    if (spec === undefined) continue;
    out.push({ ...spec, name, folder, fn, arity: Math.max(fn.length, 1) });
  }
  return out.sort((a, b) =>
    a.folder === b.folder ? a.name.localeCompare(b.name) : a.folder.localeCompare(b.folder),
  );
}

/** Exported functions without a spec (each must get one) and specs of functions no longer exported. */
export function missingSpecs(): { unregistered: string[]; stale: string[] } {
  const exported = exportedFunctions();
  return {
    unregistered: [...exported.keys()].filter((n) => !(n in specs)).sort(),
    stale: Object.keys(specs)
      .filter((n) => !exported.has(n))
      .sort(),
  };
}
