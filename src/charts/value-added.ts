import * as z from 'zod/mini';
import type { ValueAddedDecomposition, ValueAddedGroup } from '../chains/index.js';
import { IssueList, quote, safeValidate } from '../core/boundary.js';
import { displayName, estimatedTextWidth, formatAmount, formatShare } from './labels.js';
import { checkArguments, finish, inlineData, niceExtent, topLevel } from './spec.js';
import { ChartLabels, ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * The structural check of a {@link ValueAddedGroup} (`decomposeValueAdded` builds no schema of its
 * result): its key, value added and share; other fields (those of a `byStage` line) are ignored.
 */
const chartedGroup = z.object({
  key: z.string().check(z.minLength(1)),
  valueAdded: z.number(),
  share: z.number(),
}) satisfies z.core.$ZodType<ValueAddedGroup>;

/**
 * What {@link valueAddedChart} reads of a {@link ValueAddedDecomposition}: the final value, the
 * currency, the depth (any label) and the groupings, each optional (only the grouping charted must be
 * present). Other fields are ignored.
 */
const chartedDecomposition = z.object({
  finalValue: z.number(),
  currency: z.string().check(z.minLength(1)),
  depth: z.optional(z.string().check(z.minLength(1))),
  at: z.optional(z.string().check(z.minLength(1))),
  byStage: z.optional(z.array(chartedGroup)),
  byActor: z.optional(z.array(chartedGroup)),
  byCountry: z.optional(z.array(chartedGroup)),
  byFunction: z.optional(z.array(chartedGroup)),
  byIncome: z.optional(z.array(chartedGroup)),
}) satisfies z.core.$ZodType<Pick<ValueAddedDecomposition, 'finalValue' | 'currency'>>;

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
 * axis (value added per unit, the default, or share of the final value), the bars' labels, the legend's
 * title (default: the grouping), the value axis's title (default: by measure) and the shared
 * {@link ChartOptions}.
 *
 * `labels` is either the bars' labels, one per decomposition (by default each decomposition's `depth`
 * named readably — `full decomposition`, `first round at <stage>` — else `#1`, `#2`, …), or a
 * {@link ChartLabels} map naming the segments' keys (stage and actor ids, countries, compound keys
 * such as `purchases:<stageId>:<country>` part by part) and the depths.
 *
 * @example
 * ```ts
 * ValueAddedChartOptions.parse({ by: 'country' });
 * //=> { by: 'country', measure: 'valueAdded' }
 * ```
 */
export const ValueAddedChartOptions = z.strictObject({
  by: z.enum(valueAddedChartGroupings),
  measure: z._default(z.enum(['valueAdded', 'share']), 'valueAdded'),
  legendTitle: z.optional(z.string().check(z.minLength(1))),
  axisTitle: z.optional(z.string().check(z.minLength(1))),
  ...ChartOptions.shape,
  labels: z.optional(z.union([z.array(z.string().check(z.minLength(1))), ChartLabels])),
});
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
 * What it shows, by default: a title naming the measure, its unit and the grouping (`Value added per
 * unit (USD) by stage`); on each segment wide enough for it, its value as a label (`$178.96` in the
 * chain's currency, or `12.3%` of the final value), so that an exported picture carries the numbers;
 * segments named through `labels` (`chainLabels(chain)` names a chain's stages and actors), compound
 * keys part by part (`purchases · Chocolate manufacture · GBR`); bars named by their depth (`full
 * decomposition`, `first round at Assembly`). A single decomposition without a bar label has no bar
 * axis: its depth and final value are the subtitle. The spec is a layer of the bars and their labels;
 * each data row keeps its fields and adds `barName`, `name` (display names), `valueLabel` and
 * `middle` (the label's position).
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
 *   { by: 'country', labels: { CHN: 'China', USA: 'United States' } },
 * );
 * spec.title;
 * //=> { text: 'Value added per unit (USD) by country', subtitle: 'full decomposition: final value $10.00' }
 * (spec.layer as { mark: unknown }[]).map((l) => l.mark);
 * //=> [{ type: 'bar' }, { type: 'text', fontSize: 10, color: 'black', aria: false }]
 * spec.data;
 * //=> { values: [
 * //     { bar: 'full', key: 'CHN', order: 0, valueAdded: 2, share: 0.2, currency: 'USD', finalValue: 10,
 * //       barName: 'full decomposition', name: 'China', valueLabel: '$2.00', middle: 1 },
 * //     { bar: 'full', key: 'USA', order: 1, valueAdded: 8, share: 0.8, currency: 'USD', finalValue: 10,
 * //       barName: 'full decomposition', name: 'United States', valueLabel: '$8.00', middle: 6 }],
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
    ? z
        .array(chartedDecomposition)
        .check(z.minLength(1, { error: 'expected at least one decomposition, found none' }))
    : chartedDecomposition;
  const [data, opts] = checkArguments('value-added chart', [
    safeValidate(schema, decompositions, 'decompositions'),
    safeValidate(ValueAddedChartOptions, options ?? {}, 'options'),
  ]);
  type Charted = z.output<typeof chartedDecomposition>;
  const list: Charted[] = isList ? (data as Charted[]) : [data as Charted];
  const field = groupingField[opts.by];
  const barLabels = Array.isArray(opts.labels) ? opts.labels : undefined;
  const names = Array.isArray(opts.labels) ? undefined : opts.labels;

  const issues = new IssueList();
  const at = (i: number, rest: string) => `decompositions${isList ? `[${i}]` : ''}${rest ? `.${rest}` : ''}`;
  list.forEach((d, i) => {
    if (d[field] === undefined) issues.add(at(i, field), `expected groups by ${opts.by}, found none`);
  });
  if (barLabels !== undefined && barLabels.length !== list.length) {
    issues.add(
      'options.labels',
      `expected ${list.length} label(s), one per decomposition, found ${barLabels.length}`,
    );
  }
  const labels = list.map((d, i) => barLabels?.[i] ?? d.depth ?? `#${i + 1}`);
  const seen = new Set<string>();
  labels.forEach((label, i) => {
    if (seen.has(label)) {
      const path = barLabels === undefined ? at(i, 'depth') : `options.labels[${i}]`;
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

  // The bars' display names: a label given, else the depth named readably, else `#1`, `#2`, …
  const barNames = list.map((d, i) => {
    const given = barLabels?.[i];
    if (given !== undefined) return given;
    if (d.depth === undefined) return `#${i + 1}`;
    if (names !== undefined && Object.hasOwn(names, d.depth)) return displayName(d.depth, names);
    if (d.depth === 'full') return 'full decomposition';
    if (d.depth === 'first-round') {
      return d.at === undefined ? 'first round' : `first round at ${displayName(d.at, names)}`;
    }
    return displayName(d.depth, names);
  });

  // Stack offsets as Vega-Lite's `stack: 'zero'` computes them (positives rightwards from 0, negatives
  // leftwards, in order), to place each segment's value label at its middle.
  const measure = opts.measure;
  const rows: Array<{ [key: string]: JsonValue } & { from: number; to: number }> = [];
  let lo = 0;
  let hi = 0;
  list.forEach((d, i) => {
    let up = 0;
    let down = 0;
    (d[field] ?? []).forEach((g, order) => {
      const v = measure === 'share' ? g.share : g.valueAdded;
      const from = v >= 0 ? up : down;
      const to = from + v;
      if (v >= 0) up = to;
      else down = to;
      lo = Math.min(lo, to);
      hi = Math.max(hi, to);
      rows.push({
        bar: labels[i] ?? '',
        key: g.key,
        order,
        valueAdded: g.valueAdded,
        share: g.share,
        currency: d.currency,
        finalValue: d.finalValue,
        barName: barNames[i] ?? '',
        name: displayName(g.key, names),
        valueLabel: measure === 'share' ? formatShare(g.share) : formatAmount(g.valueAdded, d.currency),
        from,
        to,
      });
    });
  });
  const domain = niceExtent(lo, hi);
  const finite = domain !== null;
  const width = opts.width ?? 480;
  const height = opts.height ?? Math.max(60, 40 * list.length);
  const bandwidth = (height / list.length) * 0.9;
  const fontSize = 10;
  const values: JsonValue[] = rows.map(({ from, to, ...row }) => {
    // A value label shows where it fits inside its segment (with 1 px either side) and the band is
    // taller than the text; otherwise it is empty (the tooltip still has the value).
    const pixels = domain === null ? 0 : (Math.abs(to - from) / (domain[1] - domain[0])) * width;
    const fits =
      finite &&
      bandwidth >= fontSize + 4 &&
      estimatedTextWidth(String(row.valueLabel), fontSize) + 2 <= pixels;
    return finite ? { ...row, middle: (from + to) / 2, valueLabel: fits ? (row.valueLabel ?? '') : '' } : row;
  });

  const currency = currencies[0] ?? '';
  const scale: { [key: string]: JsonValue } = domain === null ? {} : { domain, nice: false };
  const measureAxis: { [key: string]: JsonValue } =
    measure === 'share'
      ? {
          field: 'share',
          type: 'quantitative',
          title: opts.axisTitle ?? 'Share of the final value',
          axis: { format: '%' },
          scale,
        }
      : {
          field: 'valueAdded',
          type: 'quantitative',
          title: opts.axisTitle ?? `Value added per unit (${currency})`,
          scale,
        };
  const groupTitle = opts.legendTitle ?? opts.by;
  const single = list.length === 1 && barLabels === undefined;
  const y: { [key: string]: JsonValue } = {
    field: 'barName',
    type: 'nominal',
    title: null,
    sort: barNames,
    axis: single ? null : { labelLimit: 0 },
  };
  const layers: JsonValue[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        x: { ...measureAxis, stack: 'zero' },
        color: {
          field: 'name',
          type: 'nominal',
          title: groupTitle,
          sort: { field: 'order' },
          legend: { labelLimit: 0, titleLimit: 0 },
        },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [
          { field: 'barName', type: 'nominal', title: 'decomposition' },
          { field: 'name', type: 'nominal', title: groupTitle },
          { field: 'valueAdded', type: 'quantitative', title: `value added (${currency})`, format: ',.2f' },
          { field: 'share', type: 'quantitative', title: 'share of final value', format: '.1%' },
        ],
      },
    },
  ];
  if (finite) {
    layers.push({
      mark: { type: 'text', fontSize, color: 'black', aria: false },
      encoding: {
        x: { field: 'middle', type: 'quantitative', title: measureAxis.title ?? null, scale },
        text: { field: 'valueLabel', type: 'nominal' },
      },
    });
  }
  const measureName = measure === 'share' ? 'Share of the final value' : `Value added per unit (${currency})`;
  const spec = topLevel({ data: inlineData(values), encoding: { y }, layer: layers }, opts, {
    width: 480,
    height: Math.max(60, 40 * list.length),
  });
  const subtitle = single
    ? `${barNames[0]}: final value ${formatAmount(list[0]?.finalValue ?? 0, currency)}`
    : undefined;
  spec.title = {
    text: opts.title ?? `${measureName} by ${groupTitle}`,
    ...(subtitle === undefined ? {} : { subtitle }),
  };
  return finish(spec);
}
