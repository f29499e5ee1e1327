import { IssueList, quote } from '../../core/boundary.js';
import { checkOrder } from '../kernels/limits.js';
import { cellValue, FD_INDEX, FIGARO_FINAL_DEMAND, FIGARO_VALUE_ADDED } from './figaro-codes.js';
import { assemble, type FigaroSink } from './figaro-matrix.js';
import { splitFields } from './lines.js';
import type { ReadProblems } from './problems.js';

/** The columns of the flat layout that the reader uses (found by name, in any order, any case). */
export const FLAT_COLUMNS = ['refArea', 'rowPi', 'counterpartArea', 'colPi', 'obsValue'] as const;

const AREA = /^[A-Za-z][A-Za-z0-9]*$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_]*$/;
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
/** Row and column labels are numbered in 16 bits each, packed into one 32-bit key per observation. */
const MAX_LABELS = 1 << 16;

type RowInfo = { va: string } | { area: string; code: string };
type ColInfo = { f: number; area: string } | { area: string; code: string };

/**
 * The flat layout (`flatfile_eu-ic-io_ind-by-ind_23ed_2021.csv`): one observation per line, with
 * columns refArea, rowPi (the row: a country and an industry, or `W2` and a value-added code),
 * counterpartArea, colPi (the column: a country and an industry or a final-demand code) and
 * obsValue, in any order and with other columns ignored.
 *
 * The lines come in any order, and the labels are only known at the end, so the reader keeps each
 * observation as a packed pair of label numbers and its value (12 bytes, in chunks of 2²⁰), then
 * places them into the dense matrices. Countries and industries are sorted by code (the order of
 * the matrix files: `AR, AT, …, FI, FIGW1, FR, …`).
 *
 * @internal
 */
export function figaroFlat(problems: ReadProblems, delimiter: string, decimal: '.' | ','): FigaroSink {
  let idx: number[] = [];
  let need = 0;
  let firstData = 0;
  const rowIds = new Map<string, number>();
  const colIds = new Map<string, number>();
  const rowByArea = new Map<string, Map<string, number>>();
  const colByArea = new Map<string, Map<string, number>>();
  let lastRa = '';
  let lastRp = '';
  let lastRow = -1;
  const rows: RowInfo[] = [];
  const cols: ColInfo[] = [];
  const colFirstLine: number[] = [];
  const keys: Uint32Array[] = [];
  const vals: Float64Array[] = [];
  let count = 0;
  const skipped: number[] = [];
  let tooMany = false;

  const rowId = (area: string, code: string): number => {
    const va = FIGARO_VALUE_ADDED.has(code);
    const label = va ? `:${code}` : `${area}_${code}`;
    let id = rowIds.get(label);
    if (id === undefined) {
      id = rows.length;
      rowIds.set(label, id);
      const m = rowByArea.get(area) ?? new Map<string, number>();
      m.set(code, id);
      rowByArea.set(area, m);
      rows.push(va ? { va: code } : { area, code });
    }
    return id;
  };
  const colId = (area: string, code: string, lineNo: number): number => {
    const label = `${area}_${code}`;
    let id = colIds.get(label);
    if (id === undefined) {
      id = cols.length;
      colIds.set(label, id);
      const m = colByArea.get(area) ?? new Map<string, number>();
      m.set(code, id);
      colByArea.set(area, m);
      const f = FD_INDEX.get(code);
      cols.push(f === undefined ? { area, code } : { f, area });
      colFirstLine.push(lineNo);
    }
    return id;
  };

  return {
    header(cells, lineNo) {
      const lower = cells.map((c) => c.toLowerCase());
      idx = FLAT_COLUMNS.map((c) => lower.indexOf(c.toLowerCase()));
      const missing = FLAT_COLUMNS.filter((_c, i) => idx[i]! < 0);
      if (missing.length > 0) {
        problems.add(
          lineNo,
          undefined,
          `expected the columns ${FLAT_COLUMNS.join(', ')} of the FIGARO flat file, found no ${missing.join(', ')}`,
        );
      }
      need = Math.max(...idx) + 1;
      firstData = lineNo + 1;
    },

    line(line, lineNo) {
      if (tooMany) return;
      const stored = read(line, lineNo);
      if (!stored) skipped.push(lineNo);
    },

    finish() {
      if (problems.size > 0) return undefined;
      if (count === 0) {
        problems.addPath(problems.file, 'expected observations after the header, found none');
        return undefined;
      }
      const countrySet = new Set<string>();
      const sectorSet = new Set<string>();
      for (const r of rows) if ('code' in r) add(r.area, r.code);
      for (const c of cols) if ('code' in c) add(c.area, c.code);
      const countries = [...countrySet].sort();
      const sectors = [...sectorSet].sort();
      const G = countries.length;
      const N = sectors.length;
      const n = G * N;
      const F = FIGARO_FINAL_DEMAND.length;
      const gi = new Map(countries.map((c, i) => [c, i]));
      const si = new Map(sectors.map((s, i) => [s, i]));
      const issues = new IssueList();
      if (!checkOrder(issues, problems.file, n, `${G} countries × ${N} industries`)) {
        for (const i of issues.issues()) problems.addPath(i.path, i.message);
        return undefined;
      }
      const vaCodes = [...FIGARO_VALUE_ADDED.keys()].filter((c) => rowIds.has(`:${c}`));
      const rowMap = rows.map((r) =>
        'va' in r ? n + vaCodes.indexOf(r.va) : gi.get(r.area)! * N + si.get(r.code)!,
      );
      const fdPresent = new Set<number>();
      const colMap = cols.map((c, k) => {
        if ('code' in c) return gi.get(c.area)! * N + si.get(c.code)!;
        const g = gi.get(c.area);
        if (g === undefined) {
          problems.add(
            colFirstLine[k],
            idx[2]! + 1,
            `expected final demand of a country with industries, found ${quote(c.area)}`,
          );
          return -1;
        }
        fdPresent.add(c.f);
        return n + g * F + c.f;
      });
      if (problems.size > 0) return undefined;
      const width = n + G * F;
      const Z = new Float64Array(n * n);
      const Yfd = new Float64Array(n * G * F);
      const va = new Map(vaCodes.map((c) => [c, new Float64Array(n)]));
      const vaRows = vaCodes.map((c) => va.get(c)!);
      const seen = new Uint32Array(Math.ceil(((n + vaCodes.length) * width) / 32));
      let sp = 0;
      const lineOf = (k: number): number => {
        let line = firstData + k + sp;
        while (sp < skipped.length && skipped[sp]! <= line) {
          sp++;
          line++;
        }
        return line;
      };
      for (let k = 0; k < count; k++) {
        const key = keys[k >>> CHUNK_BITS]![k & (CHUNK - 1)]!;
        const v = vals[k >>> CHUNK_BITS]![k & (CHUNK - 1)]!;
        const R = rowMap[key >>> 16]!;
        const C = colMap[key & 0xffff]!;
        const bit = R * width + C;
        if ((seen[bit >>> 5]! >>> (bit & 31)) & 1) {
          const r = rows[key >>> 16]!;
          const c = cols[key & 0xffff]!;
          const rl = 'va' in r ? r.va : `${r.area}_${r.code}`;
          const cl = 'code' in c ? `${c.area}_${c.code}` : `${c.area}_${FIGARO_FINAL_DEMAND[c.f]}`;
          problems.add(
            lineOf(k),
            undefined,
            `expected one observation per cell, found a second for row ${quote(rl)} and column ${quote(cl)}`,
          );
          if (problems.full) break;
          continue;
        }
        seen[bit >>> 5] = seen[bit >>> 5]! | (1 << (bit & 31));
        if (R >= n) {
          // Value-added cells in final-demand columns (taxes on products paid by final users) are not part of the table.
          if (C < n) vaRows[R - n]![C] = v;
        } else if (C < n) Z[R * n + C] = v;
        else Yfd[R * G * F + C - n] = v;
      }
      if (problems.size > 0) return undefined;
      return assemble(countries, sectors, Z, Yfd, fdPresent, va);

      function add(area: string, code: string) {
        countrySet.add(area);
        sectorSet.add(code);
      }
    },
  };

  function read(line: string, lineNo: number): boolean {
    if (need === 0 || line.trim() === '') return false;
    const cells = splitFields(line, delimiter);
    if (cells.length < need) {
      problems.add(
        lineNo,
        undefined,
        `expected at least ${need} fields as in the header, found ${cells.length}`,
      );
      return false;
    }
    const [iRa, iRp, iCa, iCp, iV] = idx as [number, number, number, number, number];
    const ra = cells[iRa]!;
    const rp = cells[iRp]!;
    const ca = cells[iCa]!;
    const cp = cells[iCp]!;
    // Labels are checked when first seen; later lines find them in the maps (most lines repeat
    // the previous line's row).
    let r: number;
    if (ra === lastRa && rp === lastRp) r = lastRow;
    else {
      const known = rowByArea.get(ra)?.get(rp);
      if (known !== undefined) r = known;
      else {
        if (!AREA.test(ra)) return bad(lineNo, iRa, 'a country code in refArea', ra);
        if (!CODE.test(rp) || FD_INDEX.has(rp))
          return bad(lineNo, iRp, 'an industry or value-added code in rowPi', rp);
        r = rowId(ra, rp);
      }
      lastRa = ra;
      lastRp = rp;
      lastRow = r;
    }
    let c = colByArea.get(ca)?.get(cp);
    if (c === undefined) {
      if (!AREA.test(ca)) return bad(lineNo, iCa, 'a country code in counterpartArea', ca);
      if (!CODE.test(cp) || FIGARO_VALUE_ADDED.has(cp))
        return bad(lineNo, iCp, 'an industry or final-demand code in colPi', cp);
      c = colId(ca, cp, lineNo);
    }
    const v = cellValue(problems, cells[iV]!, decimal, lineNo, iV + 1, `in obsValue`);
    if (v === undefined) return false;
    if (r >= MAX_LABELS || c >= MAX_LABELS) {
      problems.add(
        lineNo,
        undefined,
        `expected at most ${MAX_LABELS} distinct row and column labels, found more`,
      );
      tooMany = true;
      return false;
    }
    if (count >>> CHUNK_BITS === keys.length) {
      keys.push(new Uint32Array(CHUNK));
      vals.push(new Float64Array(CHUNK));
    }
    keys[count >>> CHUNK_BITS]![count & (CHUNK - 1)] = r * MAX_LABELS + c;
    vals[count >>> CHUNK_BITS]![count & (CHUNK - 1)] = v;
    count++;
    return true;
  }

  function bad(lineNo: number, i: number, what: string, found: string): false {
    problems.add(lineNo, i + 1, `expected ${what}, found ${quote(found)}`);
    return false;
  }
}
