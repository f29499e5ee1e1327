/**
 * Zod-free checks that mirror the `zod/mini` constructs gvckit's schemas use, issue for issue, so
 * that a public function can check its argument without bundling zod (issue #19: one chain function
 * bundles to ≤ 40 KB). Each combinator reproduces what zod 4 does (node_modules/zod/v4/core
 * schemas.js and checks.js): the same issues, built as the same raw issue and phrased by the same
 * error map ({@link gvcErrorMap}, or the schema's own message), in the same order, with the same
 * paths; the same abort rules (a check without `when` does not run after an issue that is not
 * continuable; `minLength` runs unless an issue explicitly aborted); and the same output (defaults
 * applied, keys in schema order, an optional key given `undefined` kept as `undefined`).
 *
 * Limits, none of which a gvckit schema meets: a check's issues take the check's own message or the
 * error map, never a message set on the schema that owns the check (give each check its message);
 * `optional` around a `withDefault` is not supported; discriminated unions take strict or loose
 * objects whose discriminator is a literal.
 *
 * The tests compare every checker with its zod schema on random and mutated inputs
 * (tests/core/check.test.ts, tests/chains/check-differential.test.ts).
 *
 * @internal
 * @packageDocumentation
 */

import {
  aborted,
  add,
  type Check,
  type ErrorFn,
  isObject,
  nest,
  type ObjectOut,
  type OptionalMark,
  type Out,
  type Payload,
  type Refinement,
  run,
  type Shape,
  type,
} from './check-base.js';
import { gvcErrorMap } from './issues.js';

export type {
  Check,
  Checked,
  CheckIssue,
  ErrorFn,
  ObjectOut,
  Out,
  Payload,
  Refinement,
  Shape,
} from './check-base.js';
export { checkArgument, checkOptions, runCheck, safeCheckArgument } from './check-run.js';

/** A string (zod's `z.string`). @internal */
export const string = (error?: ErrorFn): Check<string> => type('string', (v) => typeof v === 'string', error);

/** A finite number (zod's `z.number`: NaN and ±Infinity are reported in `received`). @internal */
export const number = (error?: ErrorFn): Check<number> =>
  type('number', (v) => typeof v === 'number' && Number.isFinite(v), error);

/** `true` or `false` (zod's `z.boolean`). @internal */
export const boolean = (): Check<boolean> => type('boolean', (v) => typeof v === 'boolean');

/** Anything (zod's `z.unknown`). @internal */
export const unknown = (): Check<unknown> => (p) => p;

/** One of `values` (zod's `z.enum` of an array, and `z.literal`). @internal */
export function enumOf<const V extends readonly (string | number | boolean)[]>(values: V): Check<V[number]> {
  const set = new Set<unknown>(values);
  return Object.assign(
    (p: Payload) => {
      if (!set.has(p.value)) add(p, { code: 'invalid_value', values, input: p.value });
      return p;
    },
    { values },
  );
}

/** Exactly `value` (zod's `z.literal`). @internal */
export const literal = <const V extends string | number | boolean>(value: V): Check<V> => enumOf([value]);

/**
 * A check followed by refinements (zod's `.check(…)`), run as zod runs them: a refinement without
 * `when` is skipped once an issue that is not continuable has been found.
 * @internal
 */
export function checks<T>(base: Check<T>, ...refinements: Refinement<T>[]): Check<T> {
  return Object.assign((p0: Payload) => {
    const p = base(p0);
    let stop = aborted(p, 0);
    for (const r of refinements) {
      if (r.when) {
        if (p.issues.some((i) => i.continue === false) || !r.when(p)) continue;
      } else if (stop) continue;
      const n = p.issues.length;
      r(p as Payload & { value: T });
      if (!stop && p.issues.length > n) stop = aborted(p, n);
    }
    return p;
  }, base);
}

/** An integer in the safe range (zod's `z.int`). @internal */
export const int = (): Check<number> =>
  checks(number(), (p) => {
    const input = p.value;
    if (!Number.isInteger(input)) add(p, { code: 'invalid_type', expected: 'int', input }, undefined, false);
    else if (!Number.isSafeInteger(input)) {
      const big = input > 0;
      add(
        p,
        big
          ? { code: 'too_big', origin: 'int', input, maximum: Number.MAX_SAFE_INTEGER, inclusive: true }
          : { code: 'too_small', origin: 'int', input, minimum: Number.MIN_SAFE_INTEGER, inclusive: true },
        undefined,
        true,
      );
    }
  });

/** zod's `codePointLength`: a surrogate pair counts once. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

/**
 * At least `min` characters or items (zod's `z.minLength`, which runs on anything with a `length`).
 * @internal
 */
export function minLength(min: number, error?: ErrorFn): Refinement<unknown> {
  return Object.assign(
    (p: Payload) => {
      const input = p.value as { length: number };
      const units = input.length;
      const n = typeof input === 'string' && units >= min && units < min * 2 ? codePoints(input) : units;
      if (n >= min) return;
      const origin = Array.isArray(input) ? 'array' : typeof input === 'string' ? 'string' : 'unknown';
      add(p, { code: 'too_small', origin, minimum: min, inclusive: true, input }, error, true);
    },
    { when: (p: Payload) => p.value != null && (p.value as { length?: unknown }).length !== undefined },
  );
}

/** A bound on a number (zod's `gte`, `gt`, `lte`, `lt`). */
function bound(value: number, inclusive: boolean, big: boolean, error?: ErrorFn): Refinement<number> {
  return (p) => {
    const v = p.value;
    if (big ? (inclusive ? v <= value : v < value) : inclusive ? v >= value : v > value) return;
    add(
      p,
      big
        ? { code: 'too_big', origin: 'number', maximum: value, input: v, inclusive }
        : { code: 'too_small', origin: 'number', minimum: value, input: v, inclusive },
      error,
      true,
    );
  };
}

/** At least `value` (zod's `z.gte`; `z.nonnegative()` is `gte(0)`). @internal */
export const gte = (value: number, error?: ErrorFn): Refinement<number> => bound(value, true, false, error);
/** More than `value` (zod's `z.gt`; `z.positive()` is `gt(0)`). @internal */
export const gt = (value: number, error?: ErrorFn): Refinement<number> => bound(value, false, false, error);
/** At most `value` (zod's `z.lte`). @internal */
export const lte = (value: number, error?: ErrorFn): Refinement<number> => bound(value, true, true, error);

/** Matches `pattern` (zod's `z.regex`). @internal */
export function regex(pattern: RegExp, error?: ErrorFn): Refinement<string> {
  return (p) => {
    pattern.lastIndex = 0;
    if (!pattern.test(p.value))
      add(p, { code: 'invalid_format', origin: 'string', format: 'regex', input: p.value }, error, true);
  };
}

/** Satisfies `test` (zod's `z.refine`; `error` phrases the issue). @internal */
export function refine<T>(test: (value: T) => unknown, error?: ErrorFn): Refinement<T> {
  return (p) => {
    if (!test(p.value)) add(p, { code: 'custom', input: p.value }, error, true);
  };
}

/** An issue a {@link superRefine} adds (zod's `ctx.addIssue` of an object). @internal */
export interface AddedIssue {
  path?: PropertyKey[];
  message?: string;
  input?: unknown;
}

/**
 * Runs `fn`, which may add issues (zod's `z.superRefine`): an issue without a message of its own is
 * phrased by the error map as a `custom` issue.
 * @internal
 */
export function superRefine<T>(
  fn: (value: T, ctx: { addIssue: (issue: AddedIssue) => void }) => void,
): Refinement<T> {
  return (p) =>
    fn(p.value, {
      addIssue: (i) => {
        const message = i.message || gvcErrorMap({ code: 'custom', input: 'input' in i ? i.input : p.value });
        p.issues.push({ code: 'custom', path: [...(i.path ?? [])], message, continue: true });
      },
    });
}

/** The inner check, or nothing (zod's `z.optional`). @internal */
export function optional<T>(inner: Check<T>): Check<T | undefined> & OptionalMark {
  return Object.assign((p: Payload) => (p.value === undefined ? p : inner(p)), {
    optin: 'optional',
    optout: 'optional',
    values: inner.values && [...inner.values, undefined],
  }) as unknown as Check<T | undefined> & OptionalMark;
}

/**
 * The inner check, with `value` for nothing (zod's `z._default`: an array default is copied, the
 * default is not checked; gvckit's defaults are numbers, strings, booleans and empty arrays).
 * @internal
 */
export function withDefault<T>(inner: Check<T>, value: T): Check<T> {
  const fill = () => (Array.isArray(value) ? [...value] : value) as T;
  return Object.assign(
    (p: Payload) => {
      if (p.value === undefined) {
        p.value = fill();
        return p;
      }
      const r = inner(p);
      if (r.value === undefined) r.value = fill();
      return r;
    },
    { optin: 'defaulted' as const, values: inner.values },
  );
}

/** An array of items that pass `item` (zod's `z.array`). @internal */
export function array<T>(item: Check<T>): Check<T[]> {
  return (p) => {
    const input = p.value;
    if (!Array.isArray(input)) {
      add(p, { code: 'invalid_type', expected: 'array', input });
      return p;
    }
    const out = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const r = run(item as Check<unknown>, input[i]);
      nest(p, r, i);
      out[i] = r.value;
    }
    p.value = out;
    return p;
  };
}

/** An object of `shape`: unknown keys reported (`strict`) or kept (zod's strict and loose objects). */
function object<S extends Shape>(shape: S, strict: boolean): Check<ObjectOut<S>> {
  const keys = Object.keys(shape);
  const known = new Set(keys);
  return Object.assign(
    (p: Payload) => {
      const input = p.value;
      if (!isObject(input)) {
        add(p, { code: 'invalid_type', expected: 'object', input });
        return p;
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const field = shape[key] as Check<unknown>;
        const r = run(field, input[key]);
        const present = key in input;
        const { optin, optout } = field;
        if (!present && optout && optin === 'optional') continue;
        if (r.issues.length > 0) {
          if (optin && optout && !present) continue;
          nest(p, r, key);
        }
        if (!present && !optin) {
          if (r.issues.length === 0) {
            const code = 'invalid_type';
            p.issues.push({ code, path: [key], message: gvcErrorMap({ code, expected: 'nonoptional' }) });
          }
          continue;
        }
        if (r.value !== undefined) out[key] = r.value;
        else if (present || (optin === 'defaulted' && !optout)) out[key] = undefined;
      }
      const unknownKeys: string[] = [];
      for (const key in input) {
        if (known.has(key)) continue;
        if (strict) unknownKeys.push(key);
        else if (key !== '__proto__') out[key] = input[key];
      }
      p.value = out;
      if (unknownKeys.length > 0)
        add(p, { code: 'unrecognized_keys', keys: unknownKeys, input }, undefined, true);
      return p;
    },
    { shape },
  );
}

/** An object of `shape` whose unknown keys are reported (zod's `z.strictObject`). @internal */
export const strictObject = <S extends Shape>(shape: S): Check<ObjectOut<S>> => object(shape, true);

/** An object of `shape` whose unknown keys are kept as they are (zod's `z.looseObject`). @internal */
export const looseObject = <S extends Shape>(shape: S): Check<ObjectOut<S> & Record<string, unknown>> =>
  object(shape, false) as Check<ObjectOut<S> & Record<string, unknown>>;

/**
 * The first option that passes, else the one option whose issues are all continuable, else one
 * `invalid_union` issue (zod's `z.union`).
 * @internal
 */
export function union<const C extends readonly Check<unknown>[]>(options: C): Check<Out<C[number]>> {
  return (p) => {
    const results = options.map((o) => run(o, p.value));
    const ok = results.find((r) => r.issues.length === 0);
    if (ok) {
      p.value = ok.value;
      return p;
    }
    const kept = results.filter((r) => !aborted(r, 0));
    if (kept.length === 1) return kept[0] as Payload;
    add(p, { code: 'invalid_union', input: p.value });
    return p;
  };
}

/**
 * The option whose `key` field accepts the object's `key`, else an `invalid_union` issue at `key`
 * (zod's `z.discriminatedUnion`).
 * @internal
 */
export function discriminatedUnion<const C extends readonly Check<unknown>[]>(
  key: string,
  options: C,
): Check<Out<C[number]>> {
  const map = new Map<unknown, Check<unknown>>();
  for (const o of options) for (const v of o.shape?.[key]?.values ?? []) if (!map.has(v)) map.set(v, o);
  const values = [...map.keys()];
  return (p) => {
    const input = p.value;
    if (!isObject(input)) {
      add(p, { code: 'invalid_type', expected: 'object', input });
      return p;
    }
    const option = map.get(input[key]);
    if (option) return option(p);
    const code = 'invalid_union';
    p.issues.push({
      code,
      path: [key],
      message: gvcErrorMap({ code, discriminator: key, options: values, input }),
    });
    return p;
  };
}
