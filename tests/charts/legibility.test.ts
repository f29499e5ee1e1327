/**
 * Every chart builder's spec, laid out by vega headless, on the guides' embedded datasets and on a
 * stress case (long names, many stages, positions, scenarios, periods, rows): no text overlaps other
 * text, no text crosses an axis line. Vega without a canvas estimates a text 0.8 × font size wide per
 * character, wider than browsers draw it, so what passes here has room in a browser too.
 */
import { describe, expect, it } from 'vitest';
import { guideCharts } from '../../scripts/render-charts/charts.js';
import {
  clusterHeatmap,
  linkageCurveChart,
  smileCurveChart,
  thinningChart,
  type VegaLiteSpec,
  valueAddedChart,
} from '../../src/index.js';
import { describeCollision, layout } from './overlap.js';

const long = (i: number) => `A rather long stage name number ${i} (with a note)`;

/** Stress cases: one per builder, each at the size where text starts to compete for room. */
const stress: Array<{ name: string; spec: () => VegaLiteSpec }> = [
  {
    name: 'value added: 3 bars × 20 stages, long names, compound keys',
    spec: () => {
      const groups = Array.from({ length: 20 }, (_, i) => ({
        key: i % 4 === 3 ? `purchases:stage-${i}:GBR` : `stage-${i}`,
        valueAdded: 1 + (i % 5) * 7,
        share: 0,
      }));
      const total = groups.reduce((s, g) => s + g.valueAdded, 0);
      const byStage = groups.map((g) => ({ ...g, share: g.valueAdded / total }));
      const labels = Object.fromEntries(groups.map((_, i) => [`stage-${i}`, long(i)]));
      const bars = ['full', 'first-round', 'as published'].map((depth) => ({
        finalValue: total,
        currency: 'EUR',
        depth,
        byStage,
      }));
      return valueAddedChart(bars, { by: 'stage', labels });
    },
  },
  {
    name: 'smile: 12 positions, up to 4 stages each, long names',
    spec: () =>
      smileCurveChart(
        {
          currency: 'USD',
          byPosition: Array.from({ length: 12 }, (_, p) => ({
            position: p,
            valueAdded: 10 + (p - 5.5) ** 2,
            share: (10 + (p - 5.5) ** 2) / 400,
            stages: Array.from({ length: 1 + (p % 4) }, (_, k) => `s${p}-${k}`),
          })),
          fit: { a: 0.0025, b: -0.0275, c: 0.1, rSquared: 0.93 },
        },
        { labels: Object.fromEntries(Array.from({ length: 12 }, (_, p) => [`s${p}-0`, long(p)])) },
      ),
  },
  {
    name: 'linkage: 8 scenarios with long names',
    spec: () => {
      const periods = Array.from({ length: 21 }, (_, i) => 2000 + i);
      const path = (ceiling: number) =>
        periods.map((period) => ({
          period,
          domesticShare: ceiling / (1 + Math.exp(-0.4 * (period - 2008))),
        }));
      return linkageCurveChart({
        observations: path(0.5).slice(0, 6),
        fitted: path(0.5),
        scenarios: Array.from({ length: 8 }, (_, i) => ({
          name: `${long(i)}: ceiling ${0.3 + i * 0.08}`,
          points: path(0.3 + i * 0.08),
        })),
      });
    },
  },
  {
    name: 'thinning: 25 periods',
    spec: () => {
      const obs = Array.from({ length: 25 }, (_, i) => ({
        period: 1990 + i,
        valueAddedShare: 0.5 - i * 0.015,
      }));
      return thinningChart(
        obs,
        {
          transitions: obs.slice(1).map((o, i) => ({
            from: obs[i]?.period ?? 0,
            to: o.period,
            kind: 'thinning-out' as const,
            withUpgrading: i % 2 === 0,
          })),
          overall: 'thinning-out',
        },
        { participant: 'a participant with a long name, Ltd.' },
      );
    },
  },
  {
    name: 'cluster heat map: 15 rows × 6 columns, long headings',
    spec: () => {
      const columns = Array.from({ length: 6 }, (_, c) => ({
        field: `c${c}`,
        label: `evidence of kind ${c} (long)`,
      }));
      const rows = Array.from({ length: 15 }, (_, r) => ({
        key: `${long(r)} row`,
        clusters: 20,
        ...Object.fromEntries(columns.map((c, k) => [c.field, (r * 7 + k * 3) % 20])),
      }));
      return clusterHeatmap(rows, { columns, rowTitle: 'kind of cluster' });
    },
  },
];

describe('no text overlaps text or an axis line', () => {
  for (const chart of [...guideCharts, ...stress]) {
    it(chart.name, async () => {
      const report = await layout(chart.spec());
      console.log(
        `legibility ${chart.name}: ${report.texts.length} texts, ${report.axisLines.length} axis lines, ` +
          `${report.overlaps.length} overlaps, ${report.crossings.length} crossings`,
      );
      expect(report.texts.length).toBeGreaterThan(5);
      expect(report.axisLines.length).toBeGreaterThan(0);
      expect(report.overlaps.map(([a, b]) => describeCollision(a, b))).toEqual([]);
      expect(report.crossings.map(([a, b]) => describeCollision(a, b))).toEqual([]);
    }, 30_000);
  }

  it('the check itself finds overlapping text and text across an axis', async () => {
    // Two labels at the same point, and one centred on the y axis's line at x = 0 (what the smile
    // chart's first label did before its x scale was padded).
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 200,
      height: 100,
      data: { values: [{ x: 0, y: 1, t: 'a long label centred on the axis' }] },
      layer: [
        {
          mark: { type: 'text' },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'y', type: 'quantitative' },
            text: { field: 't' },
          },
        },
        {
          mark: { type: 'text', dy: 2 },
          encoding: {
            x: { field: 'x', type: 'quantitative' },
            y: { field: 'y', type: 'quantitative' },
            text: { field: 't' },
          },
        },
      ],
    } as unknown as VegaLiteSpec;
    const report = await layout(spec);
    expect(report.overlaps.length).toBeGreaterThan(0);
    expect(report.crossings.length).toBeGreaterThan(0);
  });
});
