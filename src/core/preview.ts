/**
 * Safe, bounded descriptions of found values for error messages.
 *
 * @internal
 * @packageDocumentation
 */

/** Longest string shown whole in a message; a longer one is cut and its length given. */
const PREVIEW_CHARS = 40;

/**
 * A string quoted for a message, at most 40 characters of it, with control
 * characters escaped: `"grind"`, `"aaaa…" (1048576 characters)`.
 *
 * @internal
 */
export function quote(s: string): string {
  const cut = s.length > PREVIEW_CHARS;
  const shown = cut ? s.slice(0, PREVIEW_CHARS) : s;
  // JSON.stringify of a short string cannot throw and escapes quotes, backslashes and controls.
  const quoted = JSON.stringify(shown);
  return cut ? `${quoted.slice(0, -1)}…" (${s.length} characters)` : quoted;
}

/**
 * Describes a found value for a message in a few words, whatever it is: strings quoted and cut
 * (see {@link quote}), numbers as written (`NaN`, `-Infinity`, `-0`), bigints with their `n`, arrays
 * by length, objects, functions and symbols by kind, `undefined` as "nothing". Never walks into the
 * value, so it is safe on cycles, deep nesting and hostile objects.
 *
 * @internal
 */
export function preview(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`.length > PREVIEW_CHARS ? 'a bigint' : `${value}n`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      try {
        if (Array.isArray(value)) return `an array of ${value.length}`;
        if (ArrayBuffer.isView(value)) return 'a typed array';
      } catch {
        // a revoked proxy: fall through to the generic description
      }
      return 'an object';
  }
}
