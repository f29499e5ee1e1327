/**
 * The numbers of one row of an EXIOBASE 3 matrix file, parsed straight from the bytes of the line
 * into a `Float64Array` (no string per cell), with the text path kept for delimiters outside ASCII.
 *
 * @internal
 */
import { quote } from '../../core/preview.js';
import { parseNumber } from './lines.js';

/** Where a problem is reported and what to do with negative values. */
export interface ValueRules {
  /** Records a problem at a line and column of the file. */
  readonly report: (line: number, column: number | undefined, message: string) => void;
  /** The file's name, for the place of the most negative value. */
  readonly name: string;
  readonly decimal: '.' | ',';
  /** Index columns before the values (for column numbers). */
  indexCols: number;
  /** Keep negative values, set them to 0 (counted), or report each one. */
  readonly negatives: 'keep' | 'clip' | 'error';
  /** Negative entries set to 0: count, the most negative and where. */
  readonly found: { count: number; min: number; where: string };
}

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

const dec = new TextDecoder('utf-8');

/** Checks one parsed value; returns what to store (0 for a bad or clipped one). */
function accept(
  v: number,
  rules: ValueRules,
  lineNo: number,
  k: number,
  cell: () => string,
  bad: boolean,
): number {
  if (!Number.isFinite(v)) {
    if (!bad) rules.report(lineNo, rules.indexCols + k + 1, `expected a number, found ${quote(cell())}`);
    return Number.NaN;
  }
  if (v < 0 && rules.negatives !== 'keep') {
    const col = rules.indexCols + k + 1;
    if (rules.negatives === 'error') rules.report(lineNo, col, `expected a flow >= 0, found ${v}`);
    else {
      const f = rules.found;
      f.count++;
      if (v < f.min) {
        f.min = v;
        f.where = `${rules.name}:${lineNo}:${col}`;
      }
    }
    return 0;
  }
  return v;
}

/**
 * Parses the values of a line, `buf[from, end)`, separated by the byte `del`, into
 * `out[off …]` (at most `cols` of them); returns how many values the line has. One pass over the
 * bytes: each cell is read as it is scanned by the fast path — an optional sign, up to 15
 * significant digits with one decimal mark, an optional exponent, and a scale within 10^±22, so
 * that m·10^e or m/10^−e of two exact doubles is correctly rounded (Clinger 1990, "How to read
 * floating point numbers accurately", the fast path) — and only a cell it cannot read is decoded
 * and given to `parseNumber`; an empty cell is 0. A cell that is not a number is one
 * problem at its line and column (the first of the line only) and stored as 0.
 */
export function rowFromBytes(
  buf: Uint8Array,
  from: number,
  end: number,
  del: number,
  out: Float64Array,
  off: number,
  cols: number,
  rules: ValueRules,
  lineNo: number,
): number {
  const mark = rules.decimal === ',' ? 44 : 46;
  let i = from;
  let k = 0;
  let bad = false;
  for (;;) {
    const a = i;
    // The fast path, inline: sign, digits with one decimal mark, exponent.
    let c = i < end ? buf[i]! : del;
    let neg = false;
    if (c === 45 || c === 43) {
      neg = c === 45;
      c = ++i < end ? buf[i]! : del;
    }
    let m = 0;
    let digits = 0;
    let frac = 0;
    let seen = false;
    let any = false;
    for (;;) {
      if (c >= 48 && c <= 57) {
        any = true;
        if (m !== 0 || c !== 48) {
          m = m * 10 + (c - 48);
          digits++;
          if (seen) frac++;
        } else if (seen) frac++;
      } else if (c === mark && !seen) seen = true;
      else break;
      c = ++i < end ? buf[i]! : del;
    }
    let exp = 0;
    let ok = any && digits <= 15;
    if (ok && (c === 101 || c === 69)) {
      c = ++i < end ? buf[i]! : del;
      let eneg = false;
      if (c === 45 || c === 43) {
        eneg = c === 45;
        c = ++i < end ? buf[i]! : del;
      }
      let ed = 0;
      while (c >= 48 && c <= 57 && ed < 4) {
        exp = exp * 10 + (c - 48);
        ed++;
        c = ++i < end ? buf[i]! : del;
      }
      if (ed === 0) ok = false;
      if (eneg) exp = -exp;
    }
    const scale = exp - frac;
    let v: number;
    if (c === del && (i === a || (ok && scale >= -22 && scale <= 22))) {
      // An empty cell is 0.
      v = i === a ? 0 : scale >= 0 ? m * POW10[scale]! : m / POW10[-scale]!;
      if (neg) v = -v;
    } else {
      // Anything else: find the cell's end and parse it in full.
      while (i < end && buf[i] !== del) i++;
      const text = dec.decode(buf.subarray(a, i)).trim();
      v = text === '' ? 0 : parseNumber(text, rules.decimal);
    }
    if (k < cols) {
      if (!Number.isFinite(v) || (v < 0 && rules.negatives !== 'keep')) {
        const e = i;
        v = accept(v, rules, lineNo, k, () => dec.decode(buf.subarray(a, e)), bad);
        if (Number.isNaN(v)) {
          bad = true;
          v = 0;
        }
      }
      out[off + k] = v;
    }
    k++;
    if (i >= end) return k;
    i++;
  }
}

/** {@link rowFromBytes} for a line of text (a delimiter outside ASCII). */
export function rowFromText(
  cells: readonly string[],
  out: Float64Array,
  off: number,
  cols: number,
  rules: ValueRules,
  lineNo: number,
): number {
  let bad = false;
  for (let k = 0; k < Math.min(cols, cells.length); k++) {
    const c = cells[k]!.trim();
    let v = c === '' ? 0 : parseNumber(c, rules.decimal);
    v = accept(v, rules, lineNo, k, () => cells[k]!, bad);
    if (Number.isNaN(v)) {
      bad = true;
      v = 0;
    }
    out[off + k] = v;
  }
  return cells.length;
}
