/**
 * A minimal WebAssembly assembler for the SIMD kernels in `simd.ts`: the opcodes they use, LEB128
 * integers and module sections. Only what the kernels need; see the WebAssembly core specification
 * (binary format, §5) and the SIMD and relaxed SIMD proposals for the encodings.
 *
 * @internal
 */

/** Unsigned LEB128 encoding of a non-negative 32-bit integer. */
export const uleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value;
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
};

/** Signed LEB128 encoding of a 32-bit integer (the immediate of `i32.const`). */
export const sleb = (value: number): number[] => {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};

/** Memory arguments: alignment exponent and offset. */
const memarg = (align: number, offset: number) => [align, ...uleb(offset)];

export const GET = (i: number) => [0x20, i];
export const SET = (i: number) => [0x21, i];
export const TEE = (i: number) => [0x22, i];
export const I32 = (v: number) => [0x41, ...sleb(v)];
export const ADD = [0x6a];
export const MUL = [0x6c];
export const SHL = [0x74];
export const LT_U = [0x49];
export const GT_U = [0x4b];
export const GE_U = [0x4f];
export const BLOCK = [0x02, 0x40];
export const LOOP = [0x03, 0x40];
export const BR = (d: number) => [0x0c, d];
export const BR_IF = (d: number) => [0x0d, d];
export const END = [0x0b];
export const F64_LOAD = (offset: number) => [0x2b, ...memarg(3, offset)];
export const F64_STORE = (offset: number) => [0x39, ...memarg(3, offset)];
export const V128_LOAD = (offset = 0) => [0xfd, 0x00, ...memarg(3, offset)];
export const V128_STORE = (offset = 0) => [0xfd, 0x0b, ...memarg(3, offset)];
export const V128_LOAD64_SPLAT = (offset = 0) => [0xfd, 0x0a, ...memarg(3, offset)];
export const F64X2_SPLAT = [0xfd, 0x14];
export const F64X2_SUB = [0xfd, 0xf1, 0x01];
export const F64X2_MUL = [0xfd, 0xf2, 0x01];
export const F64X2_ABS = [0xfd, 0xec, 0x01];
/** Lane-wise maximum; NaN if either lane is NaN. */
export const F64X2_MAX = [0xfd, 0xf5, 0x01];
/** Relaxed SIMD: relaxed_nmadd(a, b, c) = c − a·b, fused or not as the hardware does it. */
export const F64X2_RELAXED_NMADD = [0xfd, 0x88, 0x02];

export const I32_TYPE = 0x7f;
export const V128_TYPE = 0x7b;

/** `for (counter = 0; counter < limit; counter += step) body` over i32 locals. */
export function forLoop(counter: number, limit: number, step: number, body: number[]): number[] {
  return [
    ...I32(0),
    ...SET(counter),
    ...BLOCK,
    ...LOOP,
    ...GET(counter),
    ...GET(limit),
    ...GE_U,
    ...BR_IF(1),
    ...body,
    ...GET(counter),
    ...I32(step),
    ...ADD,
    ...SET(counter),
    ...BR(0),
    ...END,
    ...END,
  ];
}

/** A function: its parameter count (all i32, no results), local declarations and code. */
export interface WasmFunction {
  readonly name: string;
  readonly params: number;
  /** Runs of locals after the parameters: [count, type]. */
  readonly locals: ReadonlyArray<readonly [number, number]>;
  readonly code: number[];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/** Pages of 64 KiB in the largest memory (4 GiB, all of wasm32's address space). */
export const MAX_PAGES = 65536;

/**
 * A module importing its memory as `env.memory` (at least one page; `shared` with MAX_PAGES
 * pages at most, so that worker threads can use it too) and exporting the given functions.
 */
export function assemble(functions: readonly WasmFunction[], shared: boolean): Uint8Array {
  const types: number[] = [functions.length];
  const exports: number[] = [functions.length];
  const limits = shared ? [0x03, 0x01, ...uleb(MAX_PAGES)] : [0x00, 0x01];
  const bodies: number[] = [functions.length];
  functions.forEach((f, i) => {
    types.push(0x60, ...uleb(f.params), ...Array<number>(f.params).fill(I32_TYPE), 0x00);
    exports.push(...name(f.name), 0x00, i);
    const body = [
      ...uleb(f.locals.length),
      ...f.locals.flatMap(([n, t]) => [...uleb(n), t]),
      ...f.code,
      ...END,
    ];
    bodies.push(...uleb(body.length), ...body);
  });
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, types),
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, ...limits]),
    ...section(3, [functions.length, ...functions.map((_, i) => i)]),
    ...section(7, exports),
    ...section(10, bodies),
  ]);
}
