import { describe, expect, it } from 'vitest';
import {
  csvField,
  escapeControls,
  formatCsv,
  formatJsonl,
  formatTable,
  MAX_TABLE_CELL,
  render,
  snakeCase,
} from '../../src/cli/format.js';

describe('--format table (iterative renderer)', () => {
  it('prints an OECD-size table of 256,500 rows without overflowing the stack', () => {
    const rows = Array.from({ length: 256_500 }, (_, i) => [`C${i % 77}`, i, i / 7]);
    const text = formatTable({ columns: ['country', 'i', 'value'], rows });
    const lines = text.split('\n');
    expect(lines).toHaveLength(256_502);
    // widest i: "256499" (6 characters); the value column: 256499 / 7 = 36642.7143 (10 characters)
    expect(lines[0]).toBe('country       i       value');
    expect(lines.at(-1)).toBe('C12      256499  36642.7143'); // 256499 = 77 × 3331 + 12
    expect(
      render({ columns: ['x'], rows: rows.map((r) => [r[1] as number]) }, 'table').length,
    ).toBeGreaterThan(0);
  });

  it('aligns text left and numbers right, and cuts long text with …', () => {
    const long = 'y'.repeat(1 << 20);
    const text = formatTable({
      columns: ['name', 'n'],
      rows: [
        ['ab', 1.5],
        [long, -2],
        [null, null],
      ],
    });
    const lines = text.split('\n');
    // text column 80 wide, two spaces, the number column as wide as "1.5000" (6)
    expect(lines[0]).toBe(`name${' '.repeat(MAX_TABLE_CELL - 4)}       n`);
    expect(lines[2]).toBe(`ab${' '.repeat(MAX_TABLE_CELL - 2)}  1.5000`);
    expect(lines[3]).toBe(`${'y'.repeat(MAX_TABLE_CELL - 1)}…      -2`);
    expect(text.length).toBeLessThan(1000);
  });

  it('prints integers whole, other numbers with four decimals, and infinities and NaN by name', () => {
    const text = formatTable({
      columns: ['v'],
      rows: [[3], [1 / 3], [Number.POSITIVE_INFINITY], [Number.NaN]],
    });
    expect(text.split('\n').slice(2)).toEqual(['       3', '  0.3333', 'Infinity', '     NaN']);
  });

  it('cuts a short text that escaping makes longer than the widest cell', () => {
    // 79 characters, one of them ESC, which prints as the 6 characters \u001b: 84 > 80, cut to 79 + …
    const cell = `${'x'.repeat(78)}\u001b`;
    const line = formatTable({ columns: ['a'], rows: [[cell]] }).split('\n')[2];
    expect(line).toBe(`${'x'.repeat(78)}\\…`);
  });

  it('escapes control characters in cells', () => {
    expect(formatTable({ columns: ['a'], rows: [['x\u001b[2Jy\nz']] }).split('\n')[2]).toBe(
      'x\\u001b[2Jy\\u000az',
    );
  });

  it('escapeControls keeps line feeds only when asked', () => {
    expect(escapeControls('a\nb\u0007')).toBe('a\\u000ab\\u0007');
    expect(escapeControls('a\nb\u0007', true)).toBe('a\nb\\u0007');
  });
});

describe('--format json', () => {
  it('prints the rows as records without data, the data whole with it (typed arrays as arrays)', () => {
    const t = {
      columns: ['k', 'v'],
      rows: [
        ['a', 1],
        ['b', null],
      ],
    };
    expect(JSON.parse(render(t, 'json'))).toEqual([
      { k: 'a', v: 1 },
      { k: 'b', v: null },
    ]);
    expect(JSON.parse(render(t, 'json', { x: Float64Array.of(0.5, 2) }))).toEqual({ x: [0.5, 2] });
  });

  it('keeps a column named __proto__ as a plain key', () => {
    const [record] = JSON.parse(render({ columns: ['__proto__'], rows: [[1]] }, 'json')) as object[];
    expect(Object.keys(record ?? {})).toEqual(['__proto__']);
  });
});

describe('CSV escaping (RFC 4180; OWASP CSV Injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
    ['a,b', '"a,b"'],
    ['a;=1+1', '"a;=1+1"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['plain', 'plain'],
    ['', ''],
  ])('text %j is written %s', (cell, written) => {
    expect(csvField(cell)).toBe(written);
  });

  it('writes numbers as numbers: a negative number is not altered', () => {
    expect([-1.5, -0, 0, 1e-300, -1e308, true, null, undefined].map(csvField)).toEqual([
      '-1.5',
      '0',
      '0',
      '1e-300',
      '-1e+308',
      'true',
      '',
      '',
    ]);
    expect(formatCsv({ columns: ['k', 'v'], rows: [['=cmd', -3]] })).toBe("k,v\n'=cmd,-3");
    expect(render({ columns: ['k'], rows: [['a,b']] }, 'csv')).toBe('k\n"a,b"');
  });
});

describe('the machine-readable formats: snake_case names and JSON Lines', () => {
  it('names columns in lower snake case, the unit as the last word', () => {
    expect(snakeCase('value added', 'EUR')).toBe('value_added_eur');
    expect(snakeCase('growth and upgrading')).toBe('growth_and_upgrading');
    expect(snakeCase('market orientation')).toBe('market_orientation');
    expect(snakeCase(' Value added (USD) ')).toBe('value_added_usd');
  });

  it('writes one JSON object per line, typed arrays as arrays, __proto__ as a plain key', () => {
    expect(formatJsonl([{ a: 1 }, { b: new Float64Array([0.5, 2]) }])).toBe('{"a":1}\n{"b":[0.5,2]}');
    expect(formatJsonl([])).toBe('');
    expect(
      render(
        {
          columns: ['__proto__', 'v'],
          rows: [
            ['x', 1],
            ['y', null],
          ],
        },
        'jsonl',
      ),
    ).toBe('{"__proto__":"x","v":1}\n{"__proto__":"y","v":null}');
  });
});
