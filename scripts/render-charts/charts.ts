/**
 * The charts shown in the guides, each built from an embedded dataset with the library's public
 * functions. `name` is the file name (without `.svg`) under docs/guides/media.
 */
import {
  africanClusters,
  cocoa,
  exampleIcio,
  iphone3g,
  publishedClusterTables,
} from '../../src/data/index.js';
import {
  addStage,
  chainLabels,
  clusterHeatmap,
  clusterTables,
  decomposeValueAdded,
  fitLinkageCurve,
  linkageCurveChart,
  projectLinkageCurve,
  smileCurve,
  smileCurveChart,
  thinningChart,
  thinningProfile,
  type VegaLiteSpec,
  valueAddedChart,
} from '../../src/index.js';
import { createIcio, kwwDecomposition } from '../../src/io/index.js';

/** A chart of a guide: its file name and how to build its spec. */
export interface GuideChart {
  name: string;
  spec: () => VegaLiteSpec;
}

/**
 * The iPhone 3G with one illustrative nested supplier: a Korean panel-glass maker selling USD 8.00 of
 * glass per phone to Toshiba (hypothetical, to show how a full decomposition differs from a first round).
 */
export function iphoneWithNestedSupplier() {
  return addStage(
    iphone3g,
    {
      id: 'panel-glass',
      name: 'Display panel glass (illustrative)',
      function: 'component-manufacture',
      country: 'KOR',
      output: { unit: 'set per phone', unitPrice: 8 },
      inputs: [],
      purchases: [],
    },
    { feeds: 'toshiba-components', quantity: 1 },
  );
}

/**
 * Illustrative observations (not published data) of the domestic share of a mining sector's inputs,
 * on the early, fast part of a market-led linkage path.
 */
export const illustrativeLinkageObservations = [0.05, 0.08, 0.13, 0.19, 0.26, 0.32].map(
  (domesticShare, i) => ({
    period: 2000 + 2 * i,
    domesticShare,
  }),
);

/** The linkage chart: the fitted market-led curve to 2030 and four policy scenarios from 2010. */
export function linkageCurveSpec(): VegaLiteSpec {
  const fit = fitLinkageCurve(illustrativeLinkageObservations);
  const periods = Array.from({ length: 31 }, (_, i) => 2000 + i);
  return linkageCurveChart(
    {
      observations: illustrativeLinkageObservations,
      fitted: projectLinkageCurve(fit, { periods }),
      scenarios: [
        projectLinkageCurve(fit, { name: 'speed (rate ×2)', periods, speed: 2 }),
        projectLinkageCurve(fit, { name: 'deepen (ceiling +0.2)', periods, depth: 0.2 }),
        projectLinkageCurve(fit, { name: 'slow (rate ×0.5)', periods, speed: 0.5 }),
        projectLinkageCurve(fit, { name: 'reverse (ceiling to 0.15)', periods, depth: 0.15 - fit.ceiling }),
      ],
    },
    { title: 'Backward linkages of a mining sector (illustrative data)' },
  );
}

/**
 * An illustrative path (not published data) of an incumbent supplier: import-substitution depth,
 * thinning out with upgrading as it hands assembly and components to others, then rebuilding.
 */
export const illustrativeThinningObservations = [
  {
    period: 1985,
    valueAddedShare: 0.6,
    functions: ['assembly', 'component-manufacture', 'design', 'branding'],
  },
  { period: 1992, valueAddedShare: 0.35, functions: ['component-manufacture', 'design', 'branding'] },
  { period: 1998, valueAddedShare: 0.2, functions: ['design', 'branding'] },
  { period: 2004, valueAddedShare: 0.205, functions: ['design', 'branding'] },
  { period: 2010, valueAddedShare: 0.3, functions: ['design', 'branding', 'services'] },
  { period: 2016, valueAddedShare: 0.38, functions: ['design', 'branding', 'services', 'marketing'] },
];

/**
 * Each country's gross exports in the illustrative ICIO table (`exampleIcio`), split by the
 * Koopman, Wang & Wei (2014) decomposition into four groups of its nine terms, as shares of gross exports.
 */
export function icioExportsSpec(): VegaLiteSpec {
  const records = kwwDecomposition(createIcio(exampleIcio));
  const bars = records.map((r) => {
    const groups: Array<[string, number]> = [
      ['domestic value added absorbed abroad', r.DVA_FIN + r.DVA_INT + r.DVA_INTrex],
      ['domestic value added returning home', r.RDV_FIN + r.RDV_INT],
      ['foreign value added', r.FVA_FIN + r.FVA_INT],
      ['double counting', r.DDC + r.FDC],
    ];
    return {
      finalValue: r.GEXP,
      currency: 'XXX', // ISO 4217 for "no currency": the table is in an arbitrary unit
      byStage: groups.map(([key, value]) => ({ key, valueAdded: value, share: value / r.GEXP })),
    };
  });
  return valueAddedChart(bars, {
    by: 'stage',
    measure: 'share',
    labels: records.map((r) => r.country),
    legendTitle: 'part of gross exports (KWW 2014)',
    axisTitle: 'Share of gross exports',
    title: 'Gross exports by origin of value added (illustrative ICIO table)',
  });
}

/** The guides' charts, in the order they are rendered. */
export const guideCharts: GuideChart[] = [
  {
    name: 'iphone-value-added',
    spec: () => {
      const nested = iphoneWithNestedSupplier();
      return valueAddedChart(
        [
          decomposeValueAdded(nested, { depth: 'first-round', at: 'assembly' }),
          decomposeValueAdded(nested, { depth: 'full' }),
        ],
        {
          by: 'country',
          labels: ['first round at the assembler', 'full (with an illustrative Korean sub-supplier)'],
          title: 'iPhone 3G: value added per phone by country (USD)',
        },
      );
    },
  },
  {
    name: 'cocoa-value-added',
    spec: () =>
      valueAddedChart(decomposeValueAdded(cocoa), {
        by: 'stage',
        measure: 'share',
        labels: { ...chainLabels(cocoa), full: '100 g milk-chocolate bar' },
        title: 'Cocoa to chocolate: share of the retail price by stage',
      }),
  },
  {
    name: 'iphone-smile',
    spec: () =>
      smileCurveChart(smileCurve(iphone3g), {
        title: 'iPhone 3G: a smile curve',
        labels: chainLabels(iphone3g),
      }),
  },
  { name: 'linkage-curve', spec: linkageCurveSpec },
  {
    name: 'thinning-trajectory',
    spec: () =>
      thinningChart(illustrativeThinningObservations, thinningProfile(illustrativeThinningObservations), {
        participant: 'an incumbent supplier',
        title: 'Thinning out with upgrading, then rebuilding (illustrative data)',
      }),
  },
  { name: 'icio-gross-exports', spec: icioExportsSpec },
  {
    name: 'clusters-market-orientation',
    spec: () =>
      clusterHeatmap(clusterTables(africanClusters).marketOrientation, {
        rowTitle: 'end markets',
        title: '25 African clusters: market orientation and dynamism (recomputed from Table 1)',
      }),
  },
  {
    name: 'clusters-market-orientation-published',
    spec: () =>
      clusterHeatmap(publishedClusterTables.marketOrientation, {
        rowTitle: 'end markets',
        title: 'As published (Kaplinsky 2015, Table 2)',
      }),
  },
  {
    name: 'clusters-collective-action',
    spec: () =>
      clusterHeatmap(clusterTables(africanClusters).collectiveAction, {
        rowTitle: 'joint action',
        title: '25 African clusters: joint action and dynamism (recomputed from Table 1)',
      }),
  },
];
