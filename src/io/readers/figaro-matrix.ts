import { IssueList, quote } from '../../core/boundary.js';
import { checkOrder } from '../kernels/limits.js';
import type { IcioValueAddedRow } from '../types.js';
import { FD_INDEX, FIGARO_FINAL_DEMAND, FIGARO_VALUE_ADDED, splitLabel } from './figaro-codes.js';
import { parseNumber, splitFields } from './lines.js';
import type { ReadProblems } from './problems.js';
import type { ReadTable } from './table.js';

/**
 * A reader of one FIGARO layout, fed line by line: the header first, then every later line.
 *
 * @internal
 */
export interface FigaroSink {
  header(cells: string[], lineNo: number): void;
  line(line: string, lineNo: number): void;
  /** The table read, or `undefined` when problems were recorded. */
  finish(): ReadTable | undefined;
}

type Col = { kind: 'industry'; j: number } | { kind: 'fd'; c: number } | { kind: 'skip' };

/**
 * The matrix layout (`matrix_eu-ic-io_ind-by-ind_23ed_2021.csv`): a header `rowLabels, AR_A01, …,
 * AR_P3_S13, …`, one row per country–industry labelled like the columns, then the value-added
 * rows (`W2_D21X31`, `W2_D1`, …; the part before the underscore is not used). Columns and rows
 * are placed by their labels, so their order does not matter; countries and sectors keep the
 * order of the header.
 *
 * @internal
 */
export function figaroMatrix(problems: ReadProblems, delimiter: string, decimal: '.' | ','): FigaroSink {
  const countries: string[] = [];
  const sectors: string[] = [];
  const countryIndex = new Map<string, number>();
  const sectorIndex = new Map<string, number>();
  let cols: Col[] = [];
  let header: string[] = [];
  const rowIndex = new Map<string, number>();
  const fdPresent = new Set<number>();
  let n = 0;
  let G = 0;
  let Z: Float64Array<ArrayBuffer> | undefined;
  let Yfd: Float64Array<ArrayBuffer> | undefined;
  const F = FIGARO_FINAL_DEMAND.length;
  const va = new Map<string, Float64Array<ArrayBuffer>>();
  const seenRows = new Set<string>();

  return {
    header(cells, lineNo) {
      header = cells;
      const industry: { area: string; code: string; k: number }[] = [];
      const fd: { area: string; f: number; k: number }[] = [];
      const seen = new Set<string>();
      for (let k = 1; k < cells.length; k++) {
        const label = cells[k]!;
        const parts = splitLabel(label);
        if (parts === undefined) {
          problems.add(
            lineNo,
            k + 1,
            `expected a column label AREA_CODE (AR_A01, AR_P3_S13), found ${quote(label)}`,
          );
          continue;
        }
        if (seen.has(label)) {
          problems.add(lineNo, k + 1, `expected each column label once, found ${quote(label)} again`);
          continue;
        }
        seen.add(label);
        const f = FD_INDEX.get(parts.code);
        if (f !== undefined) fd.push({ area: parts.area, f, k });
        else {
          if (!countryIndex.has(parts.area)) countryIndex.set(parts.area, countryIndex.size);
          if (!sectorIndex.has(parts.code)) sectorIndex.set(parts.code, sectorIndex.size);
          industry.push({ ...parts, k });
        }
      }
      countries.push(...countryIndex.keys());
      sectors.push(...sectorIndex.keys());
      G = countries.length;
      const N = sectors.length;
      n = G * N;
      if (G === 0) {
        problems.add(
          lineNo,
          undefined,
          'expected industry columns labelled AREA_INDUSTRY (AR_A01), found none',
        );
        return;
      }
      const issues = new IssueList();
      if (!checkOrder(issues, problems.at(lineNo), n, `${G} countries × ${N} industries`)) {
        for (const i of issues.issues()) problems.addPath(i.path, i.message);
        return;
      }
      if (industry.length !== n) {
        const have = new Set(industry.map((c) => `${c.area}_${c.code}`));
        const missing = countries.flatMap((c) => sectors.map((s) => `${c}_${s}`)).filter((l) => !have.has(l));
        problems.add(
          lineNo,
          undefined,
          `expected every country to have the same industries, found no column ${missing.slice(0, 5).map(quote).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`,
        );
        return;
      }
      cols = cells.map(() => ({ kind: 'skip' }) as Col);
      for (const c of industry) {
        const j = countryIndex.get(c.area)! * N + sectorIndex.get(c.code)!;
        cols[c.k] = { kind: 'industry', j };
        rowIndex.set(`${c.area}_${c.code}`, j);
      }
      for (const c of fd) {
        const g = countryIndex.get(c.area);
        if (g === undefined) {
          problems.add(
            lineNo,
            c.k + 1,
            `expected final demand of a country with industry columns, found ${quote(cells[c.k]!)}`,
          );
          continue;
        }
        cols[c.k] = { kind: 'fd', c: g * F + c.f };
        fdPresent.add(c.f);
      }
      if (problems.size === 0) {
        Z = new Float64Array(n * n);
        Yfd = new Float64Array(n * G * F);
      }
    },

    line(line, lineNo) {
      if (Z === undefined || Yfd === undefined || line.trim() === '') return;
      const cells = splitFields(line, delimiter);
      const label = cells[0] ?? '';
      const parts = splitLabel(label);
      const vaCode = parts && FIGARO_VALUE_ADDED.has(parts.code) ? parts.code : undefined;
      const i = rowIndex.get(label);
      if (vaCode === undefined && i === undefined) {
        problems.add(
          lineNo,
          1,
          `expected a row label of a country–industry of the header (AR_A01) or a value-added row (${[...FIGARO_VALUE_ADDED.keys()].join(', ')}), found ${quote(label)}`,
        );
        return;
      }
      const key = vaCode ?? label;
      if (seenRows.has(key)) {
        problems.add(lineNo, 1, `expected each row once, found ${quote(label)} again`);
        return;
      }
      seenRows.add(key);
      if (cells.length > header.length) {
        problems.add(
          lineNo,
          undefined,
          `expected at most ${header.length} fields as in the header, found ${cells.length}`,
        );
      }
      let vaRow: Float64Array<ArrayBuffer> | undefined;
      if (vaCode !== undefined) {
        vaRow = new Float64Array(n);
        va.set(vaCode, vaRow);
      }
      for (let k = 1; k < cols.length; k++) {
        const col = cols[k]!;
        if (col.kind === 'skip') continue;
        const cell = cells[k] ?? '';
        if (cell === '' || cell === '0') continue;
        const v = parseNumber(cell, decimal);
        if (!Number.isFinite(v)) {
          problems.add(
            lineNo,
            k + 1,
            `expected a finite number in row ${quote(label)}, column ${quote(header[k]!)}, found ${quote(cell)}`,
          );
          if (problems.full) return;
          continue;
        }
        if (v === 0) continue;
        if (vaRow !== undefined) {
          // Value-added cells in final-demand columns (taxes on products paid by final users) are not part of the table.
          if (col.kind === 'industry') vaRow[col.j] = v;
        } else if (col.kind === 'industry') Z[i! * n + col.j] = v;
        else Yfd[i! * G * F + col.c] = v;
      }
    },

    finish() {
      if (Z === undefined || Yfd === undefined || problems.size > 0) return undefined;
      const missing = [...rowIndex.keys()].filter((l) => !seenRows.has(l));
      if (missing.length > 0) {
        problems.addPath(
          problems.file,
          `expected a row for every country–industry of the header, found none for ${missing.slice(0, 5).map(quote).join(', ')}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ''}`,
        );
        return undefined;
      }
      return assemble(countries, sectors, Z, Yfd, fdPresent, va);
    },
  };
}

/**
 * The {@link ReadTable} of a FIGARO table: final demand keeps the categories present (in the order
 * of {@link FIGARO_FINAL_DEMAND}), value-added rows the order of {@link FIGARO_VALUE_ADDED}.
 *
 * @internal
 */
export function assemble(
  countries: readonly string[],
  sectors: readonly string[],
  Z: Float64Array<ArrayBuffer>,
  Yfd: Float64Array<ArrayBuffer>,
  fdPresent: ReadonlySet<number>,
  va: ReadonlyMap<string, Float64Array<ArrayBuffer>>,
): ReadTable {
  const G = countries.length;
  const n = G * sectors.length;
  const F = FIGARO_FINAL_DEMAND.length;
  const keep = [...fdPresent].sort((a, b) => a - b);
  const Fk = Math.max(1, keep.length);
  let Y = Yfd;
  if (keep.length !== F) {
    Y = new Float64Array(n * G * Fk);
    for (let i = 0; i < n; i++) {
      for (let g = 0; g < G; g++) {
        keep.forEach((f, c) => {
          Y[i * G * Fk + g * Fk + c] = Yfd[i * G * F + g * F + f]!;
        });
      }
    }
  }
  const valueAdded: IcioValueAddedRow[] = [];
  for (const [code, { name, kind }] of FIGARO_VALUE_ADDED) {
    const values = va.get(code);
    if (values) valueAdded.push({ code, name, kind, values });
  }
  return {
    countries,
    sectors,
    Z,
    Y,
    categories: keep.length > 0 ? keep.map((f) => FIGARO_FINAL_DEMAND[f]!) : ['FD'],
    valueAdded,
  };
}
