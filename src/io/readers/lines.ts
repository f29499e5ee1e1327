import { type TableSource, textChunks } from './source.js';

/**
 * Calls `onLine(line, lineNo)` for every line of a source (1-based numbers; `\n` or `\r\n`
 * endings; the last line may lack one), reading the source chunk by chunk so that the whole text
 * is never held at once. `onLine` returns `false` to stop early.
 */
export async function eachLine(
  source: TableSource,
  onLine: (line: string, lineNo: number) => unknown,
): Promise<void> {
  const lines = lineSplitter(onLine);
  for await (const chunk of textChunks(source)) if (!lines.push(chunk)) return;
  lines.end();
}

/**
 * Splits text pushed chunk by chunk into lines (`\n` or `\r\n` endings; the last line may lack
 * one), calling `onLine(line, lineNo)` with 1-based numbers; `onLine` returns `false` to stop. `push`
 * returns `false` once stopped. The push-based core of {@link eachLine}, for sources that push
 * (entries inflated from a zip archive).
 */
export function lineSplitter(onLine: (line: string, lineNo: number) => unknown): {
  push: (text: string) => boolean;
  end: () => void;
} {
  let carry = '';
  let lineNo = 0;
  let stopped = false;
  return {
    push: (chunk) => {
      if (stopped) return false;
      const text = carry.length > 0 ? carry + chunk : chunk;
      let pos = 0;
      for (;;) {
        const end = text.indexOf('\n', pos);
        if (end < 0) break;
        const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        lineNo++;
        if (onLine(text.slice(pos, stop), lineNo) === false) {
          stopped = true;
          carry = '';
          return false;
        }
        pos = end + 1;
      }
      carry = pos < text.length ? text.slice(pos) : '';
      return true;
    },
    end: () => {
      if (!stopped && carry.length > 0) {
        lineNo++;
        onLine(carry.endsWith('\r') ? carry.slice(0, -1) : carry, lineNo);
      }
      carry = '';
    },
  };
}

/**
 * Calls `onLine` for every line of a string, without copying the text: the synchronous twin of
 * {@link eachLine}, for readers that take text (`readIcioCsv`). `end` is where the next line starts.
 */
export function eachLineOfText(
  text: string,
  onLine: (line: string, lineNo: number, end: number) => unknown,
): void {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const stop = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    lineNo++;
    if (onLine(text.slice(pos, stop), lineNo, end + 1) === false) return;
    pos = end + 1;
  }
}

/**
 * Splits one line into fields at `delimiter`, honouring double quotes (`"a,b"`, `""` for a quote
 * inside quotes) and trimming spaces around unquoted fields.
 */
export function splitFields(line: string, delimiter: string): string[] {
  if (!line.includes('"')) {
    const cells = line.split(delimiter);
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      const a = c.charCodeAt(0);
      const b = c.charCodeAt(c.length - 1);
      if (a === 32 || a === 9 || b === 32 || b === 9) cells[i] = c.trim();
    }
    return cells;
  }
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

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
  1e20, 1e21, 1e22,
];

/**
 * Parses one numeric cell: `123`, `-4.5`, `1e-3`, `.5`, with `decimal` as the decimal mark (`.`
 * or `,`). Returns `NaN` for anything else, including `Infinity` and hexadecimal. Empty cells are
 * the caller's to decide (they are usually 0).
 *
 * Plain decimals of up to 15 significant digits are read without creating a string: the digits
 * form an integer m < 2⁵³ and the result is m / 10^k, which is correctly rounded because both are
 * exact doubles (Clinger 1990, "How to read floating point numbers accurately", the fast path).
 * Everything else goes through `Number`, which is correctly rounded too.
 */
export function parseNumber(cell: string, decimal: '.' | ',' = '.'): number {
  return parseNumberIn(cell, 0, cell.length, decimal);
}

/**
 * {@link parseNumber} on the characters `text[start, end)` of a longer string (a field of a line),
 * without cutting them out: spaces and tabs around the number are skipped; an empty range is
 * `NaN`. Readers call it on every cell, so the usual cells (plain decimals) create no string.
 *
 * @internal
 */
export function parseNumberIn(text: string, start: number, end: number, decimal: '.' | ','): number {
  let i = start;
  let len = end;
  while (i < len && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  while (len > i && (text.charCodeAt(len - 1) === 32 || text.charCodeAt(len - 1) === 9)) len--;
  if (i === len) return Number.NaN;
  const from = i;
  const mark = decimal === ',' ? 44 : 46;
  let neg = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = 0;
  let seenMark = false;
  let any = false;
  for (; i < len; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      any = true;
      if (m === 0 && c === 48 && !seenMark) continue;
      m = m * 10 + (c - 48);
      digits++;
      if (seenMark) frac++;
    } else if (c === mark && !seenMark) {
      seenMark = true;
    } else break;
  }
  if (i === len && any && digits <= 15 && frac <= 22) {
    const v = frac === 0 ? m : m / POW10[frac]!;
    return neg ? -v : v;
  }
  return slowNumber(text.slice(from, len), decimal);
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function slowNumber(cell: string, decimal: '.' | ','): number {
  let s = cell;
  if (decimal === ',') {
    if (s.includes('.')) return Number.NaN;
    s = s.replace(',', '.');
  }
  if (!NUMBER.test(s)) return Number.NaN;
  return Number(s);
}

/**
 * A quoted field starting at `s` (`""` is a quote inside; text between the closing quote and the
 * delimiter is kept): its text and where the next field starts.
 *
 * @internal
 */
export function readQuoted(line: string, s: number, delimiter: string): [string, number] {
  let out = '';
  let i = s + 1;
  for (;;) {
    const q = line.indexOf('"', i);
    if (q < 0) {
      out += line.slice(i);
      i = line.length;
      break;
    }
    out += line.slice(i, q);
    if (line.charCodeAt(q + 1) === 34) {
      out += '"';
      i = q + 2;
    } else {
      i = q + 1;
      break;
    }
  }
  let e = line.indexOf(delimiter, i);
  if (e < 0) e = line.length;
  out += line.slice(i, e);
  return [out, e + 1];
}

/** The first field of a line (unquoted, trimmed) and where the next field starts. @internal */
export function firstFieldOf(line: string, delimiter: string): [string, number] {
  let s = 0;
  while (s < line.length && line.charCodeAt(s) === 32) s++;
  if (line.charCodeAt(s) === 34) {
    const [v, next] = readQuoted(line, s, delimiter);
    return [v.trim(), next];
  }
  let e = line.indexOf(delimiter);
  if (e < 0) e = line.length;
  return [line.slice(0, e).trim(), e + 1];
}

/** All fields of a line, unquoted (quotes may open any field) and trimmed. @internal */
export function fieldsOf(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    let s = pos;
    while (s < line.length && line.charCodeAt(s) === 32) s++;
    if (line.charCodeAt(s) === 34) {
      const [v, next] = readQuoted(line, s, delimiter);
      out.push(v.trim());
      if (next > line.length) return out;
      pos = next;
    } else {
      let e = line.indexOf(delimiter, s);
      if (e < 0) e = line.length;
      out.push(line.slice(s, e).trim());
      if (e >= line.length) return out;
      pos = e + 1;
    }
  }
}

/** Whether `text[s, e)` holds only spaces and tabs. @internal */
export function isBlankRange(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
