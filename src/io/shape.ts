/**
 * The shape check of an `Icio`, written without a schema library so that the matrix functions
 * (`leontiefInverse`, …) bundle without zod: the same paths and messages as the boundary's schemas
 * would give.
 *
 * @internal
 * @packageDocumentation
 */
import { IssueList, preview, unreadableInput } from '../core/boundary.js';

/**
 * The fields of an `Icio` read by `assertIcio`, each read once.
 *
 * @internal
 */
export interface IcioFields {
  countries: string[];
  sectors: string[];
  G: number;
  N: number;
  Z: Float64Array;
  Y: Float64Array;
  x: Float64Array;
  va: Float64Array;
}

/**
 * Checks the shape of an `Icio` (labels are arrays of strings, G and N finite numbers, the
 * data `Float64Array`s) without a schema library, recording every problem at its path as the
 * boundary's schemas phrase them, and returns the fields read once (label arrays copied), or
 * `undefined` after recording problems. Entries, sizes and labels are checked by
 * `assertIcio` (internal.ts).
 */
function icioShape(value: unknown, name: string, issues: IssueList): IcioFields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.add(name, `expected an object, found ${preview(value)}`);
    return undefined;
  }
  const before = issues.size;
  const v = value as Record<string, unknown>;
  const strings = (key: 'countries' | 'sectors'): string[] => {
    const a = v[key];
    if (!Array.isArray(a)) {
      issues.add(`${name}.${key}`, `expected an array, found ${preview(a)}`);
      return [];
    }
    const out: string[] = [];
    for (let i = 0; i < a.length; i++) {
      const s: unknown = a[i];
      if (typeof s === 'string') out.push(s);
      else issues.add(`${name}.${key}[${i}]`, `expected a string, found ${preview(s)}`);
    }
    return out;
  };
  const count = (key: 'G' | 'N'): number => {
    const n = v[key];
    if (typeof n === 'number' && Number.isFinite(n)) return n;
    issues.add(`${name}.${key}`, `expected a finite number, found ${preview(n)}`);
    return 0;
  };
  const floats = (key: 'Z' | 'Y' | 'x' | 'va'): Float64Array => {
    const a = v[key];
    if (a instanceof Float64Array) return a;
    issues.add(`${name}.${key}`, `expected a Float64Array, found ${preview(a)}`);
    return new Float64Array(0);
  };
  const t: IcioFields = {
    countries: strings('countries'),
    sectors: strings('sectors'),
    G: count('G'),
    N: count('N'),
    Z: floats('Z'),
    Y: floats('Y'),
    x: floats('x'),
    va: floats('va'),
  };
  return issues.size === before ? t : undefined;
}

/**
 * {@link icioShape} through the boundary's rules: one `GvcError('INVALID_INPUT')` listing every
 * problem, and a value whose reading throws (a getter, a revoked proxy) reported at `name`.
 *
 * @internal
 */
export function validateIcioShape(value: unknown, name: string): IcioFields {
  const issues = new IssueList();
  let t: IcioFields | undefined;
  try {
    t = icioShape(value, name, issues);
  } catch (e) {
    throw unreadableInput(e, name, 'invalid ICIO table');
  }
  issues.throwIfAny('invalid ICIO table');
  return t!;
}
