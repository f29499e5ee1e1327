/** The fuzz specs of `charts/`: the Vega-Lite specs of each chart. */
import { lib } from '../library.js';
import { africanClusters, clusterTables, cocoa, iphone3g } from '../seeds.js';
import type { Spec } from '../spec.js';

const decomposeValueAdded = (c: unknown) => lib('decomposeValueAdded')(c);
const smileCurve = (c: unknown) => lib('smileCurve')(c);

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

/** How each function of `charts/` is fuzzed. */
export const chartSpecs: Record<string, Spec> = {
  chainLabels: {
    seeds: () => [
      [iphone3g],
      [cocoa],
      [{ stages: [{ id: 'a', name: 'Design' }], actors: [{ id: 'x', name: 'Firm X' }] }],
    ],
  },
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
};
