import type { z } from 'zod';
import type { GvcIssue } from './errors.js';

/**
 * Formats a path (as zod reports it) in JavaScript accessor notation: `stages[3].inputs[0].stage`.
 *
 * @internal
 */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Converts zod's issues into gvckit's `{ path, message }` form.
 *
 * @internal
 */
export function fromZodIssues(issues: ReadonlyArray<z.core.$ZodIssue>): GvcIssue[] {
  return issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
