import type * as z from 'zod/mini';
import { preview, quote } from './preview.js';

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
 * Describes a found value for a message: strings quoted, numbers as written (`NaN`, `Infinity`),
 * arrays and objects by kind, `undefined` as "nothing".
 *
 * @internal
 */
export const describeValue: (value: unknown) => string = preview;

/**
 * The raw issue zod hands to an error map (the fields gvckit reads).
 *
 * @internal
 */
export interface RawIssue {
  code?: string | undefined;
  input?: unknown;
  received?: unknown;
  expected?: unknown;
  values?: ReadonlyArray<unknown>;
  keys?: ReadonlyArray<string>;
  options?: ReadonlyArray<unknown>;
  discriminator?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: boolean;
  format?: unknown;
}

/**
 * Describes the found value of a raw zod issue; zod reports non-finite numbers in `received`, with a
 * null `input`.
 *
 * @internal
 */
export function describeFound(iss: { input?: unknown; received?: unknown }): string {
  if (iss.input === null && typeof iss.received === 'string') return iss.received;
  return preview(iss.input);
}

const typeNames: Record<string, string> = {
  int: 'an integer',
  number: 'a finite number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: 'an array',
  map: 'a Map',
  set: 'a Set',
  bigint: 'a bigint',
  date: 'a date',
  function: 'a function',
};

function listValues(values: ReadonlyArray<unknown>): string {
  return values.map(preview).join(', ');
}

function sizeMessage(iss: RawIssue, bound: 'at least' | 'at most'): string {
  const limit = bound === 'at least' ? iss.minimum : iss.maximum;
  const op =
    bound === 'at least' ? (iss.inclusive === false ? '>' : '>=') : iss.inclusive === false ? '<' : '<=';
  if (iss.origin === 'array' || iss.origin === 'set') {
    const n = Array.isArray(iss.input) ? iss.input.length : '?';
    return `expected ${bound} ${String(limit)} item${limit === 1 ? '' : 's'}, found ${n}`;
  }
  if (iss.origin === 'string') {
    if (bound === 'at least' && limit === 1) return 'expected a non-empty string, found ""';
    const n = typeof iss.input === 'string' ? iss.input.length : '?';
    return `expected ${bound} ${String(limit)} characters, found ${n}`;
  }
  return `expected a number ${op} ${String(limit)}, found ${describeFound(iss)}`;
}

/**
 * A zod error map (passed per parse, never installed globally) that phrases zod's built-in issues in
 * gvckit's style: what was expected, then what was found, with no trailing period. Messages set on a
 * schema itself take precedence. It phrases every code itself (a refinement without a message of its
 * own gives "expected a valid value, found …"): `zod/mini` loads no locale, and its fallback, "Invalid
 * input", would otherwise show whenever the host app had not loaded classic zod's English locale.
 *
 * @internal
 */
export function gvcErrorMap(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type': {
      const expected = typeof iss.expected === 'string' ? iss.expected : 'a value';
      const name = typeNames[expected] ?? expected;
      if (iss.input === undefined && iss.received === undefined) return `expected ${name}, found nothing`;
      return `expected ${name}, found ${describeFound(iss)}`;
    }
    case 'invalid_value': {
      const values = iss.values ?? [];
      const expected = values.length === 1 ? listValues(values) : `one of ${listValues(values)}`;
      return `expected ${expected}, found ${describeFound(iss)}`;
    }
    case 'unrecognized_keys': {
      const keys = (iss.keys ?? [])
        .slice(0, 10)
        .map((k) => quote(k))
        .join(', ');
      return `expected only known keys, found unknown key${(iss.keys ?? []).length === 1 ? '' : 's'} ${keys}`;
    }
    case 'invalid_union': {
      if (iss.discriminator !== undefined) {
        const value =
          iss.input !== null && typeof iss.input === 'object'
            ? (iss.input as Record<string, unknown>)[String(iss.discriminator)]
            : undefined;
        return `expected ${String(iss.discriminator)} to be one of ${listValues(iss.options ?? [])}, found ${preview(value)}`;
      }
      return `expected a value matching one of the allowed forms, found ${describeFound(iss)}`;
    }
    case 'too_small':
      return sizeMessage(iss, 'at least');
    case 'too_big':
      return sizeMessage(iss, 'at most');
    case 'invalid_format':
      return `expected a ${String(iss.format)} string, found ${describeFound(iss)}`;
    case 'invalid_key':
      return `expected a valid key, found ${describeFound(iss)}`;
    default:
      // 'custom' (a refinement without a message of its own), 'not_multiple_of', 'invalid_element'
      // (no gvckit schema has either) and any code a later zod adds. zod/mini loads no locale, so this
      // map writes every message itself: the same text whether or not the host app's classic zod has
      // installed its English locale.
      return `expected a valid value, found ${describeFound(iss)}`;
  }
}

/**
 * Parse parameters for zod's `safeParse` that phrase its built-in issues with {@link gvcErrorMap}:
 * `schema.safeParse(input, gvcParseParams())`.
 *
 * @internal
 */
export function gvcParseParams(): { error: (iss: z.core.$ZodRawIssue) => string | undefined } {
  return gvcParams;
}

const gvcParams = { error: (iss: z.core.$ZodRawIssue) => gvcErrorMap(iss as RawIssue) };
