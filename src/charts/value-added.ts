import { z } from 'zod';
import type { ValueAddedDecomposition, ValueAddedGroup } from '../chains/index.js';
import { IssueList, quote, safeValidate } from '../core/boundary.js';
import { checkArguments, finish, inlineData, topLevel } from './spec.js';
import { ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * The structural check of a {@link ValueAddedGroup} (`decomposeValueAdded` builds no schema of its
 * result): its key, value added and share; other fields (those of a `byStage` line) are ignored.
 */
const chartedGroup = z.object({
  key: z.string().min(1),
  valueAdded: z.number(),
  share: z.number(),
}) satisfies z.ZodType<ValueAddedGroup>;

/**
 * What {@link valueAddedChart} reads of a {@link ValueAddedDecomposition}: the final value, the
 * currency, the depth (any label) and the groupings, each optional (only the grouping charted must be
 * present). Other fields are ignored.
 */
const chartedDecomposition = z.object({
  finalValue: z.number(),
  currency: z.string().min(1),
  depth: z.string().min(1).optional(),
  byStage: z.array(chartedGroup).optional(),
  byActor: z.array(chartedGroup).optional(),
  byCountry: z.array(chartedGroup).optional(),
  byFunction: z.array(chartedGroup).optional(),
  byIncome: z.array(chartedGroup).optional(),
}) satisfies z.ZodType<Pick<ValueAddedDecomposition, 'finalValue' | 'currency'>>;

/**
 * One group of a value-added decomposition: its key (a country, stage, actor, function or income
 * item), its value added per unit of the final product, and its share of the final value.
 *
 * @deprecated Use `ValueAddedGroup` (the same fields); removed in 0.3.0.
 * @example
 * ```ts
 * ValueAddedGroupLike.parse({ key: 'CHN', valueAdded: 6.5, share: 0.0363 });
 * //=> { key: 'CHN', valueAdded: 6.5, share: 0.0363 }
 * ```
 */
export const ValueAddedGroupLike = chartedGroup;
/**
 * One group of a value-added decomposition.
 *
 * @deprecated Use `ValueAddedGroup`; removed in 0.3.0.
 */
export type ValueAddedGroupLike = z.output<typeof ValueAddedGroupLike>;

/**
 * What {@link valueAddedChart} reads from a value-added decomposition (the result of
 * `decomposeValueAdded`): the final value, the currency, the depth and the groupings. Other fields
 * of the result are ignored (this schema is deliberately not strict, so that result objects carrying
 * more fields are accepted); only the grouping being charted must be present.
 *
 * @deprecated Use `ValueAddedDecomposition`, of which {@link valueAddedChart} reads `finalValue`,
 *   `currency`, `depth` and the grouping charted; removed in 0.3.0.
 * @example
 * ```ts
 * ValueAddedDecompositionLike.parse({ finalValue: 10, currency: 'USD', byCountry: [{ key: 'GHA', valueAdded: 10, share: 1 }] }).byCountry;
 * //=> [{ key: 'GHA', valueAdded: 10, share: 1 }]
 * ```
 */
export const ValueAddedDecompositionLike = chartedDecomposition;
/**
 * What {@link valueAddedChart} reads from a value-added decomposition.
 *
 * @deprecated Use `ValueAddedDecomposition`; removed in 0.3.0.
 */
export type ValueAddedDecompositionLike = z.output<typeof ValueAddedDecompositionLike>;

/**
 * The groupings a {@link valueAddedChart} can split its bars by, each read from the decomposition's
 * `byCountry`, `byStage`, `byActor`, `byFunction` or `byIncome`.
 *
 * @example
 * ```ts
 * valueAddedChartGroupings;
 * //=> ['country', 'stage', 'actor', 'function', 'income']
 * ```
 */
export const valueAddedChartGroupings = ['country', 'stage', 'actor', 'function', 'income'] as const;

/**
 * Options of {@link valueAddedChart}: the grouping of the segments (`by`), the measure on the value
 * axis (value added per unit, the default, or share of the final value), the bars' labels (one per
 * decomposition; by default each decomposition's `depth`, else `#1`, `#2`, …), the legend's title
 * (default: the grouping), the value axis's title (default: by measure) and the shared
 * {@link ChartOptions}.
 *
 * @example
 * ```ts
 * ValueAddedChartOptions.parse({ by: 'country' });
 * //=> { by: 'country', measure: 'valueAdded' }
 * ```
 */
export const ValueAddedChartOptions = z
  .object({
    by: z.enum(valueAddedChartGroupings),
    measure: z.enum(['valueAdded', 'share']).default('valueAdded'),
    labels: z.array(z.string().min(1)).optional(),
    legendTitle: z.string().min(1).optional(),
    axisTitle: z.string().min(1).optional(),
    ...ChartOptions.shape,
  })
  .strict();
/** Options of {@link valueAddedChart}. */
export type ValueAddedChartOptions = z.input<typeof ValueAddedChartOptions>;

const groupingField = {
  country: 'byCountry',
  stage: 'byStage',
  actor: 'byActor',
  function: 'byFunction',
  income: 'byIncome',
} as const;

/**
 * A stacked bar chart of value-added decompositions: one bar per decomposition (first-round beside
 * full, or one product beside another), split into segments by country, stage, actor, function or
 * income item, with the value added and share of each segment in its tooltip. Negative value added
 * (a stage selling below cost) stacks below zero.
 *
 * The decompositions are those of Kaplinsky & Morris (2001) and, for the iPhone, Xing & Detert (2010).
 * Any split of a total into `{ key, valueAdded, share }` groups can be charted the same way — for
 * example the terms of a gross-exports decomposition, with a `legendTitle` to name them.
 *
 * @typeParam D - what the chart reads of a `ValueAddedDecomposition`: `finalValue`, `currency`,
 *   `depth` (any label) and the grouping charted (`byCountry`, `byStage`, … as `{ key, valueAdded, share }`
 *   groups); other fields are ignored, so a decomposition built by hand needs only these
 * @param decompositions - one decomposition (the result of `decomposeValueAdded`) or several
 * @param options - the grouping (`by`), measure, bar labels, title and size
 * @returns a Vega-Lite v6 specification (plain JSON), deeply frozen
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both arguments, each path rooted
 *   at the argument's name: a missing grouping (`decompositions[1].byIncome`), a non-finite number
 *   (`decompositions[0].byCountry[2].share`), a bad option (`options.by`), a label count that
 *   differs from the number of decompositions (`options.labels`), duplicate labels
 *   (`decompositions[1].depth`, `options.labels[1]`), or different currencies when charting value
 *   added (`decompositions[1].currency`)
 * @example
 * ```ts
 * const spec = valueAddedChart(
 *   { finalValue: 10, currency: 'USD', depth: 'full', byCountry: [
 *     { key: 'CHN', valueAdded: 2, share: 0.2 }, { key: 'USA', valueAdded: 8, share: 0.8 }] },
 *   { by: 'country' },
 * );
 * spec.mark;
 * //=> { type: 'bar' }
 * spec.data;
 * //=> { values: [
 * //     { bar: 'full', key: 'CHN', order: 0, valueAdded: 2, share: 0.2, currency: 'USD', finalValue: 10 },
 * //     { bar: 'full', key: 'USA', order: 1, valueAdded: 8, share: 0.8, currency: 'USD', finalValue: 10 }],
 * //   format: { type: 'json', copy: true } }
 * ```
 */
export function valueAddedChart<
  D extends Pick<ValueAddedDecomposition, 'finalValue' | 'currency'> & {
    readonly depth?: string | undefined;
  } & Partial<
      Readonly<
        Record<
          'byStage' | 'byActor' | 'byCountry' | 'byFunction' | 'byIncome',
          readonly ValueAddedGroup[] | undefined
        >
      >
    >,
>(decompositions: D | readonly D[], options: ValueAddedChartOptions): VegaLiteSpec {
  let isList: boolean;
  try {
    isList = Array.isArray(decompositions);
  } catch {
    isList = false; // a revoked proxy: the schema reports it
  }
  const schema = isList
    ? z.array(chartedDecomposition).min(1, { error: 'expected at least one decomposition, found none' })
    : chartedDecomposition;
  const [data, opts] = checkArguments('value-added chart', [
    safeValidate(schema, decompositions, 'decompositions'),
    safeValidate(ValueAddedChartOptions, options ?? {}, 'options'),
  ]);
  type Charted = z.output<typeof chartedDecomposition>;
  const list: Charted[] = isList ? (data as Charted[]) : [data as Charted];
  const field = groupingField[opts.by];

  const issues = new IssueList();
  const at = (i: number, rest: string) => `decompositions${isList ? `[${i}]` : ''}${rest ? `.${rest}` : ''}`;
  list.forEach((d, i) => {
    if (d[field] === undefined) issues.add(at(i, field), `expected groups by ${opts.by}, found none`);
  });
  if (opts.labels !== undefined && opts.labels.length !== list.length) {
    issues.add(
      'options.labels',
      `expected ${list.length} label(s), one per decomposition, found ${opts.labels.length}`,
    );
  }
  const labels = list.map((d, i) => opts.labels?.[i] ?? d.depth ?? `#${i + 1}`);
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    if (seen.has(label)) {
      const path = opts.labels === undefined ? at(i, 'depth') : `options.labels[${i}]`;
      issues.add(path, `expected a distinct label for each bar, found ${quote(label)} twice`);
    }
    seen.add(label);
  });
  const currencies = [...new Set(list.map((d) => d.currency))];
  if (opts.measure === 'valueAdded' && currencies.length > 1) {
    const first = list.findIndex((d) => d.currency !== currencies[0]);
    const shown = currencies.slice(0, 5).map(quote).join(', ');
    const more = currencies.length > 5 ? ` and ${currencies.length - 5} more` : '';
    issues.add(at(first, 'currency'), `expected every decomposition in one currency, found ${shown}${more}`);
  }
  issues.throwIfAny('invalid value-added chart');

  const values: JsonValue[] = [];
  list.forEach((d, i) => {
    (d[field] ?? []).forEach((g, order) => {
      values.push({
        bar: labels[i] ?? '',
        key: g.key,
        order,
        valueAdded: g.valueAdded,
        share: g.share,
        currency: d.currency,
        finalValue: d.finalValue,
      });
    });
  });

  const currency = currencies[0] ?? '';
  const measureAxis: { [key: string]: JsonValue } =
    opts.measure === 'share'
      ? {
          field: 'share',
          type: 'quantitative',
          title: opts.axisTitle ?? 'Share of the final value',
          axis: { format: '%' },
        }
      : {
          field: 'valueAdded',
          type: 'quantitative',
          title: opts.axisTitle ?? `Value added per unit (${currency})`,
        };
  return finish(
    topLevel(
      {
        data: inlineData(values),
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'bar', type: 'nominal', title: null, sort: labels, axis: { labelLimit: 0 } },
          x: { ...measureAxis, stack: 'zero' },
          color: {
            field: 'key',
            type: 'nominal',
            title: opts.legendTitle ?? opts.by,
            sort: { field: 'order' },
            legend: { labelLimit: 0 },
          },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'bar', type: 'nominal', title: 'decomposition' },
            { field: 'key', type: 'nominal', title: opts.legendTitle ?? opts.by },
            { field: 'valueAdded', type: 'quantitative', title: `value added (${currency})`, format: ',.2f' },
            { field: 'share', type: 'quantitative', title: 'share of final value', format: '.1%' },
          ],
        },
      },
      opts,
      { width: 480, height: Math.max(60, 40 * list.length) },
    ),
  );
}
