import { guideCharts } from '../render-charts/charts.js';
import type { DemoSection } from './sections.js';

interface View {
  mark?: string | { type?: string };
  data?: { values?: unknown[] };
  layer?: View[];
}

/** Summarises one Vega-Lite spec: its marks and the number of data rows it carries. */
function describe(spec: View): string {
  const layers = spec.layer ?? [spec];
  const marks = layers.map((l) => (typeof l.mark === 'string' ? l.mark : (l.mark?.type ?? '?')));
  const rows =
    (spec.data?.values?.length ?? 0) +
    (spec.layer ?? []).reduce((n, l) => n + (l.data?.values?.length ?? 0), 0);
  return `${marks.join(' + ')}, ${rows} data rows`;
}

/** The guides' charts as Vega-Lite specifications, built from the embedded datasets. */
export const chartsSection: DemoSection = {
  title:
    "Charts as data: the guides' Vega-Lite specifications (render with vega-embed, Observable or Jupyter)",
  render: () =>
    guideCharts
      .map((chart) => {
        const spec = chart.spec();
        return `${chart.name.padEnd(40)} ${describe(spec as View)}`;
      })
      .join('\n'),
};
