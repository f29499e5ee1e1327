import type { GvcIssue } from './schema.js';

export type { GvcIssue } from './schema.js';

/**
 * The codes a {@link GvcError} can carry.
 *
 * - `INVALID_INPUT`: input failed validation; `issues` lists every problem with its path.
 * - `ACCOUNTING_MISMATCH`: an accounting identity (parts summing to a total) failed beyond tolerance.
 * - `NOT_FOUND`: a referenced id (stage, actor, country, sector) does not exist.
 * - `INSUFFICIENT_DATA`: too few observations for the requested computation.
 * - `SINGULAR_MATRIX`: a matrix that must be inverted is singular or numerically so.
 * - `UNSUPPORTED`: the requested operation is not defined for this input.
 */
export type GvcErrorCode =
  | 'INVALID_INPUT'
  | 'ACCOUNTING_MISMATCH'
  | 'NOT_FOUND'
  | 'INSUFFICIENT_DATA'
  | 'SINGULAR_MATRIX'
  | 'UNSUPPORTED';

/**
 * The most problems one {@link GvcError} lists; past it, one last issue says "and N more problems".
 * A check over a huge input stops recording there, so an error stays small whatever the input.
 *
 * @example
 * ```ts
 * new GvcError('INVALID_INPUT', 'invalid rows', Array.from({ length: 250 }, (_, i) => ({ path: `rows[${i}]`, message: 'bad' })))
 *   .issues.at(-1);
 * //=> { path: '', message: 'and 150 more problems' }
 * ```
 */
export const MAX_REPORTED_ISSUES = 100;

/** The brand every `GvcError` carries, shared by the ESM and CommonJS copies of the library. */
const GVC_ERROR_BRAND = Symbol.for('gvckit.GvcError');

/**
 * The one error class of gvckit. Every function that rejects its input throws a `GvcError` whose
 * `code` says what kind of failure it is and whose `issues` list every problem found, each with
 * its path.
 *
 * @example
 * ```ts
 * try {
 *   throw new GvcError('INVALID_INPUT', 'invalid value chain', [
 *     { path: 'stages[3].inputs[0].stage', message: 'unknown stage "grind"' },
 *   ]);
 * } catch (e) {
 *   (e as GvcError).message;
 *   //=> 'invalid value chain: stages[3].inputs[0].stage: unknown stage "grind"'
 * }
 * ```
 */
export class GvcError extends Error {
  /** The kind of failure. */
  readonly code: GvcErrorCode;
  /** Every problem found, each with its path; may be empty for failures that are not about one input field. */
  readonly issues: GvcIssue[];

  /**
   * @param code - the kind of failure
   * @param summary - a short statement of what failed, without a trailing period
   * @param issues - every problem found, each with its path
   */
  constructor(code: GvcErrorCode, summary: string, issues: GvcIssue[] = []) {
    const capped =
      issues.length > MAX_REPORTED_ISSUES + 1
        ? [
            ...issues.slice(0, MAX_REPORTED_ISSUES),
            { path: '', message: `and ${issues.length - MAX_REPORTED_ISSUES} more problems` },
          ]
        : issues;
    super(formatMessage(summary, capped));
    this.name = 'GvcError';
    this.code = code;
    this.issues = capped;
    Object.defineProperty(this, GVC_ERROR_BRAND, { value: true });
  }

  /**
   * Makes `value instanceof GvcError` true for an error made by either copy of the library (the
   * ESM build and the CommonJS build are two classes when an application loads both).
   *
   * @param value - anything
   * @returns whether `value` carries the `GvcError` brand
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(value);
  }
}

/** The message of a `GvcError`: the summary, then its issues (one on the same line, several below). */
function formatMessage(summary: string, issues: GvcIssue[]): string {
  if (issues.length === 0) return summary;
  const lines = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  return issues.length === 1 ? `${summary}: ${lines[0]}` : `${summary}:\n  ${lines.join('\n  ')}`;
}

/**
 * Tells whether a value is a {@link GvcError}, optionally with a given code. It recognises errors
 * from both the ESM and the CommonJS copy of gvckit by a brand (`Symbol.for('gvckit.GvcError')`),
 * not by `instanceof` on one copy's class.
 *
 * @param value - anything caught
 * @param code - the code to match, if any
 * @throws never
 * @returns `true` when `value` is a `GvcError` (with that code, when given)
 * @example
 * ```ts
 * isGvcError(new GvcError('NOT_FOUND', 'no stage "x"'), 'NOT_FOUND');
 * //=> true
 * ```
 */
export function isGvcError(value: unknown, code?: GvcErrorCode): value is GvcError {
  return isBranded(value) && (code === undefined || (value as GvcError).code === code);
}

function isBranded(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[GVC_ERROR_BRAND] === true
  );
}
