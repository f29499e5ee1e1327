/**
 * Data frames among the objects of an R data file ({@link parseRData}): their columns by name, and
 * each column as numbers or as strings (factors decoded through their levels).
 *
 * @packageDocumentation
 */
import { GvcError } from '../../core/errors.js';
import {
  looksLikeRData,
  notRData,
  parseRData,
  R_NA_INTEGER,
  type RAttributes,
  type RValue,
} from './rdata.js';

/** A data frame read from R: its column names, columns and number of rows. */
export interface RDataFrame {
  readonly names: readonly string[];
  readonly columns: readonly RValue[];
  readonly rows: number;
}

function strings(v: RValue | undefined): readonly (string | null)[] | undefined {
  return v?.type === 'character' ? v.data : undefined;
}

function attributesOf(v: RValue): RAttributes | undefined {
  return 'attributes' in v ? v.attributes : undefined;
}

/** The classes of an object (its `class` attribute), empty when it has none. */
export function rClasses(v: RValue): readonly string[] {
  const c = strings(attributesOf(v)?.get('class'));
  return c ? (c.filter((s) => s !== null) as string[]) : [];
}

/** A short description of an R object for messages: `a data frame of 3 columns`, `a double vector`. */
export function describeR(v: RValue): string {
  const cls = rClasses(v);
  if (cls.includes('data.frame') && v.type === 'list') return `a data frame of ${v.data.length} columns`;
  if (cls.includes('factor')) return 'a factor';
  switch (v.type) {
    case 'NULL':
      return 'NULL';
    case 'symbol':
      return 'a symbol';
    case 'environment':
      return 'an environment';
    case 'list':
      return `a list of ${v.data.length} elements`;
    case 'pairlist':
      return 'a pairlist';
    default:
      return `${v.type === 'integer' ? 'an' : 'a'} ${v.type} vector`;
  }
}

/**
 * The data frame `v` is, or a message saying what it is instead. The number of rows comes from
 * `row.names` (R's compact form `c(NA, -n)` or a vector of names) and every column must have it.
 */
export function asDataFrame(v: RValue): RDataFrame | string {
  if (v.type !== 'list' || !rClasses(v).includes('data.frame'))
    return `expected a data frame, found ${describeR(v)}`;
  const names = strings(v.attributes.get('names'));
  if (!names || names.length !== v.data.length) return 'expected a data frame with column names, found none';
  const rn = v.attributes.get('row.names');
  let rows: number | undefined;
  if (rn && (rn.type === 'integer' || rn.type === 'double')) {
    rows =
      rn.data.length === 2 &&
      (rn.type === 'integer' ? rn.data[0] === R_NA_INTEGER : Number.isNaN(rn.data[0]!))
        ? Math.abs(rn.data[1]!)
        : rn.data.length;
  } else if (rn?.type === 'character') rows = rn.data.length;
  if (rows === undefined) rows = v.data.length > 0 ? columnLength(v.data[0]!) : 0;
  for (let j = 0; j < v.data.length; j++) {
    const len = columnLength(v.data[j]!);
    if (len !== rows)
      return `expected every column to have ${rows} rows, found ${len} in column ${names[j] ?? j + 1}`;
  }
  return { names: names.map((s, j) => s ?? `V${j + 1}`), columns: v.data, rows };
}

function columnLength(v: RValue): number {
  return 'data' in v && v.type !== 'pairlist' ? v.data.length : -1;
}

/** A column as strings (`null` for NA): character vectors, factors through their levels; else undefined. */
export function stringColumn(v: RValue): readonly (string | null)[] | undefined {
  if (v.type === 'character') return v.data;
  if (v.type === 'integer' && rClasses(v).includes('factor')) {
    const levels = strings(v.attributes.get('levels')) ?? [];
    return Array.from(v.data, (k) =>
      k === R_NA_INTEGER || k < 1 || k > levels.length ? null : levels[k - 1]!,
    );
  }
  return undefined;
}

/** A column as numbers (NaN for NA): double, integer and logical vectors that are not factors; else undefined. */
export function numericColumn(v: RValue): Float64Array | undefined {
  if (v.type === 'double') return v.data;
  if ((v.type === 'integer' || v.type === 'logical') && !rClasses(v).includes('factor')) {
    return Float64Array.from(v.data, (k) => (k === R_NA_INTEGER ? Number.NaN : k));
  }
  return undefined;
}

/**
 * The data frame named `object` (else `defaultObject`, else the file's only object) in the bytes of
 * an R data file. A file that is not R data is refused with the layout it looks like.
 */
export function rdataFrame(
  bytes: Uint8Array,
  file: string,
  what: string,
  o: { object?: string | undefined; defaultObject: string; expected: string },
): RDataFrame {
  if (!looksLikeRData(bytes)) throw notRData(bytes, file, what, o.expected);
  const objects = parseRData(bytes, file);
  const name = o.object ?? o.defaultObject;
  const obj =
    objects.get(name) ??
    (o.object === undefined && objects.size === 1 ? [...objects.values()][0] : undefined);
  if (!obj) {
    const found = [...objects.keys()].join(', ') || 'none';
    throw new GvcError('INVALID_INPUT', what, [
      { path: file, message: `expected an object ${name} in the R data file, found ${found}` },
    ]);
  }
  const df = asDataFrame(obj);
  if (typeof df === 'string')
    throw new GvcError('INVALID_INPUT', what, [{ path: `${file}: ${name}`, message: df }]);
  return df;
}
