import { z } from 'zod';

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
 * Presentation options shared by every chart: a title and the size of the plotting area in pixels.
 *
 * @example
 * ```ts
 * ChartOptions.parse({ title: 'iPhone 3G', width: 480 });
 * //=> { title: 'iPhone 3G', width: 480 }
 * ```
 */
export const ChartOptions = z
  .object({
    /** The chart's title. */
    title: z.string().min(1).optional(),
    /** Width of the plotting area, in pixels. */
    width: z.number().int().positive().optional(),
    /** Height of the plotting area, in pixels. */
    height: z.number().int().positive().optional(),
  })
  .strict();
/** Presentation options shared by every chart: what a caller may pass (every field optional). */
export type ChartOptions = z.input<typeof ChartOptions>;
