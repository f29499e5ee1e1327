import { z } from 'zod';
import type { QuadraticFit, SmileCurve, SmilePosition } from '../chains/index.js';
import { safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { checkArguments, finish, inlineData, topLevel } from './spec.js';
import { ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * The structural check of a {@link SmilePosition} (`smileCurve` builds no schema of its result): the
 * position, the value added, the share and the stages; other fields are ignored.
 */
const chartedPosition = z.object({
  position: z.number(),
  valueAdded: z.number(),
  share: z.number(),
  stages: z.array(z.string().min(1)),
}) satisfies z.ZodType<SmilePosition>;

/** What {@link smileCurveChart} reads of a {@link QuadraticFit}: its coefficients and R² (for the subtitle). */
const chartedFit = z.object({
  a: z.number(),
  b: z.number(),
  c: z.number(),
  rSquared: z.number(),
}) satisfies z.ZodType<Pick<QuadraticFit, 'a' | 'b' | 'c' | 'rSquared'>>;

/**
 * What {@link smileCurveChart} reads of a {@link SmileCurve}: the value added by position, the
 * currency and, when present, the fitted quadratic (shown in the subtitle). Other fields are ignored.
 */
const chartedSmileCurve = z.object({
  currency: z.string().min(1).optional(),
  byPosition: z.array(chartedPosition),
  fit: chartedFit.nullable().optional(),
});

/**
 * The value added at one position of a smile curve (a row of `smileCurve(chain).byPosition`): the
 * position from upstream (0) to downstream, the value added per unit of the final product of the
 * stages there, its share of the final value, and the stages. Other fields are ignored.
 *
 * @deprecated Use `SmilePosition` (the same fields); removed in 0.3.0.
 * @example
 * ```ts
 * SmilePositionLike.parse({ position: 1, valueAdded: 6.5, share: 0.013, stages: ['assembly'] });
 * //=> { position: 1, valueAdded: 6.5, share: 0.013, stages: ['assembly'] }
 * ```
 */
export const SmilePositionLike = chartedPosition;
/**
 * The value added at one position of a smile curve.
 *
 * @deprecated Use `SmilePosition`; removed in 0.3.0.
 */
export type SmilePositionLike = z.output<typeof SmilePositionLike>;

/**
 * What {@link smileCurveChart} reads from smile-curve data (the result of `smileCurve`): the value
 * added by position, the currency and, when present, the fitted quadratic (shown in the subtitle).
 * Other fields are ignored.
 *
 * @deprecated Use `SmileCurve`, of which {@link smileCurveChart} reads `byPosition`, `currency` and
 *   `fit`; removed in 0.3.0.
 * @example
 * ```ts
 * SmileCurveLike.parse({ currency: 'USD', byPosition: [], fit: null, stages: [] });
 * //=> { currency: 'USD', byPosition: [], fit: null }
 * ```
 */
export const SmileCurveLike = chartedSmileCurve;
/**
 * What {@link smileCurveChart} reads from smile-curve data.
 *
 * @deprecated Use `SmileCurve`; removed in 0.3.0.
 */
export type SmileCurveLike = z.input<typeof SmileCurveLike>;

/**
 * Options of {@link smileCurveChart}: the measure on the vertical axis (`share` of the final value, the
 * default, or `valueAdded` per unit of the final product) and the shared {@link ChartOptions}.
 *
 * @example
 * ```ts
 * SmileCurveChartOptions.parse({});
 * //=> { measure: 'share' }
 * ```
 */
export const SmileCurveChartOptions = z
  .object({ measure: z.enum(['share', 'valueAdded']).default('share'), ...ChartOptions.shape })
  .strict();
/** Options of {@link smileCurveChart}. */
export type SmileCurveChartOptions = z.input<typeof SmileCurveChartOptions>;

const round = (x: number, digits: number) => Number(x.toPrecision(digits));
const signed = (x: number) => `${x < 0 ? '−' : '+'} ${Math.abs(round(x, 3))}`;

/**
 * A smile-curve chart: the value added at each position of a chain, from upstream to downstream, as
 * points labelled with their stages (the first and a count when there are more than two), and the least-squares quadratic through them as a dashed line
 * (Vega-Lite's `regression` transform, `method: 'poly'`, `order: 2`: the same ordinary least-squares
 * fit as `numpy.polyfit(x, y, 2)` and as `smileCurve`'s `fit` when the measure is the share). A curve
 * that opens upwards "smiles": value concentrates upstream (R&D, design, components) and downstream
 * (brand, marketing, retail) rather than in assembly — the smile curve of Stan Shih (Acer, early
 * 1990s), as used by Mudambi (2008).
 *
 * @param smile - smile-curve data (`smileCurve(chain)`, of which the chart reads `byPosition` and, when
 *   present, `currency` and `fit`): `{ byPosition: Array<{ position, valueAdded, share, stages }>, currency?, fit? }`
 * @param options - the measure, title and size
 * @returns a Vega-Lite v6 specification (plain JSON), deeply frozen: a layer of the fitted line, the
 *   points and their labels
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem of both arguments with its path,
 *   rooted at the argument's name (`smile.byPosition[2].share`, `options.measure`);
 *   `INSUFFICIENT_DATA` (`smile.byPosition`) when fewer than three distinct positions leave the
 *   quadratic undetermined
 * @example
 * ```ts
 * const spec = smileCurveChart({ byPosition: [
 *   { position: 0, valueAdded: 4, share: 0.4, stages: ['design'] },
 *   { position: 1, valueAdded: 1, share: 0.1, stages: ['assembly'] },
 *   { position: 2, valueAdded: 5, share: 0.5, stages: ['retail'] }] });
 * (spec.layer as unknown[]).length;
 * //=> 3
 * ```
 */
export function smileCurveChart(
  smile: {
    readonly byPosition: readonly SmilePosition[];
    readonly currency?: SmileCurve['currency'] | undefined;
    readonly fit?: Pick<QuadraticFit, 'a' | 'b' | 'c' | 'rSquared'> | null | undefined;
  },
  options: SmileCurveChartOptions = {},
): VegaLiteSpec {
  const [data, opts] = checkArguments('smile-curve chart', [
    safeValidate(chartedSmileCurve, smile, 'smile'),
    safeValidate(SmileCurveChartOptions, options ?? {}, 'options'),
  ]);
  const positions = new Set(data.byPosition.map((p) => p.position));
  if (positions.size < 3) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot fit a smile curve', [
      {
        path: 'smile.byPosition',
        message: `expected three or more distinct positions, found ${positions.size}`,
      },
    ]);
  }
  const values: JsonValue[] = data.byPosition.map((p) => ({
    position: p.position,
    valueAdded: p.valueAdded,
    share: p.share,
    label: p.stages.length > 2 ? `${p.stages[0]} and ${p.stages.length - 1} more` : p.stages.join(', '),
    stages: p.stages.join(', '),
  }));
  const currency = data.currency ? ` (${data.currency})` : '';
  const y: { [key: string]: JsonValue } =
    opts.measure === 'share'
      ? { field: 'share', type: 'quantitative', title: 'Share of the final value', axis: { format: '%' } }
      : {
          field: 'valueAdded',
          type: 'quantitative',
          title: `Value added per unit of the product${currency}`,
        };
  const x = {
    field: 'position',
    type: 'quantitative',
    title: 'Position in the chain (upstream → downstream)',
    axis: { tickMinStep: 1 },
  };
  const spec = topLevel(
    {
      data: inlineData(values),
      layer: [
        {
          transform: [{ regression: opts.measure, on: 'position', method: 'poly', order: 2 }],
          mark: { type: 'line', color: '#888888', strokeDash: [4, 3] },
          encoding: { x, y },
        },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            x,
            y,
            tooltip: [
              { field: 'stages', type: 'nominal', title: 'stages' },
              { field: 'position', type: 'quantitative' },
              { field: 'valueAdded', type: 'quantitative', title: `value added${currency}`, format: ',.2f' },
              { field: 'share', type: 'quantitative', title: 'share', format: '.1%' },
            ],
          },
        },
        {
          mark: { type: 'text', dy: -10, fontSize: 10, limit: 160 },
          encoding: { x, y, text: { field: 'label' } },
        },
      ],
    },
    opts,
    { width: 480, height: 280 },
  );
  if (data.fit) {
    const { a, b, c, rSquared } = data.fit;
    spec.title = {
      text: opts.title ?? 'Smile curve',
      subtitle: `share = ${round(a, 3)}·x² ${signed(b)}·x ${signed(c)}, R² = ${round(rSquared, 3)}${a > 0 ? ': the curve smiles' : ''}`,
    };
  }
  return finish(spec);
}
