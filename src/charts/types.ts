import * as z from 'zod/mini';

/** A JSON value: what a Vega-Lite specification is made of. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * A Vega-Lite v6 specification as plain JSON: `$schema` names the Vega-Lite version, the rest is
 * the view (data, marks, encodings, layers). It renders as it is in Jupyter (Altair's renderer,
 * `IPython.display`), Observable (`vl.render` / `embed`), and web pages (`vega-embed`); gvckit has no
 * runtime dependency on Vega.
 *
 * The specifications gvckit's charts return are deeply frozen, like everything gvckit returns. Their
 * inline data carry `format: { type: 'json', copy: true }`, so that Vega, which tags the rows it reads
 * and writes stacking and regression fields into them, works on a copy: a frozen specification
 * renders, and rendering leaves it unchanged. To edit one, copy it first (`structuredClone(spec)`).
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', mark: 'bar' };
 * spec.$schema;
 * //=> 'https://vega.github.io/schema/vega-lite/v6.json'
 * ```
 */
export interface VegaLiteSpec {
  /** The Vega-Lite JSON Schema this specification conforms to (version 6). */
  $schema: string;
  /** The rest of the specification. */
  [key: string]: JsonValue;
}

/**
 * The URL of the Vega-Lite v6 JSON Schema, written in every specification's `$schema`.
 *
 * @example
 * ```ts
 * vegaLiteSchemaUrl;
 * //=> 'https://vega.github.io/schema/vega-lite/v6.json'
 * ```
 */
export const vegaLiteSchemaUrl = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Display names for a chart: ids and keys (stage ids, actor ids, countries, scenario names, row keys,
 * transition kinds…) mapped to the names its legends, axes, labels and tooltips show. Keys the chart
 * does not draw are allowed (so one map, such as `chainLabels(chain)`, serves every chart of a
 * chain); a key without a name is shown readably: a compound key is split at `:` and `→`, each part
 * looked up in the map on its own, and the parts joined with ` · ` (`purchases:export:ETH` →
 * `purchases · Export · ETH` when `export` is named `Export`).
 *
 * @example
 * ```ts
 * ChartLabels.parse({ 'toshiba-components': 'Toshiba (components)' });
 * //=> { 'toshiba-components': 'Toshiba (components)' }
 * ```
 */
export const ChartLabels = z.record(z.string(), z.string().check(z.minLength(1)));
/** Display names for a chart: ids and keys mapped to the names shown. */
export type ChartLabels = z.output<typeof ChartLabels>;

/**
 * Presentation options shared by every chart: a title, the size of the plotting area in pixels, and
 * display names for the ids and keys the chart draws ({@link ChartLabels}). Every chart has a title by
 * default, derived from its data; `title` replaces it.
 *
 * @example
 * ```ts
 * ChartOptions.parse({ title: 'iPhone 3G', width: 480, labels: { CHN: 'China' } });
 * //=> { title: 'iPhone 3G', width: 480, labels: { CHN: 'China' } }
 * ```
 */
export const ChartOptions = z.strictObject({
  /** The chart's title. */
  title: z.optional(z.string().check(z.minLength(1))),
  /** Width of the plotting area, in pixels. */
  width: z.optional(z.int().check(z.positive())),
  /** Height of the plotting area, in pixels. */
  height: z.optional(z.int().check(z.positive())),
  /** Display names of the ids and keys drawn (see {@link ChartLabels}). */
  labels: z.optional(ChartLabels),
});
/** Presentation options shared by every chart: what a caller may pass (every field optional). */
export type ChartOptions = z.input<typeof ChartOptions>;
