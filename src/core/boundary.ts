/**
 * The one boundary through which every public function validates its arguments and options.
 *
 * - {@link validate} parses one argument with its zod schema and throws one `GvcError('INVALID_INPUT')`
 *   listing every problem, each path rooted at the argument's name (`chain.stages[3].inputs[0].stage`,
 *   `options.depth`);
 * - {@link validateOptions} does the same for an options object, where `undefined` and `null` mean
 *   "no options";
 * - {@link IssueList} collects the problems a schema cannot see (unknown references, duplicates,
 *   sizes) in the same form, and throws them together;
 * - {@link preview} and {@link quote} describe a found value in a message without ever serialising
 *   it whole: a bigint, a cycle, a 1 MiB string or 10,000 levels of nesting give a short, safe text.
 *
 * Messages say what was expected, then what was found, without a trailing period. Whatever zod or a
 * check throws that is not a `GvcError` (a getter that throws, a stack overflow on pathological
 * input) is reported as an issue of the argument, never passed on raw.
 *
 * @internal
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { GvcError, type GvcErrorCode, type GvcIssue, MAX_REPORTED_ISSUES } from './errors.js';
import { formatPath, gvcParseParams } from './issues.js';
import { preview } from './preview.js';
import type { SafeParseResult } from './result.js';

export { preview, quote } from './preview.js';

/** Joins a root name and a zod path: `chain` + `['stages', 3]` → `chain.stages[3]`. */
export function rootedPath(root: string, path: ReadonlyArray<PropertyKey>): string {
  return under(root, formatPath(path));
}

/** Puts a formatted path under a root name: `chain` + `stages[3]` → `chain.stages[3]`. */
function under(root: string, rest: string): string {
  if (root === '') return rest;
  if (rest === '') return root;
  return rest.startsWith('[') ? `${root}${rest}` : `${root}.${rest}`;
}

/**
 * Collects problems found in one or more arguments, then throws them together as one `GvcError`.
 * Stops recording past {@link MAX_REPORTED_ISSUES} (the error adds "and N more"), so a check over
 * a huge input stays bounded.
 *
 * @internal
 */
export class IssueList {
  private readonly list: GvcIssue[] = [];
  private extra = 0;

  /** Records one problem at `path` (already rooted at the argument's name). */
  add(path: string, message: string): void {
    if (this.list.length < MAX_REPORTED_ISSUES) this.list.push({ path, message });
    else this.extra++;
  }

  /** Records problems already in `{ path, message }` form, prefixing their paths with `root`. */
  addAll(issues: ReadonlyArray<GvcIssue>, root = ''): void {
    for (const i of issues) this.add(under(root, i.path), i.message);
  }

  /**
   * The data of a validation (a `safeValidate` or `safeParse…` result), or `undefined` after
   * recording its problems with their paths prefixed by `root`: several arguments are checked
   * before one error lists every problem.
   */
  take<T>(result: Validated<T>, root = ''): T | undefined {
    if (result.success) return result.data;
    this.addAll(result.error.issues, root);
    return undefined;
  }

  /**
   * Runs a check that throws a `GvcError` on bad input (a `validate…` call, a list parser), and
   * returns its result, or `undefined` after recording the error's issues; anything else it throws
   * is passed on. Several arguments are then checked before one error lists every problem.
   */
  attempt<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof GvcError)) throw e;
      this.addAll(e.issues);
      return undefined;
    }
  }

  /** How many problems have been recorded, counting those past the cap. */
  get size(): number {
    return this.list.length + this.extra;
  }

  /** The recorded problems (at most {@link MAX_REPORTED_ISSUES}, then one "and N more"). */
  issues(): GvcIssue[] {
    return this.extra > 0
      ? [...this.list, { path: '', message: `and ${this.extra} more problem${this.extra === 1 ? '' : 's'}` }]
      : [...this.list];
  }

  /** Throws one `GvcError` with every recorded problem, if there is any. */
  throwIfAny(summary: string, code: GvcErrorCode = 'INVALID_INPUT'): void {
    if (this.size > 0) throw new GvcError(code, summary, this.issues());
  }
}

/**
 * A successful or failed validation: the same type as the `safeParse…` functions return.
 *
 * @internal
 */
export type Validated<T> = SafeParseResult<T>;

/**
 * A problem found by a check, with its path as zod reports paths (an array of keys).
 *
 * @internal
 */
export interface PathIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/**
 * The result of a check run by {@link safeCheck} (the form of zod's `safeParse` result): the data,
 * or every problem with its zod-style path.
 *
 * @internal
 */
export type CheckResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: ReadonlyArray<PathIssue> } };

/**
 * What a check of the argument `name` threw, as the boundary reports it: a `GvcError` as it is;
 * anything else (a getter that throws, a revoked proxy, a stack overflow on pathological nesting)
 * one `INVALID_INPUT` problem at `name`, never passed on raw.
 *
 * @internal
 */
export function unreadableInput(e: unknown, name: string, summary: string): GvcError {
  if (e instanceof GvcError) return e;
  const why =
    e instanceof RangeError ? 'a value nested too deeply to check' : 'a value that could not be read';
  return new GvcError('INVALID_INPUT', summary, [
    { path: name, message: `expected plain data, found ${why}` },
  ]);
}

/**
 * Runs a check of the argument `name` (a zod parse, or a check of gvckit's own that lists its
 * problems with zod-style paths) and reports every problem with its path rooted at `name`; never
 * throws. Whatever the check throws that is not a `GvcError` is reported at `name`.
 *
 * @internal
 */
export function safeCheck<T>(
  check: () => CheckResult<T>,
  name: string,
  summary = `invalid ${name || 'input'}`,
): Validated<T> {
  let result: CheckResult<T>;
  try {
    result = check();
  } catch (e) {
    return { success: false, error: unreadableInput(e, name, summary) };
  }
  if (result.success) return { success: true, data: result.data };
  const issues = new IssueList();
  for (const issue of result.error.issues) issues.add(rootedPath(name, issue.path), issue.message);
  return { success: false, error: new GvcError('INVALID_INPUT', summary, issues.issues()) };
}

/**
 * Parses `value` with `schema`, reporting every problem with its path rooted at `name`; never
 * throws. Whatever the schema's checks throw is caught and reported at `name`.
 *
 * @internal
 */
export function safeValidate<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  name: string,
  summary?: string,
): Validated<z.output<S>> {
  return safeCheck(
    () => z.safeParse(schema, value, gvcParseParams()) as CheckResult<z.output<S>>,
    name,
    summary,
  );
}

/**
 * Parses one argument of a public function with its schema, or throws one
 * `GvcError('INVALID_INPUT', summary)` listing every problem, each path rooted at `name`
 * (`chain.stages[3].output.unitPrice`).
 *
 * @internal
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  name: string,
  summary?: string,
): z.output<S> {
  const r = safeValidate(schema, value, name, summary);
  if (r.success) return r.data;
  throw r.error;
}

/**
 * Parses an options argument: `undefined` and `null` mean "no options" (the schema's defaults);
 * anything else must match the schema, with paths under `name` (`options.depth`).
 *
 * @internal
 */
export function validateOptions<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  name = 'options',
): z.output<S> {
  return validate(schema, value ?? {}, name, `invalid ${name}`);
}

/**
 * Checks that an argument is a function (callbacks such as an edit recipe or a row key), or throws
 * `GvcError('INVALID_INPUT')` at `name`.
 *
 * @internal
 */
export function validateFunction<F extends (...args: never[]) => unknown>(value: unknown, name: string): F {
  if (typeof value !== 'function') {
    throw new GvcError('INVALID_INPUT', `invalid ${name}`, [
      { path: name, message: `expected a function, found ${preview(value)}` },
    ]);
  }
  return value as F;
}
