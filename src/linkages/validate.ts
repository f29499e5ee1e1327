import type { z } from 'zod';
import { GvcError, type GvcIssue } from '../core/errors.js';
import { fromZodIssues, gvcParseParams } from '../core/issues.js';

/**
 * Parses `input` with `schema`; on failure appends its issues (paths prefixed by `prefix` when given,
 * e.g. `options`) to `issues` and returns `undefined`.
 *
 * @internal
 */
export function collect<S extends z.ZodType>(
  schema: S,
  input: unknown,
  issues: GvcIssue[],
  prefix?: string,
): z.output<S> | undefined {
  const result = schema.safeParse(input, gvcParseParams());
  if (result.success) return result.data;
  issues.push(...fromZodIssues(result.error.issues, prefix || undefined));
  return undefined;
}

/**
 * Throws one `GvcError('INVALID_INPUT')` with `summary` when `issues` is not empty.
 *
 * @internal
 */
export function throwIfIssues(summary: string, issues: readonly GvcIssue[]): void {
  if (issues.length > 0) throw new GvcError('INVALID_INPUT', summary, [...issues]);
}

/**
 * Parses a function's data and options together, reporting the problems of both in one `GvcError`.
 *
 * @internal
 */
export function parseArguments<D extends z.ZodType, O extends z.ZodType>(
  summary: string,
  dataSchema: D,
  data: unknown,
  optionsSchema: O,
  options: unknown,
  dataPrefix?: string,
): { data: z.output<D>; options: z.output<O> } {
  const issues: GvcIssue[] = [];
  const d = collect(dataSchema, data, issues, dataPrefix);
  const o = collect(optionsSchema, options ?? {}, issues, 'options');
  throwIfIssues(summary, issues);
  return { data: d as z.output<D>, options: o as z.output<O> };
}
