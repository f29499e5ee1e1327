/**
 * Reads the entries of a zip archive as it streams in, with fflate's streaming `Unzip` and the
 * synchronous `UnzipInflate`: each wanted entry is inflated chunk by chunk into a sink, entries
 * nobody wants are skipped without inflating, and neither the archive nor an entry is ever held
 * whole.
 *
 * @internal
 */
import { Unzip, UnzipInflate } from 'fflate';
import { GvcError } from '../../core/errors.js';
import type { ByteSink } from './exiobase-parse.js';

/** What streaming an archive found. */
export interface ZipScan {
  /** Whether the bytes start like a zip archive (`PK\x03\x04`); when not, nothing else was read. */
  readonly isZip: boolean;
  /** The first bytes of the source (up to 512), to say what it looks like instead. */
  readonly firstBytes: Uint8Array;
  /** The names of all entries, in archive order. */
  readonly names: readonly string[];
  /** Problems with single entries: an unsupported compression method, corrupt data. */
  readonly problems: readonly { readonly entry: string; readonly message: string }[];
}

/**
 * Streams a zip archive from `chunks`, calling `choose(name)` for each entry; the entry is
 * inflated into the sink it returns, or skipped when it returns `undefined`.
 */
export async function streamZip(
  chunks: AsyncIterable<Uint8Array>,
  choose: (name: string) => ByteSink | undefined,
): Promise<ZipScan> {
  const names: string[] = [];
  const problems: { entry: string; message: string }[] = [];
  const open = new Set<string>();
  const unzip = new Unzip((file) => {
    names.push(file.name);
    const sink = choose(file.name);
    if (!sink) return;
    open.add(file.name);
    let broken = false;
    file.ondata = (err, data, final) => {
      if (broken) return;
      if (err) {
        broken = true;
        problems.push({
          entry: file.name,
          message: `expected a readable entry, found corrupt data (${err.message})`,
        });
        return;
      }
      sink.push(data);
      if (final) {
        open.delete(file.name);
        sink.end();
      }
    };
    try {
      file.start();
    } catch {
      problems.push({
        entry: file.name,
        message: `expected an entry stored or deflated, found compression method ${file.compression}`,
      });
    }
  });
  unzip.register(UnzipInflate);
  let firstBytes: Uint8Array | undefined;
  // The last bytes seen, where the end-of-central-directory record of a complete archive is.
  let tail: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    tail = keepTail(tail, chunk);
    if (!firstBytes) {
      firstBytes = chunk.slice(0, 512);
      if (!(chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04)) {
        return { isZip: false, firstBytes, names, problems };
      }
    }
    try {
      unzip.push(chunk);
    } catch (e) {
      if (e instanceof GvcError) throw e;
      problems.push({
        entry: names[names.length - 1] ?? '',
        message: `expected a valid zip archive, found ${String((e as Error)?.message ?? e)}`,
      });
      return { isZip: true, firstBytes, names, problems };
    }
  }
  if (!firstBytes) return { isZip: false, firstBytes: new Uint8Array(0), names, problems };
  try {
    unzip.push(new Uint8Array(0), true);
  } catch {
    // The archive ends inside an entry: reported below.
  }
  const cut = [...open];
  if (cut.length > 0 || !hasEndRecord(tail)) {
    problems.push({
      entry: cut[0] ?? '',
      message: `expected a complete zip archive, found it cut short${cut.length > 0 ? ' inside this entry' : ' (no end of central directory)'}`,
    });
  }
  return { isZip: true, firstBytes, names, problems };
}

const TAIL = 22 + 0xffff;

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= TAIL) return chunk.slice(chunk.length - TAIL);
  const keep = Math.min(tail.length, TAIL - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(tail.subarray(tail.length - keep));
  out.set(chunk, keep);
  return out;
}

/** Whether the last bytes of an archive hold its end-of-central-directory record. */
function hasEndRecord(tail: Uint8Array): boolean {
  for (let p = tail.length - 22; p >= 0; p--) {
    if (u32(tail, p) === 0x06054b50 && p + 22 + u16(tail, p + 20) === tail.length) return true;
  }
  return false;
}

const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number) =>
  (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, p: number) => u32(b, p) + u32(b, p + 4) * 2 ** 32;

/**
 * The entry names of a zip archive read from its central directory, for sources that can be read
 * at any position (a file, bytes in memory), so that a reader knows which entries exist before it
 * streams them. `undefined` when no central directory is found (then the archive is streamed
 * blind). Zip64 archives are handled.
 */
export async function listZip(
  readAt: (pos: number, len: number) => Promise<Uint8Array>,
  size: number,
): Promise<string[] | undefined> {
  const tailLen = Math.min(size, 22 + 0xffff + 20);
  const tail = await readAt(size - tailLen, tailLen);
  let e = -1;
  for (let p = tail.length - 22; p >= 0; p--) {
    if (u32(tail, p) === 0x06054b50) {
      e = p;
      break;
    }
  }
  if (e < 0) return undefined;
  let count = u16(tail, e + 10);
  let cdSize = u32(tail, e + 12);
  let cdOff = u32(tail, e + 16);
  if (
    (cdOff === 0xffffffff || count === 0xffff || cdSize === 0xffffffff) &&
    e >= 20 &&
    u32(tail, e - 20) === 0x07064b50
  ) {
    const z64 = u64(tail, e - 20 + 8);
    const rec = await readAt(z64, 56);
    if (u32(rec, 0) !== 0x06064b50) return undefined;
    count = u64(rec, 32);
    cdSize = u64(rec, 40);
    cdOff = u64(rec, 48);
  }
  if (cdSize > 64 * 2 ** 20 || cdOff + cdSize > size) return undefined;
  const cd = await readAt(cdOff, cdSize);
  const names: string[] = [];
  const dec = new TextDecoder('utf-8');
  let p = 0;
  for (let i = 0; i < count && p + 46 <= cd.length; i++) {
    if (u32(cd, p) !== 0x02014b50) return undefined;
    const nl = u16(cd, p + 28);
    const xl = u16(cd, p + 30);
    const cl = u16(cd, p + 32);
    names.push(dec.decode(cd.subarray(p + 46, p + 46 + nl)));
    p += 46 + nl + xl + cl;
  }
  return names;
}
