import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GvcError } from '../../../src/io/index.js';
import { parseRData, R_NA_INTEGER, type RValue } from '../../../src/io/readers/rdata.js';
import { asDataFrame, numericColumn, rdataFrame, stringColumn } from '../../../src/io/readers/rdata-frame.js';

// The fixtures were written by R 4.2.2 with tests/fixtures/wiod/make-fixture.R (R's defaults:
// gzip, XDR, serialization version 3); the expected values are the R objects that script assigns.
const dir = new URL('../../fixtures/wiod/', import.meta.url);
const bytesOf = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));

function errorOf(f: () => unknown): GvcError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return e as GvcError;
  }
  throw new Error('expected a GvcError');
}

describe('parseRData', () => {
  const objects = parseRData(bytesOf('objects.RData'), 'objects.RData');

  it('lists the objects of save() by name, in order', () => {
    expect([...objects.keys()]).toEqual(['numbers', 'ints', 'strs', 'fac', 'seq1', 'df']);
  });

  it('reads doubles with NA as NaN: c(1.5, NA, -2.25)', () => {
    const v = objects.get('numbers')!;
    expect(v.type).toBe('double');
    expect(Array.from(numericColumn(v)!)).toEqual([1.5, Number.NaN, -2.25]);
  });

  it('reads integers with NA: c(1L, NA, 3L)', () => {
    const v = objects.get('ints') as RValue & { data: Int32Array };
    expect(v.type).toBe('integer');
    expect(Array.from(v.data)).toEqual([1, R_NA_INTEGER, 3]);
    expect(Array.from(numericColumn(v)!)).toEqual([1, Number.NaN, 3]);
  });

  it('reads strings with NA and UTF-8: c("a", NA, "été")', () => {
    expect(stringColumn(objects.get('strs')!)).toEqual(['a', null, 'été']);
  });

  it('decodes a factor through its levels: factor(c("b","a",NA,"b"), levels = c("a","b"))', () => {
    const f = objects.get('fac')!;
    expect(stringColumn(f)).toEqual(['b', 'a', null, 'b']);
    expect(numericColumn(f)).toBeUndefined();
  });

  it('expands an ALTREP compact sequence: 1:5', () => {
    const v = objects.get('seq1') as RValue & { data: Int32Array };
    expect(Array.from(v.data)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reads a data frame: data.frame(id = 1:3, name = c("x","y","z"), value = c(0.5, 1.5, 2.5))', () => {
    const df = asDataFrame(objects.get('df')!);
    if (typeof df === 'string') throw new Error(df);
    expect(df.names).toEqual(['id', 'name', 'value']);
    expect(df.rows).toBe(3);
    expect(Array.from(numericColumn(df.columns[0]!)!)).toEqual([1, 2, 3]);
    expect(stringColumn(df.columns[1]!)).toEqual(['x', 'y', 'z']);
    expect(Array.from(numericColumn(df.columns[2]!)!)).toEqual([0.5, 1.5, 2.5]);
  });

  it('reads a saveRDS() stream as one object named ""', () => {
    const m = parseRData(bytesOf('df.rds'), 'df.rds');
    expect([...m.keys()]).toEqual(['']);
    expect(asDataFrame(m.get('')!)).toMatchObject({ names: ['id', 'name', 'value'], rows: 3 });
  });

  it('reads a data.table, whose external-pointer attribute is kept opaque', () => {
    const dt = parseRData(bytesOf('dt.rds'), 'dt.rds').get('')!;
    expect(asDataFrame(dt)).toMatchObject({ names: ['id', 'name', 'value'], rows: 3 });
    expect(
      (dt as RValue & { attributes: ReadonlyMap<string, RValue> }).attributes.get('.internal.selfref'),
    ).toEqual({
      type: 'environment',
      name: 'externalptr',
    });
  });

  it('reads an uncompressed file as well as a gzipped one', () => {
    const plain = gunzipSync(bytesOf('objects.RData'));
    expect([...parseRData(plain, 'x').keys()]).toEqual([...objects.keys()]);
  });

  it('says what it found instead of a data frame', () => {
    expect(asDataFrame(objects.get('numbers')!)).toBe('expected a data frame, found a double vector');
    expect(asDataFrame(objects.get('ints')!)).toBe('expected a data frame, found an integer vector');
  });

  it('finds a named data frame and refuses a missing one', () => {
    const o = { defaultObject: 'df', expected: 'an R data file' };
    expect(rdataFrame(bytesOf('objects.RData'), 'o.RData', 'bad', o).rows).toBe(3);
    const e = errorOf(() => rdataFrame(bytesOf('objects.RData'), 'o.RData', 'bad', { ...o, object: 'wiot' }));
    expect(e.issues[0]!.message).toBe(
      'expected an object wiot in the R data file, found numbers, ints, strs, fac, seq1, df',
    );
  });
});

describe('parseRData refusals: GvcError INVALID_INPUT at FILE: byte OFFSET, never a raw error', () => {
  it('refuses bzip2 with how to re-save', () => {
    const e = errorOf(() => parseRData(bytesOf('numbers-bzip2.RData'), 'b.RData'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues[0]!.path).toBe('b.RData: byte 0');
    expect(e.issues[0]!.message).toMatch(
      /^expected gzip-compressed R data \(R's default\), found bzip2-compressed data/,
    );
  });

  it('refuses the ASCII format', () => {
    const e = errorOf(() => parseRData(bytesOf('numbers-ascii.RData'), 'a.RData'));
    expect(e.issues[0]!.message).toBe("expected the XDR binary format (save()'s default), found RDA3");
  });

  it('refuses an unsupported type (a complex vector) naming it', () => {
    const e = errorOf(() => parseRData(bytesOf('complex.RData'), 'c.RData'));
    expect(e.issues[0]!.path).toMatch(/^c\.RData: byte \d+$/);
    expect(e.issues[0]!.message).toMatch(/found a complex vector, which this reader does not read$/);
  });

  it('refuses bytes that are not R data', () => {
    const e = errorOf(() => parseRData(new TextEncoder().encode('a,b\n1,2\n'), 'x.csv'));
    expect(e.issues[0]!.message).toMatch(/^expected an R data file/);
  });

  it('refuses a truncated file at every cut, gzipped or not', () => {
    const gz = bytesOf('objects.RData');
    const plain = gunzipSync(gz);
    for (const cut of [1, 5, 10, 30, 100, plain.length - 1]) {
      const e = errorOf(() => parseRData(plain.subarray(0, cut), 'p'));
      expect(e.code).toBe('INVALID_INPUT');
    }
    for (const cut of [2, 20, gz.length - 4]) {
      expect(errorOf(() => parseRData(gz.subarray(0, cut), 'g')).code).toBe('INVALID_INPUT');
    }
  });

  it('refuses a length larger than the bytes left instead of allocating it', () => {
    // RDX3, X, version 3, R 4.2.2, min 3.5.0, encoding "UTF-8", then a pairlist whose value is a
    // REALSXP claiming 2^31 - 1 elements with 8 bytes left.
    const head = [...'RDX3\nX\n'].map((c) => c.charCodeAt(0));
    const int = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    const bytes = Uint8Array.from([
      ...head,
      ...int(3),
      ...int(0x040202),
      ...int(0x030500),
      ...int(5),
      ...[...'UTF-8'].map((c) => c.charCodeAt(0)),
      ...int(0x402), // LISTSXP with tag
      ...int(1), // SYMSXP
      ...int(0x40009),
      ...int(1),
      120, // "x"
      ...int(14), // REALSXP
      ...int(0x7fffffff),
      ...int(0),
      ...int(0),
    ]);
    const e = errorOf(() => parseRData(gzipSync(bytes), 'big.RData'));
    expect(e.issues[0]!.message).toBe('expected 2147483647 doubles (17179869176 bytes), found 8 bytes left');
  });

  it('survives random corruption with GvcError only', () => {
    const base = bytesOf('objects.RData');
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const plain = gunzipSync(base);
    for (let k = 0; k < 300; k++) {
      const b = plain.slice();
      for (let m = 0; m < 3; m++) b[Math.floor(rand() * b.length)] = Math.floor(rand() * 256);
      try {
        parseRData(b, 'r');
      } catch (e) {
        expect(e).toBeInstanceOf(GvcError);
      }
    }
  });
});
