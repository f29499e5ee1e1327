import * as z from 'zod/mini';
import type { CrossTabRow } from '../clusters/index.js';
import { IssueList, preview, quote, rootedPath, safeValidate } from '../core/boundary.js';
import { displayName, estimatedTextWidth } from './labels.js';
import { checkArguments, finish, inlineData, topLevel } from './spec.js';
import { ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * What {@link clusterHeatmap} reads of a {@link CrossTabRow} (a row of `crossTab`, or of a table of
 * `clusterTables`): its key, its number of `clusters` when stated, and the counts of the charted
 * columns, which the chart checks with their paths. Other fields are kept for those checks.
 */
const chartedRow = z.looseObject({
  key: z.string().check(z.minLength(1)),
  clusters: z.optional(z.int().check(z.nonnegative())),
}) satisfies z.core.$ZodType<Pick<CrossTabRow<string, never>, 'key'>>;

/**
 * One row of a cluster cross-tabulation: its key (a market orientation, a kind of joint action…) and
 * counts of clusters in named columns (`growth`, `upgrading`, `growthAndUpgrading`, …), optionally the
 * row's number of `clusters`. Fields other than `key`, `clusters` and the charted columns are ignored.
 *
 * @deprecated Use `CrossTabRow` (the rows of `crossTab` and of `clusterTables`), of which
 *   {@link clusterHeatmap} reads `key`, `clusters` and the charted columns; removed in 0.3.0.
 * @example
 * ```ts
 * ClusterTableRowLike.parse({ key: 'local-only', growth: 1, clusters: 4 });
 * //=> { key: 'local-only', clusters: 4, growth: 1 }
 * ```
 */
export const ClusterTableRowLike = chartedRow;
/**
 * One row of a cluster cross-tabulation.
 *
 * @deprecated Use `CrossTabRow`; removed in 0.3.0.
 */
export type ClusterTableRowLike = z.output<typeof ClusterTableRowLike>;

/**
 * A column of a {@link clusterHeatmap}: the row field holding the count and its heading.
 *
 * @example
 * ```ts
 * HeatmapColumn.parse({ field: 'growthAndUpgrading', label: 'growth and upgrading' });
 * //=> { field: 'growthAndUpgrading', label: 'growth and upgrading' }
 * ```
 */
export const HeatmapColumn = z.strictObject({
  field: z.string().check(z.minLength(1)),
  label: z.string().check(z.minLength(1)),
});
/** A column of a {@link clusterHeatmap}. */
export type HeatmapColumn = z.output<typeof HeatmapColumn>;

/**
 * Options of {@link clusterHeatmap}: the columns to show (by default the dynamism columns `growth`,
 * `upgrading` and `growthAndUpgrading` of `clusterTables`), the heading of the rows, and the shared
 * {@link ChartOptions}.
 *
 * @example
 * ```ts
 * ClusterHeatmapOptions.parse({}).columns.length;
 * //=> 3
 * ```
 */
export const ClusterHeatmapOptions = z.strictObject({
  columns: z._default(
    z.array(HeatmapColumn).check(z.minLength(1, { error: 'expected at least one column, found none' })),
    [
      { field: 'growth', label: 'growth' },
      { field: 'upgrading', label: 'upgrading' },
      { field: 'growthAndUpgrading', label: 'growth and upgrading' },
    ],
  ),
  rowTitle: z.optional(z.string().check(z.minLength(1))),
  ...ChartOptions.shape,
});
/** Options of {@link clusterHeatmap}. */
export type ClusterHeatmapOptions = z.input<typeof ClusterHeatmapOptions>;

/**
 * A heat map of a cluster cross-tabulation: rows (market orientation, kind or number of joint
 * actions, combination of institutional support…) by columns (evidence of growth, of upgrading, of
 * both), each cell shaded by its count of clusters and labelled with it; when a row states its number
 * of `clusters` (and that is not the column charted), the tooltip gives the cell as a share of the
 * row. Built for the tables of Kaplinsky & Morris (2014a), reproduced in Kaplinsky (2015), Tables 2–5.
 * Counts describe association only: they do not show causality. The title defaults to `Number of
 * clusters by <rowTitle> and evidence of dynamism`; `labels` renames row keys and column fields (each
 * cell adds `rowName` and `columnName`); columns widen to their headings (90 to 200 px).
 *
 * @param rows - the table's rows, in display order (e.g. `clusterTables(clusters).marketOrientation`)
 * @param options - the columns, the rows' heading, title, size and display names (`labels`)
 * @returns a Vega-Lite v6 specification (plain JSON), deeply frozen: a layer of shaded cells and their
 *   counts
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both arguments with its path,
 *   rooted at the argument's name: a missing or negative or fractional count (`rows[2].growth`; only
 *   a row's own fields count, so a column named `constructor` is missing, not a built-in), a
 *   duplicate row key (`rows[3].key`), a duplicate column field (`options.columns[1].field`), an
 *   empty table (`rows`)
 * @example
 * ```ts
 * const spec = clusterHeatmap([
 *   { key: 'local-only', growth: 1, upgrading: 0, growthAndUpgrading: 0, clusters: 4 },
 *   { key: 'domestic-and-international', growth: 6, upgrading: 7, growthAndUpgrading: 5, clusters: 9 },
 * ]);
 * (spec.data as { values: unknown[] }).values.length;
 * //=> 6
 * ```
 */
export function clusterHeatmap(
  rows: ReadonlyArray<
    Pick<CrossTabRow<string, never>, 'key'> & {
      readonly clusters?: CrossTabRow<string, never>['clusters'] | undefined;
      readonly [column: string]: unknown;
    }
  >,
  options: ClusterHeatmapOptions = {},
): VegaLiteSpec {
  const [data, opts] = checkArguments('cluster heat map', [
    safeValidate(
      z.array(chartedRow).check(z.minLength(1, { error: 'expected at least one row, found none' })),
      rows,
      'rows',
    ),
    safeValidate(ClusterHeatmapOptions, options ?? {}, 'options'),
  ]);
  const issues = new IssueList();
  const fields = new Set<string>();
  opts.columns.forEach((c, i) => {
    if (fields.has(c.field)) {
      issues.add(`options.columns[${i}].field`, `expected distinct columns, found ${quote(c.field)} twice`);
    }
    fields.add(c.field);
  });
  const names = opts.labels;
  const rowName = (key: string) => displayName(key, names);
  const columnName = (c: { field: string; label: string }) =>
    names !== undefined && Object.hasOwn(names, c.field) ? displayName(c.field, names) : c.label;
  const keys = new Set<string>();
  const values: JsonValue[] = [];
  let max = 1;
  data.forEach((row, i) => {
    if (keys.has(row.key)) {
      issues.add(`rows[${i}].key`, `expected distinct row keys, found ${quote(row.key)} twice`);
    }
    keys.add(row.key);
    for (const c of opts.columns) {
      // Own fields only: a column named `constructor` or `toString` is a missing count, not a built-in.
      const count = Object.hasOwn(row, c.field) ? (row as Record<string, unknown>)[c.field] : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        issues.add(
          rootedPath('rows', [i, c.field]),
          `expected a count (an integer >= 0), found ${preview(count)}`,
        );
        continue;
      }
      if (count > max) max = count; // a running maximum: no spread of every count into Math.max
      const cell: { [key: string]: JsonValue } = {
        row: row.key,
        column: c.label,
        count,
        rowName: rowName(row.key),
        columnName: columnName(c),
      };
      if (row.clusters !== undefined && c.field !== 'clusters') {
        cell.clusters = row.clusters;
        cell.shareOfRow = row.clusters > 0 ? count / row.clusters : null;
      }
      values.push(cell);
    }
  });
  issues.throwIfAny('invalid cluster heat map');

  const rowOrder = data.map((r) => rowName(r.key));
  const columnOrder = opts.columns.map(columnName);
  // Each column as wide as its heading (as vega estimates text: 0.8 × font size per character), 90 to
  // 200 pixels; a longer heading is cut with an ellipsis rather than run into its neighbour.
  let longest = 0;
  for (const c of columnOrder) longest = Math.max(longest, estimatedTextWidth(c, 10));
  const columnWidth = Math.min(200, Math.max(90, longest + 10));
  const rowTitle = opts.rowTitle ?? null;
  const x = {
    field: 'columnName',
    type: 'nominal',
    title: null,
    sort: columnOrder,
    axis: { labelAngle: 0, orient: 'top', labelLimit: columnWidth - 8 },
  };
  const y = {
    field: 'rowName',
    type: 'nominal',
    title: rowTitle,
    sort: rowOrder,
    axis: {
      labelLimit: 240,
      // the rows' heading above the row labels, level with the column headings: clear of both
      titleAngle: 0,
      titleAlign: 'right',
      titleBaseline: 'bottom',
      titleX: -8,
      titleY: -8,
    },
  };
  const tooltip: JsonValue[] = [
    { field: 'rowName', type: 'nominal', title: opts.rowTitle ?? 'row' },
    { field: 'columnName', type: 'nominal', title: 'evidence' },
    { field: 'count', type: 'quantitative', title: 'clusters' },
  ];
  if (data.some((r) => r.clusters !== undefined)) {
    tooltip.push(
      { field: 'clusters', type: 'quantitative', title: 'clusters in row' },
      { field: 'shareOfRow', type: 'quantitative', title: 'share of row', format: '.0%' },
    );
  }
  const title = opts.title ?? `Number of clusters by ${rowTitle ?? 'row'} and evidence of dynamism`;
  return finish(
    topLevel(
      {
        data: inlineData(values),
        encoding: { x, y },
        layer: [
          {
            mark: { type: 'rect' },
            encoding: {
              color: {
                field: 'count',
                type: 'quantitative',
                title: 'clusters',
                scale: { scheme: 'blues', domain: [0, max] },
              },
              tooltip,
            },
          },
          {
            mark: { type: 'text', fontSize: 13, aria: false },
            encoding: {
              text: { field: 'count', type: 'quantitative' },
              color: { condition: { test: `datum.count > ${max / 2}`, value: 'white' }, value: 'black' },
            },
          },
        ],
      },
      { ...opts, title },
      { width: columnWidth * opts.columns.length, height: 28 * data.length },
    ),
  );
}
