import { describe, expect, it } from 'vitest';
import { iphone3g, publishedClusterTables } from '../../src/data/index.js';
import {
  ClusterTableRowLike,
  clusterHeatmap,
  decomposeValueAdded,
  LinkagePointLike,
  LinkageScenarioLike,
  SmileCurveLike,
  SmilePositionLike,
  smileCurve,
  ThinningKind,
  ThinningObservationLike,
  ThinningProfileLike,
  ThinningTransitionLike,
  thinningChart,
  thinningChartKinds,
  ValueAddedDecompositionLike,
  ValueAddedGroupLike,
  valueAddedChart,
} from '../../src/index.js';

type Rows = { values: Array<Record<string, unknown>> };

describe('the charts take the results of the analytics as they are returned', () => {
  it('valueAddedChart: decomposeValueAdded(iphone3g), frozen, with lines that carry more fields', () => {
    const d = decomposeValueAdded(iphone3g);
    const byCountry = (valueAddedChart(d, { by: 'country' }).data as Rows).values;
    // Xing & Detert (2010), Table 1, with the phone retailing at USD 500: Foxconn's assembly in China
    // adds 6.50, a share of 6.50 / 500 = 0.013.
    expect(byCountry.find((v) => v.key === 'CHN')).toEqual({
      bar: 'full',
      key: 'CHN',
      order: 5,
      valueAdded: 6.5,
      share: 0.013,
      currency: 'USD',
      finalValue: 500,
      barName: 'full decomposition',
      name: 'CHN',
      valueLabel: '', // "$6.50" needs 5 × 8 + 2 = 42 px; its segment is 6.5 / 500 × 480 = 6.2 px
      middle: expect.closeTo(500 - 6.5 / 2, 9), // the last segment: it ends at the final value
    });
    // By stage: Toshiba's components, 59.25 per phone (Xing & Detert 2010, Table 1), in the row of a
    // line that also states its stage, origin, country and units.
    const byStage = (valueAddedChart([d], { by: 'stage' }).data as Rows).values;
    expect(byStage.find((v) => v.key === 'toshiba-components')).toMatchObject({
      valueAdded: 59.25,
      share: 0.1185,
    });
  });

  it('clusterHeatmap: a table of ClusterTables (Kaplinsky 2015, Table 2 and Table 5 as printed)', () => {
    const cells = (clusterHeatmap(publishedClusterTables.marketOrientation).data as Rows).values;
    // Table 2, "Local only": growth 1, upgrading 2, both 0, of 7 clusters (shares 1/7, 2/7, 0).
    expect(cells.slice(0, 3)).toEqual(
      [
        { row: 'local-only', column: 'growth', count: 1, clusters: 7, shareOfRow: 1 / 7 },
        { row: 'local-only', column: 'upgrading', count: 2, clusters: 7, shareOfRow: 2 / 7 },
        { row: 'local-only', column: 'growth and upgrading', count: 0, clusters: 7, shareOfRow: 0 },
      ].map((cell) => ({ ...cell, rowName: cell.row, columnName: cell.column })),
    );
    // Table 5: 1, 4, 2, 3, 1, 2 and 9 clusters by combination of support, in the printed order.
    const support = clusterHeatmap(publishedClusterTables.institutionalSupport, {
      columns: [{ field: 'clusters', label: 'clusters' }],
    });
    expect((support.data as Rows).values.map((v) => v.count)).toEqual([1, 4, 2, 3, 1, 2, 9]);
  });

  it('thinningChart: the legend lists the start and the kinds of ThinningKind, in order', () => {
    const spec = thinningChart([{ period: 1, valueAddedShare: 0.5 }], { transitions: [] });
    const points = (spec.layer as Array<{ encoding: { color?: { scale: { domain: string[] } } } }>)[1];
    expect(points?.encoding.color?.scale.domain).toEqual([
      'start',
      'thinning-in',
      'thinning-out',
      'thickening',
      'rebuilding',
      'stable',
    ]);
    expect(thinningChartKinds).toEqual(ThinningKind.options);
  });
});

describe('the deprecated *Like schemas parse as before: the fields a chart reads, others dropped', () => {
  it('thinning', () => {
    expect(ThinningObservationLike.parse({ period: '2005-03', valueAddedShare: 0.2, functions: [] })).toEqual(
      {
        period: '2005-03',
        valueAddedShare: 0.2,
      },
    );
    // a transition's ends may be observations carrying a period; a share outside [0, 1] is the
    // chart's to report, not the schema's
    const transition = { from: { period: 2000, valueAddedShare: 1.5 }, to: 2005, kind: 'stable' };
    expect(ThinningTransitionLike.parse({ ...transition, withUpgrading: false, shareChange: 0 })).toEqual({
      from: { period: 2000 },
      to: 2005,
      kind: 'stable',
      withUpgrading: false,
    });
    expect(ThinningProfileLike.parse({ transitions: [], overall: 'any label', netChange: 0 })).toEqual({
      transitions: [],
      overall: 'any label',
    });
    expect(
      ThinningTransitionLike.safeParse({ ...transition, kind: 'thinning', withUpgrading: false }).success,
    ).toBe(false);
  });

  it('smile curve: smileCurve(iphone3g) keeps its positions, currency and fit coefficients', () => {
    const parsed = SmileCurveLike.parse(smileCurve(iphone3g));
    expect(Object.keys(parsed).sort()).toEqual(['byPosition', 'currency', 'fit']);
    expect(Object.keys(parsed.fit ?? {}).sort()).toEqual(['a', 'b', 'c', 'rSquared']);
    expect(
      SmilePositionLike.parse({ position: 1, valueAdded: 6.5, share: 0.013, stages: ['assembly'], x: 1 }),
    ).toEqual({ position: 1, valueAdded: 6.5, share: 0.013, stages: ['assembly'] });
  });

  it('value added, linkages and cluster rows', () => {
    const line = {
      key: 'a',
      valueAdded: 1,
      share: 0.5,
      stage: 'a',
      origin: 'stage',
      country: 'GHA',
      units: 1,
    };
    expect(ValueAddedGroupLike.parse(line)).toEqual({ key: 'a', valueAdded: 1, share: 0.5 });
    expect(
      ValueAddedDecompositionLike.parse({ finalValue: 2, currency: 'GHS', byStage: [line], belowCost: [] }),
    ).toEqual({ finalValue: 2, currency: 'GHS', byStage: [{ key: 'a', valueAdded: 1, share: 0.5 }] });
    const point = { period: 2020, domesticShare: 0.4, baseline: 0.3, nonCore: 0.4, core: 0 };
    expect(LinkagePointLike.parse(point)).toEqual({ period: 2020, domesticShare: 0.4 });
    expect(LinkageScenarioLike.parse({ policies: ['speed'], start: 2015, points: [point] })).toEqual({
      policies: ['speed'],
      points: [{ period: 2020, domesticShare: 0.4 }],
    });
    // a cluster row keeps its other fields: they are the columns a heat map may chart
    expect(ClusterTableRowLike.parse({ key: 'k', clusters: 3, growth: 1 })).toEqual({
      key: 'k',
      clusters: 3,
      growth: 1,
    });
  });
});
