/**
 * The objects of R's XDR serialization stream and the cursor that reads them (see `rdata.ts`).
 *
 * @packageDocumentation
 */
import { GvcError } from '../../core/errors.js';

/** The attributes of an R object by name (`names`, `class`, `levels`, `row.names`, …). */
export type RAttributes = ReadonlyMap<string, RValue>;

/** An R object read from a serialized stream. `NA` is `null` in strings, -2³¹ in integers and logicals, `NaN` in doubles. */
export type RValue =
  | { readonly type: 'NULL' }
  | { readonly type: 'symbol'; readonly name: string }
  | { readonly type: 'environment'; readonly name: string }
  | { readonly type: 'logical' | 'integer'; readonly data: Int32Array; readonly attributes: RAttributes }
  | { readonly type: 'double'; readonly data: Float64Array; readonly attributes: RAttributes }
  | {
      readonly type: 'character';
      readonly data: readonly (string | null)[];
      readonly attributes: RAttributes;
    }
  | { readonly type: 'raw'; readonly data: Uint8Array; readonly attributes: RAttributes }
  | { readonly type: 'list'; readonly data: readonly RValue[]; readonly attributes: RAttributes }
  | {
      readonly type: 'pairlist';
      readonly data: readonly { readonly tag: string | undefined; readonly value: RValue }[];
      readonly attributes: RAttributes;
    };

/** R's integer and logical NA. */
export const R_NA_INTEGER = -2147483648;

/** The most bytes an R data file may expand to (the decompressed stream). */
export const RDATA_MAX_BYTES = 2 ** 31;
/** The most elements an ALTREP compact sequence may expand to (no bytes in the file back them). */
export const MAX_SEQUENCE = 2 ** 26;
/** The deepest nesting of lists read before the file is refused. */
export const MAX_DEPTH = 256;

export const RDATA_WHAT = 'invalid R data file';
const NO_ATTRIBUTES: RAttributes = new Map();
const NULL: RValue = { type: 'NULL' };

/** Names of the SEXP types refused, for messages. */
const TYPE_NAMES: Readonly<Record<number, string>> = {
  3: 'a closure',
  4: 'an environment',
  5: 'a promise',
  6: 'a language object',
  7: 'a special function',
  8: 'a builtin function',
  15: 'a complex vector',
  17: 'a dot-dot-dot object',
  18: 'an "any" object',
  20: 'an expression vector',
  21: 'byte code',
  25: 'an S4 object',
  247: 'the base namespace',
  249: 'a namespace',
  250: 'a package environment',
  246: 'a persistent reference',
};

export function fail(file: string, offset: number, message: string): never {
  throw new GvcError('INVALID_INPUT', RDATA_WHAT, [{ path: `${file}: byte ${offset}`, message }]);
}

/** A cursor over an XDR serialization stream. */
export class RStream {
  private readonly view: DataView;
  private readonly refs: RValue[] = [];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    public pos: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Fails unless `n` more bytes are there. */
  need(n: number, what: string): void {
    if (!(n >= 0) || n > this.bytes.length - this.pos) {
      fail(
        this.file,
        this.pos,
        `expected ${what} (${n} bytes), found ${Math.max(0, this.bytes.length - this.pos)} bytes left`,
      );
    }
  }

  int(): number {
    this.need(4, 'a 4-byte integer');
    const v = this.view.getInt32(this.pos, false);
    this.pos += 4;
    return v;
  }

  length(): number {
    const n = this.int();
    if (n >= 0) return n;
    if (n !== -1) fail(this.file, this.pos - 4, `expected a vector length, found ${n}`);
    const hi = this.int();
    const lo = this.int() >>> 0;
    return hi * 2 ** 32 + lo;
  }

  private string(n: number, latin1: boolean): string {
    this.need(n, 'the bytes of a string');
    const s = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return new TextDecoder(latin1 ? 'latin1' : 'utf-8').decode(s);
  }

  /** A CHARSXP's text, or null for NA. */
  private charsxp(): string | null {
    const at = this.pos;
    const flags = this.int();
    if ((flags & 0xff) !== 9)
      fail(this.file, at, `expected a string (CHARSXP), found SEXP type ${flags & 0xff}`);
    const n = this.int();
    if (n === -1) return null;
    return this.string(n, ((flags >> 12) & 4) !== 0);
  }

  private attributes(has: boolean, depth: number): RAttributes {
    if (!has) return NO_ATTRIBUTES;
    const at = this.pos;
    const a = this.item(depth + 1);
    if (a.type !== 'pairlist') fail(this.file, at, 'expected attributes as a pairlist, found another object');
    const m = new Map<string, RValue>();
    for (const { tag, value } of a.data) if (tag !== undefined) m.set(tag, value);
    return m;
  }

  /** Reads one object. */
  item(depth: number): RValue {
    if (depth > MAX_DEPTH)
      fail(this.file, this.pos, `expected objects nested at most ${MAX_DEPTH} deep, found deeper`);
    const at = this.pos;
    const flags = this.int();
    const type = flags & 0xff;
    const hasAttr = (flags & 512) !== 0;
    switch (type) {
      case 254: // NILVALUE_SXP
      case 0:
        return NULL;
      case 242:
        return { type: 'environment', name: 'emptyenv' };
      case 241:
        return { type: 'environment', name: 'baseenv' };
      case 253:
        return { type: 'environment', name: 'globalenv' };
      case 251:
      case 252:
        return NULL; // missing argument, unbound value
      case 255: {
        let i = flags >> 8;
        if (i === 0) i = this.int();
        const ref = this.refs[i - 1];
        if (ref === undefined)
          fail(this.file, at, `expected a reference to an earlier object, found reference ${i}`);
        return ref;
      }
      case 1: {
        const name = this.charsxp() ?? 'NA';
        const sym: RValue = { type: 'symbol', name };
        this.refs.push(sym);
        return sym;
      }
      case 2:
      case 239:
        return this.pairlist(flags, depth);
      case 9: {
        this.pos = at;
        return { type: 'character', data: [this.charsxp()], attributes: NO_ATTRIBUTES };
      }
      case 10:
      case 13: {
        const n = this.length();
        this.need(4 * n, `${n} integers`);
        const data = new Int32Array(n);
        for (let i = 0; i < n; i++) data[i] = this.view.getInt32(this.pos + 4 * i, false);
        this.pos += 4 * n;
        return {
          type: type === 10 ? 'logical' : 'integer',
          data,
          attributes: this.attributes(hasAttr, depth),
        };
      }
      case 14: {
        const n = this.length();
        this.need(8 * n, `${n} doubles`);
        const data = new Float64Array(n);
        for (let i = 0; i < n; i++) data[i] = this.view.getFloat64(this.pos + 8 * i, false);
        this.pos += 8 * n;
        return { type: 'double', data, attributes: this.attributes(hasAttr, depth) };
      }
      case 16: {
        const n = this.length();
        this.need(8 * n, `${n} strings`);
        const data: (string | null)[] = new Array(n);
        for (let i = 0; i < n; i++) data[i] = this.charsxp();
        return { type: 'character', data, attributes: this.attributes(hasAttr, depth) };
      }
      case 19: {
        const n = this.length();
        this.need(4 * n, `${n} list elements`);
        const data: RValue[] = new Array(n);
        for (let i = 0; i < n; i++) data[i] = this.item(depth + 1);
        return { type: 'list', data, attributes: this.attributes(hasAttr, depth) };
      }
      case 24: {
        const n = this.length();
        this.need(n, `${n} raw bytes`);
        const data = this.bytes.slice(this.pos, this.pos + n);
        this.pos += n;
        return { type: 'raw', data, attributes: this.attributes(hasAttr, depth) };
      }
      case 238:
        return this.altrep(at, depth);
      case 22: // an external pointer (data.table's .internal.selfref): kept opaque
      case 23: {
        const ref: RValue = { type: 'environment', name: type === 22 ? 'externalptr' : 'weakref' };
        this.refs.push(ref);
        if (type === 22) {
          this.item(depth + 1);
          this.item(depth + 1);
        }
        this.attributes(hasAttr, depth);
        return ref;
      }
      default:
        return fail(
          this.file,
          at,
          `expected a data object (vector, list, data frame), found ${TYPE_NAMES[type] ?? `SEXP type ${type}`}, which this reader does not read`,
        );
    }
  }

  /** A pairlist, read iteratively along its CDR. */
  private pairlist(firstFlags: number, depth: number): RValue {
    const data: { tag: string | undefined; value: RValue }[] = [];
    let flags = firstFlags;
    let attributes: RAttributes = NO_ATTRIBUTES;
    for (;;) {
      const attrs = this.attributes((flags & 512) !== 0, depth);
      if (data.length === 0) attributes = attrs;
      let tag: string | undefined;
      if ((flags & 1024) !== 0) {
        const at = this.pos;
        const t = this.item(depth + 1);
        if (t.type !== 'symbol') fail(this.file, at, 'expected a tag (symbol), found another object');
        tag = t.name;
      }
      data.push({ tag, value: this.item(depth + 1) });
      const at = this.pos;
      flags = this.int();
      const type = flags & 0xff;
      if (type === 254) break;
      if (type !== 2 && type !== 239) {
        this.pos = at;
        const rest = this.item(depth + 1);
        if (rest.type !== 'NULL')
          fail(this.file, at, 'expected the rest of a pairlist, found another object');
        break;
      }
    }
    return { type: 'pairlist', data, attributes };
  }

  /** An ALTREP object: compact integer and double sequences, and wrappers, are expanded. */
  private altrep(at: number, depth: number): RValue {
    const info = this.item(depth + 1);
    const cls =
      info.type === 'pairlist' && info.data[0]?.value.type === 'symbol' ? info.data[0].value.name : '?';
    const state = this.item(depth + 1);
    const attrAt = this.pos;
    const attr = this.item(depth + 1);
    let attributes: RAttributes = NO_ATTRIBUTES;
    if (attr.type === 'pairlist') {
      const m = new Map<string, RValue>();
      for (const { tag, value } of attr.data) if (tag !== undefined) m.set(tag, value);
      attributes = m;
    } else if (attr.type !== 'NULL')
      fail(this.file, attrAt, 'expected attributes as a pairlist, found another object');
    if (
      (cls === 'compact_intseq' || cls === 'compact_realseq') &&
      state.type === 'double' &&
      state.data.length === 3
    ) {
      const [n, start, step] = state.data as unknown as [number, number, number];
      if (!Number.isInteger(n) || n < 0 || n > MAX_SEQUENCE)
        fail(this.file, at, `expected a compact sequence of at most ${MAX_SEQUENCE} elements, found ${n}`);
      if (cls === 'compact_intseq') {
        const data = new Int32Array(n);
        for (let i = 0; i < n; i++) data[i] = start + i * step;
        return { type: 'integer', data, attributes };
      }
      const data = new Float64Array(n);
      for (let i = 0; i < n; i++) data[i] = start + i * step;
      return { type: 'double', data, attributes };
    }
    if (cls.startsWith('wrap_') && state.type === 'pairlist' && state.data.length > 0) {
      const inner = state.data[0]!.value;
      if (inner.type === 'NULL' || inner.type === 'symbol' || inner.type === 'environment') return inner;
      return { ...inner, attributes: attributes.size > 0 ? attributes : inner.attributes } as RValue;
    }
    return fail(
      this.file,
      at,
      `expected an ALTREP compact sequence or wrapper, found ALTREP class ${cls}, which this reader does not read`,
    );
  }
}
