/**
 * Output formats of the command-line interface: `table` for people; `json`; `csv` and `jsonl` (JSON
 * Lines, one record per line) for programs, whose column names and keys are identifiers (see
 * {@link snakeCase}).
 */
export type OutputFormat = 'table' | 'json' | 'csv' | 'jsonl';

/**
 * A column name of the `csv` and `jsonl` formats from words: lower snake case, a unit as its last
 * word (`value added`, `EUR` → `value_added_eur`; `growth and upgrading` → `growth_and_upgrading`).
 */
export function snakeCase(...words: string[]): string {
  return words
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** One cell of a {@link TextTable}. */
export type Cell = string | number | boolean | null | undefined;

/** A table to print: column names and rows of cells. */
export interface TextTable {
  columns: string[];
  rows: ReadonlyArray<ReadonlyArray<Cell>>;
}

/**
 * The widest text cell the `table` format prints; longer text is cut with `…` (the `csv` and `json`
 * formats print it whole). Without the cut one long label would pad every row to its width.
 */
export const MAX_TABLE_CELL = 80;

/** C0 and C1 control characters (terminal escape sequences among them), shown escaped in a table. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it escapes
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Replaces control characters by `\uXXXX`, so that text printed to a terminal cannot drive it;
 * with `keepLineBreaks`, line feeds stay as they are (messages of several lines).
 */
export function escapeControls(s: string, keepLineBreaks = false): string {
  return s.replace(CONTROL, (c) =>
    keepLineBreaks && c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function tableCell(v: Cell, digits: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    if (!Number.isFinite(v)) return String(v);
    return v.toFixed(digits);
  }
  const s = String(v);
  // Cut before escaping (bounded work on a huge cell), then cut again what escaping lengthened.
  const shown = escapeControls(s.length > MAX_TABLE_CELL ? s.slice(0, MAX_TABLE_CELL) : s);
  return shown.length > MAX_TABLE_CELL || s.length > MAX_TABLE_CELL
    ? `${shown.slice(0, MAX_TABLE_CELL - 1)}…`
    : shown;
}

/**
 * Renders a table as aligned text: text left, numbers right. Iterative and linear in the number of
 * cells (no recursion, no spreading of rows into a call), so a 256,500-row table prints like a small
 * one; text cells are cut at {@link MAX_TABLE_CELL} characters and their control characters escaped.
 */
export function formatTable(t: TextTable, digits = 4): string {
  const ncol = t.columns.length;
  const widths: number[] = new Array<number>(ncol);
  const numeric: boolean[] = new Array<boolean>(ncol);
  const header: string[] = new Array<string>(ncol);
  for (let j = 0; j < ncol; j++) {
    header[j] = tableCell(t.columns[j], digits);
    widths[j] = (header[j] as string).length;
    numeric[j] = true;
  }
  const cells: string[][] = new Array<string[]>(t.rows.length);
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i] as ReadonlyArray<Cell>;
    const out: string[] = new Array<string>(ncol);
    for (let j = 0; j < ncol; j++) {
      const v = r[j];
      if (typeof v !== 'number' && v !== null && v !== undefined) numeric[j] = false;
      const s = tableCell(v, digits);
      out[j] = s;
      if (s.length > (widths[j] as number)) widths[j] = s.length;
    }
    cells[i] = out;
  }
  const line = (r: readonly string[]): string => {
    let s = '';
    for (let j = 0; j < ncol; j++) {
      const c = r[j] as string;
      const w = widths[j] as number;
      if (j > 0) s += '  ';
      s += numeric[j] ? c.padStart(w) : c.padEnd(w);
    }
    return s.trimEnd();
  };
  const lines: string[] = new Array<string>(cells.length + 2);
  lines[0] = line(header);
  let rule = '';
  for (let j = 0; j < ncol; j++) rule += `${j > 0 ? '  ' : ''}${'─'.repeat(widths[j] as number)}`;
  lines[1] = rule;
  for (let i = 0; i < cells.length; i++) lines[i + 2] = line(cells[i] as string[]);
  return lines.join('\n');
}

/**
 * One CSV field. Text that a spreadsheet would read as a formula — starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return (OWASP, "CSV Injection") — gets a leading `'`; numbers are written as
 * numbers, so a negative number is never altered. A field holding a quote, a comma, a semicolon (the
 * separator of some locales), a tab or a line break is quoted with its quotes doubled (RFC 4180).
 */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",;\t\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Renders a table as RFC 4180 CSV, numbers at full precision, text escaped by {@link csvField}. */
export function formatCsv(t: TextTable): string {
  const lines: string[] = new Array<string>(t.rows.length + 1);
  lines[0] = t.columns.map(csvField).join(',');
  for (let i = 0; i < t.rows.length; i++)
    lines[i + 1] = (t.rows[i] as ReadonlyArray<Cell>).map(csvField).join(',');
  return lines.join('\n');
}

/** JSON with typed arrays written as arrays. */
function json(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v), indent);
}

/** The rows of a table as records keyed by its columns (`__proto__` a key like any other). */
function tableRecords(t: TextTable): Array<Record<string, Cell>> {
  return t.rows.map((r) => {
    const record: Record<string, Cell> = {};
    t.columns.forEach((c, j) => {
      Object.defineProperty(record, c, { value: r[j] ?? null, enumerable: true, writable: true });
    });
    return record;
  });
}

/** Renders records as JSON Lines: one JSON object per line, no blank line, typed arrays as arrays. */
export function formatJsonl(records: readonly unknown[]): string {
  const lines: string[] = new Array<string>(records.length);
  for (let i = 0; i < records.length; i++) lines[i] = json(records[i]);
  return lines.join('\n');
}

/**
 * Renders a table in the requested format; `json` renders `data` when given, else the rows as
 * records; `jsonl` renders `data` (an array of records) when given, else the rows as records.
 */
export function render(t: TextTable, format: OutputFormat, data?: unknown): string {
  if (format === 'csv') return formatCsv(t);
  if (format === 'json') return json(data ?? tableRecords(t), 2);
  if (format === 'jsonl') return formatJsonl(Array.isArray(data) ? data : tableRecords(t));
  return formatTable(t);
}
