/**
 * Records written in the Apache Arrow IPC formats (the `.arrow` / Feather v2 file, and the stream),
 * which DuckDB, Polars, pandas (pyarrow), R's `arrow` and Observable read without a schema.
 *
 * @packageDocumentation
 */
import * as z from 'zod/mini';
import { IssueList, validateOptions } from '../../core/boundary.js';
import { GvcError, type GvcIssue } from '../../core/errors.js';
import { oneOf } from '../options.js';
import { concatBytes } from '../readers/source.js';
import type { Utf8Encoder } from './arrow-flatbuffers.js';
import {
  type ArrowColumn,
  type ArrowType,
  encapsulate,
  footer,
  recordBatchMessage,
  schemaMessage,
} from './arrow-ipc.js';
import { type CellKind, type Column, cell, readColumns } from './columns.js';

/**
 * Options of {@link recordsToArrow}:
 * - `format`: `'file'` (default), the Arrow IPC file format (`.arrow`, Feather v2), which readers
 *   open at random (Polars `read_ipc`, pyarrow `ipc.open_file`, R `arrow::read_feather`, DuckDB
 *   `read_arrow` of the `nanoarrow` community extension); or `'stream'`, the IPC stream format
 *   (`.arrows`), read from a pipe or socket (Polars `read_ipc_stream`, pyarrow `ipc.open_stream`,
 *   `tableFromIPC` of the `apache-arrow` package, as in Observable);
 * - `columns`: the columns to write, in this order (default: the union of the records' keys in the
 *   order they are first seen).
 *
 * @example
 * ```ts
 * RecordsArrowOptions.parse({ format: 'stream' });
 * //=> { format: 'stream' }
 * ```
 */
export const RecordsArrowOptions = z.strictObject({
  format: z.optional(oneOf(['file', 'stream'])),
  columns: z.optional(z.array(z.string())),
});
/** What a caller may pass as {@link RecordsArrowOptions}. */
export type RecordsArrowOptions = z.input<typeof RecordsArrowOptions>;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** The Arrow type of a column from the kinds of its values, or a problem when it mixes kinds. */
function typeOf(c: Column, rows: readonly Record<string, unknown>[]): ArrowType | GvcIssue {
  const kinds = (Object.keys(c.first) as CellKind[]).sort((a, b) => c.first[a]! - c.first[b]!);
  if (kinds.length > 1) {
    const [a, b] = kinds as [CellKind, CellKind];
    return {
      path: `records[${c.first[b]}].${c.name}`,
      message: `expected a ${a} as in records[${c.first[a]}] (an Arrow column holds one type), found a ${b}`,
    };
  }
  const kind = kinds[0];
  if (kind === 'string' || kind === undefined) return 'utf8';
  if (kind === 'boolean') return 'bool';
  if (c.name === 'year') {
    let ints = true;
    for (const r of rows) {
      const v = cell(r, 'year');
      if (typeof v === 'number' && !(Number.isInteger(v) && v >= INT32_MIN && v <= INT32_MAX)) {
        ints = false;
        break;
      }
    }
    if (ints) return 'int32';
  }
  return 'float64';
}

/** Writes `s` as UTF-8 at `at` (room for 3 bytes per unit is there) and returns the bytes written; ASCII without the encoder. */
function writeUtf8(s: string, out: Uint8Array, at: number, encoder: Utf8Encoder): number {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x80) {
      const b = encoder.encode(s);
      out.set(b, at);
      return b.length;
    }
    out[at + k] = c;
  }
  return s.length;
}

/** Reads the values of one column into its Arrow buffers (validity bitmap, offsets, data). */
function encodeColumn(
  name: string,
  type: ArrowType,
  rows: readonly Record<string, unknown>[],
  encoder: Utf8Encoder,
): ArrowColumn {
  const n = rows.length;
  const validity = new Uint8Array(Math.ceil(n / 8));
  let nulls = 0;
  const changed = () =>
    new GvcError('INVALID_INPUT', 'invalid records', [
      { path: `records.${name}`, message: 'expected plain data, found values that changed while being read' },
    ]);
  if (type === 'utf8') {
    const offsets = new Int32Array(n + 1);
    let data = new Uint8Array(Math.max(64, n * 4));
    let total = 0;
    for (let i = 0; i < n; i++) {
      const v = cell(rows[i]!, name);
      if (typeof v === 'string') {
        validity[i >> 3]! |= 1 << (i & 7);
        // UTF-8 takes at most 3 bytes per UTF-16 unit: grow the buffer before writing.
        const need = total + 3 * v.length;
        if (need > data.length) {
          if (need > INT32_MAX)
            throw new GvcError('UNSUPPORTED', 'column too large', [
              {
                path: `records.${name}`,
                message: `expected at most ${INT32_MAX} bytes of text in one column, found more`,
              },
            ]);
          const next = new Uint8Array(Math.min(INT32_MAX, Math.max(data.length * 2, need)));
          next.set(data.subarray(0, total));
          data = next;
        }
        total += writeUtf8(v, data, total, encoder);
      } else if (v === null || v === undefined) nulls++;
      else throw changed();
      offsets[i + 1] = total;
    }
    return {
      name,
      type,
      length: n,
      nulls,
      buffers: [nulls > 0 ? validity : new Uint8Array(0), offsets, data.subarray(0, total)],
    };
  }
  const data =
    type === 'bool'
      ? new Uint8Array(Math.ceil(n / 8))
      : type === 'int32'
        ? new Int32Array(n)
        : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = cell(rows[i]!, name);
    if (v === null || v === undefined) {
      nulls++;
      continue;
    }
    if (type === 'bool' ? typeof v !== 'boolean' : typeof v !== 'number') throw changed();
    validity[i >> 3]! |= 1 << (i & 7);
    if (type === 'bool') {
      if (v === true) (data as Uint8Array)[i >> 3]! |= 1 << (i & 7);
    } else data[i] = v as number;
  }
  return { name, type, length: n, nulls, buffers: [nulls > 0 ? validity : new Uint8Array(0), data] };
}

/**
 * Writes records as one Apache Arrow record batch in the IPC file format (default) or the IPC
 * stream format, as specified by the Apache Arrow project (2020–2025, "Arrow Columnar Format",
 * version 1.x with metadata version V5, https://arrow.apache.org/docs/format/Columnar.html, and
 * its FlatBuffers schemas `format/Schema.fbs`, `Message.fbs` and `File.fbs`): a Schema message, one
 * RecordBatch message, the end-of-stream marker and, for the file format, the `ARROW1` magic and the
 * footer. The columns are the union of the records' keys in first-seen order (or
 * `options.columns`), and each column's type comes from its values: strings → `Utf8`, numbers →
 * `Float64` (a column named `year` holding only 32-bit integers → `Int32`), booleans → `Bool`, a
 * column with only absent or `null` values → `Utf8`; an absent or `null` value is a null (a cleared
 * bit of the validity bitmap). Every column is nullable. No dependency: the bytes are written here.
 *
 * @param records - flat records: plain objects whose values are finite numbers, strings, booleans,
 *   `null` or absent (the records of any indicator, or of {@link tidyRecords}); each column holds
 *   one kind of value
 * @param options - `format`, `columns`; see {@link RecordsArrowOptions}
 * @returns the bytes of the `.arrow` file (or of the stream), a fresh `Uint8Array`
 * @throws {GvcError} `INVALID_INPUT` when `records` is not an array of flat records, a column mixes
 *   numbers, strings and booleans (naming the first record of each), or the options are invalid;
 *   `UNSUPPORTED` past {@link MAX_OUTPUT_CELLS} cells or 2 GiB of text in one column
 * @example
 * ```ts
 * const bytes = recordsToArrow([{ country: 'A', term: 'VAX', value: 2.5 }]);
 * [new TextDecoder().decode(bytes.subarray(0, 6)), new TextDecoder().decode(bytes.subarray(-6))];
 * //=> ['ARROW1', 'ARROW1']
 * ```
 */
export function recordsToArrow(records: readonly object[], options?: RecordsArrowOptions): Uint8Array {
  const { format = 'file', columns } = validateOptions(RecordsArrowOptions, options);
  const { rows, columns: cols } = readColumns(records, columns);
  const types: ArrowType[] = [];
  const issues = new IssueList();
  for (const c of cols) {
    const t = typeOf(c, rows);
    if (typeof t === 'string') types.push(t);
    else issues.add(t.path, t.message);
  }
  issues.throwIfAny('invalid records');
  const encoder = new TextEncoder();
  const encoded = cols.map((c, j) => encodeColumn(c.name, types[j]!, rows, encoder));
  const fields = encoded.map(({ name, type }) => ({ name, type }));
  const schema = encapsulate(schemaMessage(fields), new Uint8Array(0));
  const batch = encapsulate(...recordBatchMessage(rows.length, encoded));
  const eos = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);
  if (format === 'stream') return concatBytes([schema.bytes, batch.bytes, eos]);
  const magic = Uint8Array.of(0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0); // "ARROW1" + 2 bytes of padding
  const batchOffset = magic.length + schema.bytes.length;
  const foot = footer(fields, [
    { offset: batchOffset, metaDataLength: batch.metaDataLength, bodyLength: batch.bodyLength },
  ]);
  const size = new Uint8Array(4);
  new DataView(size.buffer).setInt32(0, foot.length, true);
  return concatBytes([magic, schema.bytes, batch.bytes, eos, foot, size, magic.subarray(0, 6)]);
}
