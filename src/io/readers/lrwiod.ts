import * as z from 'zod/mini';
import { IssueList, validateOptions } from '../../core/boundary.js';
import { checkOrder } from '../kernels/limits.js';
import type { Icio, IcioValueAddedRow } from '../types.js';
import { describeLayout } from './layouts.js';
import { eachLine, parseNumber, splitFields } from './lines.js';
import { readerOptionsShape } from './options.js';
import { ReadProblems } from './problems.js';
import { sourceName, type TableSource, validateSource } from './source.js';
import { finishTable } from './table.js';

/**
 * The options of {@link readLongRunWiod}: those of every reader (`fileName`, `delimiter` — `,` by
 * default —, `decimal`, `tolerance`) and the `year` to read (1965–2000 in version 1.0), required
 * since the file holds every year.
 *
 * @example
 * ```ts
 * LongRunWiodOptions.parse({ year: 2000 });
 * //=> { year: 2000 }
 * ```
 */
export const LongRunWiodOptions = z.strictObject({
  ...readerOptionsShape,
  year: z.int().check(z.gte(1900), z.lte(2100)),
});
/** The options of {@link readLongRunWiod}. */
export type LongRunWiodOptions = z.input<typeof LongRunWiodOptions>;

const WHAT = 'invalid long-run WIOD file';
const COLUMNS = ['year', 'row_country', 'row_isic3', 'col_country', 'col_isic3', 'value'] as const;
const TOTAL = 'xTOT';
/** Final demand per country, in the release's order. */
const FD = ['xCONS_h', 'xCONS_g', 'xGFCF', 'xINV'] as const;
/** The rows below the table and what each value-added row holds; `xII` and `xGO` are totals. */
const VA_KINDS: ReadonlyMap<string, IcioValueAddedRow['kind'] | 'total'> = new Map([
  ['xII', 'total'],
  ['xVA', 'value-added'],
  ['xTXSP', 'taxes'],
  ['xSD', 'other'],
  ['xPURNR', 'other'],
  ['xPURR', 'other'],
  ['xMRG_int', 'other'],
  ['xGO', 'total'],
] as const);
/** Memo columns (exports, imports, margins, output): not part of Z or Y. */
const MEMO_COLUMNS = new Set(['xX', 'xM', 'xMRG_int', 'xGO']);

/** Where a row or column label was first seen. */
interface Key {
  readonly country: string;
  readonly code: string;
  readonly line: number;
}

/**
 * Reads one year of the long-run WIOD (Woltjer, Gouma & Timmer 2021, "Long-run World Input-Output
 * Database: Version 1.0 Sources and Methods", GGDC Research Memorandum 190, University of
 * Groningen): 25 countries and the rest of the world × 23 industries (ISIC Rev. 3), 1965–2000, in
 * millions of US dollars, from the flat file `lr_wiod_wiot_final_filled.csv`, one cell of the
 * table per line with the columns `year`, `row_country`, `row_isic3`, `col_country`, `col_isic3`
 * and `value` (found by name in the header; others, such as `row_id`, are ignored). The file is
 * streamed and only the lines of `options.year` are kept.
 *
 * Rows are country–industry rows and the rows of country `xTOT` (`xII`, `xVA`, `xTXSP`, `xSD`,
 * `xPURNR`, `xPURR`, `xMRG_int`, `xGO`); columns are country–industry columns, final demand per
 * country (`xCONS_h`, `xCONS_g`, `xGFCF`, `xINV`) and memo columns of `xTOT` (`xX`, `xM`,
 * `xMRG_int`, `xGO`), which are skipped. As in exvatools, output is the row sums of Z and Y and
 * `va` is output minus the column sums of Z; the published rows `xVA` (value added), `xTXSP`
 * (taxes less subsidies) and the other components are kept in `meta.valueAdded` as published.
 * Codes keep the release's spelling without the sorting prefix `x` (`ROW`, `CONS_h`, `TXSP`);
 * countries and industries are in the order of the file. A label that names no country or
 * industry of the table is one error at the line where it first appears.
 *
 * @param source - the CSV file as a path, `{ text }`, bytes or a stream
 * @param options - `year` and see {@link LongRunWiodOptions}
 * @returns the table with `meta` (release `Long-run WIOD`, edition `1.0`, year, unit, final demand
 *   by category, the value-added rows)
 * @throws GvcError `INVALID_INPUT` listing every problem as `FILE:LINE:COLUMN` (a header that is
 *   not the long-run WIOD's says which layout it looks like; a year absent from the file; unknown
 *   labels; cells that are not numbers; repeated cells); `NOT_FOUND` for a missing file;
 *   `UNSUPPORTED` for a file path where there is no file system (a browser)
 *
 * @example
 * ```ts
 * const csv = [
 *   'year,row_country,row_isic3,col_country,col_isic3,value',
 *   '2000,AUS,C,AUS,C,2',
 *   '2000,AUS,C,AUS,xCONS_h,8',
 *   '2000,xTOT,xVA,AUS,C,8',
 * ].join('\n');
 * const t = await readLongRunWiod({ text: csv }, { year: 2000 });
 * [t.countries, t.sectors, Array.from(t.x)];
 * //=> [['AUS'], ['C'], [10]]
 * ```
 */
export async function readLongRunWiod(source: TableSource, options: LongRunWiodOptions): Promise<Icio> {
  const issues = new IssueList();
  const src = issues.attempt(() => validateSource(source));
  const opts = issues.attempt(() => validateOptions(LongRunWiodOptions, options ?? {}));
  issues.throwIfAny(WHAT);
  const file = opts!.fileName ?? sourceName(src!);
  const delimiter = opts!.delimiter ?? ',';
  const decimal = opts!.decimal ?? '.';
  const year = String(opts!.year);
  const p = new ReadProblems(file, WHAT);

  let at: number[] | undefined;
  let yearCol = 0;
  const years = new Set<string>();
  let lastYear: string | undefined;
  const rowKeys = new Map<string, number>();
  const colKeys = new Map<string, number>();
  const rows: Key[] = [];
  const cols: Key[] = [];
  const ri: number[] = [];
  const ci: number[] = [];
  const vals: number[] = [];
  const lines: number[] = [];
  const key = (m: Map<string, number>, list: Key[], country: string, code: string, line: number) => {
    const k = `${country}\u0000${code}`;
    let i = m.get(k);
    if (i === undefined) {
      i = list.length;
      m.set(k, i);
      list.push({ country, code, line });
    }
    return i;
  };

  await eachLine(src!, (line, lineNo) => {
    if (at === undefined) {
      const head = splitFields(line, delimiter).map((h) => h.toLowerCase());
      at = COLUMNS.map((c) => head.indexOf(c));
      if (at.some((i) => i < 0)) {
        const found = describeLayout(line);
        const layout = found?.includes('readLongRunWiod') ? undefined : found;
        p.add(
          1,
          undefined,
          `expected the header of lr_wiod_wiot_final_filled.csv with the columns ${COLUMNS.join(', ')}, found ${
            layout
              ? `one that looks like ${layout}`
              : `no column ${COLUMNS.filter((_, k) => at![k]! < 0).join(', ')}`
          }`,
        );
        return false;
      }
      yearCol = at[0]!;
      return true;
    }
    if (line.length === 0) return true;
    if (!(yearCol === 0 && line.startsWith(year) && line.startsWith(delimiter, year.length))) {
      const y = field(line, delimiter, yearCol);
      if (y !== year) {
        if (y !== undefined && y !== lastYear && years.size < 1000) years.add(y);
        lastYear = y;
        return true;
      }
    }
    const f = splitFields(line, delimiter);
    const need = Math.max(...at);
    if (f.length <= need) {
      p.add(lineNo, undefined, `expected at least ${need + 1} fields, found ${f.length}`);
      return !p.full;
    }
    const cell = f[at[5]!]!;
    const v = cell === '' ? 0 : parseNumber(cell, decimal);
    if (!Number.isFinite(v)) {
      p.add(lineNo, at[5]! + 1, `expected a number, found ${JSON.stringify(cell.slice(0, 40))}`);
      return !p.full;
    }
    ri.push(key(rowKeys, rows, f[at[1]!]!, f[at[2]!]!, lineNo));
    ci.push(key(colKeys, cols, f[at[3]!]!, f[at[4]!]!, lineNo));
    vals.push(v);
    lines.push(lineNo);
    return true;
  });
  if (at === undefined)
    p.add(undefined, undefined, 'expected the header of lr_wiod_wiot_final_filled.csv, found an empty file');
  if (at === undefined || at.some((i) => i < 0) || p.full) p.throwIfAny();
  if (vals.length === 0 && p.size === 0) {
    const seen = [...years].sort();
    p.addPath(
      'options.year',
      `expected a year of the file (${seen.length > 0 ? `${seen[0]}–${seen[seen.length - 1]}` : 'none: no data lines'}), found ${year}`,
    );
  }
  if (vals.length === 0) p.throwIfAny();
  return build(p, { rows, cols, ri, ci, vals, lines }, opts!.year, opts!.tolerance);
}

/** The field at index `k` of a line (undefined when there are fewer), without splitting the line. */
function field(line: string, delimiter: string, k: number): string | undefined {
  let start = 0;
  for (let i = 0; i < k; i++) {
    const next = line.indexOf(delimiter, start);
    if (next < 0) return undefined;
    start = next + 1;
  }
  const end = line.indexOf(delimiter, start);
  const cell = line.slice(start, end < 0 ? line.length : end);
  // a quoted field (or a quote before it) may hide a delimiter: split the line properly
  return cell.includes('"') || line.lastIndexOf('"', start) >= 0
    ? splitFields(line, delimiter)[k]
    : cell.trim();
}

interface Cells {
  rows: Key[];
  cols: Key[];
  ri: number[];
  ci: number[];
  vals: number[];
  lines: number[];
}

function build(p: ReadProblems, c: Cells, year: number, tolerance: number | undefined): Icio {
  // Countries and industries: the labels seen both as a row and as a column.
  const colCountries = new Set(c.cols.map((k) => k.country));
  const colCodes = new Set(c.cols.map((k) => k.code));
  const countries: string[] = [];
  const sectors: string[] = [];
  for (const k of c.rows) {
    if (k.country === TOTAL) continue;
    if (colCountries.has(k.country) && !countries.includes(k.country)) countries.push(k.country);
    if (colCodes.has(k.code) && !sectors.includes(k.code)) sectors.push(k.code);
  }
  const G = countries.length;
  const N = sectors.length;
  const orderIssues = new IssueList();
  checkOrder(orderIssues, p.file, G * N, `${G} countries × ${N} industries`);
  orderIssues.throwIfAny(WHAT);
  const n = G * N;
  const F = FD.length;
  const gi = new Map(countries.map((g, i) => [g, i]));
  const si = new Map(sectors.map((s, i) => [s, i]));
  const fi = new Map(FD.map((f, i) => [f as string, i]));
  const vaCodes = [...VA_KINDS.keys()];
  // Row key → table row (0..n-1), value-added row (n + k), or -1 (reported).
  const rowAt = c.rows.map((k) => {
    if (k.country === TOTAL) {
      const v = vaCodes.indexOf(k.code);
      if (v >= 0) return n + v;
      p.add(k.line, undefined, `expected a row of ${TOTAL} among ${vaCodes.join(', ')}, found ${k.code}`);
      return -1;
    }
    const g = gi.get(k.country);
    const s = si.get(k.code);
    if (g !== undefined && s !== undefined) return g * N + s;
    p.add(
      k.line,
      undefined,
      `expected a row of a country and industry of the table, found ${k.country} ${k.code}`,
    );
    return -1;
  });
  // Column key → Z column (0..n-1), Y column (n + …), memo (-2) or -1 (reported).
  const colAt = c.cols.map((k) => {
    if (k.country === TOTAL && MEMO_COLUMNS.has(k.code)) return -2;
    const g = gi.get(k.country);
    const s = si.get(k.code);
    const f = fi.get(k.code);
    if (g !== undefined && s !== undefined) return g * N + s;
    if (g !== undefined && f !== undefined) return n + g * F + f;
    p.add(
      k.line,
      undefined,
      `expected a column of a country and industry or final-demand category, found ${k.country} ${k.code}`,
    );
    return -1;
  });
  p.throwIfAny();
  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * G * F);
  const below = vaCodes.map(() => new Float64Array(n));
  const seen = new Set<number>();
  const width = n + G * F;
  for (let e = 0; e < c.vals.length; e++) {
    const r = rowAt[c.ri[e]!]!;
    const col = colAt[c.ci[e]!]!;
    if (col === -2 || (r >= n && col >= n)) continue;
    const cell = r * width + col;
    if (seen.has(cell)) {
      p.add(
        c.lines[e],
        undefined,
        `expected one line per cell, found ${c.rows[c.ri[e]!]!.country} ${c.rows[c.ri[e]!]!.code} × ${c.cols[c.ci[e]!]!.country} ${c.cols[c.ci[e]!]!.code} again`,
      );
      if (p.full) break;
      continue;
    }
    seen.add(cell);
    const v = c.vals[e]!;
    if (r >= n) below[r - n]![col] = v;
    else if (col < n) Z[r * n + col] = v;
    else Y[r * G * F + col - n] = v;
  }
  p.throwIfAny();
  const strip = (s: string) => (s.startsWith('x') ? s.slice(1) : s);
  const valueAdded: IcioValueAddedRow[] = [];
  vaCodes.forEach((code, k) => {
    const kind = VA_KINDS.get(code)!;
    if (kind !== 'total' && c.rows.some((r) => r.country === TOTAL && r.code === code)) {
      valueAdded.push({ code: strip(code), kind, values: below[k]! });
    }
  });
  return finishTable(
    {
      countries: countries.map((g) => (g === 'xROW' ? 'ROW' : g)),
      sectors,
      Z,
      Y,
      categories: FD.map(strip),
      ...(tolerance !== undefined ? { tolerance } : {}),
    },
    {
      release: 'Long-run WIOD',
      edition: '1.0',
      year,
      unit: 'USD million',
      ...(valueAdded.length > 0 ? { valueAdded } : {}),
    },
    p.file,
    WHAT,
  );
}
