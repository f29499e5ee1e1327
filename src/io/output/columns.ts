/**
 * The table behind {@link recordsToCsv} and {@link recordsToArrow}: the columns of a list of flat
 * records (the union of their keys in first-seen order, or the columns asked for), each with the
 * kinds of value it holds, checked once before anything is written, and the size limit of both.
 *
 * @packageDocumentation
 */
import { IssueList, preview, quote } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';

/**
 * The most cells (records × columns) {@link recordsToCsv} and {@link recordsToArrow} write in one
 * call: 100 million, about 800 MB of Float64 data. The limit is checked before anything is
 * allocated; write a larger table in parts.
 *
 * @example
 * ```ts
 * MAX_OUTPUT_CELLS;
 * //=> 100000000
 * ```
 */
export const MAX_OUTPUT_CELLS = 100_000_000;

/** The most distinct columns a list of records may have. */
const MAX_COLUMNS = 100_000;

/** The kind of the values of a column (absent values and `null` are not counted). */
export type CellKind = 'number' | 'string' | 'boolean';

/** One column: its name and where each kind of value first occurs in it. */
export interface Column {
  readonly name: string;
  /** Its place among the columns. */
  readonly index: number;
  /** Index of the first record holding a value of each kind. */
  readonly first: Partial<Record<CellKind, number>>;
}

/** The checked table: its records (plain objects) and columns. */
export interface Columns {
  readonly rows: readonly Record<string, unknown>[];
  readonly columns: readonly Column[];
}

/** `true` for an object created by a literal, `JSON.parse` or `Object.create(null)`. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The kind of a cell, `null` for an absent or null value, or `undefined` for a value no column may hold. */
export function cellKind(v: unknown): CellKind | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : undefined;
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  return undefined;
}

/** The message for a value no column may hold. */
export function badCell(v: unknown): string {
  return typeof v === 'number'
    ? `expected a finite number, found ${preview(v)}`
    : `expected a number, a string, a boolean or null, found ${preview(v)}`;
}

/**
 * Checks `records` (an array of flat plain objects whose values are finite numbers, strings,
 * booleans, `null` or absent) and returns its columns: `selected` in that order, or else the union
 * of the records' keys in first-seen order. Throws one `GvcError('INVALID_INPUT')` listing the bad
 * records and values (paths `records[3].value`), or `GvcError('UNSUPPORTED')` past
 * {@link MAX_OUTPUT_CELLS}.
 */
export function readColumns(records: unknown, selected: readonly string[] | undefined): Columns {
  if (!Array.isArray(records))
    throw new GvcError('INVALID_INPUT', 'invalid records', [
      { path: 'records', message: `expected an array of records, found ${preview(records)}` },
    ]);
  if (records.length > MAX_OUTPUT_CELLS) throw tooLarge(records.length, 1);
  const issues = new IssueList();
  const byName = new Map<string, Column>();
  const columns: Column[] = [];
  const add = (name: string): Column => {
    const c: Column = { name, index: columns.length, first: {} };
    byName.set(name, c);
    columns.push(c);
    return c;
  };
  if (selected !== undefined) {
    for (const [k, name] of selected.entries()) {
      if (byName.has(name))
        issues.add(`options.columns[${k}]`, `expected each column once, found ${quote(name)} again`);
      else add(name);
    }
    issues.throwIfAny('invalid options');
    if (records.length * columns.length > MAX_OUTPUT_CELLS) throw tooLarge(records.length, columns.length);
  }
  const rows = new Array<Record<string, unknown>>(records.length);
  try {
    for (let i = 0; i < records.length; i++) {
      const r: unknown = records[i];
      if (!isPlainRecord(r)) {
        issues.add(`records[${i}]`, `expected a record (a plain object), found ${preview(r)}`);
        continue;
      }
      rows[i] = r;
      // Records of one shape list their keys in one order: try the column after the last one first.
      let j = 0;
      for (const key in r) {
        if (!Object.hasOwn(r, key)) continue;
        let c = columns[j]?.name === key ? columns[j] : byName.get(key);
        if (c === undefined) {
          if (selected !== undefined) continue;
          if (columns.length >= MAX_COLUMNS)
            throw new GvcError('UNSUPPORTED', 'too many columns', [
              { path: `records[${i}]`, message: `expected at most ${MAX_COLUMNS} distinct keys, found more` },
            ]);
          c = add(key);
          if (records.length * columns.length > MAX_OUTPUT_CELLS)
            throw tooLarge(records.length, columns.length);
        }
        j = c.index + 1;
        const v = r[key];
        const kind = cellKind(v);
        if (kind === undefined) issues.add(`records[${i}].${key}`, badCell(v));
        else if (kind !== null && c.first[kind] === undefined) c.first[kind] = i;
      }
    }
  } catch (e) {
    if (e instanceof GvcError) throw e;
    throw new GvcError('INVALID_INPUT', 'invalid records', [
      { path: 'records', message: 'expected plain data, found a value that could not be read' },
    ]);
  }
  issues.throwIfAny('invalid records');
  if (records.length * columns.length > MAX_OUTPUT_CELLS) throw tooLarge(records.length, columns.length);
  return { rows, columns };
}

function tooLarge(rows: number, columns: number): GvcError {
  return new GvcError('UNSUPPORTED', 'table too large', [
    {
      path: 'records',
      message: `expected at most ${MAX_OUTPUT_CELLS} cells (records × columns), found ${rows} × ${columns} or more; write the records in parts`,
    },
  ]);
}

/** The value of `column` in `row`, read as an own property only (`null` when absent). */
export function cell(row: Record<string, unknown>, column: string): unknown {
  return Object.hasOwn(row, column) ? row[column] : undefined;
}
