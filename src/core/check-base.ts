/**
 * The types and the few helpers of the zod-free checks (src/core/check.ts, which re-exports the
 * types): what a check reads and writes, and how it records an issue as zod would.
 *
 * @internal
 * @packageDocumentation
 */
import { gvcErrorMap, type RawIssue } from './issues.js';

/**
 * One problem found by a check: zod's code, path (an array of keys) and message, and whether later
 * checks may still run (`continue`, as zod's raw issues carry it).
 * @internal
 */
export interface CheckIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  continue?: boolean | undefined;
}

/**
 * What a check reads and writes: the value (replaced by the output as the check goes) and the
 * issues found so far.
 * @internal
 */
export interface Payload {
  value: unknown;
  issues: CheckIssue[];
}

/** A message of a schema's own, given the raw issue (zod's `error` parameter). @internal */
export type ErrorFn = (iss: RawIssue) => string;

/**
 * A check whose output is `T`: a function of a payload that returns the payload of its result
 * (a union returns the payload of the option it keeps), with zod's `optin`/`optout` markers of
 * optional and defaulted fields.
 * @internal
 */
export interface Check<T> {
  (p: Payload): Payload;
  /** `optional` or `defaulted` when the field may be absent (zod's `optin`). */
  optin?: 'optional' | 'defaulted';
  /** `optional` when the output may be `undefined` (zod's `optout`). */
  optout?: 'optional';
  /** The values a literal or enum accepts (zod's `values`), read by discriminated unions. */
  values?: ReadonlyArray<unknown> | undefined;
  /** An object's fields, read by discriminated unions. */
  shape?: Shape;
  /** The output type, for inference only. */
  readonly _out?: T;
}

/**
 * A refinement run after a check's own parse (zod's `.check(…)`): `when` makes it run whenever no
 * issue explicitly aborted (zod's `minLength`), otherwise it runs only when every issue so far is
 * continuable.
 * @internal
 */
export interface Refinement<T> {
  (p: Payload & { value: T }): void;
  when?: (p: Payload) => boolean;
}

/** The fields of an object check. @internal */
export type Shape = Record<string, Check<unknown>>;

/** The output type of a check. @internal */
export type Out<C> = C extends Check<infer T> ? T : never;

type OptionalKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends { optout?: 'optional' } & OptionalMark ? K : never;
}[keyof S];
export interface OptionalMark {
  readonly _optional: true;
}
type Flat<T> = { [K in keyof T]: T[K] };
/** The output of an object check: zod's, optional fields as `k?: T | undefined`. @internal */
export type ObjectOut<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Out<S[K]> } & { [K in OptionalKeys<S>]?: Out<S[K]> }
>;

/**
 * The result of {@link runCheck}: the output, or every issue (with its zod code) in zod's order.
 * @internal
 */
export type Checked<T> = { success: true; data: T } | { success: false; error: { issues: CheckIssue[] } };

/** Records an issue phrased by `error`, else by gvckit's error map. @internal */
export function add(p: Payload, iss: RawIssue & { code: string }, error?: ErrorFn, cont?: boolean): void {
  p.issues.push({ code: iss.code, path: [], message: (error ?? gvcErrorMap)(iss), continue: cont });
}

/** Whether an issue from `from` on stops checks without `when` (zod's `aborted`). @internal */
export const aborted = (p: Payload, from: number): boolean =>
  p.issues.slice(from).some((i) => i.continue !== true);

/** A check of a type: `test` accepts the value, else an `invalid_type` issue (zod's parse). @internal */
export function type<T>(expected: string, test: (v: unknown) => boolean, error?: ErrorFn): Check<T> {
  return (p) => {
    const input = p.value;
    if (test(input)) return p;
    // zod's number names NaN and ±Infinity in `received` (the only numbers it rejects)
    const received = expected === 'number' && typeof input === 'number' ? String(input) : undefined;
    add(
      p,
      received
        ? { code: 'invalid_type', expected, input, received }
        : { code: 'invalid_type', expected, input },
      error,
    );
    return p;
  };
}

/** Runs `check` on `value` in a payload of its own. @internal */
export const run = (check: Check<unknown>, value: unknown): Payload => check({ value, issues: [] });

/** Moves `from`'s issues into `p`, their paths under `key`. @internal */
export function nest(p: Payload, from: Payload, key: PropertyKey): void {
  for (const i of from.issues) {
    i.path.unshift(key);
    p.issues.push(i);
  }
}

/** An object that is not an array (zod's `isObject`). @internal */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
