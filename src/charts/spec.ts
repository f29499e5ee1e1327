import type { z } from 'zod';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { fromZodIssues } from '../core/issues.js';
import { type JsonValue, type VegaLiteSpec, vegaLiteSchemaUrl } from './types.js';

/**
 * Parses a chart's data and options together and throws one `GvcError('INVALID_INPUT')` listing every
 * problem of both; option paths are prefixed with `options`.
 *
 * @internal
 */
export function parseChartArguments<D extends z.ZodType, O extends z.ZodType>(
  what: string,
  dataSchema: D,
  data: unknown,
  optionsSchema: O,
  options: unknown,
): { data: z.output<D>; options: z.output<O> } {
  const d = dataSchema.safeParse(data);
  const o = optionsSchema.safeParse(options);
  const issues: GvcIssue[] = [];
  if (!d.success) issues.push(...fromZodIssues(d.error.issues));
  if (!o.success) {
    for (const issue of fromZodIssues(o.error.issues)) {
      const path =
        issue.path === '' ? 'options' : `options${issue.path.startsWith('[') ? '' : '.'}${issue.path}`;
      issues.push({ path, message: issue.message });
    }
  }
  if (!d.success || !o.success) throw new GvcError('INVALID_INPUT', `invalid ${what}`, issues);
  return { data: d.data, options: o.data };
}

/**
 * Throws one `GvcError('INVALID_INPUT')` when a chart's cross-field checks found problems.
 *
 * @internal
 */
export function throwIfIssues(what: string, issues: GvcIssue[]): void {
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', `invalid ${what}`, issues);
}

/**
 * Wraps a view in a top-level specification with `$schema`, title and size.
 *
 * @internal
 */
export function topLevel(
  view: { [key: string]: JsonValue },
  layout: { title?: string | undefined; width?: number | undefined; height?: number | undefined },
  defaults: { width: number; height: number },
): VegaLiteSpec {
  const spec: VegaLiteSpec = { $schema: vegaLiteSchemaUrl };
  if (layout.title !== undefined) spec.title = layout.title;
  spec.width = layout.width ?? defaults.width;
  spec.height = layout.height ?? defaults.height;
  return { ...spec, ...view };
}
