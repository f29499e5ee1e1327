/** The problems readOecdIcio and readIcioCsv report: one per real fault, located FILE:LINE:COLUMN. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GvcError, readIcioCsv, readOecdIcio } from '../../../src/io/index.js';

const text = readFileSync(new URL('../../fixtures/oecd/2019.csv', import.meta.url), 'utf8');
const lines = text.trimEnd().split('\n');
const edit = (lineNo: number, f: (l: string) => string) =>
  lines.map((l, i) => (i === lineNo - 1 ? f(l) : l)).join('\n');
const setField = (lineNo: number, field: number, value: string) =>
  edit(lineNo, (l) =>
    l
      .split(',')
      .map((c, k) => (k === field - 1 ? value : c))
      .join(','),
  );

async function issuesOf(source: Parameters<typeof readOecdIcio>[0], options?: object): Promise<string[]> {
  try {
    await readOecdIcio(source, options);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readOecdIcio to throw');
}
function csvIssues(t: string, options?: object): string[] {
  try {
    readIcioCsv(t, options);
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readIcioCsv to throw');
}

describe('readOecdIcio problems', () => {
  it('a bad row label is one problem at its line; the rows after it are not blamed', async () => {
    // line 3 is AUS_C26, the second of 19 rows
    const bad = edit(3, (l) => l.replace('AUS_C26', 'AUS_C62'));
    expect(await issuesOf({ text: bad }, { fileName: '2019.csv' })).toEqual([
      '2019.csv:3:1: expected the label of an industry column (CCC_SECTOR) or TLS, VA, OUT, found "AUS_C62"',
    ]);
  });
  it('a bad cell is one problem at FILE:LINE:COLUMN', async () => {
    // line 5 is CHN_C26; field 3 the column AUS_C26
    expect(await issuesOf({ text: setField(5, 3, '1x') }, { fileName: '2019.csv' })).toEqual([
      '2019.csv:5:3: expected a finite number in row "CHN_C26", column "AUS_C26", found "1x"',
    ]);
  });
  it('a missing row, a repeated row and an output row that differs from the output column', async () => {
    const without = lines.filter((_, i) => i !== 2).join('\n');
    expect(await issuesOf({ text: without })).toEqual([
      'text: expected a row for each industry column, found none for "AUS_C26" (1 of 16)',
    ]);
    const twice = [...lines.slice(0, 3), lines[2]!, ...lines.slice(3)].join('\n');
    expect(await issuesOf({ text: twice })).toEqual(['text:4:1: expected one row "AUS_C26", found another']);
    // The OUT row is the last line (20); AUS_A01_02's output 297 changed to 298 in field 2.
    expect(await issuesOf({ text: setField(20, 2, '298') })).toEqual([
      'text:20:2: expected the output row 298 to equal the output column 297 for "AUS_A01_02"',
    ]);
  });
  it('a table that does not balance: the checks of createIcio under the file name', async () => {
    // AUS_A01_02's OUT column 297 → 300 in both totals: rows no longer sum to it.
    const t = setField(20, 2, '300');
    const out = setField(2, lines[0]!.split(',').length, '300');
    const both = t
      .split('\n')
      .map((l, i) => (i === 1 ? out.split('\n')[1]! : l))
      .join('\n');
    const issues = await issuesOf({ text: both }, { fileName: 'f.csv' });
    expect(issues[0]).toMatch(/^f\.csv: input\.x\[AUS_A01_02\]: expected gross output equal to/);
  });
  it('a file of another layout is one problem naming the layout it looks like', async () => {
    expect(
      await issuesOf({ text: 'refArea,counterpartArea,rowPi,colPi,obsValue\nAT,AT,CPA_A01,CPA_A01,1\n' }),
    ).toEqual([
      'text:1: expected the OECD ICIO CSV layout, found a file that looks like the FIGARO flat CSV (one observation per line) (read it with readFigaro)',
    ]);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 10, 10]);
    const [issue] = await issuesOf(zip);
    expect(issue).toMatch(
      /^input:1: expected the OECD ICIO CSV layout, found a file that looks like a zip archive/,
    );
  });
  it('refuses a table above MAX_ICIO_ORDER before allocating it, an empty file and a missing file', async () => {
    const codes = Array.from({ length: 127 }, (_, i) => `C${String(i).padStart(3, '0')}`);
    const header = `,${codes.flatMap((c) => codes.map((s) => `${c}_${s}`)).join(',')}`;
    expect(await issuesOf({ text: header })).toEqual([
      'text:1: expected at most 16000 country–sector pairs (each n×n matrix takes 8·n² bytes, 2.05 GB at the limit), found 127 countries × 127 sectors = 16129',
    ]);
    expect(await issuesOf({ text: '\n\n' })).toEqual(['text: expected a header row, found an empty file']);
    await expect(readOecdIcio('/no/such/dir/2019.csv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  it('checks the source and the options', async () => {
    expect(await issuesOf(42 as never)).toEqual([
      'source: expected a file path, { text }, bytes (Uint8Array, ArrayBuffer, Blob) or a stream, found number',
    ]);
    expect(await issuesOf({ text }, { edition: '2020' })).toEqual([
      'options.edition: expected "2016", "2018", "2021" or "2023"',
    ]);
    expect(await issuesOf({ text }, { decimal: ',', delimiter: ',' })).toEqual([
      'options.decimal: expected a decimal mark other than the delimiter ,',
    ]);
    expect((await issuesOf({ text }, { keepSplit: 'yes' }))[0]).toMatch(/^options\.keepSplit: /);
  });
});

describe('readIcioCsv problems', () => {
  it('one typo in the first of 13 rows is one problem (issue #16 saw 12)', () => {
    const sectors = Array.from({ length: 13 }, (_, i) => `s${i}`);
    const labels = sectors.map((s) => `A_${s}`);
    const rows = labels.map((l, i) => `${i === 0 ? 'A_sO' : l},${labels.map(() => '1').join(',')},5`);
    const csv = [`,${labels.join(',')},A_HFCE`, ...rows].join('\n');
    expect(csvIssues(csv)).toEqual([
      'text:2:1: expected the label of an industry column (CCC_SECTOR) or TLS, VA, OUT, found "A_sO"',
    ]);
  });
  it('reads 1,5 with decimal "," and ";" as 1.5, and locates a bad cell as text:LINE:FIELD', () => {
    const t = readIcioCsv(';A_s;A_HFCE\nA_s;1,5;2,25\n', { decimal: ',' });
    expect(Array.from(t.x)).toEqual([3.75]);
    expect(csvIssues(';A_s;A_HFCE\nA_s;1.5;2,25\n', { decimal: ',' })).toEqual([
      'text:2:2: expected a finite number in row "A_s", column "A_s", found "1.5"',
    ]);
  });
});

describe('bounded allocation of final demand', () => {
  it('refuses more final-demand entries than MAX_ICIO_ORDER² before allocating them', async () => {
    // 9,000 countries × 1 sector × 14 categories: n·G·F = 9,000 · 9,000 · 14 = 1.134·10⁹ > 2.56·10⁸
    const codes = Array.from({ length: 9000 }, (_, i) => `K${i}`);
    const fd = [
      'HFCE',
      'NPISH',
      'NPS',
      'GGFC',
      'GGCF',
      'GFCF',
      'INVNT',
      'INV',
      'DPABR',
      'DIRPA',
      'DIRP',
      'P33',
      'NONRES',
      'FD',
    ];
    const header = `,${codes.map((c) => `${c}_s`).join(',')},${fd.map((f) => `K0_${f}`).join(',')}`;
    const [issue] = await issuesOf({ text: `${header}\n${codes.map((c) => `${c}_s`).join('\n')}` });
    expect(issue).toBe(
      'text:1: expected at most 256000000 final-demand entries (rows × countries × categories), found 9000 × 9000 × 14',
    );
  });
});
