import * as z from 'zod/mini';
import { quote, validate } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { nodeBuiltin } from '../../core/runtime.js';

/**
 * Where a reader takes a table from. Nothing is downloaded: the caller passes
 * - a file path (`string` or `file:` `URL`; Node, Deno and Bun),
 * - the text itself as `{ text }`,
 * - bytes (`Uint8Array`, `ArrayBuffer`, or a `Blob`/`File` in a browser),
 * - or a stream (a web `ReadableStream`, a Node `Readable`, or any async iterable of bytes or
 *   strings).
 *
 * Text is decoded as UTF-8 (a byte-order mark is dropped) and read chunk by chunk, so a file is
 * never held whole as one string. Where the runtime has no file system (a browser), a reader handed
 * a file path throws one `GvcError('UNSUPPORTED')` ("reading a file path needs Node, Deno or Bun; in
 * a browser pass a Blob/File, bytes or a stream").
 *
 * @example
 * ```ts
 * TableSource.parse({ text: 'a,b\n1,2' });
 * //=> { text: 'a,b\n1,2' }
 * ```
 */
export const TableSource = z.custom<
  | string
  | URL
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>
  | { readonly text: string }
>((v) => describeSource(v) !== undefined, {
  error: (iss) =>
    `expected a file path, { text }, bytes (Uint8Array, ArrayBuffer, Blob) or a stream, found ${
      iss.input === null ? 'null' : typeof iss.input
    }`,
});
/** Where a reader takes a table from: see {@link TableSource}. */
export type TableSource = z.output<typeof TableSource>;

type Kind = 'path' | 'url' | 'text' | 'bytes' | 'buffer' | 'blob' | 'web-stream' | 'iterable';

function describeSource(v: unknown): Kind | undefined {
  if (typeof v === 'string') return v.length > 0 ? 'path' : undefined;
  if (v === null || typeof v !== 'object') return undefined;
  if (v instanceof URL) {
    // An object that only borrows URL's prototype has no URL inside: reading it would throw.
    try {
      return typeof v.href === 'string' ? 'url' : undefined;
    } catch {
      return undefined;
    }
  }
  if (v instanceof Uint8Array) return 'bytes';
  if (v instanceof ArrayBuffer) return 'buffer';
  if (typeof Blob !== 'undefined' && v instanceof Blob) return 'blob';
  if (typeof (v as { getReader?: unknown }).getReader === 'function') return 'web-stream';
  if (typeof (v as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function')
    return 'iterable';
  if (Object.keys(v).length === 1 && typeof (v as { text?: unknown }).text === 'string') return 'text';
  return undefined;
}

/** Checks a source through the boundary (`INVALID_INPUT` at `path`) and returns it. */
export function validateSource(source: unknown, path = 'source', what = 'invalid table source'): TableSource {
  return validate(TableSource, source, path, what);
}

/**
 * The name a source goes by in error paths: the base name of a file path or URL, `text` for
 * `{ text }`, and `input` otherwise.
 */
export function sourceName(source: TableSource): string {
  const kind = describeSource(source);
  if (kind === 'path') return baseName(source as string);
  if (kind === 'url') return baseName((source as URL).pathname);
  if (kind === 'text') return 'text';
  if (kind === 'blob' && typeof (source as unknown as { name?: unknown }).name === 'string') {
    return (source as unknown as { name: string }).name || 'input';
  }
  return 'input';
}

function baseName(p: string): string {
  const parts = p.split(/[\\/]/);
  return parts[parts.length - 1] || p;
}

/**
 * The error for a file path (or `file:` URL) where the runtime has no file system (a browser):
 * `UNSUPPORTED` at `path`.
 */
export function needsFileSystem(path = 'source'): GvcError {
  return new GvcError(
    'UNSUPPORTED',
    'reading a file path needs Node, Deno or Bun; in a browser pass a Blob/File, bytes or a stream',
    [
      {
        path,
        message:
          'expected a Blob/File, bytes, { text } or a stream in a runtime without a file system (a browser), found a file path',
      },
    ],
  );
}

/**
 * Node's built-in module `id` (`'node:fs/promises'`, …) for reading a file path, reached through
 * `nodeBuiltin` (core/runtime.ts) so that no bundler resolves it; throws {@link needsFileSystem} at
 * `path` where the runtime has none (a browser).
 */
export async function fileSystemModule<T>(id: string, path = 'source'): Promise<T> {
  const m = await nodeBuiltin<T>(id);
  if (m === undefined) throw needsFileSystem(path);
  return m;
}

/** The size of chunks read from a file or cut from bytes in memory. */
export const CHUNK_BYTES = 1 << 20;

/**
 * The bytes of a source, chunk by chunk. A file path is opened with `node:fs` (reached only then,
 * through `nodeBuiltin`, so browsers and bundlers never load it); a missing file is a `NOT_FOUND`
 * error at `source`, and a path where there is no file system (a browser) an `UNSUPPORTED` one.
 */
export async function* byteChunks(source: TableSource): AsyncGenerator<Uint8Array> {
  try {
    yield* rawByteChunks(source);
  } catch (e) {
    if (e instanceof GvcError) throw e;
    throw new GvcError('INVALID_INPUT', 'invalid table source', [
      {
        path: 'source',
        message: `expected a source that can be read, found one that failed: ${quote(String((e as Error)?.message ?? e))}`,
      },
    ]);
  }
}

async function* rawByteChunks(source: TableSource): AsyncGenerator<Uint8Array> {
  const kind = describeSource(source);
  switch (kind) {
    case 'path':
    case 'url': {
      if (kind === 'path' && (source as string).includes('\0')) {
        throw new GvcError('INVALID_INPUT', 'invalid table source', [
          {
            path: 'source',
            message: `expected a file path without NUL characters, found ${quote(source as string)}`,
          },
        ]);
      }
      const fs = await fileSystemModule<typeof import('node:fs')>('node:fs');
      const stream = fs.createReadStream(source as string | URL, { highWaterMark: CHUNK_BYTES });
      try {
        for await (const chunk of stream) yield chunk as Uint8Array;
      } catch (e) {
        throw fileError(source as string | URL, e);
      }
      return;
    }
    case 'text':
      yield new TextEncoder().encode((source as { text: string }).text);
      return;
    case 'bytes':
    case 'buffer': {
      const bytes = kind === 'bytes' ? (source as Uint8Array) : new Uint8Array(source as ArrayBuffer);
      for (let p = 0; p < bytes.length; p += CHUNK_BYTES) yield bytes.subarray(p, p + CHUNK_BYTES);
      return;
    }
    case 'blob':
      yield* streamChunks((source as Blob).stream());
      return;
    case 'web-stream':
      yield* streamChunks(source as ReadableStream<Uint8Array>);
      return;
    case 'iterable': {
      const enc = new TextEncoder();
      for await (const c of source as AsyncIterable<Uint8Array | string>) {
        yield typeof c === 'string' ? enc.encode(c) : toBytes(c);
      }
      return;
    }
    default:
      throw new GvcError('INVALID_INPUT', 'invalid table source', [
        { path: 'source', message: 'expected a file path, { text }, bytes or a stream' },
      ]);
  }
}

function toBytes(c: unknown): Uint8Array {
  if (c instanceof Uint8Array) return c;
  if (c instanceof ArrayBuffer) return new Uint8Array(c);
  throw new GvcError('INVALID_INPUT', 'invalid table source', [
    {
      path: 'source',
      message: `expected chunks of bytes or strings, found ${c === null ? 'null' : typeof c}`,
    },
  ]);
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield toBytes(value);
    }
  } finally {
    reader.releaseLock();
  }
}

function fileError(file: string | URL, e: unknown): GvcError {
  const code = (e as { code?: unknown } | null)?.code;
  const name = quote(String(file));
  if (code === 'ENOENT') {
    return new GvcError('NOT_FOUND', 'file not found', [
      { path: 'source', message: `expected a readable file, found no file at ${name}` },
    ]);
  }
  if (code === 'EISDIR') {
    return new GvcError('INVALID_INPUT', 'invalid table source', [
      { path: 'source', message: `expected a file, found a folder at ${name}` },
    ]);
  }
  return new GvcError('INVALID_INPUT', 'invalid table source', [
    {
      path: 'source',
      message: `expected a readable file at ${name}, found ${quote(String((e as Error)?.message ?? e))}`,
    },
  ]);
}

/**
 * The text of a source as UTF-8 strings, chunk by chunk (a leading byte-order mark dropped).
 * `{ text }` is passed through without re-encoding.
 */
export async function* textChunks(source: TableSource): AsyncGenerator<string> {
  if (describeSource(source) === 'text') {
    const text = (source as { text: string }).text;
    yield text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return;
  }
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const bytes of byteChunks(source)) {
    let s = decoder.decode(bytes, { stream: true });
    if (first && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
    }
    if (s.length > 0) yield s;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/**
 * All the bytes of a source in one array, for binary formats read whole (zip archives, Excel
 * workbooks, R data files). Refuses more than `limit` bytes (`INVALID_INPUT` at `source`) rather
 * than allocate without bound.
 */
export async function readAllBytes(source: TableSource, limit = 2 ** 31): Promise<Uint8Array> {
  const kind = describeSource(source);
  if (kind === 'bytes') return source as Uint8Array;
  if (kind === 'buffer') return new Uint8Array(source as ArrayBuffer);
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const c of byteChunks(source)) {
    total += c.length;
    if (total > limit) {
      throw new GvcError('INVALID_INPUT', 'invalid table source', [
        { path: 'source', message: `expected at most ${limit} bytes, found more` },
      ]);
    }
    parts.push(c);
  }
  return concatBytes(parts, total);
}

/**
 * The chunks joined into one array of `total` bytes (their summed length by default); the chunk
 * itself when there is one.
 */
export function concatBytes(
  parts: readonly Uint8Array[],
  total = parts.reduce((sum, c) => sum + c.length, 0),
): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of parts) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** Whether a source is a file path or URL (so that sibling files can be looked up). */
export function isPathSource(source: TableSource): source is string | URL {
  const kind = describeSource(source);
  return kind === 'path' || kind === 'url';
}
