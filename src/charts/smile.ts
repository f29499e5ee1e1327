import * as z from 'zod/mini';
import type { QuadraticFit, SmileCurve, SmilePosition } from '../chains/index.js';
import { safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';
import { displayName, formatAmount, formatShare, wrapText } from './labels.js';
import { checkArguments, extent, finish, inlineData, niceExtent, topLevel } from './spec.js';
import { ChartOptions, type JsonValue, type VegaLiteSpec } from './types.js';

/**
 * The structural check of a {@link SmilePosition} (`smileCurve` builds no schema of its result): the
 * position, the value added, the share and the stages; other fields are ignored.
 */
const chartedPosition = z.object({
  position: z.number(),
  valueAdded: z.number(),
  share: z.number(),
  stages: z.array(z.string().check(z.minLength(1))),
}) satisfies z.core.$ZodType<SmilePosition>;

/** What {@link smileCurveChart} reads of a {@link QuadraticFit}: its coefficients and R² (for the subtitle). */
const chartedFit = z.object({
  a: z.number(),
  b: z.number(),
  c: z.number(),
  rSquared: z.number(),
}) satisfies z.core.$ZodType<Pick<QuadraticFit, 'a' | 'b' | 'c' | 'rSquared'>>;

/**
 * What {@link smileCurveChart} reads of a {@link SmileCurve}: the value added by position, the
 * currency and, when present, the fitted quadratic (shown in the subtitle). Other fields are ignored.
 */
const chartedSmileCurve = z.object({
  currency: z.optional(z.string().check(z.minLength(1))),
  byPosition: z.array(chartedPosition),
  fit: z.optional(z.nullable(chartedFit)),
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
export const SmileCurveChartOptions = z.strictObject({
  measure: z._default(z.enum(['share', 'valueAdded']), 'share'),
  ...ChartOptions.shape,
});
/** Options of {@link smileCurveChart}. */
export type SmileCurveChartOptions = z.input<typeof SmileCurveChartOptions>;

const round = (x: number, digits: number) => Number(x.toPrecision(digits));
const signed = (x: number) => `${x < 0 ? '−' : '+'} ${Math.abs(round(x, 3))}`;

/**
 * A smile-curve chart: the value added at each position of a chain, from upstream to downstream, as
 * points labelled with their stages (the first and a count when there are more than two), and the
 * least-squares quadratic through them as a dashed line
 * (Vega-Lite's `regression` transform, `method: 'poly'`, `order: 2`: the same ordinary least-squares
 * fit as `numpy.polyfit(x, y, 2)` and as `smileCurve`'s `fit` when the measure is the share). A curve
 * that opens upwards "smiles": value concentrates upstream (R&D, design, components) and downstream
 * (brand, marketing, retail) rather than in assembly — the smile curve of Stan Shih (Acer, early
 * 1990s), as used by Mudambi (2008).
 *
 * Each label gives the stages' names (through `labels`, e.g. `chainLabels(chain)`), wrapped to the
 * room between positions, and the point's value (`34.5%`, or `$172.46` with the `valueAdded` measure);
 * the axes leave room for the labels, so none runs into an axis or a neighbour.
 *
 * **Fit statistics, honestly.** A quadratic has three parameters: through three points (or fewer
 * distinct positions than four) it passes exactly, R² = 1 by construction, and says nothing about
 * how well a smile describes the chain. The subtitle then says `exact fit through 3 points: the curve
 * is determined, not estimated` and gives no R²; with n > 3 positions it gives `R² = …, n = …`. The
 * same is in `spec.usermeta.fit`: `{ n, parameters: 3, determined, rSquared (null when determined),
 * smiles }` (or `null` without a fit).
 *
 * @param smile - smile-curve data (`smileCurve(chain)`, of which the chart reads `byPosition` and, when
 *   present, `currency` and `fit`): `{ byPosition: Array<{ position, valueAdded, share, stages }>, currency?, fit? }`
 * @param options - the measure, title, size and display names (`labels`)
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
 * spec.usermeta;
 * //=> { fit: null }
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
  const names = opts.labels;
  const currencyCode = data.currency;
  const valueText = (p: { valueAdded: number; share: number }) =>
    opts.measure === 'share'
      ? formatShare(p.share)
      : currencyCode === undefined
        ? p.valueAdded.toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 })
        : formatAmount(p.valueAdded, currencyCode);
  // Room for the labels: the x scale reaches half a position beyond the first and last points (a
  // label centred on an end point stays inside the plot, clear of the y axis), each label is no wider
  // than the space between two positions (wrapped onto lines), and the y scale leaves room above the
  // highest point for the lines of its label.
  const width = opts.width ?? 480;
  const height = opts.height ?? 280;
  const [xMin, xMax] = extent(positions);
  const perPosition = width / (xMax - xMin + 1);
  const limit = Math.max(24, Math.min(160, Math.floor(perPosition) - 6));
  const stageNames = (p: { stages: string[] }) => p.stages.map((s) => displayName(s, names));
  const values: JsonValue[] = data.byPosition.map((p) => {
    const named = stageNames(p);
    const lines =
      named.length > 2
        ? [...wrapText(named[0] ?? '', limit, 10, 2), `and ${named.length - 1} more`]
        : wrapText(named.join(', '), limit, 10, 3);
    return {
      position: p.position,
      valueAdded: p.valueAdded,
      share: p.share,
      label: p.stages.length > 2 ? `${p.stages[0]} and ${p.stages.length - 1} more` : p.stages.join(', '),
      stages: p.stages.join(', '),
      stageNames: named.join(', '),
      text: [...lines, valueText(p)],
    };
  });
  const currency = data.currency ? ` (${data.currency})` : '';
  const [lowest, highest] = extent(
    data.byPosition.map((p) => (opts.measure === 'share' ? p.share : p.valueAdded)),
  );
  const yLo = Math.min(0, lowest);
  const yHi = Math.max(0, highest);
  // 10 px above the point, up to four lines of 11 px, and a margin
  let lineCount = 1;
  for (const v of values) lineCount = Math.max(lineCount, (v as { text: string[] }).text.length);
  const room = 14 + 11 * lineCount;
  const yTop = yHi + ((yHi - yLo) * room) / Math.max(1, height - room);
  const yDomain = niceExtent(yLo, yTop);
  const yScale: { [key: string]: JsonValue } = yDomain === null ? {} : { domain: yDomain, nice: false };
  // Vega draws the lines of a text downwards from its first: each label's anchor is raised by its
  // extra lines (in data units: the y scale is explicit, so a pixel is a known amount) to end 10 px
  // above its point.
  const perPixel = yDomain === null ? 0 : (yDomain[1] - yDomain[0]) / height;
  for (const v of values as Array<{ [key: string]: JsonValue } & { text: string[] }>) {
    const at = Number(opts.measure === 'share' ? v.share : v.valueAdded);
    v.labelY = at + (10 + 11 * (v.text.length - 1)) * perPixel;
  }
  const xDomain = niceExtent(0, xMax - xMin + 1) === null ? null : [xMin - 0.5, xMax + 0.5];
  const y: { [key: string]: JsonValue } =
    opts.measure === 'share'
      ? {
          field: 'share',
          type: 'quantitative',
          title: 'Share of the final value',
          axis: { format: '%' },
          scale: yScale,
        }
      : {
          field: 'valueAdded',
          type: 'quantitative',
          title: `Value added per unit of the product${currency}`,
          scale: yScale,
        };
  const x = {
    field: 'position',
    type: 'quantitative',
    title: 'Position in the chain (upstream → downstream)',
    axis: { tickMinStep: 1 },
    scale: xDomain === null ? {} : { domain: xDomain, nice: false },
  };
  const spec = topLevel(
    {
      data: inlineData(values),
      layer: [
        {
          transform: [{ regression: opts.measure, on: 'position', method: 'poly', order: 2 }],
          mark: { type: 'line', color: '#888888', strokeDash: [4, 3], clip: true },
          encoding: { x, y },
        },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            x,
            y,
            tooltip: [
              { field: 'stageNames', type: 'nominal', title: 'stages' },
              { field: 'position', type: 'quantitative' },
              { field: 'valueAdded', type: 'quantitative', title: `value added${currency}`, format: ',.2f' },
              { field: 'share', type: 'quantitative', title: 'share', format: '.1%' },
            ],
          },
        },
        {
          mark: {
            type: 'text',
            dy: yDomain === null ? -10 : 0,
            baseline: 'bottom',
            fontSize: 10,
            lineHeight: 11,
            limit,
            aria: false,
          },
          encoding: { x, y: { ...y, field: 'labelY' }, text: { field: 'text' } },
        },
      ],
    },
    opts,
    { width: 480, height: 280 },
  );
  const n = positions.size;
  const determined = n <= 3;
  const fitNote = data.fit
    ? {
        n,
        parameters: 3,
        determined,
        rSquared: determined ? null : data.fit.rSquared,
        smiles: data.fit.a > 0,
      }
    : null;
  if (data.fit) {
    const { a, b, c, rSquared } = data.fit;
    const equation = `share = ${round(a, 3)}·x² ${signed(b)}·x ${signed(c)}`;
    const statistic = determined
      ? `exact fit through ${n} points: the curve is determined, not estimated`
      : `R² = ${round(rSquared, 3)}, n = ${n}`;
    const verdict = a > 0 ? (determined ? '; it opens upwards (smiles)' : ': the curve smiles') : '';
    spec.title = { text: opts.title ?? 'Smile curve', subtitle: `${equation}, ${statistic}${verdict}` };
  } else {
    spec.title = opts.title ?? 'Smile curve';
  }
  spec.usermeta = { fit: fitNote };
  return finish(spec);
}
