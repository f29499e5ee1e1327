/**
 * recordsToArrow's bytes are read back with the `apache-arrow` package (the Arrow project's own
 * JavaScript implementation, a devDependency: an independent reader of the format), and every value
 * is compared with the records written.
 */
import { RecordBatchFileReader, RecordBatchStreamReader, type Table, tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GvcError, recordsToArrow, tidyRecords, wwzDecomposition } from '../../../src/io/index.js';
import { icio3x2 } from '../fixture.js';

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a GvcError');
}

/** The table's rows as plain objects, nulls left out, and its schema as `name:Type`. */
function read(t: Table): { schema: string[]; rows: Array<Record<string, unknown>> } {
  return {
    schema: t.schema.fields.map((f) => `${f.name}:${String(f.type)}${f.nullable ? '?' : ''}`),
    rows: t
      .toArray()
      .map((r) =>
        Object.fromEntries(
          Object.entries(r.toJSON() as Record<string, unknown>).filter(([, v]) => v !== null),
        ),
      ),
  };
}

const withoutNulls = (records: ReadonlyArray<Record<string, unknown>>) =>
  records.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)));

const mixed = [
  { year: 2020, country: 'A', term: 'VAX', value: 2.5, key: true },
  { year: 2021, country: 'Bé💥', partner: 'X', term: 'GEXP', value: null, key: false },
  { country: '', term: 'x', value: -1e-300 },
];

describe('recordsToArrow', () => {
  it('writes an Arrow IPC file (ARROW1 magic at both ends, 8-byte aligned) that apache-arrow reads value for value', () => {
    const bytes = recordsToArrow(mixed);
    const ascii = (b: Uint8Array) => String.fromCharCode(...b);
    expect(ascii(bytes.subarray(0, 8))).toBe('ARROW1\0\0');
    expect(ascii(bytes.subarray(-6))).toBe('ARROW1');
    expect(bytes.length % 2).toBe(0);
    // The first message starts at byte 8 with the continuation marker, its metadata padded to 8 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(8, true)).toBe(0xffffffff);
    expect((8 + view.getInt32(12, true)) % 8).toBe(0);
    const { schema, rows } = read(tableFromIPC(bytes));
    expect(schema).toEqual([
      'year:Int32?',
      'country:Utf8?',
      'term:Utf8?',
      'value:Float64?',
      'key:Bool?',
      'partner:Utf8?',
    ]);
    expect(rows).toEqual(withoutNulls(mixed));
  });

  it('is read through the footer by the file reader, and as a stream with format: stream', () => {
    const file = RecordBatchFileReader.from(recordsToArrow(mixed));
    file.open();
    expect(file.numRecordBatches).toBe(1);
    expect((file.readRecordBatch(0) as { numRows: number } | null)?.numRows).toBe(3);
    const stream = recordsToArrow(mixed, { format: 'stream' });
    expect(new DataView(stream.buffer).getUint32(0, true)).toBe(0xffffffff);
    expect([...stream.subarray(-8)]).toEqual([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    const batches = [...RecordBatchStreamReader.from(stream)];
    expect(batches.map((b) => b.numRows)).toEqual([3]);
    expect(read(tableFromIPC(stream)).rows).toEqual(withoutNulls(mixed));
  });

  it('counts nulls and absent values as nulls (validity bitmap), and writes an all-null column as Utf8', () => {
    const records = Array.from({ length: 19 }, (_, i) => ({ a: i % 3 === 0 ? null : i, b: undefined }));
    const t = tableFromIPC(recordsToArrow(records));
    expect(t.getChild('a')?.nullCount).toBe(7); // i = 0, 3, …, 18
    expect(t.getChild('a')?.toArray()).toEqual(Float64Array.from(records, (r) => r.a ?? 0));
    expect(t.getChild('b')?.nullCount).toBe(19);
    expect(String(t.schema.fields[1]?.type)).toBe('Utf8');
  });

  it('writes year as Float64 when it holds a number that is not a 32-bit integer, and any other numeric column as Float64', () => {
    expect(read(tableFromIPC(recordsToArrow([{ year: 2020.5 }]))).schema).toEqual(['year:Float64?']);
    expect(read(tableFromIPC(recordsToArrow([{ n: 3 }]))).schema).toEqual(['n:Float64?']);
  });

  it('writes no records and no columns as an empty table, and only the columns asked for', () => {
    const empty = tableFromIPC(recordsToArrow([]));
    expect([empty.numRows, empty.schema.fields.length]).toEqual([0, 0]);
    const some = read(tableFromIPC(recordsToArrow(mixed, { columns: ['value', 'zz'] })));
    expect(some.schema).toEqual(['value:Float64?', 'zz:Utf8?']);
    expect(some.rows).toEqual([{ value: 2.5 }, {}, { value: -1e-300 }]);
  });

  it('round-trips the tidy WWZ records of the 3×2 fixture (3 × 2 × 2 = 12 wide records × 19 terms)', () => {
    const long = tidyRecords(wwzDecomposition(icio3x2()), { year: 2019, indicator: 'wwz' });
    expect(long).toHaveLength(12 * 19);
    const { schema, rows } = read(tableFromIPC(recordsToArrow(long)));
    expect(schema).toEqual([
      'indicator:Utf8?',
      'year:Int32?',
      'country:Utf8?',
      'partner:Utf8?',
      'sector:Utf8?',
      'term:Utf8?',
      'value:Float64?',
    ]);
    expect(rows).toEqual(long);
  });

  it('round-trips random records (strings with any code point, any finite double, booleans, nulls) in both formats', () => {
    const row = fc.record(
      {
        s: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), fc.constant(null)),
        n: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)),
        b: fc.boolean(),
        year: fc.integer({ min: -2147483648, max: 2147483647 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('file', 'stream'), (records, format) => {
        const t = tableFromIPC(recordsToArrow(records, { format: format as 'file' | 'stream' }));
        expect(t.numRows).toBe(records.length);
        const back = t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
        records.forEach((r, i) => {
          for (const [k, v] of Object.entries(r)) expect(back[i]![k]).toBe(v === undefined ? null : v);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a column that mixes kinds, naming the first record of each', () => {
    expect(issuesOf(() => recordsToArrow([{ v: 1 }, { v: null }, { v: 'one' }, { v: true }]))).toEqual([
      'records[2].v: expected a number as in records[0] (an Arrow column holds one type), found a string',
    ]);
  });

  it('lists bad values with their paths, refuses invalid options, and does not change its argument', () => {
    expect(issuesOf(() => recordsToArrow([{ a: Number.NaN }, null] as unknown as object[]))).toEqual([
      'records[0].a: expected a finite number, found NaN',
      'records[1]: expected a record (a plain object), found null',
    ]);
    expect(issuesOf(() => recordsToArrow([], { format: 'parquet' } as never))).toEqual([
      'options.format: expected "file" or "stream", found "parquet"',
    ]);
    const records = [{ a: 1 }];
    recordsToArrow(records);
    expect(records).toEqual([{ a: 1 }]);
    expect(Object.isFrozen(records[0])).toBe(false);
  });
});
