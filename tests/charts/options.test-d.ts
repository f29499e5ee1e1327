import { expectTypeOf, test } from 'vitest';
import type {
  ChartOptions,
  ClusterHeatmapOptions,
  LinkageCurveChartOptions,
  SmileCurveChartOptions,
  ThinningChartOptions,
  ValueAddedChartOptions,
} from '../../src/index.js';

// Each chart option type is what a caller may pass: `{}` and any subset of the fields compile,
// defaulted fields (`columns`, `fittedName`, `measure`) included.
test('every chart option type accepts {} and a partial object', () => {
  const empty = {};
  expectTypeOf(empty).toExtend<ChartOptions>();
  expectTypeOf(empty).toExtend<ThinningChartOptions>();
  expectTypeOf(empty).toExtend<ClusterHeatmapOptions>();
  expectTypeOf(empty).toExtend<LinkageCurveChartOptions>();
  expectTypeOf(empty).toExtend<SmileCurveChartOptions>();

  const shared: ChartOptions = { width: 480, labels: { CHN: 'China' } };
  const thinning: ThinningChartOptions = { participant: 'Lenovo' };
  const heatmap: ClusterHeatmapOptions = { rowTitle: 'market orientation' };
  const columns: ClusterHeatmapOptions = { columns: [{ field: 'growth', label: 'growth' }] };
  const linkage: LinkageCurveChartOptions = { title: 'Copper' };
  const fittedName: LinkageCurveChartOptions = { fittedName: 'market-led' };
  const smile: SmileCurveChartOptions = { height: 300 };
  const measure: SmileCurveChartOptions = { measure: 'valueAdded' };
  expectTypeOf([shared, thinning, heatmap, columns, linkage, fittedName, smile, measure]).not.toBeNever();
});

// `by` has no default (it says which grouping to chart), so it is the one required field: with it,
// every other field may be left out.
test('ValueAddedChartOptions needs only `by`', () => {
  const byCountry: ValueAddedChartOptions = { by: 'country' };
  const byShare: ValueAddedChartOptions = { by: 'income', measure: 'share', legendTitle: 'income' };
  // `labels`: the bars' labels (an array), or display names by key (a map)
  const barLabels: ValueAddedChartOptions = { by: 'stage', labels: ['full', 'first round'] };
  const names: ValueAddedChartOptions = { by: 'stage', labels: { grow: 'Growing and harvesting' } };
  expectTypeOf([byCountry, byShare, barLabels, names]).not.toBeNever();
  // @ts-expect-error: the grouping is required
  const none: ValueAddedChartOptions = {};
  expectTypeOf(none).not.toBeNever();
});

test('the fields keep their value types', () => {
  // @ts-expect-error: a width is a number
  const width: ChartOptions = { width: 'wide' };
  // @ts-expect-error: the measure is `share` or `valueAdded`
  const measure: SmileCurveChartOptions = { measure: 'ratio' };
  // @ts-expect-error: a column is `{ field, label }`
  const columns: ClusterHeatmapOptions = { columns: ['growth'] };
  // @ts-expect-error: display names are strings
  const labels: SmileCurveChartOptions = { labels: { design: 1 } };
  expectTypeOf([width, measure, columns, labels]).not.toBeNever();
});
