import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GvcError,
  MAX_OUTPUT_CELLS,
  recordsToCsv,
  tidyRecords,
  valueAddedExports,
} from '../../../src/io/index.js';
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

/**
 * An RFC 4180 reader written for this test (not the code under test): fields separated by `d`,
 * quoted fields with doubled quotes, records ending with LF or CRLF. Returns each field as its text
 * and whether it was quoted.
 */
function parseCsv(text: string, d = ','): Array<Array<{ text: string; quoted: boolean }>> {
  const rows: Array<Array<{ text: string; quoted: boolean }>> = [];
  let row: Array<{ text: string; quoted: boolean }> = [];
  let i = 0;
  while (i < text.length) {
    let text_ = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          text_ += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else text_ += text[i++];
      }
    } else
      while (i < text.length && text[i] !== d && text[i] !== '\n' && text[i] !== '\r') text_ += text[i++];
    row.push({ text: text_, quoted });
    if (text[i] === d) i++;
    else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('recordsToCsv', () => {
  it('writes a header of the union of keys in first-seen order, then one line per record', () => {
    expect(recordsToCsv([{ a: 1, b: 'x' }, { c: true, a: 2 }, {}])).toBe('a,b,c\n1,x,\n2,,true\n,,\n');
  });

  it('quotes fields holding the delimiter, a quote or a line break (RFC 4180), and writes an empty string as ""', () => {
    const records = [
      { k: 'a,b' },
      { k: 'say "hi"' },
      { k: 'two\nlines' },
      { k: 'cr\r' },
      { k: '' },
      { k: null },
    ];
    expect(recordsToCsv(records)).toBe('k\n"a,b"\n"say ""hi"""\n"two\nlines"\n"cr\r"\n""\n\n');
    // With ';' as delimiter a comma needs no quotes, a semicolon does.
    expect(recordsToCsv([{ 'x;y': 'a,b', z: 'c;d' }], { delimiter: ';' })).toBe('"x;y";z\na,b;"c;d"\n');
  });

  it('ends lines with CRLF on request, leaves the header out on request, and writes only the columns asked for', () => {
    expect(recordsToCsv([{ a: 1, b: 2 }], { newline: '\r\n' })).toBe('a,b\r\n1,2\r\n');
    expect(recordsToCsv([{ a: 1, b: 2 }], { header: false })).toBe('1,2\n');
    expect(recordsToCsv([{ a: 1, b: 2 }], { columns: ['b', 'zz'] })).toBe('b,zz\n2,\n');
    expect(recordsToCsv([])).toBe('');
    expect(recordsToCsv([], { columns: ['a'] })).toBe('a\n');
  });

  it('writes the tidy VAX records of the 3×2 fixture so that every value reads back exactly', () => {
    const long = tidyRecords(valueAddedExports(icio3x2(), { level: 'sector' }), { year: 2021 });
    const rows = parseCsv(recordsToCsv(long));
    expect(rows[0]!.map((f) => f.text)).toEqual(['year', 'country', 'sector', 'term', 'value']);
    expect(rows).toHaveLength(long.length + 1);
    long.forEach((r, k) => {
      const f = rows[k + 1]!.map((x) => x.text);
      expect([Number(f[0]), f[1], f[2], f[3], Number(f[4])]).toEqual([
        r.year,
        r.country,
        r.sector,
        r.term,
        r.value,
      ]);
    });
  });

  it('round-trips any finite double, string and null through an independent RFC 4180 reader', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', ',', '"', '\n', '\r\n', ' a ', '=1+1', '💥', 'a;b'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s: text,
            n: fc.double({ noNaN: true, noDefaultInfinity: true }),
            m: fc.constant(null),
          }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.constantFrom(',', ';', '\t'),
        (records, delimiter) => {
          const rows = parseCsv(recordsToCsv(records, { delimiter, newline: '\r\n' }), delimiter);
          expect(rows[0]!.map((f) => f.text)).toEqual(['s', 'n', 'm']);
          records.forEach((r, k) => {
            const [s, n, m] = rows[k + 1]!;
            expect(s!.text).toBe(r.s);
            expect(Number(n!.text)).toBe(r.n === 0 ? 0 : r.n); // -0 is written 0
            expect(m).toEqual({ text: '', quoted: false });
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not change its argument', () => {
    const records = [{ a: 1 }];
    recordsToCsv(records);
    expect(records).toEqual([{ a: 1 }]);
    expect(Object.isFrozen(records[0])).toBe(false);
  });

  it('lists every bad value with its path, and refuses invalid options', () => {
    expect(
      issuesOf(() =>
        recordsToCsv([{ a: Number.POSITIVE_INFINITY }, 3, { b: [1] }, { c: 1n }] as unknown as object[]),
      ),
    ).toEqual([
      'records[0].a: expected a finite number, found Infinity',
      'records[1]: expected a record (a plain object), found 3',
      'records[2].b: expected a number, a string, a boolean or null, found an array of 1',
      'records[3].c: expected a number, a string, a boolean or null, found 1n',
    ]);
    expect(issuesOf(() => recordsToCsv({} as unknown as object[]))).toEqual([
      'records: expected an array of records, found an object',
    ]);
    expect(issuesOf(() => recordsToCsv([], { delimiter: '"' }))).toEqual([
      'options.delimiter: expected a delimiter other than a double quote or a line break',
    ]);
    expect(issuesOf(() => recordsToCsv([], { columns: ['a', 'a'] }))).toEqual([
      'options.columns[1]: expected each column once, found "a" again',
    ]);
  });

  it('refuses more than MAX_OUTPUT_CELLS cells before writing anything', () => {
    const wide = Object.fromEntries(Array.from({ length: 101 }, (_, k) => [`c${k}`, 1]));
    const many = new Array(MAX_OUTPUT_CELLS / 100).fill(wide);
    expect(() => recordsToCsv(many)).toThrow(/expected at most 100000000 cells/);
  });
});
