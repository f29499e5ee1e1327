/**
 * A reader of R's serialization format, enough to read the data frames that releases distribute
 * as R data files (`.RData` from `save()`, `.rds` from `saveRDS()`): R Core Team, "R Internals",
 * section 1.8 "Serialization formats" (R 4.x). Files are gzip-compressed (R's default) or
 * uncompressed, in the XDR (big-endian) binary format, versions 2 and 3. Read: NULL, symbols,
 * pairlists, logical, integer, double, character, raw and generic vectors (lists, data frames),
 * attributes, and the ALTREP compact sequences and wrappers that R 3.5+ writes (external pointers,
 * such as data.table's `.internal.selfref`, are kept as opaque markers). Anything else
 * (environments, closures, complex numbers, S4 objects, the ASCII and native-binary formats) is
 * refused with an error saying what was found.
 *
 * @packageDocumentation
 */
import { Gunzip, unzipSync } from 'fflate';
import { GvcError } from '../../core/errors.js';
import { describeLayout } from './layouts.js';
import { fail, RDATA_MAX_BYTES, RStream, type RValue } from './rdata-stream.js';
import { concatBytes } from './source.js';

export { R_NA_INTEGER, type RAttributes, RDATA_MAX_BYTES, type RValue } from './rdata-stream.js';

/**
 * The serialized stream inside an R data file: gunzipped when the file is gzip-compressed, at most
 * `limit` bytes. bzip2 and xz compression are refused with a message saying how to re-save.
 */
export function rdataStream(bytes: Uint8Array, file: string, limit = RDATA_MAX_BYTES): Uint8Array {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipBounded(bytes, file, limit);
  const other =
    bytes[0] === 0x42 && bytes[1] === 0x5a && bytes[2] === 0x68
      ? 'bzip2'
      : bytes[0] === 0xfd && bytes[1] === 0x37 && bytes[2] === 0x7a && bytes[3] === 0x58
        ? 'xz'
        : undefined;
  if (other) {
    fail(
      file,
      0,
      `expected gzip-compressed R data (R's default), found ${other}-compressed data: re-save it in R with save(..., compress = "gzip")`,
    );
  }
  return bytes;
}

function gunzipBounded(bytes: Uint8Array, file: string, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const gz = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) over = true;
    else parts.push(chunk);
  });
  try {
    gz.push(bytes, true);
  } catch (e) {
    fail(file, 0, `expected a gzip stream, found a corrupt or truncated one (${(e as Error).message})`);
  }
  if (over) fail(file, 0, `expected at most ${limit} bytes once decompressed, found more`);
  const n = bytes.length;
  const size =
    n >= 18
      ? (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0
      : -1;
  if (size !== total % 2 ** 32) fail(file, n, 'expected a complete gzip stream, found a truncated one');
  return concatBytes(parts, total);
}

/**
 * The objects of an R data file by name: `save()`'s `.RData`/`.rda` (header `RDX2`/`RDX3`), or a
 * single object from `saveRDS()` (no header; named `''`). The bytes may be gzip-compressed.
 *
 * @throws GvcError `INVALID_INPUT` at `FILE: byte OFFSET` for anything but an XDR binary stream of
 *   the supported types, a truncated file, or a length larger than the bytes left
 */
export function parseRData(bytes: Uint8Array, file: string): ReadonlyMap<string, RValue> {
  const data = rdataStream(bytes, file);
  const head = String.fromCharCode(...data.subarray(0, 5));
  let pos = 0;
  let rdx = false;
  if (/^RD[ABX][23]\n$/.test(head)) {
    if (head[2] !== 'X')
      fail(file, 0, `expected the XDR binary format (save()'s default), found ${head.slice(0, 4)}`);
    rdx = true;
    pos = 5;
  }
  const fmt = String.fromCharCode(data[pos] ?? 0, data[pos + 1] ?? 0);
  if (fmt !== 'X\n') {
    if (fmt === 'A\n' || fmt === 'B\n')
      fail(
        file,
        pos,
        `expected the XDR binary format (save()'s default), found the ${fmt[0] === 'A' ? 'ASCII' : 'native binary'} format`,
      );
    fail(
      file,
      pos,
      'expected an R data file (starting RDX2 or RDX3, or a saveRDS() stream), found other bytes',
    );
  }
  const r = new RStream(data, file, pos + 2);
  const version = r.int();
  r.int(); // the R version that wrote it
  r.int(); // the oldest R version that reads it
  if (version === 3) {
    const n = r.int();
    r.need(n, 'the native encoding');
    r.pos += n;
  } else if (version !== 2)
    fail(file, pos + 2, `expected serialization format version 2 or 3, found ${version}`);
  const top = r.item(0);
  if (r.pos !== data.length)
    fail(file, r.pos, `expected the end of the stream, found ${data.length - r.pos} more bytes`);
  const out = new Map<string, RValue>();
  if (!rdx) {
    out.set('', top);
    return out;
  }
  if (top.type !== 'pairlist') fail(file, pos, 'expected the named objects of save(), found another object');
  for (const { tag, value } of top.data) out.set(tag ?? '', value);
  return out;
}

/** Whether bytes start like an R data file (gzip, bzip2 or xz data, or an uncompressed R stream). */
export function looksLikeRData(b: Uint8Array): boolean {
  if (b[0] === 0x1f && b[1] === 0x8b) return true;
  if (b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68) return true; // bzip2: refused with its own message
  if (b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a) return true; // xz
  const head = String.fromCharCode(...b.subarray(0, 5));
  return /^RD[ABX][23]\n/.test(head) || head.startsWith('X\n');
}

/**
 * The error for a file that is not R data: `expected EXPECTED, found a file that looks like the
 * FIGARO flat CSV (read it with readFigaro)`.
 */
export function notRData(bytes: Uint8Array, file: string, what: string, expected: string): GvcError {
  const firstLine = new TextDecoder().decode(bytes.subarray(0, 4096)).split(/\r?\n/)[0] ?? '';
  const layout = describeLayout(firstLine, bytes.subarray(0, 8));
  return new GvcError('INVALID_INPUT', what, [
    {
      path: file,
      message: `expected ${expected}, found a file that ${layout ? `looks like ${layout}` : 'is not R data'}`,
    },
  ]);
}

/**
 * The member of a zip archive whose name matches `pattern` with `year` as its first group
 * (`WIOT2014_October16_ROW.RData` in `WIOTS_in_R.zip`), and its name for error paths
 * (`ARCHIVE/MEMBER`). Only that member is decompressed.
 */
export function archiveMember(
  bytes: Uint8Array,
  file: string,
  what: string,
  pattern: RegExp,
  year: number | undefined,
): { bytes: Uint8Array; file: string } {
  const years: string[] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        const m = pattern.exec(f.name.split('/').pop() ?? '');
        if (m) years.push(m[1]!);
        return m !== null && Number(m[1]) === year && f.originalSize <= RDATA_MAX_BYTES;
      },
    });
  } catch (e) {
    throw new GvcError('INVALID_INPUT', what, [
      { path: file, message: `expected a zip archive, found a corrupt one (${(e as Error).message})` },
    ]);
  }
  const found = Object.keys(entries)[0];
  if (year === undefined || found === undefined) {
    throw new GvcError('INVALID_INPUT', what, [
      {
        path: year === undefined ? 'options.year' : file,
        message: `expected ${year === undefined ? 'the year to read from the archive' : `the year ${year} in the archive`}, found ${years.length > 0 ? `the years ${years.sort().join(', ')}` : 'no file of a year'}`,
      },
    ]);
  }
  return { bytes: entries[found]!, file: `${file}/${found.split('/').pop()}` };
}
