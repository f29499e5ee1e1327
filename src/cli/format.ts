/** Output formats of the command-line interface. */
export type OutputFormat = 'table' | 'json' | 'csv';

/** A table to print: column names and rows of cells. */
export interface TextTable {
  columns: string[];
  rows: Array<Array<string | number | boolean | null | undefined>>;
}

function cell(v: string | number | boolean | null | undefined, digits: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    return v.toFixed(digits);
  }
  return String(v);
}

/** Renders a table as aligned text: text left, numbers right. */
export function formatTable(t: TextTable, digits = 4): string {
  const cells = t.rows.map((r) => r.map((v) => cell(v, digits)));
  const numeric = t.columns.map((_, j) => t.rows.every((r) => typeof r[j] === 'number' || r[j] == null));
  const widths = t.columns.map((c, j) => Math.max(c.length, ...cells.map((r) => (r[j] ?? '').length)));
  const pad = (s: string, j: number) => (numeric[j] ? s.padStart(widths[j] ?? 0) : s.padEnd(widths[j] ?? 0));
  const lines = [
    t.columns.map(pad).join('  '),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...cells.map((r) => r.map(pad).join('  ')),
  ];
  return lines.map((l) => l.trimEnd()).join('\n');
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Renders a table as RFC 4180 CSV, numbers at full precision. */
export function formatCsv(t: TextTable): string {
  const lines = [
    t.columns,
    ...t.rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))),
  ];
  return lines.map((r) => r.map(csvCell).join(',')).join('\n');
}

/** Renders a table in the requested format; `json` renders `data` when given, else the rows as records. */
export function render(t: TextTable, format: OutputFormat, data?: unknown): string {
  if (format === 'csv') return formatCsv(t);
  if (format === 'json') {
    const value = data ?? t.rows.map((r) => Object.fromEntries(t.columns.map((c, j) => [c, r[j] ?? null])));
    return JSON.stringify(value, (_k, v) => (v instanceof Float64Array ? Array.from(v) : v), 2);
  }
  return formatTable(t);
}
