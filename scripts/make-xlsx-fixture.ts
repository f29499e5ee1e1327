/**
 * Writes Excel workbooks (.xlsx) from arrays of rows, with the minimal SpreadsheetML parts that
 * Excel itself writes ([Content_Types].xml, _rels/.rels, xl/workbook.xml,
 * xl/_rels/workbook.xml.rels, xl/worksheets/sheetN.xml, xl/sharedStrings.xml; text cells are
 * shared strings, `t="s"`), zipped with fflate. Used for the ADB MRIO fixture
 * (tests/fixtures/adb/) and for the full-size workbook the reader was measured on.
 *
 *   npx tsx scripts/make-xlsx-fixture.ts            # writes tests/fixtures/adb/ADB-MRIO-2022_Mar2022.xlsx
 *   npx tsx scripts/make-xlsx-fixture.ts --full OUT  # writes a full-size 63-economy workbook to OUT
 *
 * Layout of an ADB MRIO sheet (Asian Development Bank, "ADB Multiregional Input-Output Database:
 * Sources and Methods", 2020; as read by exvatools R/extract_mrio.R, rows 8… and columns E…):
 * rows 1–3 title, subtitle and unit; row 5 descriptions; row 6 economy codes; row 7 codes c1…c35,
 * F1…F5 and the total column (row 6 `ToT`); from row 8 one row per economy–sector (A blank,
 * B sector name, C economy code, D sector code), then the rows r60 (intermediate input total), r99
 * (taxes less subsidies on products), r61 (cif/fob adjustments), r62 (direct purchases abroad by
 * residents), r63 (purchases on the domestic territory by non-residents), r64 (value added at basic
 * prices), trs (international transport margins) and r69 (total), and a note.
 */
import { writeFileSync } from 'node:fs';
import { zipSync } from 'fflate';

/** A cell: a number, a text (written as a shared string), or nothing. */
export type Cell = number | string | null | undefined;

/** One sheet to write. */
export interface SheetSpec {
  name: string;
  rows: readonly (readonly Cell[])[];
}

/** The column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The bytes of an .xlsx workbook holding `sheets`. */
export function writeXlsx(sheets: readonly SheetSpec[]): Uint8Array {
  const enc = new TextEncoder();
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  let stringCount = 0;
  const sheetXml = sheets.map((sheet) => {
    const parts: string[] = [];
    let maxCol = 0;
    sheet.rows.forEach((row, r) => {
      const cells: string[] = [];
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const ref = `${columnLetters(c)}${r + 1}`;
        maxCol = Math.max(maxCol, c);
        if (typeof v === 'number') {
          cells.push(`<c r="${ref}"><v>${v}</v></c>`);
        } else {
          let i = stringIndex.get(v);
          if (i === undefined) {
            i = strings.length;
            strings.push(v);
            stringIndex.set(v, i);
          }
          stringCount++;
          cells.push(`<c r="${ref}" t="s"><v>${i}</v></c>`);
        }
      });
      if (cells.length > 0) parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
    });
    const dim = `A1:${columnLetters(maxCol)}${Math.max(1, sheet.rows.length)}`;
    return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${dim}"/><sheetData>${parts.join('')}</sheetData></worksheet>`;
  });
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': enc.encode(
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('') +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': enc.encode(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': enc.encode(
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>` +
        sheets
          .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
          .join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': enc.encode(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ),
    'xl/sharedStrings.xml': enc.encode(
      `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${stringCount}" uniqueCount="${strings.length}">` +
        strings
          .map((s) =>
            s.trim() !== s
              ? `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`
              : `<si><t>${escapeXml(s)}</t></si>`,
          )
          .join('') +
        '</sst>',
    ),
  };
  sheetXml.forEach((xml, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = enc.encode(xml);
  });
  return zipSync(files, { level: 6, mtime: new Date('2024-01-01T00:00:00Z') });
}

const FD_NAMES = [
  'Final consumption expenditure by households',
  'Final consumption expenditure by non-profit organisations serving households (NPISH)',
  'Final consumption expenditure by government',
  'Gross fixed capital formation',
  'Changes in inventories and valuables',
];
const SECTOR_NAMES = ['Agriculture, hunting, forestry, and fishing', 'Mining and quarrying'];
const TAIL: readonly [string, string][] = [
  ['r60', 'Intermediate input total'],
  ['r99', 'Taxes less subsidies on products'],
  ['r61', 'Cif/ fob adjustments on exports'],
  ['r62', 'Direct purchases abroad by residents'],
  ['r63', 'Purchases on the domestic territory by non-residents'],
  ['r64', 'Value added at basic prices'],
  ['trs', 'International Transport Margins'],
  ['r69', 'TOTAL'],
];

/**
 * The sheet of an ADB MRIO table with economies `countries` and `N` sectors, whose values come from
 * `cell(i, j)` (row i, column j of the data block: country–sector rows then the tail rows r60…r69;
 * columns: G·N intermediate, G·5 final demand, the total), in the exact layout of the release.
 */
export function adbSheet(
  countries: readonly string[],
  N: number,
  cell: (i: number, j: number) => Cell,
  title: readonly string[],
): Cell[][] {
  const G = countries.length;
  const n = G * N;
  const cols = n + 5 * G + 1;
  const sectorName = (s: number) => SECTOR_NAMES[s] ?? `Sector ${s + 1}`;
  const rows: Cell[][] = [[title[0]], [title[1]], [title[2]], []];
  const desc: Cell[] = [null, null, null, null];
  const econ: Cell[] = [null, null, null, null];
  const code: Cell[] = [null, null, null, null];
  for (let k = 0; k < G; k++) {
    for (let s = 0; s < N; s++) {
      desc.push(sectorName(s));
      econ.push(countries[k]);
      code.push(`c${s + 1}`);
    }
  }
  for (let k = 0; k < G; k++) {
    for (let f = 0; f < 5; f++) {
      desc.push(FD_NAMES[f]);
      econ.push(countries[k]);
      code.push(`F${f + 1}`);
    }
  }
  desc.push('TOTAL');
  econ.push('ToT');
  rows.push(desc, econ, code);
  for (let i = 0; i < n + TAIL.length; i++) {
    const label: Cell[] =
      i < n
        ? [null, sectorName(i % N), countries[Math.floor(i / N)], `c${(i % N) + 1}`]
        : [null, TAIL[i - n]![1], 'ToT', TAIL[i - n]![0]];
    const row: Cell[] = label;
    for (let j = 0; j < cols; j++) row.push(cell(i, j));
    rows.push(row);
  }
  rows.push([null, '$ = United States dollar; cif = cost, insurance, and freight; fob = free on board.']);
  return rows;
}

/**
 * The fixture: AUS, KOR, USA and RoW × 2 sectors. Country k = 1…4 (AUS = 1): its own block of Z is
 * [[5k, 3], [2, 6k]], every other Z entry 1; final demand of each row: own country F1 = 10k, F2 = 1,
 * F3 = 3, F4 = 4, F5 = −1 (USA row c1: F4 = 4.5, F5 = −1.5), each other country F1 = 2. Value added:
 * r99 = 2 in every column, trs = 1 in the RoW columns, r64 the rest; r61, r62, r63 blank (" " or
 * no cell, as in the release). See tests/io/readers/adb.test.ts for the arithmetic.
 */
export function fixtureRows(): Cell[][] {
  const countries = ['AUS', 'KOR', 'USA', 'RoW'];
  const N = 2;
  const G = 4;
  const n = G * N;
  const z = (i: number, j: number) => {
    const ci = Math.floor(i / N);
    const cj = Math.floor(j / N);
    if (ci !== cj) return 1;
    const k = ci + 1;
    const si = i % N;
    const sj = j % N;
    return si === 0 ? (sj === 0 ? 5 * k : 3) : sj === 0 ? 2 : 6 * k;
  };
  const y = (i: number, d: number, f: number): Cell => {
    const ci = Math.floor(i / N);
    if (ci !== d) return f === 0 ? 2 : f === 1 ? ' ' : null;
    const k = ci + 1;
    if (ci === 2 && i % N === 0 && f >= 3) return f === 3 ? 4.5 : -1.5;
    return [10 * k, 1, 3, 4, -1][f]!;
  };
  const x = (i: number) => {
    const k = Math.floor(i / N) + 1;
    return i % N === 0 ? 15 * k + 22 : 16 * k + 21;
  };
  const colZ = (j: number) => {
    const k = Math.floor(j / N) + 1;
    return j % N === 0 ? 5 * k + 8 : 6 * k + 9;
  };
  const cell = (i: number, j: number): Cell => {
    if (i < n) {
      if (j < n) return z(i, j);
      if (j < n + 5 * G) return y(i, Math.floor((j - n) / 5), (j - n) % 5);
      return x(i);
    }
    const tail = TAIL[i - n]![0];
    if (j >= n) return tail === 'r61' ? ' ' : 0;
    const rowOfRoW = Math.floor(j / N) === 3;
    switch (tail) {
      case 'r60':
        return colZ(j);
      case 'r99':
        return 2;
      case 'trs':
        return rowOfRoW ? 1 : 0;
      case 'r64':
        return x(j) - colZ(j) - 2 - (rowOfRoW ? 1 : 0);
      case 'r69':
        return x(j);
      case 'r61':
        return ' ';
      default:
        return null;
    }
  };
  const rows = adbSheet(countries, N, cell, [
    'Multiregional Input-Output Table 2022',
    '4 economies, at current prices (industry by industry)',
    'In millions of US$',
  ]);
  // A number stored as text, as it happens in workbooks: KOR c1 → AUS F1 reads as 2.
  rows[7 + 2]![4 + n] = '2';
  return rows;
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--full') {
    const out = args[1] ?? '/tmp/adb-full.xlsx';
    const G = 63;
    const N = 35;
    const n = G * N;
    const cell = (i: number, j: number): Cell => (i < n + 8 ? ((i * 7 + j * 13) % 1000) / 7 : null);
    const rows = adbSheet(
      Array.from({ length: G }, (_, k) => `E${String(k).padStart(2, '0')}`),
      N,
      cell,
      ['Multiregional Input-Output Table 2022', '63 economies', 'In millions of US$'],
    );
    writeFileSync(out, writeXlsx([{ name: 'ADB MRIO 2022', rows }]));
    console.log(`wrote ${out}`);
    return;
  }
  const out = new URL('../tests/fixtures/adb/ADB-MRIO-2022_Mar2022.xlsx', import.meta.url);
  writeFileSync(out, writeXlsx([{ name: 'ADB MRIO 2022', rows: fixtureRows() }]));
  console.log(`wrote ${out.pathname}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main();
