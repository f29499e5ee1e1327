/**
 * A minimal FlatBuffers writer for the Arrow IPC metadata (Schema, RecordBatch and Footer tables),
 * written front to back: a table's vtable, then the table, then the objects it refers to, so that
 * every `uoffset` points forward as the format requires. Layout rules from the FlatBuffers internals
 * documentation (Google, "FlatBuffers: Format internals"): a table starts with an `int32` (its
 * position minus its vtable's); a vtable is `uint16` vtable size, `uint16` table size, then one
 * `uint16` offset per field (0: absent); references are `uint32` offsets from where they are
 * stored; a vector is a `uint32` count followed by its elements, aligned to the elements; a string
 * is a count, its UTF-8 bytes and a zero byte. Scalars are little-endian and aligned to their size.
 *
 * @internal
 * @packageDocumentation
 */

/** A field of a table: a scalar of a given width, or a reference to another object. */
export type FbField =
  | { readonly t: 'u8' | 'i16' | 'i32' | 'i64'; readonly v: number }
  | { readonly t: 'ref'; readonly v: FbNode };

/** An object of a FlatBuffer. */
export type FbNode =
  | { readonly k: 'table'; readonly fields: ReadonlyArray<FbField | undefined> }
  | { readonly k: 'string'; readonly v: string }
  | { readonly k: 'tables'; readonly v: readonly FbNode[] }
  /** A vector of structs: `count` elements of `bytes.length / count` bytes each, aligned to `align`. */
  | { readonly k: 'structs'; readonly bytes: Uint8Array; readonly count: number; readonly align: number };

/** What the writers need of a `TextEncoder`. */
export interface Utf8Encoder {
  encode(s: string): Uint8Array;
}

const WIDTH = { u8: 1, i16: 2, i32: 4, i64: 8, ref: 4 } as const;

/** A table node from its fields by slot (`undefined`: absent). */
export const table = (...fields: Array<FbField | undefined>): FbNode => ({ k: 'table', fields });
/** A scalar field. */
export const scalar = (t: 'u8' | 'i16' | 'i32' | 'i64', v: number): FbField => ({ t, v });
/** A reference field. */
export const ref = (v: FbNode): FbField => ({ t: 'ref', v });

/** A growable little-endian byte buffer. */
class Out {
  bytes = new Uint8Array(256);
  view = new DataView(this.bytes.buffer);
  pos = 0;

  reserve(n: number): void {
    if (this.pos + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.bytes);
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }
  /** Pads with zeros until `(pos + extra) % n === 0`. */
  align(n: number, extra = 0): void {
    const pad = (n - ((this.pos + extra) % n)) % n;
    this.reserve(pad);
    this.pos += pad; // the buffer is zero-filled
  }
  put(t: 'u8' | 'i16' | 'i32' | 'u32' | 'i64', v: number, at = this.pos): void {
    this.reserve(at + 8 - this.pos);
    const d = this.view;
    if (t === 'u8') d.setUint8(at, v);
    else if (t === 'i16') d.setInt16(at, v, true);
    else if (t === 'i32') d.setInt32(at, v, true);
    else if (t === 'u32') d.setUint32(at, v, true);
    else d.setBigInt64(at, BigInt(v), true);
    if (at === this.pos) this.pos += t === 'u8' ? 1 : t === 'i16' ? 2 : t === 'i64' ? 8 : 4;
  }
  raw(b: Uint8Array): void {
    this.reserve(b.length);
    this.bytes.set(b, this.pos);
    this.pos += b.length;
  }
}

/** Writes `node` at the current position (after alignment) and returns the position it refers to. */
function write(out: Out, node: FbNode, encoder: Utf8Encoder): number {
  if (node.k === 'string') {
    const b = encoder.encode(node.v);
    out.align(4);
    const at = out.pos;
    out.put('u32', b.length);
    out.raw(b);
    out.put('u8', 0);
    return at;
  }
  if (node.k === 'structs') {
    out.align(Math.max(node.align, 4), 4);
    const at = out.pos;
    out.put('u32', node.count);
    out.raw(node.bytes);
    return at;
  }
  if (node.k === 'tables') {
    out.align(4);
    const at = out.pos;
    out.put('u32', node.v.length);
    const slots = node.v.map(() => {
      const p = out.pos;
      out.put('u32', 0);
      return p;
    });
    node.v.forEach((child, k) => {
      const target = write(out, child, encoder);
      out.put('u32', target - slots[k]!, slots[k]!);
    });
    return at;
  }
  // A table: lay the fields out (each aligned to its width after the int32 vtable offset).
  const fields = node.fields;
  const offsets = new Array<number>(fields.length).fill(0);
  let size = 4;
  let maxAlign = 4;
  fields.forEach((f, k) => {
    if (f === undefined) return;
    const w = WIDTH[f.t];
    size = Math.ceil(size / w) * w;
    offsets[k] = size;
    size += w;
    maxAlign = Math.max(maxAlign, w);
  });
  // The vtable first (uint16s), then the table aligned to its widest field.
  out.align(2);
  const vtable = out.pos;
  out.put('i16', 4 + 2 * fields.length);
  out.put('i16', size);
  for (const o of offsets) out.put('i16', o);
  out.align(maxAlign);
  const at = out.pos;
  out.reserve(size);
  out.put('i32', at - vtable);
  const refs: Array<[number, FbNode]> = [];
  fields.forEach((f, k) => {
    if (f === undefined) return;
    const p = at + offsets[k]!;
    if (f.t === 'ref') refs.push([p, f.v]);
    else out.put(f.t, f.v, p);
  });
  out.pos = at + size;
  for (const [p, child] of refs) {
    const target = write(out, child, encoder);
    out.put('u32', target - p, p);
  }
  return at;
}

/** The FlatBuffer of a root table: a `uint32` offset to it, then the objects. */
export function flatbuffer(root: FbNode): Uint8Array {
  const out = new Out();
  const encoder = new TextEncoder();
  out.put('u32', 0);
  const at = write(out, root, encoder);
  out.put('u32', at, 0);
  return out.bytes.slice(0, out.pos);
}
