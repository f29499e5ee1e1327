import { z } from 'zod';
import { GvcError } from '../core/errors.js';
import { parseChartArguments, topLevel } from './spec.js';
import { ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * One point of a smile curve: a stage, its position from upstream (low) to downstream (high), its
 * value added per unit of the final product and its share of the product's value. `name`, when
 * given, labels the point instead of the stage id. Other fields are ignored.
 *
 * @example
 * ```ts
 * SmilePointLike.parse({ stage: 'assembly', position: 3, valueAddedPerUnit: 6.5, share: 0.036 });
 * //=> { stage: 'assembly', position: 3, valueAddedPerUnit: 6.5, share: 0.036 }
 * ```
 */
export const SmilePointLike = z.object({
  stage: z.string().min(1),
  name: z.string().min(1).optional(),
  position: z.number(),
  valueAddedPerUnit: z.number(),
  share: z.number(),
});
/** One point of a smile curve. */
export type SmilePointLike = z.output<typeof SmilePointLike>;

/**
 * What {@link smileCurveChart} reads from smile-curve data (the result of `smileCurve`): its points.
 * Other fields (the fitted coefficients, R²) are ignored: the chart's line is refitted by Vega-Lite.
 *
 * @example
 * ```ts
 * SmileCurveLike.parse({ points: [], smiles: true });
 * //=> { points: [] }
 * ```
 */
export const SmileCurveLike = z.object({ points: z.array(SmilePointLike) });
/** What {@link smileCurveChart} reads from smile-curve data. */
export type SmileCurveLike = z.output<typeof SmileCurveLike>;

/**
 * Options of {@link smileCurveChart}: the measure on the vertical axis (`share` of the product's value,
 * the default, or `valueAddedPerUnit`) and the shared {@link ChartOptions}.
 *
 * @example
 * ```ts
 * SmileCurveChartOptions.parse({});
 * //=> { measure: 'share' }
 * ```
 */
export const SmileCurveChartOptions = z
  .object({ measure: z.enum(['share', 'valueAddedPerUnit']).default('share'), ...ChartOptions.shape })
  .strict();
/** Options of {@link smileCurveChart}. */
export type SmileCurveChartOptions = z.input<typeof SmileCurveChartOptions>;

/**
 * A smile-curve chart: each stage's value added (share or per unit) against its position in the
 * chain from upstream to downstream, as labelled points, with the least-squares quadratic through
 * them drawn as a line (Vega-Lite's `regression` transform, `method: 'poly'`, `order: 2` — the same
 * ordinary least-squares fit as `numpy.polyfit(x, y, 2)`). A curve that opens upwards "smiles":
 * value concentrates in the upstream (R&D, design, components) and downstream (brand, marketing,
 * retail) stages rather than in assembly (the smile curve of Stan Shih, Acer, 1992; see Mudambi 2008).
 *
 * @param smile - the smile-curve data: `{ points: Array<{ stage, name?, position, valueAddedPerUnit, share }> }`
 * @param options - the measure, title and size
 * @returns a Vega-Lite v6 specification (plain JSON), a layer of points, labels and the fitted line
 * @throws {@link GvcError} `INVALID_INPUT` listing every problem with its path (`points[2].position`);
 *   `INSUFFICIENT_DATA` when fewer than three distinct positions leave the quadratic undetermined
 * @example
 * ```ts
 * const spec = smileCurveChart({ points: [
 *   { stage: 'design', position: 0, valueAddedPerUnit: 4, share: 0.4 },
 *   { stage: 'assembly', position: 1, valueAddedPerUnit: 1, share: 0.1 },
 *   { stage: 'retail', position: 2, valueAddedPerUnit: 5, share: 0.5 }] });
 * (spec.layer as unknown[]).length;
 * //=> 3
 * ```
 */
export function smileCurveChart(smile: SmileCurveLike, options: SmileCurveChartOptions = {}): VegaLiteSpec {
  const { data, options: opts } = parseChartArguments(
    'smile-curve chart',
    SmileCurveLike,
    smile,
    SmileCurveChartOptions,
    options,
  );
  const positions = new Set(data.points.map((p) => p.position));
  if (positions.size < 3) {
    throw new GvcError('INSUFFICIENT_DATA', 'cannot fit a smile curve', [
      {
        path: 'points',
        message: `expected points at three or more distinct positions, found ${positions.size}`,
      },
    ]);
  }
  const values: JsonValue[] = data.points.map((p) => ({
    stage: p.stage,
    label: p.name ?? p.stage,
    position: p.position,
    valueAddedPerUnit: p.valueAddedPerUnit,
    share: p.share,
  }));
  const y: { [key: string]: JsonValue } =
    opts.measure === 'share'
      ? { field: 'share', type: 'quantitative', title: 'Share of value added', axis: { format: '%' } }
      : { field: 'valueAddedPerUnit', type: 'quantitative', title: 'Value added per unit' };
  const x = {
    field: 'position',
    type: 'quantitative',
    title: 'Position in the chain (upstream → downstream)',
    axis: { tickMinStep: 1 },
  };
  return topLevel(
    {
      data: { values },
      layer: [
        {
          transform: [{ regression: opts.measure, on: 'position', method: 'poly', order: 2 }],
          mark: { type: 'line', color: '#888888', strokeDash: [4, 3] },
          encoding: {
            x: { field: 'position', type: 'quantitative' },
            y: { field: opts.measure, type: 'quantitative' },
          },
        },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            x,
            y,
            tooltip: [
              { field: 'label', type: 'nominal', title: 'stage' },
              { field: 'position', type: 'quantitative' },
              {
                field: 'valueAddedPerUnit',
                type: 'quantitative',
                title: 'value added per unit',
                format: ',.2f',
              },
              { field: 'share', type: 'quantitative', title: 'share', format: '.1%' },
            ],
          },
        },
        {
          mark: { type: 'text', dy: -10, fontSize: 10 },
          encoding: {
            x: { field: 'position', type: 'quantitative' },
            y: { field: opts.measure, type: 'quantitative' },
            text: { field: 'label' },
          },
        },
      ],
    },
    opts,
    { width: 480, height: 280 },
  );
}
