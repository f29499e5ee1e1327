/**
 * Records written as CSV text (RFC 4180 quoting), for spreadsheets, R, pandas, DuckDB and Polars.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { validateOptions } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { oneOf } from '../options.js';
import { cell, readColumns } from './columns.js';

/**
 * Options of {@link recordsToCsv}:
 * - `delimiter`: the field separator, `,` by default (`;` or a tab for other conventions); one
 *   character other than `"`, CR and LF;
 * - `newline`: the line ending, `'\n'` by default, or `'\r\n'` (the line break of RFC 4180);
 * - `header`: write the header row of column names (default `true`);
 * - `columns`: the columns to write, in this order (default: the union of the records' keys in the
 *   order they are first seen).
 *
 * @example
 * ```ts
 * RecordsCsvOptions.parse({ delimiter: ';', header: false });
 * //=> { delimiter: ';', header: false }
 * ```
 */
export const RecordsCsvOptions = z.strictObject({
  delimiter: z.optional(
    z.string().check(
      z.length(1, { error: 'expected a single-character delimiter' }),
      z.refine((c) => c !== '"' && c !== '\n' && c !== '\r', {
        error: 'expected a delimiter other than a double quote or a line break',
      }),
    ),
  ),
  newline: z.optional(oneOf(['\n', '\r\n'])),
  header: z.optional(z.boolean()),
  columns: z.optional(z.array(z.string())),
});
/** What a caller may pass as {@link RecordsCsvOptions}. */
export type RecordsCsvOptions = z.input<typeof RecordsCsvOptions>;

/** One field as RFC 4180 writes it: quoted (quotes doubled) when it holds the delimiter, a quote or a line break. */
function field(s: string, delimiter: string): string {
  if (s === '') return '""';
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === delimiter || c === '"' || c === '\n' || c === '\r') return `"${s.replaceAll('"', '""')}"`;
  }
  return s;
}

/**
 * Writes records as CSV text: a header row with the column names, then one line per record. The
 * columns are the union of the records' keys in the order they are first seen (or
 * `options.columns`); keys are written as they are. Fields are quoted as RFC 4180 says (Shafranovich
 * 2005, "Common Format and MIME Type for Comma-Separated Values (CSV) Files", IETF RFC 4180): when
 * they hold the delimiter, a double quote (doubled inside) or a line break. Numbers are written with
 * `String(n)`, the shortest text that reads back as the same double (`-0` is written `0`); booleans
 * as `true`/`false`; an absent or `null` value as an empty field, and an empty string as `""`, so
 * that readers that tell the two apart (DuckDB, Polars, R's `readr`) read `null` back as missing.
 * Every line, the last included, ends with `options.newline`.
 *
 * @param records - flat records: plain objects whose values are finite numbers, strings, booleans,
 *   `null` or absent (the records of any indicator, or of {@link tidyRecords})
 * @param options - see {@link RecordsCsvOptions}
 * @returns the CSV text (`''` when there are no columns)
 * @throws {GvcError} `INVALID_INPUT` when `records` is not an array of flat records (each bad value
 *   is listed with its path, `records[3].value`) or the options are invalid; `UNSUPPORTED` past
 *   {@link MAX_OUTPUT_CELLS} cells or when the text would pass the longest string JavaScript holds
 * @example
 * ```ts
 * recordsToCsv([
 *   { country: 'A', term: 'VAX', value: 2.5 },
 *   { country: 'B, C', term: 'VAX', value: null },
 * ]);
 * //=> 'country,term,value\nA,VAX,2.5\n"B, C",VAX,\n'
 * ```
 */
export function recordsToCsv(records: readonly object[], options?: RecordsCsvOptions): string {
  const {
    delimiter = ',',
    newline = '\n',
    header = true,
    columns,
  } = validateOptions(RecordsCsvOptions, options);
  const { rows, columns: cols } = readColumns(records, columns);
  if (cols.length === 0) return '';
  const names = cols.map((c) => c.name);
  const lines: string[] = [];
  if (header) lines.push(names.map((n) => field(n, delimiter)).join(delimiter) + newline);
  try {
    for (const row of rows) {
      let line = '';
      for (let j = 0; j < names.length; j++) {
        const v = cell(row, names[j]!);
        if (j > 0) line += delimiter;
        if (typeof v === 'number') line += String(v);
        else if (typeof v === 'string') line += field(v, delimiter);
        else if (typeof v === 'boolean') line += v ? 'true' : 'false';
      }
      lines.push(line + newline);
    }
    return lines.join('');
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new GvcError('UNSUPPORTED', 'CSV text too long', [
      {
        path: 'records',
        message:
          'expected a CSV text JavaScript can hold in one string, found more; write the records in parts or with recordsToArrow',
      },
    ]);
  }
}
