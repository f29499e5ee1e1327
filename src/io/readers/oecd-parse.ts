import { quote } from '../../core/boundary.js';
import type { IcioValueAddedRow } from '../types.js';
import { fieldsOf, firstFieldOf, isBlankRange, parseNumberIn, readQuoted } from './lines.js';
import {
  FINAL,
  INDUSTRY,
  OUTPUT_ROW,
  type ParserOptions,
  planHeader,
  SKIP,
  TAX_ROW,
  TOTAL,
  VALUE_ADDED_ROW,
} from './oecd-header.js';

export { OECD_FINAL_DEMAND, type ParserOptions } from './oecd-header.js';

/** What the parser read, in table (target) order. */
export interface ParsedIcio {
  countries: string[];
  sectors: string[];
  Z: Float64Array<ArrayBuffer>;
  /** Summed per destination country, n×G, the discrepancy column included. */
  Y: Float64Array<ArrayBuffer>;
  categories: string[];
  /** By category, n×(G·F) country-major. */
  Yfd: Float64Array<ArrayBuffer>;
  x?: Float64Array<ArrayBuffer>;
  valueAdded: IcioValueAddedRow[];
  merged: Record<string, string[]>;
  discrepancy?: Float64Array<ArrayBuffer>;
  /** What edition detection looks at. */
  signs: { componentMajor: boolean; rowCodes: string[]; totalColumn?: string };
}

/**
 * Reads an inter-country table in the OECD ICIO CSV layout line by line: `header` once, then `row`
 * for every further non-blank line, then `finish`. Rows are matched to the industry columns by
 * their label, so a bad label is one problem at its line and the rows after it are read as usual.
 *
 * @internal
 */
export class IcioTextParser {
  private header0: string[] = [];
  private kind: Uint8Array = new Uint8Array(0);
  private target: Int32Array = new Int32Array(0);
  private rowIndex = new Map<string, number>();
  private rowTo: Int32Array = new Int32Array(0);
  private rowSeen = new Uint8Array(0);
  private fileRows: string[] = [];
  countries: string[] = [];
  private sectors: string[] = [];
  private categories: string[] = [];
  private n = 0;
  private GF = 0;
  private Z = new Float64Array(0);
  private Yfd = new Float64Array(0);
  private xCol = new Float64Array(0);
  private xRow = new Float64Array(0);
  private disc: Float64Array<ArrayBuffer> | undefined;
  private firstField: Int32Array = new Int32Array(0);
  private hasTotal = false;
  private totalLabel: string | undefined;
  private outLine = 0;
  private va: IcioValueAddedRow[] = [];
  private vaSeen = new Set<string>();
  private badLabels = 0;
  private componentMajor = false;
  private merged: Record<string, string[]> = {};
  private ready = false;

  constructor(private readonly o: ParserOptions) {}

  /** Reads the header line; false when the table cannot be read (problems recorded). */
  header(line: string, lineNo: number): boolean {
    const h = fieldsOf(line, this.o.delimiter);
    this.header0 = h;
    const plan = planHeader(h, lineNo, this.o);
    if (!plan) return false;
    const G = plan.countries.length;
    const n = G * plan.sectors.length;
    this.countries = plan.countries;
    this.sectors = plan.sectors;
    this.categories = plan.categories;
    this.n = n;
    this.GF = G * Math.max(1, plan.categories.length);
    this.kind = plan.kind;
    this.target = plan.target;
    this.firstField = plan.firstField;
    this.fileRows = plan.fileRows;
    this.rowTo = plan.rowTo;
    plan.fileRows.forEach((label, r) => {
      this.rowIndex.set(label, r);
    });
    this.merged = plan.merged;
    this.componentMajor = plan.componentMajor;
    this.totalLabel = plan.totalLabel;
    this.hasTotal = plan.hasTotal;
    this.rowSeen = new Uint8Array(plan.fileRows.length);
    this.Z = new Float64Array(n * n);
    this.Yfd = new Float64Array(n * this.GF);
    this.xCol = new Float64Array(n);
    if (plan.hasDisc) this.disc = new Float64Array(n);
    this.ready = true;
    return true;
  }

  /** Reads one line after the header. */
  row(line: string, lineNo: number): void {
    if (!this.ready || this.o.problems.full) return;
    const p = this.o.problems;
    const [label, start] = firstFieldOf(line, this.o.delimiter);
    const up = label.toUpperCase();
    const r = this.rowIndex.get(label);
    let mode: 'Z' | 'VA' | 'OUT';
    let values: Float64Array | undefined;
    if (r !== undefined) {
      if (this.rowSeen[r]) {
        p.add(lineNo, 1, `expected one row ${quote(label)}, found another`);
        return;
      }
      this.rowSeen[r] = 1;
      mode = 'Z';
    } else if (OUTPUT_ROW.has(up) || VALUE_ADDED_ROW.has(up) || TAX_ROW.test(up)) {
      const code = OUTPUT_ROW.has(up) ? 'OUT' : up;
      if (this.vaSeen.has(code)) {
        p.add(lineNo, 1, `expected one ${label} row, found another`);
        return;
      }
      this.vaSeen.add(code);
      if (code === 'OUT') {
        mode = 'OUT';
        this.xRow = new Float64Array(this.n);
        this.outLine = lineNo;
        values = this.xRow;
      } else {
        mode = 'VA';
        values = new Float64Array(this.n);
        this.va.push({ code: label, kind: VALUE_ADDED_ROW.has(up) ? 'value-added' : 'taxes', values });
      }
    } else {
      this.badLabels++;
      p.add(
        lineNo,
        1,
        `expected the label of an industry column (CCC_SECTOR) or TLS, VA, OUT, found ${quote(label)}`,
      );
      return;
    }
    this.cells(line, start, lineNo, label, mode, r === undefined ? 0 : this.rowTo[r]!, values);
  }

  private cells(
    line: string,
    start: number,
    lineNo: number,
    label: string,
    mode: 'Z' | 'VA' | 'OUT',
    i: number,
    values: Float64Array | undefined,
  ): void {
    const { kind, target, Z, Yfd, xCol, n, GF } = this;
    const p = this.o.problems;
    const dec = this.o.decimal;
    const ch = this.o.delimiter;
    const len = line.length;
    const cols = kind.length;
    let f = 1;
    let pos = start;
    while (pos <= len && start <= len) {
      let s = pos;
      while (s < len && line.charCodeAt(s) === 32) s++;
      let e: number;
      let next: number;
      let quoted: string | undefined;
      if (line.charCodeAt(s) === 34) {
        [quoted, next] = readQuoted(line, s, ch);
        e = next - 1;
      } else {
        e = line.indexOf(ch, s);
        if (e < 0) e = len;
        next = e + 1;
      }
      if (f >= cols) {
        let count = f - 1;
        for (let q = line.indexOf(ch, pos); q >= 0; q = line.indexOf(ch, q + 1)) count++;
        p.add(lineNo, undefined, `expected at most ${cols - 1} values, found ${count + 1}`);
        return;
      }
      const k = kind[f]!;
      if (k !== SKIP && (mode === 'Z' || k === INDUSTRY)) {
        let v: number;
        if (quoted !== undefined) v = quoted.trim() === '' ? 0 : parseNumberIn(quoted, 0, quoted.length, dec);
        else {
          v = parseNumberIn(line, s, e, dec);
          if (Number.isNaN(v) && isBlankRange(line, s, e)) v = 0;
        }
        if (!Number.isFinite(v)) {
          const cell = quoted ?? line.slice(s, e).trim();
          p.add(
            lineNo,
            f + 1,
            `expected a finite number in row ${quote(label)}, column ${quote(this.header0[f] ?? '')}, found ${quote(cell)}`,
          );
          if (p.full) return;
        } else if (mode === 'Z') {
          const t = target[f]!;
          if (k === INDUSTRY) Z[i * n + t]! += v;
          else if (k === FINAL) Yfd[i * GF + t]! += v;
          else if (k === TOTAL) xCol[i]! += v;
          else if (this.disc) this.disc[i]! += v;
        } else values![target[f]!]! += v;
      }
      f++;
      if (next > len) break;
      pos = next;
    }
  }

  /** Checks what was read and returns the table in target order (undefined after problems). */
  finish(): ParsedIcio | undefined {
    const p = this.o.problems;
    if (!this.ready) return undefined;
    const missing = this.fileRows.filter((_, r) => !this.rowSeen[r]);
    if (missing.length > this.badLabels) {
      const shown = missing.slice(0, 5).map(quote).join(', ') + (missing.length > 5 ? ', …' : '');
      p.addPath(
        p.file,
        `expected a row for each industry column, found none for ${shown} (${missing.length} of ${this.fileRows.length})`,
      );
    }
    const { n, xCol, xRow } = this;
    const hasRow = this.vaSeen.has('OUT');
    if (this.hasTotal && hasRow && p.size === 0) {
      const tol = this.o.tolerance;
      for (let j = 0; j < n; j++) {
        const a = xCol[j]!;
        const b = xRow[j]!;
        if (Math.abs(a - b) > tol * Math.max(1, Math.abs(a), Math.abs(b))) {
          p.add(
            this.outLine,
            this.firstField[j]! > 0 ? this.firstField[j]! : undefined,
            `expected the output row ${b} to equal the output column ${a} for ${quote(this.labelOf(j))}`,
          );
        }
      }
    }
    if (p.size > 0) return undefined;
    const G = this.countries.length;
    const N = this.sectors.length;
    const F = this.GF / G;
    const Y = new Float64Array(n * G);
    const { Yfd, disc } = this;
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < G; d++) {
        let s = 0;
        for (let f = 0; f < F; f++) s += Yfd[i * this.GF + d * F + f]!;
        Y[i * G + d] = s;
      }
      // The discrepancy goes to the final demand of the row's own country.
      if (disc) Y[i * G + Math.floor(i / N)]! += disc[i]!;
    }
    return {
      countries: this.countries,
      sectors: this.sectors,
      Z: this.Z,
      Y,
      categories: this.categories,
      Yfd,
      ...(this.hasTotal ? { x: xCol } : hasRow ? { x: xRow } : {}),
      valueAdded: this.va,
      merged: this.merged,
      ...(disc ? { discrepancy: disc } : {}),
      signs: {
        componentMajor: this.componentMajor,
        rowCodes: [...this.vaSeen],
        ...(this.totalLabel ? { totalColumn: this.totalLabel } : {}),
      },
    };
  }

  private labelOf(j: number): string {
    const N = this.sectors.length;
    return `${this.countries[Math.floor(j / N)]}_${this.sectors[j % N]}`;
  }
}
