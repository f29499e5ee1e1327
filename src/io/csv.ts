import { z } from 'zod';
import { IssueList, preview, quote, validate, validateOptions } from '../core/boundary.js';
import { GvcError } from '../core/errors.js';

import { checkOrder } from './kernels/limits.js';
import { createIcio, ICIO_TOLERANCE } from './model.js';
import type { Icio } from './types.js';

/** OECD ICIO final-demand categories (2023 release; `NONRES` and `FD` of older releases too). */
const OECD_FINAL_DEMAND = ['HFCE', 'NPISH', 'GGFC', 'GFCF', 'INVNT', 'DPABR', 'NONRES', 'FD'] as const;

/**
 * Options of {@link readIcioCsv}:
 * - `finalDemand`: suffixes of final-demand columns (`CCC_HFCE`); the OECD ICIO categories
 *   `HFCE, NPISH, GGFC, GFCF, INVNT, DPABR, NONRES, FD` by default;
 * - `delimiter`: the field separator, `,` by default;
 * - `tolerance`: relative tolerance of the accounting checks, as in {@link createIcio}.
 *
 * @example
 * ```ts
 * IcioCsvOptions.parse({ delimiter: ';' }).delimiter;
 * //=> ';'
 * ```
 */
export const IcioCsvOptions = z
  .object({
    finalDemand: z.array(z.string().min(1)).min(1).optional(),
    delimiter: z.string().length(1, { error: 'expected a single-character delimiter' }).optional(),
    tolerance: z.number().finite().nonnegative().optional(),
  })
  .strict();
/** Options of {@link readIcioCsv}. */
export type IcioCsvOptions = z.input<typeof IcioCsvOptions>;

const TOTAL = new Set(['OUT', 'TOTAL']);

function splitLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter).map((c) => c.trim());
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

/**
 * Reads an inter-country input–output table in the OECD ICIO CSV layout, in one pass over the
 * text. The header row holds `CCC_SECTOR` industry columns (country-major, every country with the
 * same sectors in the same order), then final-demand columns `CCC_HFCE, CCC_NPISH, CCC_GGFC,
 * CCC_GFCF, CCC_INVNT, CCC_DPABR` (summed per destination country), and optionally a total column
 * `OUT` or `TOTAL`. Data rows are labelled like the industry columns and in the same order; rows
 * `TLS` (taxes less subsidies on products), `VA` (value added) and `OUT`/`TOTAL` (gross output) are
 * recognised. The value added of the result is VA + TLS, so that output = inputs + value added; the
 * total column is checked against the row sums, the total row against the column sums plus VA and
 * TLS, and the two totals against each other (see {@link createIcio}). Empty cells count as 0.
 *
 * @param text - the CSV text (a header row, then one row per country–sector and the total rows)
 * @param options - see {@link IcioCsvOptions}
 * @returns the validated table
 * @throws {GvcError} `INVALID_INPUT` listing every problem, located in the text as `text:LINE:FIELD`
 *   (1-based; the row and column labels are in the message): unknown or misplaced labels, cells that
 *   are not finite numbers, a mismatch of the output row and column; more than MAX_ICIO_ORDER
 *   industry columns, or fewer rows than industry columns, refused before the n×n matrix is
 *   allocated (path `text:1` or `text`); options at `options.…`; the checks of {@link createIcio}
 *   on the table read (paths `input.x[CCC_SECTOR]`)
 * @example
 * ```ts
 * const csv = [
 *   ',A_s,B_s,A_HFCE,B_HFCE,OUT',
 *   'A_s,1,2,5,6,14',
 *   'B_s,3,4,7,8,22',
 *   'VA,10,16,,,',
 *   'OUT,14,22,,,',
 * ].join('\n');
 * const t = readIcioCsv(csv);
 * [t.countries, t.sectors, Array.from(t.x)];
 * //=> [['A', 'B'], ['s'], [14, 22]]
 * ```
 */
export function readIcioCsv(text: string, options?: IcioCsvOptions): Icio {
  validate(
    z.string({ error: (iss) => `expected CSV text, found ${preview(iss.input)}` }),
    text,
    'text',
    'invalid ICIO CSV',
  );
  const opts = validateOptions(IcioCsvOptions, options);
  const fdSuffixes = new Set(opts.finalDemand ?? OECD_FINAL_DEMAND);
  const delimiter = opts.delimiter ?? ',';
  const tolerance = opts.tolerance ?? ICIO_TOLERANCE;
  const issues = new IssueList();
  const fail = () => new GvcError('INVALID_INPUT', 'invalid ICIO CSV', issues.issues());
  // Paths name the place in the text: `text:LINE:FIELD`, both 1-based.
  const at = (line: number, field?: number) => `text:${line}${field === undefined ? '' : `:${field}`}`;

  let pos = 0;
  let lineNo = 0;
  const nextLine = (): string | undefined => {
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const line = text.slice(pos, end > pos && text[end - 1] === '\r' ? end - 1 : end);
      pos = end + 1;
      lineNo++;
      if (line.trim() !== '') return line;
    }
    return undefined;
  };

  // Header: classify the columns.
  const headerLine = nextLine();
  if (headerLine === undefined) {
    throw new GvcError('INVALID_INPUT', 'invalid ICIO CSV', [
      { path: 'text', message: 'expected a header row, found empty text' },
    ]);
  }
  const headerNo = lineNo;
  const header = splitLine(headerLine, delimiter);
  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const industryCols: string[] = [];
  type Col = { kind: 'industry'; j: number } | { kind: 'fd'; label: string } | { kind: 'total' };
  const cols: Col[] = [];
  for (let k = 1; k < header.length; k++) {
    const label = header[k]!;
    const us = label.indexOf('_');
    if (TOTAL.has(label.toUpperCase())) cols.push({ kind: 'total' });
    else if (us > 0 && fdSuffixes.has(label.slice(us + 1))) cols.push({ kind: 'fd', label });
    else if (us > 0) {
      const c = label.slice(0, us);
      if (!countryIndex.has(c)) {
        countryIndex.set(c, countries.length);
        countries.push(c);
      }
      cols.push({ kind: 'industry', j: industryCols.length });
      industryCols.push(label);
    } else {
      issues.add(
        at(headerNo, k + 1),
        `expected CCC_SECTOR, CCC_<final demand> or OUT, found ${quote(label)}`,
      );
      cols.push({ kind: 'total' });
    }
  }
  const G = countries.length;
  const first = countries[0];
  const sectors = industryCols
    .filter((l) => l.startsWith(`${first}_`))
    .map((l) => l.slice((first ?? '').length + 1));
  const N = sectors.length;
  const n = industryCols.length;
  if (G === 0) issues.add(at(headerNo), 'expected industry columns labelled CCC_SECTOR, found none');
  else if (!checkOrder(issues, at(headerNo), n, `${n} industry columns`)) {
    // Refused before anything of size n² is allocated.
  } else if (
    n !== G * N ||
    new Set(industryCols).size !== n ||
    industryCols.some((l, j) => l !== `${countries[Math.floor(j / N)]}_${sectors[j % N]}`)
  ) {
    const shown = sectors.slice(0, 10).map(quote).join(', ') + (N > 10 ? `, … (${N} sectors)` : '');
    issues.add(
      at(headerNo),
      `expected every country to have the sectors of ${quote(first ?? '')} (${shown}) once each, in the same order, found ${n} industry columns for ${G} countries`,
    );
  }
  const fdCountry = cols.map((c) =>
    c.kind === 'fd' ? countryIndex.get(c.label.slice(0, c.label.indexOf('_'))) : undefined,
  );
  cols.forEach((c, k) => {
    if (c.kind === 'fd' && fdCountry[k] === undefined) {
      issues.add(
        at(headerNo, k + 2),
        `expected final demand of a country with industry columns, found ${quote(c.label)}`,
      );
    }
  });
  if (issues.size > 0) throw fail();
  // n rows must follow: count the lines left before allocating the n×n matrix.
  let left = 0;
  for (let p = pos; p < text.length && left < n; ) {
    let end = text.indexOf('\n', p);
    if (end < 0) end = text.length;
    if (text.slice(p, end).trim() !== '') left++;
    p = end + 1;
  }
  if (left < n) {
    throw new GvcError('INVALID_INPUT', 'invalid ICIO CSV', [
      { path: 'text', message: `expected ${n} country–sector rows after the header, found ${left} lines` },
    ]);
  }

  // Body: one pass, writing straight into the matrices.
  const Z = new Float64Array(n * n);
  const Y = new Float64Array(n * G);
  const outCol = new Float64Array(n);
  const va = new Float64Array(n);
  const outRow = new Float64Array(n);
  let hasOutCol = false;
  let hasOutRow = false;
  let hasVa = false;
  let outLine = 0;
  let row = 0;
  const seen = new Set<string>();
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    const cells = splitLine(line, delimiter);
    const label = cells[0] ?? '';
    const upper = label.toUpperCase();
    let target: 'Z' | 'TLS' | 'VA' | 'OUT';
    if (upper === 'TLS' || upper === 'VA') target = upper;
    else if (TOTAL.has(upper)) target = 'OUT';
    else {
      target = 'Z';
      if (label !== industryCols[row]) {
        issues.add(
          at(lineNo, 1),
          `expected row ${row + 1} to be ${industryCols[row] === undefined ? 'TLS, VA or OUT' : quote(industryCols[row]!)} (rows in the order of the industry columns), found ${quote(label)}`,
        );
        if (issues.size >= 100) throw fail();
        continue;
      }
    }
    if (target !== 'Z') {
      if (seen.has(target)) issues.add(at(lineNo, 1), `expected one ${target} row, found another`);
      seen.add(target);
    }
    if (cells.length - 1 > cols.length) {
      issues.add(at(lineNo), `expected at most ${cols.length} values, found ${cells.length - 1}`);
    }
    const i = row;
    for (let k = 0; k < cols.length; k++) {
      const cell = cells[k + 1] ?? '';
      const col = cols[k]!;
      if (target !== 'Z' && col.kind !== 'industry') continue;
      const v = cell === '' ? 0 : Number(cell);
      if (!Number.isFinite(v)) {
        issues.add(
          at(lineNo, k + 2),
          `expected a finite number in row ${quote(label)}, column ${quote(header[k + 1] ?? '')}, found ${quote(cell)}`,
        );
        if (issues.size >= 100) throw fail();
        continue;
      }
      if (target === 'Z') {
        if (col.kind === 'industry') Z[i * n + col.j] = v;
        else if (col.kind === 'fd') Y[i * G + fdCountry[k]!] = Y[i * G + fdCountry[k]!]! + v;
        else {
          outCol[i] = v;
          hasOutCol = true;
        }
      } else if (col.kind === 'industry') {
        if (target === 'OUT') outRow[col.j] = v;
        else va[col.j] = va[col.j]! + v;
      }
    }
    if (target === 'Z') row++;
    else if (target === 'OUT') {
      hasOutRow = true;
      outLine = lineNo;
    } else if (target === 'VA') hasVa = true;
  }
  if (row !== n) issues.add('text', `expected ${n} country–sector rows, found ${row}`);
  if (hasOutCol && hasOutRow && issues.size === 0) {
    for (let j = 0; j < n; j++) {
      const a = outCol[j]!;
      const b = outRow[j]!;
      if (Math.abs(a - b) > tolerance * Math.max(1, Math.abs(a), Math.abs(b))) {
        issues.add(
          at(outLine, j + 2),
          `expected the output row ${b} to equal the output column ${a} for ${quote(industryCols[j]!)}`,
        );
      }
    }
  }
  if (issues.size > 0) throw fail();
  const x = hasOutCol ? outCol : hasOutRow ? outRow : undefined;
  return createIcio({
    countries,
    sectors,
    Z,
    Y,
    tolerance,
    ...(x ? { x } : {}),
    ...(hasVa ? { va } : {}),
  });
}
