/**
 * Boundary helpers of the linkage functions, on top of `core/boundary.ts`: several arguments checked
 * together (one error listing the problems of all of them), value chains parsed through chains'
 * public surface with paths rooted at the argument's name, and guards against non-finite results.
 *
 * @internal
 * @packageDocumentation
 */
import type * as z from 'zod/mini';
import { safeParseValueChain, type ValueChain } from '../chains/index.js';
import { IssueList, safeValidate } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';

/** One argument to check: its schema, its value, its name (the root of its paths). */
export type ArgumentCheck = readonly [schema: z.core.$ZodType, value: unknown, name: string];

/**
 * Checks several arguments with their schemas and throws one `GvcError('INVALID_INPUT', summary)`
 * listing the problems of all of them (paths rooted at each argument's name), or returns the parsed
 * values in order. An argument named `options` that is `undefined` or `null` means "no options".
 *
 * @internal
 */
export function validateArguments<const A extends ReadonlyArray<ArgumentCheck>>(
  summary: string,
  ...checks: A
): { [K in keyof A]: z.output<A[K][0]> } {
  const issues = new IssueList();
  const out: unknown[] = [];
  for (const [schema, value, name] of checks) {
    const v = name === 'options' ? (value ?? {}) : value;
    const r = safeValidate(schema, v, name, summary);
    if (r.success) out.push(r.data);
    else issues.addAll(r.error.issues);
  }
  issues.throwIfAny(summary);
  return out as { [K in keyof A]: z.output<A[K][0]> };
}

/**
 * Parses a value chain through chains' public `safeParseValueChain`, adding its problems to `issues`
 * with paths rooted at `root` (`chains[1].stages[0].output.unitPrice`); returns `undefined` when it is
 * invalid. Whatever the parse throws that is not a `GvcError` is reported at `root`.
 *
 * @internal
 */
export function parseChainInto(value: unknown, root: string, issues: IssueList): ValueChain | undefined {
  return issues.take(safeParseValueChain(value), root);
}

/**
 * Throws `GvcError('UNSUPPORTED')` when a computed number is not finite: finite inputs whose sums or
 * products leave double precision (values near 1.8e308).
 *
 * @internal
 */
export function requireFinite(values: ReadonlyArray<number>, summary: string, path: string): void {
  for (const v of values) {
    if (!Number.isFinite(v)) {
      throw new GvcError('UNSUPPORTED', summary, [
        {
          path,
          message: `expected values whose sums stay within double precision (below 1.8e308), found a result of ${String(v)}`,
        },
      ]);
    }
  }
}

/** The summary a `GvcError` was made with: its message without the issue lines. */
function summaryOf(e: GvcError): string {
  const lines = e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const suffix =
    lines.length === 0 ? '' : lines.length === 1 ? `: ${lines[0]}` : `:\n  ${lines.join('\n  ')}`;
  return e.message.endsWith(suffix) ? e.message.slice(0, e.message.length - suffix.length) : e.message;
}

/**
 * Re-roots the paths of an error thrown by a function of another folder that was given one of our
 * arguments: paths rooted at `from` (`chain.stages[0]`) or relative (`stages[0]`) move under `to`
 * (`chains[1].stages[0]`). An error without issues gets one at `to` carrying its message. Anything
 * that is not a `GvcError` is returned unchanged.
 *
 * @internal
 */
export function rerootError(e: unknown, from: string, to: string): unknown {
  if (!(e instanceof GvcError)) return e;
  if (e.issues.length === 0)
    return new GvcError(e.code, 'cannot decompose the value chain', [{ path: to, message: e.message }]);
  const issues = new IssueList();
  for (const issue of e.issues) {
    let rest = issue.path;
    if (rest === from) rest = '';
    else if (rest.startsWith(`${from}.`)) rest = rest.slice(from.length + 1);
    else if (rest.startsWith(`${from}[`)) rest = rest.slice(from.length);
    issues.add(
      issue.path === '' && issue.message.startsWith('and ') ? '' : rootedJoin(to, rest),
      issue.message,
    );
  }
  return new GvcError(e.code, summaryOf(e), issues.issues());
}

function rootedJoin(root: string, rest: string): string {
  if (rest === '') return root;
  return rest.startsWith('[') ? root + rest : `${root}.${rest}`;
}
