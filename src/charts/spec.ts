import type * as z from 'zod/mini';
import { IssueList, type Validated } from '../core/boundary.js';
import { deepFreeze } from '../core/freeze.js';
import { type ChartOptions, type JsonValue, type VegaLiteSpec, vegaLiteSchemaUrl } from './types.js';

type Data<T> = Extract<T, { success: true }> extends { data: infer D } ? D : never;

/**
 * Gathers the validations of a chart's arguments (`safeValidate(schema, value, 'argName')` of the
 * boundary, paths rooted at each argument's name) and throws one `GvcError('INVALID_INPUT')` listing
 * every problem of all of them together; otherwise returns their data, in order.
 *
 * @internal
 */
export function checkArguments<const R extends ReadonlyArray<Validated<unknown>>>(
  what: string,
  results: R,
): { -readonly [K in keyof R]: Data<R[K]> } {
  const issues = new IssueList();
  const data: unknown[] = [];
  for (const r of results) {
    if (r.success) data.push(r.data);
    else issues.addAll(r.error.issues);
  }
  issues.throwIfAny(`invalid ${what}`);
  return data as { -readonly [K in keyof R]: Data<R[K]> };
}

/**
 * Inline data of a specification. The rows are frozen with the rest of the specification, and Vega
 * tags each row it ingests (and its stack and regression transforms write into them), which a frozen
 * row refuses: `format: { type: 'json', copy: true }` makes Vega read a copy of the rows, so a frozen
 * specification renders, and rendering leaves it unchanged. Vega-Lite passes the format on to Vega as
 * it is (`copy` is a Vega option that Vega-Lite's JSON Schema does not list).
 *
 * @internal
 */
export function inlineData(values: JsonValue[]): { [key: string]: JsonValue } {
  return { values, format: { type: 'json', copy: true } };
}

/**
 * Wraps a view in a top-level specification with `$schema`, title and size.
 *
 * @internal
 */
export function topLevel(
  view: { [key: string]: JsonValue },
  layout: Pick<z.output<typeof ChartOptions>, 'title' | 'width' | 'height'>,
  defaults: { width: number; height: number },
): VegaLiteSpec {
  const spec: VegaLiteSpec = { $schema: vegaLiteSchemaUrl };
  if (layout.title !== undefined) spec.title = layout.title;
  spec.width = layout.width ?? defaults.width;
  spec.height = layout.height ?? defaults.height;
  return { ...spec, ...view };
}

/**
 * Freezes a finished specification deeply (the library's one immutability rule) and returns it.
 *
 * @internal
 */
export function finish(spec: VegaLiteSpec): VegaLiteSpec {
  return deepFreeze(spec);
}

/**
 * A round extent covering `[lo, hi]` (and zero) for a quantitative scale drawn with `nice: false`:
 * the ends rounded outwards to a multiple of a fifth of the range's power of ten, so the axis ends on
 * a tick and the chart knows the exact pixel scale (to decide which value labels fit). `[0, 1]` when
 * the extent is empty; `null` when it is not finite in double precision (the chart then leaves the
 * scale to Vega).
 *
 * @internal
 */
export function niceExtent(lo: number, hi: number): [number, number] | null {
  const a = Math.min(0, lo);
  const b = Math.max(0, hi);
  const range = b - a;
  if (!Number.isFinite(range)) return null;
  if (!(range > 0)) return [0, 1];
  const step = 10 ** Math.floor(Math.log10(range)) / 5;
  const tidy = (x: number) => Number(x.toPrecision(12));
  const lower = tidy(Math.floor(tidy(a / step)) * step);
  const upper = tidy(Math.ceil(tidy(b / step)) * step);
  return Number.isFinite(lower) && Number.isFinite(upper) && upper > lower ? [lower, upper] : null;
}

/**
 * The smallest and largest of some numbers, in one pass (no spread of a long list into `Math.min`).
 *
 * @internal
 */
export function extent(values: Iterable<number>): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
