import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Cell, fixtureRows, writeXlsx } from '../../../scripts/make-xlsx-fixture.js';
import { GvcError } from '../../../src/io/index.js';
import { type AdbMrioOptions, readAdbMrio } from '../../../src/io/readers/adb.js';

const FILE = 'ADB-MRIO-2022_Mar2022.xlsx';
const fixture = new URL(`../../fixtures/adb/${FILE}`, import.meta.url);

// The fixture (tests/fixtures/adb/README.md): AUS, KOR, USA, RoW (k = 1…4) × sectors c1, c2.
// Sheet rows 8–15 are AUS c1, AUS c2, KOR c1, …, RoW c2; columns E–L the same as columns, M–AF
// final demand F1…F5 per economy, AG the total. Country k's own block of Z is [[5k, 3], [2, 6k]],
// every other Z entry 1. Final demand of each row: own economy F1…F5 = 10k, 1, 3, 4, −1 (USA c1:
// 10k, 1, 3, 4.5, −1.5, the same sum), each other economy F1 = 2 (KOR c1 → AUS F1 is the text "2").
// Gross output = row sums:
//   c1 of k: 5k + 3 + 6·1 (Z) + 10k + 1 + 3 + 4 − 1 + 3·2 (Y) = 15k + 22 → 37, 52, 67, 82
//   c2 of k: 2 + 6k + 6 (Z) + 10k + 7 + 6 (Y)                 = 16k + 21 → 37, 53, 69, 85
const X = [37, 37, 52, 53, 67, 69, 82, 85];
// Column sums of Z: c1 of k 5k + 2 + 6 = 5k + 8; c2 of k 3 + 6k + 6 = 6k + 9. Value added = the
// sum of rows r99…trs = output − column sums: c1 15k + 22 − 5k − 8 = 10k + 14, c2 10k + 12.
const VA = [24, 22, 34, 32, 44, 42, 54, 52];
// r99 = 2 everywhere, trs = 1 in RoW's columns, r61–r63 blank; r64 = VA − 2 − trs.
const TRS = [0, 0, 0, 0, 0, 0, 1, 1];
const R64 = VA.map((v, j) => v - 2 - TRS[j]!);
// Final demand by destination: own 10k + 1 + 3 + 4 − 1 = 10k + 7 (17, 27, 37, 47), others 2.
const own = [17, 27, 37, 47];
const Y = Array.from({ length: 8 }, (_, i) =>
  [0, 1, 2, 3].map((d) => (d === Math.floor(i / 2) ? own[d]! : 2)),
).flat();

async function issuesOf(bytes: Uint8Array | { text: string }, options?: AdbMrioOptions): Promise<string[]> {
  try {
    await readAdbMrio(bytes, { fileName: 'ADB.xlsx', ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(GvcError);
    return (e as GvcError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected readAdbMrio to throw');
}

/** The fixture with cells changed: `edits` maps `ROW:COL` (0-based sheet indices) to a value. */
function edited(edit: (rows: Cell[][]) => void): Uint8Array {
  const rows = fixtureRows();
  edit(rows);
  return writeXlsx([{ name: 'ADB MRIO 2022', rows }]);
}

describe('readAdbMrio', () => {
  it('reads the fixture workbook from a path: table, value-added rows, final demand, metadata', async () => {
    const t = await readAdbMrio(fileURLToPath(fixture));
    expect(t.countries).toEqual(['AUS', 'KOR', 'USA', 'RoW']);
    expect(t.sectors).toEqual(['c1', 'c2']);
    expect(Array.from(t.x)).toEqual(X); // exact: small integers and halves
    expect(Array.from(t.va)).toEqual(VA);
    expect(Array.from(t.Y)).toEqual(Y);
    // Z: USA's own block [[15, 3], [2, 18]]; AUS c1 → RoW c2 is 1.
    expect([t.Z[4 * 8 + 4], t.Z[4 * 8 + 5], t.Z[5 * 8 + 4], t.Z[5 * 8 + 5], t.Z[0 * 8 + 7]]).toEqual([
      15, 3, 2, 18, 1,
    ]);
    const m = t.meta!;
    expect(m).toMatchObject({ release: 'ADB MRIO', edition: 'Mar2022', year: 2022, unit: 'USD million' });
    expect(m.sectorNames).toEqual({
      c1: 'Agriculture, hunting, forestry, and fishing',
      c2: 'Mining and quarrying',
    });
    expect(m.finalDemand!.categories).toEqual(['HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT']);
    const fd = m.finalDemand!.Y; // n × (4·5)
    expect(Array.from(fd.subarray(4 * 20 + 10, 4 * 20 + 15))).toEqual([30, 1, 3, 4.5, -1.5]); // USA c1 → USA
    expect(fd[2 * 20 + 0]).toBe(2); // KOR c1 → AUS F1, stored as text
    expect(fd[2 * 20 + 1]).toBe(0); // a cell of one space
    expect(m.valueAdded!.map((v) => [v.code, v.kind])).toEqual([
      ['r99', 'taxes'],
      ['r61', 'other'],
      ['r62', 'other'],
      ['r63', 'other'],
      ['r64', 'value-added'],
      ['trs', 'other'],
    ]);
    const row = (code: string) => Array.from(m.valueAdded!.find((v) => v.code === code)!.values);
    expect(row('r99')).toEqual(Array(8).fill(2));
    expect(row('r61')).toEqual(Array(8).fill(0));
    expect(row('trs')).toEqual(TRS);
    expect(row('r64')).toEqual(R64);
    expect(m.valueAdded![0]!.name).toBe('Taxes less subsidies on products');
  });

  it('reads bytes, a Blob and a stream alike, without changing the bytes', async () => {
    const bytes = new Uint8Array(readFileSync(fixture));
    const copy = bytes.slice();
    const a = await readAdbMrio(bytes, { fileName: FILE });
    expect(bytes).toEqual(copy);
    const b = await readAdbMrio(new Blob([bytes]));
    const c = await readAdbMrio(
      (async function* () {
        yield bytes.subarray(0, 1000);
        yield bytes.subarray(1000);
      })(),
    );
    for (const t of [a, b, c]) expect(Array.from(t.x)).toEqual(X);
    expect(a.meta!.edition).toBe('Mar2022');
    expect(b.meta!.edition).toBeUndefined(); // no file name to take it from
    expect(b.meta!.year).toBe(2022); // from the title
  });

  it('takes edition and year from the options, and the price basis from the title', async () => {
    const rows = fixtureRows();
    rows[0]![0] = 'Multiregional Input-Output Table 2019, at constant 2010 prices';
    const t = await readAdbMrio(writeXlsx([{ name: 'S', rows }]), { fileName: 'ADB MRIO 2019.xlsx' });
    expect(t.meta).toMatchObject({
      edition: 'constant 2010 prices',
      year: 2019,
      unit: 'USD million at constant 2010 prices',
    });
    rows[0]![0] = 'Multiregional Input-Output Table, at constant 2010 prices';
    const v = await readAdbMrio(writeXlsx([{ name: 'S', rows }]), {
      fileName: 'ADB MRIO 2017, at constant 2010 prices.xlsx',
    });
    expect(v.meta).toMatchObject({ edition: 'constant 2010 prices', year: 2017 });
    const w = await readAdbMrio(writeXlsx([{ name: 'S', rows }]), {
      fileName: 'ADB-MRIO62-2021_August 2024.xlsx',
    });
    expect(w.meta).toMatchObject({ edition: 'August 2024, constant 2010 prices', year: 2021 });
    const u = await readAdbMrio(fileURLToPath(fixture), { edition: 'mrio2023', year: 2021 });
    expect(u.meta).toMatchObject({ edition: 'mrio2023', year: 2021 });
  });

  it('finds the data sheet after others, or reads the one named', async () => {
    const bytes = writeXlsx([
      { name: 'ReadMe', rows: [['ADB MRIO'], ['See the next sheet']] },
      { name: 'ADB MRIO 2022', rows: fixtureRows() },
    ]);
    expect(Array.from((await readAdbMrio(bytes)).x)).toEqual(X);
    expect(Array.from((await readAdbMrio(bytes, { sheet: 2 })).x)).toEqual(X);
    expect(await issuesOf(bytes, { sheet: 'Data' })).toEqual([
      'ADB.xlsx: expected options.sheet to name a sheet of the workbook ("ReadMe", "ADB MRIO 2022"), found "Data"',
    ]);
    expect((await issuesOf(bytes, { sheet: 1 }))[0]).toMatch(/^ADB\.xlsx: expected an ADB MRIO sheet/);
  });

  it('text in a number cell is one problem at its cell; decimal commas in text cells when asked', async () => {
    const bytes = edited((rows) => {
      rows[9]![5] = 'n/a'; // F10: KOR c1 → AUS c2
      rows[16]![6] = '2,0'; // G17: r99 of KOR c1, a decimal comma
    });
    expect(await issuesOf(bytes)).toEqual([
      'ADB.xlsx:10:F: expected a number (or an empty cell), found "n/a"',
      'ADB.xlsx:17:G: expected a number (or an empty cell), found "2,0"',
    ]);
    const fixed = edited((rows) => {
      rows[16]![6] = '2,0';
    });
    expect(Array.from((await readAdbMrio(fixed, { decimal: ',' })).va)).toEqual(VA);
  });

  it('stops after 100 problems, saying how many more there were', async () => {
    const bytes = edited((rows) => {
      for (let r = 7; r < 15; r++) for (let j = 4; j < 32; j++) rows[r]![j] = 'x';
    });
    const issues = await issuesOf(bytes);
    expect(issues.length).toBeLessThanOrEqual(101);
    expect(issues[0]).toBe('ADB.xlsx:8:E: expected a number (or an empty cell), found "x"');
  });

  it('a bad row label is one problem at its row; the rows after it are not blamed', async () => {
    const typo = edited((rows) => {
      rows[10]![2] = 'KRO'; // row 11: KOR c2
    });
    expect(await issuesOf(typo)).toEqual(['ADB.xlsx:11:D: expected KOR c2, found "KRO c2"']);
    const twice = edited((rows) => {
      rows[11]![3] = 'c2'; // row 12: USA c1 labelled USA c2, and row 13 is USA c2 again
    });
    expect(await issuesOf(twice)).toEqual([
      'ADB.xlsx:13:D: expected each economy–sector once, found "USA c2" again',
      'ADB.xlsx:16:D: expected a row for each of the 8 economy–sectors of the header, found none for USA c1',
    ]);
  });

  it('a wrong header is one problem at its cell', async () => {
    const swapped = edited((rows) => {
      rows[6]![6] = 'c2'; // G7: KOR's first sector column says c2
      rows[6]![7] = 'c1';
    });
    expect(await issuesOf(swapped)).toEqual([
      'ADB.xlsx:7:G: expected the column KOR c1 (every economy has the sectors c1…c2 in the same order), found "KOR c2"',
    ]);
    const noFd = edited((rows) => {
      for (const r of rows.slice(4)) r.length = 12;
    });
    expect(await issuesOf(noFd)).toEqual([
      'ADB.xlsx:7:M: expected the final-demand columns F1…F5 after the sector columns, found an empty cell',
    ]);
  });

  it('an unknown row below the table is one problem; a repeated one too', async () => {
    const bytes = edited((rows) => {
      rows[18]![3] = 'r65'; // row 19 (r62, zero) renamed: no numbers, still refused by its code
      rows[19]![3] = 'r99'; // row 20 (r63) renamed r99, which came before
    });
    expect(await issuesOf(bytes)).toEqual([
      'ADB.xlsx:19:D: expected one of the rows r60, r99, r61, r62, r63, r64, trs, r69 after the economy–sector rows, found "r65"',
      'ADB.xlsx:20:D: expected the row "r99" once, found it again',
    ]);
  });

  it('unbalanced accounts are refused with the path of the country–sector', async () => {
    const bytes = edited((rows) => {
      rows[7]![4] = 50; // AUS c1 → AUS c1: 5 → 50, the row total r69 still says 37
    });
    const issues = await issuesOf(bytes);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatch(/^ADB\.xlsx: input\.x\[AUS_c1\]/);
  });

  it('a file that is not a workbook says what it looks like', async () => {
    expect(await issuesOf({ text: 'V1,AUS_A01,AUS_A02\nAUS_A01,1,2\n' })).toEqual([
      'ADB.xlsx: expected an Excel workbook (.xlsx), found a file that looks like the OECD ICIO CSV (read it with readOecdIcio (or readIcioCsv for text))',
    ]);
    const zip = zipSync({ 'IOT_2022_ixi/Z.txt': new TextEncoder().encode('region\tAT\n') });
    expect(await issuesOf(zip)).toEqual([
      'ADB.xlsx: expected an Excel workbook (.xlsx), found a zip archive without xl/workbook.xml (entries IOT_2022_ixi/Z.txt; an EXIOBASE 3 archive? read it with readExiobase)',
    ]);
    const other = writeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['a', 'b'],
          [1, 2],
        ],
      },
    ]);
    expect(await issuesOf(other)).toEqual([
      'ADB.xlsx: expected a sheet with the ADB MRIO header (economy codes in row 6, codes c1, c2, … in row 7 from column E), found none in the sheets "Sheet1"',
    ]);
  });

  it('refuses bad arguments through the boundary', async () => {
    await expect(readAdbMrio(42 as never)).rejects.toThrow(GvcError);
    await expect(readAdbMrio(fileURLToPath(fixture), { sheet: 0 })).rejects.toThrow(/options\.sheet/);
    await expect(readAdbMrio(fileURLToPath(fixture), { unknown: 1 } as never)).rejects.toThrow(GvcError);
    await expect(readAdbMrio('/no/such/ADB.xlsx')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
