/**
 * A matrix file of EXIOBASE 3 (`Z.txt`, `A.txt`, `Y.txt`, satellite `F.txt`, `F_Y.txt`) parsed
 * from pushed chunks of bytes: a 553 MB `Z.txt` is never held as text, its lines are never
 * decoded into strings (only their two label cells are), and its numbers go straight into one
 * n×n array allocated from the header.
 *
 * @internal
 */
import { IssueList } from '../../core/boundary.js';
import { quote } from '../../core/preview.js';
import { checkOrder } from '../kernels/limits.js';
import { type ByteSink, byteLineSink, type FileContext, report } from './exiobase-parse.js';
import { rowFromBytes, rowFromText, type ValueRules } from './exiobase-values.js';
import { describeLayout } from './layouts.js';

/** A matrix file as read, rows in file order. */
export interface MatrixFile {
  /** The column labels: one array per header row (`region`, then `sector` or `category`). */
  readonly header: (readonly string[])[];
  /** The index cells of each row (`[region, sector]` or `[stressor]`). */
  readonly index: string[][];
  /** The line of each row. */
  readonly lines: number[];
  /** The values of each row, when the file is not square. */
  readonly rows: Float64Array<ArrayBuffer>[];
  /** Row-major values when the file is square (`Z.txt`, `A.txt`): allocated once from the header. */
  data?: Float64Array<ArrayBuffer>;
  cols: number;
  /** Negative entries set to 0: count, the most negative and where. */
  readonly negatives: { count: number; min: number; where: string };
  /** Whether the header was read. */
  ok: boolean;
}

/** How a matrix file is laid out. */
export interface MatrixLayout {
  /** Names of the header rows' first cells: `['region', 'sector']`, `['region', 'category']`. */
  readonly headers: readonly string[];
  /** Index columns: a number, or `'auto'` to count them from the empty cells after `region` (F). */
  readonly indexCols: number | 'auto';
  /** Allocate a cols×cols array from the header (Z, A). */
  readonly square?: boolean;
  /** What to do with negative values: keep them, set them to 0 (counted), or report each one. */
  readonly negatives?: 'keep' | 'clip' | 'error';
}

const MAX_COLUMNS = 1 << 20;
const NAME_ROW = /^(region|stressor|sector|category)$/;

/** A byte sink parsing a matrix file of the EXIOBASE 3 text layout. */
export function matrixSink(ctx: FileContext, layout: MatrixLayout): { sink: ByteSink; file: MatrixFile } {
  const file: MatrixFile = {
    header: [],
    index: [],
    lines: [],
    rows: [],
    cols: 0,
    negatives: { count: 0, min: 0, where: '' },
    ok: false,
  };
  const H = layout.headers.length;
  const del = ctx.delimiter;
  const delByte = del.charCodeAt(0) < 128 ? del.charCodeAt(0) : -1;
  const dec = new TextDecoder('utf-8');
  const rules: ValueRules = {
    report: (line, column, message) => report(ctx, line, column, message),
    name: ctx.name,
    decimal: ctx.decimal,
    indexCols: typeof layout.indexCols === 'number' ? layout.indexCols : 1,
    negatives: layout.negatives ?? 'keep',
    found: file.negatives,
  };
  // Labels repeat (49 regions, 200 products): keep one fresh string of each.
  const labels = new Map<string, string>();
  const label = (s: string) => {
    const t = s.trim();
    let v = labels.get(t);
    if (v === undefined) {
      v = t.length > 0 ? `${t} `.slice(0, -1) : t;
      labels.set(v, v);
    }
    return v;
  };

  const headerLine = (line: string, lineNo: number): boolean | undefined => {
    const cells = line.split(del);
    const want = layout.headers[lineNo - 1]!;
    if (cells[0]!.trim() !== want) {
      const looks = lineNo === 1 ? describeLayout(line) : undefined;
      report(
        ctx,
        lineNo,
        1,
        `expected the EXIOBASE 3 header row ${JSON.stringify(want)}, found ${quote(cells[0]!)}${
          looks && !looks.includes('readExiobase') ? `; the file looks like ${looks}` : ''
        }`,
      );
      return false;
    }
    if (lineNo === 1 && layout.indexCols === 'auto') {
      let k = 1;
      while (k < cells.length && cells[k]!.trim() === '') k++;
      rules.indexCols = k;
    }
    const heads = cells.slice(rules.indexCols).map(label);
    while (heads.length > 0 && heads[heads.length - 1] === '' && lineNo > 1) heads.pop();
    if (lineNo === 1 && (heads.length === 0 || heads.length > MAX_COLUMNS)) {
      report(
        ctx,
        1,
        rules.indexCols + 1,
        `expected column labels after the index columns, found ${heads.length}`,
      );
      return false;
    }
    if (lineNo > 1 && heads.length !== file.cols) {
      report(
        ctx,
        lineNo,
        undefined,
        `expected ${file.cols} labels like the first row, found ${heads.length}`,
      );
      return false;
    }
    if (lineNo === 1) file.cols = heads.length;
    file.header.push(heads);
    if (lineNo < H) return undefined;
    file.ok = true;
    if (layout.square) {
      const issues = new IssueList();
      if (!checkOrder(issues, ctx.name, file.cols, `${file.cols} columns`)) {
        for (const i of issues.issues()) report(ctx, 1, undefined, i.message);
        return false;
      }
      file.data = new Float64Array(file.cols * file.cols);
    }
    return undefined;
  };

  /** Stores one data row: `values(out, off)` parses its values and returns how many it has. */
  const row = (index: string[], lineNo: number, values: (out: Float64Array, off: number) => number) => {
    const n = file.cols;
    let out: Float64Array<ArrayBuffer>;
    let off = 0;
    if (file.data) {
      if (file.index.length >= n) {
        report(ctx, lineNo, undefined, `expected ${n} rows (as many as columns), found more`);
        return false;
      }
      out = file.data;
      off = file.index.length * n;
    } else out = new Float64Array(n);
    const got = values(out, off);
    if (got !== n) {
      report(
        ctx,
        lineNo,
        undefined,
        `expected ${rules.indexCols} label cells and ${n} values, found ${got} values`,
      );
      out.fill(0, off, off + n);
    }
    file.index.push(index);
    file.lines.push(lineNo);
    if (!file.data) file.rows.push(out);
    return undefined;
  };

  const missingCells = (lineNo: number, c: number) => {
    report(
      ctx,
      lineNo,
      undefined,
      `expected ${rules.indexCols} label cells and ${file.cols} values, found ${c} cells`,
    );
    return undefined;
  };

  let nameRowChecked = false;
  let seen = 0;
  let stopped = false;
  const onLine = (buf: Uint8Array, a: number, b: number, lineNo: number): boolean | undefined => {
    seen = lineNo;
    if (ctx.problems.full) return false;
    if (lineNo <= H) return headerLine(dec.decode(buf.subarray(a, b)), lineNo);
    if (a === b) return undefined;
    if (!nameRowChecked) {
      // An optional row naming the index columns (`region\tsector\t\t…`, `stressor\t\t…`).
      nameRowChecked = true;
      const line = dec.decode(buf.subarray(a, b));
      const first = line.split(del, 1)[0]!.trim();
      if (NAME_ROW.test(first) && /^[^\d]*$/.test(line)) return undefined;
    }
    if (delByte < 0) {
      const cells = dec.decode(buf.subarray(a, b)).split(del);
      if (cells.length <= rules.indexCols) return missingCells(lineNo, cells.length);
      const index = cells.slice(0, rules.indexCols).map(label);
      return row(index, lineNo, (out, off) =>
        rowFromText(cells.slice(rules.indexCols), out, off, file.cols, rules, lineNo),
      );
    }
    const index: string[] = [];
    let pos = a;
    for (let c = 0; c < rules.indexCols; c++) {
      const e = buf.indexOf(delByte, pos);
      if (e < 0 || e >= b) return missingCells(lineNo, c + 1);
      index.push(label(dec.decode(buf.subarray(pos, e))));
      pos = e + 1;
    }
    return row(index, lineNo, (out, off) =>
      rowFromBytes(buf, pos, b, delByte, out, off, file.cols, rules, lineNo),
    );
  };
  const inner = byteLineSink((buf, a, b, lineNo) => {
    const go = onLine(buf, a, b, lineNo);
    if (go === false) stopped = true;
    return go;
  });
  const sink: ByteSink = {
    push: (bytes) => inner.push(bytes),
    end: () => {
      inner.end();
      if (!file.ok && !stopped) {
        const heads = layout.headers.map((h) => JSON.stringify(h)).join(' and ');
        const found = seen === 0 ? 'an empty file' : `${seen} line${seen === 1 ? '' : 's'}`;
        report(
          ctx,
          Math.max(1, seen),
          undefined,
          `expected the EXIOBASE 3 header rows ${heads}, found ${found}`,
        );
      }
    },
  };
  return { sink, file };
}
