/**
 * Reads the sheet of an ADB MRIO workbook, given as rows of cells (as read-excel-file returns
 * them: row i of the array is spreadsheet row i + 1, cell j is column j + 1), into a
 * {@link ReadTable}. See `readAdbMrio` for the layout.
 *
 * @internal
 */
import { preview, quote } from '../../core/boundary.js';
import { MAX_ICIO_ORDER, matrixBytes } from '../kernels/limits.js';
import type { IcioValueAddedRow } from '../types.js';
import { parseNumber } from './lines.js';
import type { ReadProblems } from './problems.js';
import type { ReadTable } from './table.js';

/** A cell as read-excel-file gives it. */
export type SheetCell = string | number | boolean | Date | null | undefined;

/** What the sheet gave besides the table. */
export interface AdbSheet {
  readonly table: ReadTable;
  /** The title rows above the header (title, subtitle, unit), for the year and the price basis. */
  readonly title: readonly string[];
  readonly sectorNames: Readonly<Record<string, string>>;
}

/** The rows after the economy–sector rows, by code: what each holds. */
const TAIL_ROWS: Readonly<Record<string, 'skip' | 'output' | IcioValueAddedRow['kind']>> = {
  r60: 'skip', // intermediate input total (the column sums of Z)
  r99: 'taxes', // taxes less subsidies on products
  r61: 'other', // cif/fob adjustments on exports
  r62: 'other', // direct purchases abroad by residents
  r63: 'other', // purchases on the domestic territory by non-residents
  r64: 'value-added', // value added at basic prices
  trs: 'other', // international transport margins
  r69: 'output', // total (gross output)
};

/**
 * The release's final-demand codes F1…F5, given as the OECD ICIO codes of the same categories
 * (household consumption, NPISH, government consumption, gross fixed capital formation, changes
 * in inventories and valuables).
 */
const CATEGORY_CODES: Readonly<Record<string, string>> = {
  F1: 'HFCE',
  F2: 'NPISH',
  F3: 'GGFC',
  F4: 'GFCF',
  F5: 'INVNT',
};

const SECTOR = /^c\d+$/i;
const CATEGORY = /^F\d+$/i;
const HEADER_SEARCH_ROWS = 30;

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

const text = (c: SheetCell): string =>
  typeof c === 'string' ? c.trim() : typeof c === 'number' ? String(c) : '';

/** Where the header is: the row of codes (c1, c2, …) and the column of the first sector code. */
export function findHeader(
  rows: readonly (readonly SheetCell[])[],
): { row: number; col: number } | undefined {
  const last = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let r = 1; r < last; r++) {
    const row = rows[r]!;
    for (let j = 3; j + 1 < row.length; j++) {
      if (text(row[j]).toLowerCase() !== 'c1') continue;
      const next = text(row[j + 1]);
      if (SECTOR.test(next) || CATEGORY.test(next)) return { row: r, col: j };
    }
  }
  return undefined;
}

/**
 * Reads the table of an ADB MRIO sheet. Problems go to `problems` located `FILE:ROW:COLUMN` with
 * the spreadsheet's row number and column letters (`ADB.xlsx:9:E`); returns `undefined` when the
 * header cannot be read (nothing else can then be).
 */
export function readAdbSheet(
  rows: readonly (readonly SheetCell[])[],
  problems: ReadProblems,
  decimal: '.' | ',',
): AdbSheet | undefined {
  const header = findHeader(rows);
  if (header === undefined) {
    problems.add(
      undefined,
      undefined,
      `expected an ADB MRIO sheet: a header row of sector codes c1, c2, … (row 7, from column E) below a row of economy codes, found none in the first ${HEADER_SEARCH_ROWS} rows`,
    );
    return undefined;
  }
  const codeRow = rows[header.row]!;
  const econRow = rows[header.row - 1]!;
  const j0 = header.col;
  const at = (r: number, j: number) => [r + 1, columnLetters(j)] as const;

  // Header: intermediate columns (economy, cN), then final demand (economy, FN).
  const countries: string[] = [];
  const sectors: string[] = [];
  let j = j0;
  let country = '';
  const colCountry = (jj: number) => {
    const c = text(econRow[jj]);
    if (c !== '') country = c;
    return country;
  };
  for (; j < codeRow.length && SECTOR.test(text(codeRow[j])); j++) {
    const c = colCountry(j);
    if (countries[countries.length - 1] !== c) countries.push(c);
    if (countries.length === 1) sectors.push(text(codeRow[j]));
  }
  const N = sectors.length;
  const G = countries.length;
  const n = G * N;
  if (n > MAX_ICIO_ORDER) {
    problems.add(
      header.row + 1,
      columnLetters(j0),
      `expected at most ${MAX_ICIO_ORDER} country–sector pairs (each n×n matrix takes 8·n² bytes, ${matrixBytes(MAX_ICIO_ORDER)} at the limit), found ${G} economies × ${N} sectors = ${n}`,
    );
    return undefined;
  }
  const seen = new Set<string>();
  for (let t = 0; t < j - j0; t++) {
    const want = `${countries[Math.floor(t / N)]} ${sectors[t % N]}`;
    const found = `${colCountry(j0 + t)} ${text(codeRow[j0 + t])}`;
    if (t >= n || want !== found || seen.has(found)) {
      problems.add(
        ...at(header.row, j0 + t),
        `expected the column ${want} (every economy has the sectors ${sectors[0]}…${sectors[N - 1]} in the same order), found ${quote(found)}`,
      );
      break;
    }
    seen.add(found);
  }
  if (j - j0 !== n && problems.size === 0) {
    problems.add(
      ...at(header.row, j),
      `expected ${n} sector columns (${G} economies × ${N} sectors), found ${j - j0}`,
    );
  }
  const fd0 = j;
  const categories: string[] = [];
  for (; j < codeRow.length && CATEGORY.test(text(codeRow[j])); j++) {
    const c = colCountry(j);
    if (c === countries[0]) categories.push(text(codeRow[j]).toUpperCase());
  }
  const F = categories.length;
  if (F === 0) {
    problems.add(
      ...at(header.row, fd0),
      `expected the final-demand columns F1…F5 after the sector columns, found ${text(codeRow[fd0]) === '' ? 'an empty cell' : quote(text(codeRow[fd0]))}`,
    );
  } else {
    for (let u = 0; u < j - fd0; u++) {
      const want = `${countries[Math.floor(u / F)] ?? '(none)'} ${categories[u % F]}`;
      const found = `${colCountry(fd0 + u)} ${text(codeRow[fd0 + u]).toUpperCase()}`;
      if (want !== found || u >= G * F) {
        problems.add(
          ...at(header.row, fd0 + u),
          `expected the final-demand column ${want} (each economy's categories ${categories.join(', ')}, economies in the order of the sector columns), found ${quote(found)}`,
        );
        break;
      }
    }
    if (j - fd0 < G * F && problems.size === 0) {
      problems.add(
        ...at(header.row, j),
        `expected ${G * F} final-demand columns (${G} economies × ${F} categories), found ${j - fd0}`,
      );
    }
  }
  if (problems.size > 0) return undefined;

  // Body: economy–sector rows, placed by their labels; then the value-added rows and the total.
  const index = new Map<string, number>();
  for (let k = 0; k < n; k++) index.set(`${countries[Math.floor(k / N)]}\u0000${sectors[k % N]}`, k);
  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * G * F);
  const filled = new Uint8Array(n);
  const sectorNames: Record<string, string> = {};
  const valueAdded: IcioValueAddedRow[] = [];
  const tailSeen = new Set<string>();
  let x: Float64Array<ArrayBuffer> | undefined;
  const cCountry = j0 - 2;
  const cCode = j0 - 1;
  const cName = j0 - 3;

  const number = (row: readonly SheetCell[], r: number, jj: number): number => {
    const c = row[jj];
    if (c === null || c === undefined) return 0;
    if (typeof c === 'number') {
      if (Number.isFinite(c)) return c;
    } else if (typeof c === 'string') {
      const s = c.trim();
      if (s === '') return 0;
      const v = parseNumber(s, decimal);
      if (!Number.isNaN(v)) return v;
    }
    problems.add(
      ...at(r, jj),
      `expected a number (or an empty cell), found ${c instanceof Date ? 'a date' : preview(c)}`,
    );
    return 0;
  };
  const readInto = (
    row: readonly SheetCell[],
    r: number,
    target: Float64Array,
    offset: number,
    from: number,
    count: number,
  ) => {
    for (let t = 0; t < count && !problems.full; t++) target[offset + t] = number(row, r, from + t);
  };

  let r = header.row + 1;
  let next = 0;
  for (; r < rows.length && !problems.full; r++) {
    const row = rows[r]!;
    const code = text(row[cCode]);
    const econ = text(row[cCountry]);
    if (Object.hasOwn(TAIL_ROWS, code) || econ.toLowerCase() === 'tot') break;
    if (code === '' && econ === '') {
      if (hasNumbers(row, j0, n))
        problems.add(r + 1, columnLetters(cCode), 'expected an economy code and a sector code, found none');
      continue;
    }
    let k = index.get(`${econ}\u0000${code}`);
    if (k === undefined) {
      // A bad label: one problem here; the row is taken as the one expected in its place, so
      // that the rows after it are not blamed.
      const want =
        next < n && !filled[next] ? `${countries[Math.floor(next / N)]} ${sectors[next % N]}` : undefined;
      problems.add(
        r + 1,
        columnLetters(cCode),
        `expected ${want ?? `an economy–sector of the header (${countries[0]} ${sectors[0]} … ${countries[G - 1]} ${sectors[N - 1]})`}, found ${quote(`${econ} ${code}`)}`,
      );
      if (want === undefined) continue;
      k = next;
    }
    if (filled[k]) {
      problems.add(
        r + 1,
        columnLetters(cCode),
        `expected each economy–sector once, found ${quote(`${econ} ${code}`)} again`,
      );
      continue;
    }
    filled[k] = 1;
    next = k + 1;
    if (k < N && cName >= 0 && text(row[cName]) !== '') sectorNames[code] = text(row[cName]);
    readInto(row, r, Z, k * n, j0, n);
    readInto(row, r, Y, k * G * F, fd0, G * F);
  }
  const missing: string[] = [];
  for (let k = 0; k < n; k++)
    if (!filled[k]) missing.push(`${countries[Math.floor(k / N)]} ${sectors[k % N]}`);
  if (missing.length > 0 && !problems.full) {
    problems.add(
      Math.min(r, rows.length) + 1,
      columnLetters(cCode),
      `expected a row for each of the ${n} economy–sectors of the header, found none for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
    );
  }

  for (; r < rows.length && !problems.full; r++) {
    const row = rows[r]!;
    const code = text(row[cCode]);
    if (code === '') {
      if (hasNumbers(row, j0, n))
        problems.add(
          r + 1,
          columnLetters(cCode),
          'expected a row code (r60, r99, r61, r62, r63, r64, trs, r69), found none',
        );
      continue;
    }
    const kind = Object.hasOwn(TAIL_ROWS, code) ? TAIL_ROWS[code]! : undefined;
    if (kind === undefined) {
      problems.add(
        r + 1,
        columnLetters(cCode),
        `expected one of the rows ${Object.keys(TAIL_ROWS).join(', ')} after the economy–sector rows, found ${quote(code)}`,
      );
      continue;
    }
    if (tailSeen.has(code)) {
      problems.add(r + 1, columnLetters(cCode), `expected the row ${quote(code)} once, found it again`);
      continue;
    }
    tailSeen.add(code);
    if (kind === 'skip') continue;
    const values = new Float64Array(n);
    readInto(row, r, values, 0, j0, n);
    if (kind === 'output') {
      x = values;
      continue;
    }
    const name = cName >= 0 ? text(row[cName]) : '';
    valueAdded.push({ code, ...(name !== '' ? { name } : {}), kind, values });
  }

  const title: string[] = [];
  for (let t = 0; t < header.row - 1; t++) {
    const s = text(rows[t]![0]);
    if (s !== '') title.push(s);
  }
  return {
    table: {
      countries,
      sectors,
      Z,
      Y,
      categories: categories.map((c) => (Object.hasOwn(CATEGORY_CODES, c) ? CATEGORY_CODES[c]! : c)),
      ...(x ? { x } : {}),
      valueAdded,
    },
    title,
    sectorNames,
  };
}

function hasNumbers(row: readonly SheetCell[], from: number, count: number): boolean {
  for (let t = from; t < from + count && t < row.length; t++) {
    const c = row[t];
    if (typeof c === 'number' ? c !== 0 : typeof c === 'string' && c.trim() !== '') return true;
  }
  return false;
}
