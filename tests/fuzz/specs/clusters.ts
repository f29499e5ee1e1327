/** The fuzz specs of `clusters/`: parsing, dynamism, efficiency, tables, association, TSV. */
import { sampleCluster, tsvHeader } from '../../clusters/fixtures.js';
import { africanClusters, africanClustersSource, clusterTables, publishedClusterTables } from '../seeds.js';
import type { Spec } from '../spec.js';

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

/** How each function of `clusters/` is fuzzed. */
export const clusterSpecs: Record<string, Spec> = {
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
  collectiveEfficiency: {
    seeds: () => [
      [keko],
      [africanClusters[3]],
      [{ ...keko, trust: { competence: 'high', contractual: 'low' } }, { minTrust: 'high' }],
    ],
  },
  // issue 18, point 3: the cases of tests/clusters/cluster-dynamism.test.ts (D1, D2, D5)
  clusterDynamism: {
    seeds: () => [
      [africanClusters[6]],
      [
        {
          ...dynamicCluster,
          indicators: [
            { period: 2010, sales: 100 },
            { period: 2012, sales: 116.64 },
          ],
        },
        { deflator: { 2010: 100, 2012: 121 } },
      ],
      [
        {
          ...dynamicCluster,
          indicators: [
            { period: 2010, firms: 100, employment: 1000, sales: 200 },
            { period: 2012, firms: 112.36, employment: 960.4, sales: 188.18 },
          ],
        },
        { salesAreReal: true, weights: { firms: 2 }, benchmark: -0.02, band: 0 },
      ],
      [
        dynamicCluster,
        {
          events: [
            {
              subject: 'a',
              period: 2010,
              kind: 'product',
              from: { chain: 'furniture', position: 'OEM' },
              to: { chain: 'furniture', position: 'ODM' },
            },
            {
              subject: 'b',
              period: 2010,
              kind: 'downgrading',
              from: { chain: 'furniture', position: 'ODM' },
              to: { chain: 'furniture', position: 'OEM' },
            },
          ],
        },
      ],
    ],
  },
  classifyMarketOrientation: { seeds: () => [[['local', 'national']], [['national', 'international']]] },
  parseCluster: { seeds: () => [[sampleCluster()], [keko], [africanClusters[1]]] },
  safeParseCluster: { seeds: () => [[sampleCluster()], [{ id: 'x' }], [dynamicCluster]] },
  clusterTables: { seeds: () => [[africanClusters], [[sampleCluster(), keko]]] },
  readClustersTsv: { seeds: () => [[tsv], [tsv, { source: africanClustersSource }]] },
  // issue 18, point 8: the cases of tests/clusters/{trend,exact,statistics}.test.ts
  trendTest: {
    seeds: () => [
      [
        [83, 90, 129, 70],
        [86, 93, 136, 82],
      ],
      [[2, 2, 7, 5], [6, 5, 9, 5], { scores: [1, 2, 3, 4], alternative: 'increasing' }],
      [[5, 3, 1], [5, 5, 5], { alternative: 'decreasing', exact: true }],
      [[2, 0, 2, 7, 5], [6, 0, 5, 9, 5], { scores: [0, 1, 2, 3, 4], exact: false }],
    ],
  },
  exactTableTest: {
    seeds: () => [
      [
        [
          [3, 4],
          [2, 4],
          [3, 1],
          [5, 0],
          [3, 0],
        ],
      ],
      [
        [
          [13, 5],
          [3, 4],
        ],
      ],
      [
        [
          [1, 5],
          [0, 0],
          [4, 2],
          [6, 1],
        ],
      ],
    ],
  },
  jointActionTrend: {
    seeds: () => [
      [africanClusters],
      [africanClusters, { outcome: 'growth-and-upgrading', alternative: 'increasing' }],
    ],
  },
  marketOrientationTest: {
    seeds: () => [[africanClusters], [africanClusters, { outcome: 'growth', scores: [0, 1, 1, 2, 3] }]],
  },
};
