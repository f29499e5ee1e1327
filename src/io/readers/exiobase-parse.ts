/**
 * The text files of an EXIOBASE 3 archive (`Z.txt`, `Y.txt`, `F.txt`, `x.txt`, `unit.txt`), read
 * from pushed chunks of bytes so that a zip entry can be parsed while it is inflated: the lines
 * of the small files, and the sinks the matrix files use (`exiobase-matrix.ts`).
 *
 * @internal
 */

import { lineSplitter } from './lines.js';
import type { ReadProblems } from './problems.js';

/** Where a file's problems are reported: `place(line, column)` is `FILE:LINE:COLUMN`. */
export interface FileContext {
  /** The file's name in paths (`IOT_2011_pxp.zip/IOT_2011_pxp/Z.txt`). */
  readonly name: string;
  readonly problems: ReadProblems;
  readonly delimiter: string;
  readonly decimal: '.' | ',';
}

/** Records a problem at `FILE:LINE[:COLUMN]` of a file. */
export function report(ctx: FileContext, line: number, column: number | undefined, message: string): void {
  ctx.problems.addPath(
    column === undefined ? `${ctx.name}:${line}` : `${ctx.name}:${line}:${column}`,
    message,
  );
}

/** Something that takes a file's bytes as they arrive. */
export interface ByteSink {
  push(bytes: Uint8Array): void;
  end(): void;
}

/**
 * Turns pushed bytes into lines without decoding them: `onLine(buf, a, b, lineNo)` gets the line
 * as `buf[a, b)` (`\n` or `\r\n` endings; a UTF-8 byte-order mark dropped). A line cut between
 * two chunks is joined by copying only that line.
 */
export function byteLineSink(
  onLine: (buf: Uint8Array, a: number, b: number, lineNo: number) => boolean | undefined,
): ByteSink {
  let rest: Uint8Array | undefined;
  let lineNo = 0;
  let stopped = false;
  let first = true;
  const line = (buf: Uint8Array, a: number, e: number): boolean => {
    const b = e > a && buf[e - 1] === 13 ? e - 1 : e;
    lineNo++;
    if (onLine(buf, a, b, lineNo) === false) {
      stopped = true;
      rest = undefined;
    }
    return !stopped;
  };
  return {
    push: (chunk) => {
      if (stopped || chunk.length === 0) return;
      let buf = chunk;
      if (first) {
        first = false;
        if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
      let pos = 0;
      if (rest) {
        const e = buf.indexOf(10);
        const joined = new Uint8Array(rest.length + (e < 0 ? buf.length : e));
        joined.set(rest);
        joined.set(e < 0 ? buf : buf.subarray(0, e), rest.length);
        rest = undefined;
        if (e < 0) {
          rest = joined;
          return;
        }
        if (!line(joined, 0, joined.length)) return;
        pos = e + 1;
      }
      for (;;) {
        const e = buf.indexOf(10, pos);
        if (e < 0) break;
        if (!line(buf, pos, e)) return;
        pos = e + 1;
      }
      if (pos < buf.length) rest = buf.slice(pos);
    },
    end: () => {
      if (!stopped && rest && rest.length > 0) line(rest, 0, rest.length);
      rest = undefined;
    },
  };
}

/** Turns pushed bytes into lines (UTF-8, byte-order mark dropped, `\n` or `\r\n`). */
export function lineSink(onLine: (line: string, lineNo: number) => boolean | undefined): ByteSink {
  const decoder = new TextDecoder('utf-8');
  const lines = lineSplitter(onLine);
  let first = true;
  const feed = (chunk: string): void => {
    let s = chunk;
    if (s.length === 0) return;
    if (first) {
      first = false;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    lines.push(s);
  };
  return {
    push: (bytes) => feed(decoder.decode(bytes, { stream: true })),
    end: () => {
      feed(decoder.decode());
      lines.end();
    },
  };
}

/** A small table of text cells (`x.txt`, `unit.txt`): the header row and the rows after it. */
export interface TextTable {
  header: string[];
  rows: string[][];
  lines: number[];
}

/** A byte sink collecting a small file as cells (at most `maxRows` rows). */
export function textTableSink(ctx: FileContext, maxRows = 1 << 20): { sink: ByteSink; table: TextTable } {
  const table: TextTable = { header: [], rows: [], lines: [] };
  const sink = lineSink((line, lineNo) => {
    const cells = line.split(ctx.delimiter).map((c) => c.trim());
    if (lineNo === 1) {
      table.header = cells;
      return undefined;
    }
    if (line.trim().length === 0) return undefined;
    if (table.rows.length >= maxRows) {
      report(ctx, lineNo, undefined, `expected at most ${maxRows} rows, found more`);
      return false;
    }
    table.rows.push(cells);
    table.lines.push(lineNo);
    return undefined;
  });
  return { sink, table };
}
