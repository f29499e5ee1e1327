import * as z from 'zod/mini';
import { IssueList, preview, quote, safeValidate } from '../core/boundary.js';
import {
  LinkageObservation,
  type LinkageProjection,
  type LinkageProjectionPoint,
} from '../linkages/index.js';
import { displayName } from './labels.js';
import { checkArguments, finish, inlineData, topLevel } from './spec.js';
import { ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * What {@link linkageCurveChart} reads of a {@link LinkageObservation} or of a
 * {@link LinkageProjectionPoint}: the period (as `LinkageObservation` defines it) and the domestic
 * share (checked to lie in [0, 1] by the chart, with its path and together with the chart's other
 * checks). Other fields (a projection's `baseline`, `core`, …) are ignored.
 */
const chartedPoint = z.object({
  period: LinkageObservation.shape.period,
  domesticShare: z.number(),
}) satisfies z.core.$ZodType<LinkageObservation & Pick<LinkageProjectionPoint, 'period' | 'domesticShare'>>;

/**
 * What {@link linkageCurveChart} reads of a {@link LinkageProjection}: its points and its name, or
 * failing that its `policies` (any labels, joined with `+`). Other fields are ignored.
 */
const chartedProjection = z.object({
  name: z.optional(z.string().check(z.minLength(1))),
  policies: z.optional(z.array(z.string().check(z.minLength(1)))),
  points: z.array(chartedPoint),
});

/**
 * One point of a linkage path: a period and the domestic share (of inputs or of value added) reached
 * in it. Other fields are ignored.
 *
 * @deprecated Use `LinkageObservation` (the same fields; a projection's points carry them too);
 *   removed in 0.3.0.
 * @example
 * ```ts
 * LinkagePointLike.parse({ period: 2010, domesticShare: 0.35 });
 * //=> { period: 2010, domesticShare: 0.35 }
 * ```
 */
export const LinkagePointLike = chartedPoint;
/**
 * One point of a linkage path.
 *
 * @deprecated Use `LinkageObservation`; removed in 0.3.0.
 */
export type LinkagePointLike = z.output<typeof LinkagePointLike>;

/**
 * A path of linkage development: a policy scenario (the result of `projectLinkageCurve`), named by its
 * `name` or, failing that, by its `policies` joined with `+`. Other fields are ignored.
 *
 * @deprecated Use `LinkageProjection`, of which {@link linkageCurveChart} reads `name`, `policies` and
 *   `points`; removed in 0.3.0.
 * @example
 * ```ts
 * LinkageScenarioLike.parse({ name: 'speed ×1.5', points: [{ period: 2020, domesticShare: 0.5 }] }).name;
 * //=> 'speed ×1.5'
 * ```
 */
export const LinkageScenarioLike = chartedProjection;
/**
 * A path of linkage development.
 *
 * @deprecated Use `LinkageProjection`; removed in 0.3.0.
 */
export type LinkageScenarioLike = z.output<typeof LinkageScenarioLike>;

/**
 * What {@link linkageCurveChart} draws: the observed domestic shares, the fitted market-led logistic
 * curve evaluated at the periods to draw (`fitted`: its points, or a market-led projection carrying
 * them), and the policy scenarios.
 *
 * @example
 * ```ts
 * LinkageCurveChartInput.parse({ observations: [], fitted: [] });
 * //=> { observations: [], fitted: [], scenarios: [] }
 * ```
 */
export const LinkageCurveChartInput = z.strictObject({
  observations: z.array(chartedPoint),
  fitted: z.union([z.array(chartedPoint), z.object({ points: z.array(chartedPoint) })]),
  scenarios: z._default(z.array(chartedProjection), []),
});
/** What {@link linkageCurveChart} draws. */
export type LinkageCurveChartInput = z.input<typeof LinkageCurveChartInput>;

/**
 * Options of {@link linkageCurveChart}: the name of the fitted curve in the legend (default
 * `market-led (fitted)`) and the shared {@link ChartOptions}.
 *
 * @example
 * ```ts
 * LinkageCurveChartOptions.parse({});
 * //=> { fittedName: 'market-led (fitted)' }
 * ```
 */
export const LinkageCurveChartOptions = z.strictObject({
  fittedName: z._default(z.string().check(z.minLength(1)), 'market-led (fitted)'),
  ...ChartOptions.shape,
});
/** Options of {@link linkageCurveChart}. */
export type LinkageCurveChartOptions = z.input<typeof LinkageCurveChartOptions>;

/**
 * A linkage-development chart: the observed domestic share of a resource sector's inputs or value
 * added by period (points), the fitted market-led logistic path — fast "low-hanging fruit" first,
 * slowing as harder stages are reached (Morris, Kaplinsky & Kaplan 2012; Kaplinsky 2015) — as a solid
 * line, and the policy scenarios that speed, deepen, slow or reverse it as dashed lines. The title
 * defaults to `Linkage development: domestic share by period`; `labels` renames the paths in the
 * legend (each line row adds `pathName`, its display name).
 *
 * @param input - `{ observations, fitted, scenarios? }`: points `{ period, domesticShare }`; `fitted` may be
 *   a projection without policy (`projectLinkageCurve(fit, { periods })`) and the scenarios projections
 *   (`projectLinkageCurve(fit, { name, periods, speed, depth })`)
 * @param options - the fitted curve's legend name, title, size and display names (`labels`)
 * @returns a Vega-Lite v6 specification (plain JSON), deeply frozen: a layer of the lines and the
 *   observed points
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both arguments with its path, rooted
 *   at the argument's name: a share outside [0, 1] (`input.scenarios[1].points[4].domesticShare`), an
 *   empty fitted curve (`input.fitted`), a scenario name (given or derived from its policies) used
 *   twice or equal to the fitted curve's (`input.scenarios[2].name`), a bad option
 *   (`options.fittedName`)
 * @example
 * ```ts
 * const spec = linkageCurveChart({
 *   observations: [{ period: 2000, domesticShare: 0.1 }],
 *   fitted: [{ period: 2000, domesticShare: 0.1 }, { period: 2010, domesticShare: 0.4 }],
 *   scenarios: [{ name: 'speed', points: [{ period: 2010, domesticShare: 0.5 }] }],
 * });
 * (spec.layer as unknown[]).length;
 * //=> 2
 * ```
 */
export function linkageCurveChart(
  input: LinkageCurveChartInput,
  options: LinkageCurveChartOptions = {},
): VegaLiteSpec {
  const [data, opts] = checkArguments('linkage-curve chart', [
    safeValidate(LinkageCurveChartInput, input, 'input'),
    safeValidate(LinkageCurveChartOptions, options ?? {}, 'options'),
  ]);
  const fitted = Array.isArray(data.fitted) ? data.fitted : data.fitted.points;
  const fittedPath = Array.isArray(data.fitted) ? 'input.fitted' : 'input.fitted.points';
  const scenarioNames = data.scenarios.map(
    (s, i) => s.name ?? (s.policies && s.policies.length > 0 ? s.policies.join('+') : `scenario ${i + 1}`),
  );
  const issues = new IssueList();
  const checkShare = (share: number, path: string) => {
    if (share < 0 || share > 1) issues.add(path, `expected a share between 0 and 1, found ${preview(share)}`);
  };
  data.observations.forEach((p, i) => {
    checkShare(p.domesticShare, `input.observations[${i}].domesticShare`);
  });
  if (fitted.length === 0) issues.add(fittedPath, 'expected points of the fitted curve, found none');
  fitted.forEach((p, i) => {
    checkShare(p.domesticShare, `${fittedPath}[${i}].domesticShare`);
  });
  const names = new Set([opts.fittedName]);
  data.scenarios.forEach((s, i) => {
    const name = scenarioNames[i] ?? '';
    if (names.has(name)) {
      issues.add(
        `input.scenarios[${i}].${s.name === undefined ? 'policies' : 'name'}`,
        `expected a distinct scenario name, found ${quote(name)} twice`,
      );
    }
    names.add(name);
    s.points.forEach((p, j) => {
      checkShare(p.domesticShare, `input.scenarios[${i}].points[${j}].domesticShare`);
    });
  });
  issues.throwIfAny('invalid linkage-curve chart');

  const lines: JsonValue[] = [
    ...fitted.map((p) => ({
      ...p,
      path: opts.fittedName,
      pathName: displayName(opts.fittedName, opts.labels),
      policy: 'market-led',
    })),
    ...data.scenarios.flatMap((s, i) =>
      s.points.map((p) => ({
        ...p,
        path: scenarioNames[i] ?? '',
        pathName: displayName(scenarioNames[i] ?? '', opts.labels),
        policy: 'policy scenario',
      })),
    ),
  ];
  const x = { field: 'period', type: 'quantitative', title: 'Period', axis: { format: 'd', tickMinStep: 1 } };
  const y = {
    field: 'domesticShare',
    type: 'quantitative',
    title: 'Domestic share',
    axis: { format: '%' },
    scale: { domain: [0, 1] },
  };
  return finish(
    topLevel(
      {
        layer: [
          {
            data: inlineData(lines),
            mark: { type: 'line', strokeWidth: 2 },
            encoding: {
              x,
              y,
              color: {
                field: 'pathName',
                type: 'nominal',
                title: 'path',
                sort: [...names].map((n) => displayName(n, opts.labels)),
                legend: { labelLimit: 0, titleLimit: 0 },
              },
              strokeDash: {
                field: 'policy',
                type: 'nominal',
                title: null,
                scale: {
                  domain: ['market-led', 'policy scenario'],
                  range: [
                    [1, 0],
                    [6, 3],
                  ],
                },
                legend: null,
              },
              tooltip: [
                { field: 'pathName', type: 'nominal', title: 'path' },
                { field: 'period', type: 'quantitative', format: 'd' },
                { field: 'domesticShare', type: 'quantitative', title: 'domestic share', format: '.1%' },
              ],
            },
          },
          {
            data: inlineData(data.observations.map((p) => ({ ...p, path: 'observed' }))),
            mark: { type: 'point', filled: true, size: 70, color: 'black' },
            encoding: {
              x,
              y,
              tooltip: [
                { field: 'period', type: 'quantitative', format: 'd' },
                { field: 'domesticShare', type: 'quantitative', title: 'observed share', format: '.1%' },
              ],
            },
          },
        ],
      },
      { ...opts, title: opts.title ?? 'Linkage development: domestic share by period' },
      { width: 480, height: 280 },
    ),
  );
}
