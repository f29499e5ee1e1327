import * as z from 'zod/mini';
import { IssueList, preview, safeValidate } from '../core/boundary.js';
import { Period } from '../core/primitives.js';
import {
  ThinningKind,
  type ThinningObservation,
  type ThinningProfile,
  type ThinningTransition,
} from '../thinning/index.js';
import { displayName } from './labels.js';
import { checkArguments, finish, inlineData, niceExtent, topLevel } from './spec.js';
import { ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * The kinds of transition a thinning profile classifies (Kaplinsky 2015), in the order the legend of
 * {@link thinningChart} lists them, after the `start` of the path.
 *
 * @deprecated Use `ThinningKind.options` (the same kinds in the same order); removed in 0.3.0.
 * @example
 * ```ts
 * thinningChartKinds;
 * //=> ['thinning-in', 'thinning-out', 'thickening', 'rebuilding', 'stable']
 * ```
 */
export const thinningChartKinds = [
  'thinning-in',
  'thinning-out',
  'thickening',
  'rebuilding',
  'stable',
] as const satisfies readonly ThinningKind[];

/** How a transition names its ends: a period, or an observation carrying one. */
const PeriodRef = z.union([Period, z.object({ period: Period })]);

/**
 * What {@link thinningChart} reads of a {@link ThinningObservation}: its period and its share of the
 * product's value added (checked to lie in [0, 1] by the chart, with its path); other fields are
 * ignored, so observations built by hand need not list their functions.
 */
const chartedObservation = z.object({
  period: Period,
  valueAddedShare: z.number(),
}) satisfies z.core.$ZodType<Pick<ThinningObservation, 'period' | 'valueAddedShare'>>;

/**
 * What {@link thinningChart} reads of a {@link ThinningTransition}: its kind, whether the participant
 * upgraded while thinning, and the periods it runs between (`from`, `to`: periods, or observations
 * carrying a `period`). Other fields are ignored.
 */
const chartedTransition = z.object({
  from: PeriodRef,
  to: PeriodRef,
  kind: ThinningKind,
  withUpgrading: z.boolean(),
}) satisfies z.core.$ZodType<Pick<ThinningTransition, 'kind' | 'withUpgrading'>>;

/**
 * What {@link thinningChart} reads of a {@link ThinningProfile}: its transitions and, when present, its
 * `overall` classification (any label, shown in the subtitle). Other fields are ignored.
 */
const chartedProfile = z.object({
  transitions: z.array(chartedTransition),
  overall: z.optional(z.string().check(z.minLength(1))),
});

/**
 * One observation of a participant: its period and its share of the product's value added. Other
 * fields (functions performed, value added per unit) are ignored.
 *
 * @deprecated Use `ThinningObservation`, of which {@link thinningChart} reads `period` and
 *   `valueAddedShare`; removed in 0.3.0.
 * @example
 * ```ts
 * ThinningObservationLike.parse({ period: 2005, valueAddedShare: 0.2, functions: ['assembly'] });
 * //=> { period: 2005, valueAddedShare: 0.2 }
 * ```
 */
export const ThinningObservationLike = chartedObservation;
/**
 * One observation of a participant.
 *
 * @deprecated Use `ThinningObservation`; removed in 0.3.0.
 */
export type ThinningObservationLike = z.output<typeof ThinningObservationLike>;

/**
 * One classified transition of a thinning profile (the result of `thinningProfile`): the periods it
 * runs between (`from`, `to`: periods, or observations carrying a `period`), its kind and whether the
 * participant upgraded while thinning. Other fields are ignored.
 *
 * @deprecated Use `ThinningTransition`, of which {@link thinningChart} reads `from`, `to`, `kind` and
 *   `withUpgrading`; removed in 0.3.0.
 * @example
 * ```ts
 * ThinningTransitionLike.parse({ from: 2005, to: 2010, kind: 'thinning-out', withUpgrading: true });
 * //=> { from: 2005, to: 2010, kind: 'thinning-out', withUpgrading: true }
 * ```
 */
export const ThinningTransitionLike = chartedTransition;
/**
 * One classified transition of a thinning profile.
 *
 * @deprecated Use `ThinningTransition`; removed in 0.3.0.
 */
export type ThinningTransitionLike = z.output<typeof ThinningTransitionLike>;

/**
 * What {@link thinningChart} reads from a thinning profile: its transitions (the profile's `overall`
 * classification, when present, is shown in the subtitle).
 *
 * @deprecated Use `ThinningProfile`, of which {@link thinningChart} reads `transitions` and `overall`;
 *   removed in 0.3.0.
 * @example
 * ```ts
 * ThinningProfileLike.parse({ transitions: [], overall: 'stable' });
 * //=> { transitions: [], overall: 'stable' }
 * ```
 */
export const ThinningProfileLike = chartedProfile;
/**
 * What {@link thinningChart} reads from a thinning profile.
 *
 * @deprecated Use `ThinningProfile`; removed in 0.3.0.
 */
export type ThinningProfileLike = z.output<typeof ThinningProfileLike>;

/**
 * Options of {@link thinningChart}: the participant's name (for the axis title) and the shared
 * {@link ChartOptions}.
 *
 * @example
 * ```ts
 * ThinningChartOptions.parse({ participant: 'Lenovo' });
 * //=> { participant: 'Lenovo' }
 * ```
 */
export const ThinningChartOptions = z.strictObject({
  participant: z.optional(z.string().check(z.minLength(1))),
  ...ChartOptions.shape,
});
/** Options of {@link thinningChart}. */
export type ThinningChartOptions = z.input<typeof ThinningChartOptions>;

const kindColours = ['#d62728', '#ff7f0e', '#2ca02c', '#17becf', '#7f7f7f', '#bbbbbb'];

const periodOf = (ref: z.output<typeof PeriodRef>): Period => (typeof ref === 'object' ? ref.period : ref);

/**
 * A thinning-and-thickening trajectory: a participant's share of the product's value added by period,
 * joined by a line in period order (numbers numerically, strings as text, as `thinningProfile` sorts
 * them), each point coloured by the kind of the transition that led to it (thinning-in,
 * thinning-out, thickening, rebuilding, stable; the first observation is the `start`) and drawn as a
 * triangle when the participant thinned with upgrading (its share fell while its value added per unit
 * or the knowledge intensity of its functions rose). The vocabulary is Kaplinsky's (2015).
 * Each point carries its share as a label (`35.0%`) when the points stand 36 px or more apart (each
 * data row adds `valueLabel`, empty otherwise); the title defaults to `Thinning and thickening`;
 * `labels` renames the kinds and upgrading marks in the legends (the data keep the kinds).
 *
 * @param observations - the participant's observations by period (its `ThinningObservation`s, of
 *   which the chart reads `period` and `valueAddedShare`; other fields are ignored)
 * @param profile - the participant's thinning profile (`thinningProfile(observations)`, of which the
 *   chart reads `transitions` and `overall`; a transition's `from` and `to` may also be observations
 *   carrying a `period`, and `overall` any label)
 * @param options - the participant's name, title, size and display names (`labels`)
 * @returns a Vega-Lite v6 specification (plain JSON), deeply frozen: a layer of the line and the points
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of the three arguments with its path,
 *   rooted at the argument's name: a share outside [0, 1] (`observations[2].valueAddedShare`), a
 *   duplicate period (`observations[5].period`), a transition naming a period with no observation
 *   (`profile.transitions[1].to`), a bad option (`options.participant`)
 * @example
 * ```ts
 * const spec = thinningChart(
 *   [{ period: 2000, valueAddedShare: 0.6 }, { period: 2005, valueAddedShare: 0.3 }],
 *   { transitions: [{ from: 2000, to: 2005, kind: 'thinning-out', withUpgrading: false }] },
 * );
 * (spec.data as { values: unknown[] }).values[1];
 * //=> { period: 2005, valueAddedShare: 0.3, kind: 'thinning-out', upgrading: 'without upgrading', order: 1, valueLabel: '30.0%' }
 * ```
 */
export function thinningChart(
  observations: ReadonlyArray<Pick<ThinningObservation, 'period' | 'valueAddedShare'>>,
  profile: {
    readonly transitions: ReadonlyArray<
      Pick<ThinningTransition, 'kind' | 'withUpgrading'> &
        Readonly<Record<'from' | 'to', Period | Pick<ThinningObservation, 'period'>>>
    >;
    readonly overall?: string | undefined;
  },
  options: ThinningChartOptions = {},
): VegaLiteSpec {
  const [observationList, profileData, opts] = checkArguments('thinning chart', [
    safeValidate(
      z.array(chartedObservation).check(z.minLength(1, { error: 'expected observations, found none' })),
      observations,
      'observations',
    ),
    safeValidate(chartedProfile, profile, 'profile'),
    safeValidate(ThinningChartOptions, options ?? {}, 'options'),
  ]);
  const data = { observations: observationList, profile: profileData };
  const issues = new IssueList();
  const index = new Map<Period, number>();
  data.observations.forEach((o, i) => {
    if (o.valueAddedShare < 0 || o.valueAddedShare > 1) {
      issues.add(
        `observations[${i}].valueAddedShare`,
        `expected a share between 0 and 1, found ${preview(o.valueAddedShare)}`,
      );
    }
    if (index.has(o.period)) {
      issues.add(`observations[${i}].period`, `expected distinct periods, found ${preview(o.period)} twice`);
    }
    index.set(o.period, i);
  });
  const arriving = new Map<number, { kind: string; withUpgrading: boolean }>();
  data.profile.transitions.forEach((t, i) => {
    for (const end of ['from', 'to'] as const) {
      const period = periodOf(t[end]);
      if (!index.has(period)) {
        issues.add(
          `profile.transitions[${i}].${end}`,
          `expected a period with an observation, found ${preview(period)}`,
        );
      }
    }
    const to = index.get(periodOf(t.to));
    if (to !== undefined) arriving.set(to, { kind: t.kind, withUpgrading: t.withUpgrading });
  });
  issues.throwIfAny('invalid thinning chart');

  const numeric = data.observations.every((o) => typeof o.period === 'number');
  const chronological = data.observations
    .map((o, i) => ({ o, i }))
    .sort((a, b) =>
      numeric
        ? (a.o.period as number) - (b.o.period as number)
        : Number(String(a.o.period) > String(b.o.period)) - Number(String(a.o.period) < String(b.o.period)),
    );
  const values: Array<{ [key: string]: JsonValue }> = chronological.map(({ o, i }, order) => {
    const t = arriving.get(i);
    return {
      period: o.period,
      valueAddedShare: o.valueAddedShare,
      kind: t?.kind ?? 'start',
      upgrading: t?.withUpgrading ? 'with upgrading' : 'without upgrading',
      order,
    };
  });
  // Value labels above the points, when the points are far enough apart (36 px) for labels not to meet.
  const width = opts.width ?? 420;
  const height = opts.height ?? 260;
  let gap = Number.POSITIVE_INFINITY;
  if (numeric) {
    const periods = chronological.map(({ o }) => o.period as number);
    const span = (periods.at(-1) ?? 0) - (periods[0] ?? 0);
    for (let k = 1; k < periods.length; k++) {
      gap = Math.min(gap, span > 0 ? (((periods[k] ?? 0) - (periods[k - 1] ?? 0)) / span) * width : 0);
    }
  } else {
    gap = width / Math.max(1, values.length);
  }
  const labelled = gap >= 36 && Number.isFinite(width / Math.max(1, values.length));
  for (const v of values) v.valueLabel = labelled ? `${(Number(v.valueAddedShare) * 100).toFixed(1)}%` : '';
  const x: { [key: string]: JsonValue } = numeric
    ? {
        field: 'period',
        type: 'quantitative',
        title: 'Period',
        axis: { format: 'd', tickMinStep: 1 },
        scale: { padding: 24 },
      }
    : { field: 'period', type: 'ordinal', title: 'Period' };
  let top = 0;
  for (const v of values) top = Math.max(top, Number(v.valueAddedShare));
  const headroom = labelled ? (top * 28) / Math.max(1, height - 28) : 0;
  const y = {
    field: 'valueAddedShare',
    type: 'quantitative',
    title: `Share of the product's value added${opts.participant ? ` (${opts.participant})` : ''}`,
    axis: { format: '%' },
    scale: { domain: niceExtent(0, Math.min(1, top + headroom)) ?? [0, 1], nice: false },
  };
  // Display names of the kinds and of the upgrading marks, in the legends (the data keep the kinds).
  const names = opts.labels;
  const legendLabels = (keys: readonly string[]): { [key: string]: JsonValue } => {
    const named = keys.filter((k) => displayName(k, names) !== k);
    if (named.length === 0) return {};
    const expr = named.reduce(
      (rest, k) =>
        `datum.label === ${JSON.stringify(k)} ? ${JSON.stringify(displayName(k, names))} : ${rest}`,
      'datum.label',
    );
    return { legend: { labelExpr: expr } };
  };
  const view: { [key: string]: JsonValue } = {
    data: inlineData(values as JsonValue[]),
    layer: [
      {
        mark: { type: 'line', color: '#999999' },
        encoding: { x, y, order: { field: 'order', type: 'quantitative' } },
      },
      {
        mark: { type: 'point', filled: true, size: 120 },
        encoding: {
          x,
          y,
          color: {
            field: 'kind',
            type: 'nominal',
            title: 'transition',
            scale: { domain: ['start', ...ThinningKind.options], range: kindColours },
            ...legendLabels(['start', ...ThinningKind.options]),
          },
          shape: {
            field: 'upgrading',
            type: 'nominal',
            title: 'upgrading',
            scale: { domain: ['without upgrading', 'with upgrading'], range: ['circle', 'triangle-up'] },
            ...legendLabels(['without upgrading', 'with upgrading']),
          },
          tooltip: [
            { field: 'period', title: 'period' },
            { field: 'valueAddedShare', type: 'quantitative', title: 'share', format: '.1%' },
            { field: 'kind', type: 'nominal', title: 'transition' },
            { field: 'upgrading', type: 'nominal' },
          ],
        },
      },
      {
        mark: { type: 'text', dy: -12, fontSize: 10, aria: false },
        encoding: { x, y, text: { field: 'valueLabel', type: 'nominal' } },
      },
    ],
  };
  const spec = topLevel(view, opts, { width: 420, height: 260 });
  spec.title =
    data.profile.overall === undefined
      ? (opts.title ?? 'Thinning and thickening')
      : { text: opts.title ?? 'Thinning and thickening', subtitle: `overall: ${data.profile.overall}` };
  return finish(spec);
}
