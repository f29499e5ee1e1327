/**
 * Running the zod-free checks of src/core/check.ts at the boundary: {@link runCheck} gives a check's
 * output or every issue it found, and {@link checkArgument}, {@link safeCheckArgument} and
 * {@link checkOptions} report them through `safeCheck` (core/boundary.ts) as `validate`,
 * `safeValidate` and `validateOptions` do for a schema.
 *
 * @internal
 * @packageDocumentation
 */
import { safeCheck, type Validated } from './boundary.js';
import { type Check, type Checked, run } from './check-base.js';

/** Runs `check` on `input`: its output, or every issue it found. @internal */
export function runCheck<T>(check: Check<T>, input: unknown): Checked<T> {
  const p = run(check as Check<unknown>, input);
  return p.issues.length === 0
    ? { success: true, data: p.value as T }
    : { success: false, error: { issues: p.issues } };
}

/**
 * Checks the argument `name` of a public function with `check`, as `safeValidate` (core/boundary.ts)
 * parses one with its schema: the output, or a `GvcError('INVALID_INPUT', summary)` listing every
 * problem with its path rooted at `name` (`chain.stages[3].id`); never throws.
 * @internal
 */
export function safeCheckArgument<T>(
  check: Check<T>,
  value: unknown,
  name: string,
  summary?: string,
): Validated<T> {
  return safeCheck(() => runCheck(check, value), name, summary);
}

/**
 * Checks the argument `name` of a public function with `check`, as `validate` (core/boundary.ts)
 * parses one with its schema: the output, or throws one `GvcError('INVALID_INPUT', summary)` listing
 * every problem with its path rooted at `name`.
 * @internal
 */
export function checkArgument<T>(check: Check<T>, value: unknown, name: string, summary?: string): T {
  const r = safeCheckArgument(check, value, name, summary);
  if (r.success) return r.data;
  throw r.error;
}

/**
 * Checks an options argument as `validateOptions` (core/boundary.ts) parses one with its schema:
 * `undefined` and `null` mean "no options" (the defaults); otherwise the output, or one
 * `GvcError('INVALID_INPUT', 'invalid <name>')` listing every problem under `name` (`options.depth`).
 * @internal
 */
export function checkOptions<T>(check: Check<T>, value: unknown, name = 'options'): T {
  return checkArgument(check, value ?? {}, name, `invalid ${name}`);
}
