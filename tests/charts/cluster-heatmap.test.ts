import { describe, expect, it } from 'vitest';
import { clusterHeatmap } from '../../src/charts/index.js';
import { GvcError } from '../../src/core/errors.js';
import { deepFreeze } from '../helpers.js';
import { renderSvg } from './render.js';

// A market-orientation table in the shape of clusterTables(...).marketOrientation (illustrative counts).
const rows = [
  { key: 'local-only', growth: 1, upgrading: 0, growthAndUpgrading: 0, clusters: 4, ids: ['a'] },
  { key: 'domestic', growth: 3, upgrading: 2, growthAndUpgrading: 1, clusters: 6 },
  { key: 'domestic-and-international', growth: 8, upgrading: 7, growthAndUpgrading: 6, clusters: 10 },
];

describe('clusterHeatmap', () => {
  it('is valid Vega-Lite that renders the cells with their counts to SVG', async () => {
    const svg = await renderSvg(
      clusterHeatmap(rows, { title: 'Markets and dynamism', rowTitle: 'end markets' }),
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>Markets and dynamism</text>');
    expect(svg).toContain('>growth and upgrading</text>');
    expect(svg).toContain('>domestic-and-international</text>');
    expect(svg).toContain('>end markets</text>');
    expect(svg.match(/aria-roledescription="rect mark"/g)).toHaveLength(9);
    expect(svg).toContain('>7</text>');
  });

  it('emits one cell per row and column, with its share of the row', () => {
    const values = (clusterHeatmap(rows).data as { values: Array<Record<string, unknown>> }).values;
    expect(values).toHaveLength(9);
    // by hand: 1 of 4 local-only clusters grew = 0.25; 6 of 10 = 0.6
    expect(values[0]).toEqual({
      row: 'local-only',
      column: 'growth',
      count: 1,
      clusters: 4,
      shareOfRow: 0.25,
      rowName: 'local-only',
      columnName: 'growth',
    });
    expect(values[8]).toEqual({
      row: 'domestic-and-international',
      column: 'growth and upgrading',
      count: 6,
      clusters: 10,
      shareOfRow: 0.6,
      rowName: 'domestic-and-international',
      columnName: 'growth and upgrading',
    });
  });

  it('charts any columns, rows without a cluster total, and a zero total', () => {
    const table = [
      { key: 'government', count: 12 },
      { key: 'external', count: 0, clusters: 0 },
    ];
    const spec = clusterHeatmap(table, { columns: [{ field: 'count', label: 'clusters supported' }] });
    expect((spec.data as { values: unknown[] }).values).toEqual([
      {
        row: 'government',
        column: 'clusters supported',
        count: 12,
        rowName: 'government',
        columnName: 'clusters supported',
      },
      {
        row: 'external',
        column: 'clusters supported',
        count: 0,
        clusters: 0,
        shareOfRow: null,
        rowName: 'external',
        columnName: 'clusters supported',
      },
    ]);
  });

  it('gives no share of the row when the column charted is the row total', () => {
    const table = [{ key: 'labour-supply', clusters: 18 }];
    const spec = clusterHeatmap(table, { columns: [{ field: 'clusters', label: 'clusters' }] });
    expect((spec.data as { values: unknown[] }).values).toEqual([
      {
        row: 'labour-supply',
        column: 'clusters',
        count: 18,
        rowName: 'labour-supply',
        columnName: 'clusters',
      },
    ]);
  });

  it('accepts a count of 0 and rejects -1, 1.5, strings and missing counts, with paths', () => {
    const zero = [{ key: 'x', growth: 0, upgrading: 0, growthAndUpgrading: 0 }];
    expect(() => clusterHeatmap(zero)).not.toThrow();
    try {
      clusterHeatmap([
        { key: 'a', growth: -1, upgrading: 1.5, growthAndUpgrading: '2' },
        { key: 'a', growth: 1, upgrading: 1 },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GvcError);
      expect((e as GvcError).issues).toEqual([
        { path: 'rows[0].growth', message: 'expected a count (an integer >= 0), found -1' },
        { path: 'rows[0].upgrading', message: 'expected a count (an integer >= 0), found 1.5' },
        { path: 'rows[0].growthAndUpgrading', message: 'expected a count (an integer >= 0), found "2"' },
        { path: 'rows[1].key', message: 'expected distinct row keys, found "a" twice' },
        { path: 'rows[1].growthAndUpgrading', message: 'expected a count (an integer >= 0), found nothing' },
      ]);
    }
  });

  it('rejects an empty table, duplicate and empty columns', () => {
    expect(() => clusterHeatmap([])).toThrow(/expected at least one row, found none/);
    try {
      clusterHeatmap(rows, {
        columns: [
          { field: 'growth', label: 'g' },
          { field: 'growth', label: 'g2' },
        ],
      });
      expect.unreachable();
    } catch (e) {
      expect((e as GvcError).issues.map((i) => i.path)).toEqual(['options.columns[1].field']);
    }
    expect(() => clusterHeatmap(rows, { columns: [] })).toThrow(
      /options.columns: expected at least one column/,
    );
  });

  it('does not mutate its arguments', () => {
    const frozen = deepFreeze(structuredClone(rows));
    expect(() => clusterHeatmap(frozen, deepFreeze({ rowTitle: 'r' }))).not.toThrow();
    expect(frozen).toEqual(rows);
  });
});
