/**
 * A WebAssembly SIMD kernel for the block update at the heart of LU factorisation and triangular
 * solves, X_i −= Σ_p C(i, p)·X_p over a run of columns, two doubles per instruction (f64x2) and
 * four rows p per pass over X_i. The module is tiny, so it is assembled here, from the listing
 * below, into bytes at first use: no compiler, no build step, nothing downloaded. Where
 * WebAssembly SIMD is unavailable (`WebAssembly.validate` fails) the TypeScript loops are used.
 * The module's memory grows to the largest problem solved (two n×n arrays) and is kept for reuse.
 *
 * @internal
 */

/** The part of WebAssembly's linear memory the kernel uses (the ES2022 library has no WebAssembly types). */
export interface WasmMemory {
  /** The memory's current buffer (replaced when the memory grows). */
  readonly buffer: ArrayBuffer;
  /** Grows the memory by `pages` of 64 KiB. */
  grow(pages: number): number;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

/** The assembled kernel: its memory and the row-update function. */
export interface SimdKernel {
  /** The module's linear memory; operands must live in it. */
  readonly memory: WasmMemory;
  /**
   * X_i[0..len) −= Σ_{p < np} c[p]·U_p[0..len) with byte addresses: `xi` of X_i, `u` of U_0,
   * `xs` the byte stride between rows U_p, `cp` of c[0], `np` rows, `nb` bytes (a multiple of 16).
   */
  readonly update: (xi: number, u: number, xs: number, cp: number, np: number, nb: number) => void;
}

const uleb = (value: number): number[] => {
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

// Opcodes used by the listing.
const GET = (i: number) => [0x20, i];
const SET = (i: number) => [0x21, i];
const I32 = (v: number) => [0x41, ...uleb(v)];
const ADD = [0x6a];
const MUL = [0x6c];
const SHL = [0x74];
const GE_U = [0x4f];
const GT_U = [0x4b];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const BR = (d: number) => [0x0c, d];
const BR_IF = (d: number) => [0x0d, d];
const END = [0x0b];
const F64_LOAD = (offset: number) => [0x2b, 0x03, ...uleb(offset)];
const V128_LOAD = [0xfd, 0x00, 0x03, 0x00];
const V128_STORE = [0xfd, 0x0b, 0x03, 0x00];
const F64X2_SPLAT = [0xfd, 0x14];
const F64X2_SUB = [0xfd, 0xf1, 0x01];
const F64X2_MUL = [0xfd, 0xf2, 0x01];

// Parameters and locals.
const [XI, U, XS, CP, NP, NB, P, J, U0, U1, U2, U3, L0, L1, L2, L3] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
];
const US = [U0, U1, U2, U3];
const LS = [L0, L1, L2, L3];

/** Inner loop over j in steps of 16 bytes: X_i[j] −= Σ_k l_k·U_k[j] for the given k. */
function columns(ks: readonly number[]): number[] {
  const body = [...GET(XI), ...GET(J), ...ADD, ...GET(XI), ...GET(J), ...ADD, ...V128_LOAD];
  for (const k of ks)
    body.push(...GET(LS[k]!), ...GET(US[k]!), ...GET(J), ...ADD, ...V128_LOAD, ...F64X2_MUL, ...F64X2_SUB);
  return [
    ...I32(0),
    ...SET(J),
    ...BLOCK,
    ...LOOP,
    ...GET(J),
    ...GET(NB),
    ...GE_U,
    ...BR_IF(1),
    ...body,
    ...V128_STORE,
    ...GET(J),
    ...I32(16),
    ...ADD,
    ...SET(J),
    ...BR(0),
    ...END,
    ...END,
  ];
}

function functionBody(): number[] {
  const four: number[] = [];
  // U0 temporarily holds the address of c[p].
  four.push(...GET(CP), ...GET(P), ...I32(3), ...SHL, ...ADD, ...SET(U0));
  for (let k = 0; k < 4; k++) four.push(...GET(U0), ...F64_LOAD(8 * k), ...F64X2_SPLAT, ...SET(LS[k]!));
  four.push(...GET(U), ...GET(P), ...GET(XS), ...MUL, ...ADD, ...SET(U0));
  for (let k = 1; k < 4; k++) four.push(...GET(US[k - 1]!), ...GET(XS), ...ADD, ...SET(US[k]!));
  const one = [
    ...GET(CP),
    ...GET(P),
    ...I32(3),
    ...SHL,
    ...ADD,
    ...F64_LOAD(0),
    ...F64X2_SPLAT,
    ...SET(L0),
    ...GET(U),
    ...GET(P),
    ...GET(XS),
    ...MUL,
    ...ADD,
    ...SET(U0),
  ];
  const code = [
    // Four rows p at a time while p + 4 <= np.
    ...BLOCK,
    ...LOOP,
    ...GET(P),
    ...I32(4),
    ...ADD,
    ...GET(NP),
    ...GT_U,
    ...BR_IF(1),
    ...four,
    ...columns([0, 1, 2, 3]),
    ...GET(P),
    ...I32(4),
    ...ADD,
    ...SET(P),
    ...BR(0),
    ...END,
    ...END,
    // The remaining rows one at a time.
    ...BLOCK,
    ...LOOP,
    ...GET(P),
    ...GET(NP),
    ...GE_U,
    ...BR_IF(1),
    ...one,
    ...columns([0]),
    ...GET(P),
    ...I32(1),
    ...ADD,
    ...SET(P),
    ...BR(0),
    ...END,
    ...END,
    ...END,
  ];
  // Locals: 6 i32 (p, j, u0..u3), 4 v128 (l0..l3).
  const locals = [0x02, 0x06, 0x7f, 0x04, 0x7b];
  const body = [...locals, ...code];
  return [...uleb(body.length), ...body];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

/** The module's bytes: one memory, one function `update(i32 × 6)`, both exported. */
export function simdModuleBytes(): Uint8Array {
  const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
  const body = functionBody();
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [0x01, 0x60, 0x06, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]),
    ...section(3, [0x01, 0x00]),
    ...section(5, [0x01, 0x00, 0x01]),
    ...section(7, [0x02, ...name('memory'), 0x02, 0x00, ...name('update'), 0x00, 0x00]),
    ...section(10, [0x01, ...body]),
  ]);
}

let kernel: SimdKernel | null | undefined;
let enabled = true;

/**
 * The SIMD kernel, assembled and instantiated on first call; `null` when WebAssembly SIMD is not
 * available or the kernel is switched off.
 *
 * @internal
 */
export function simdKernel(): SimdKernel | null {
  if (!enabled) return null;
  if (kernel === undefined) {
    kernel = null;
    try {
      const bytes = simdModuleBytes();
      const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
      if (wasm?.validate(bytes)) {
        const instance = new wasm.Instance(new wasm.Module(bytes));
        const ex = instance.exports as { memory: WasmMemory; update: SimdKernel['update'] };
        kernel = { memory: ex.memory, update: ex.update };
      }
    } catch {
      kernel = null;
    }
  }
  return kernel;
}

/**
 * Switches the SIMD kernel on or off (for tests and benchmarks); returns the previous setting.
 *
 * @internal
 */
export function useSimd(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/**
 * Runs `fn` with Float64Array views of `lengths` doubles each, placed in the kernel's memory
 * (grown as needed, 16-byte aligned). Views are only valid during `fn`: copy results out.
 *
 * @internal
 */
export function withSimdMemory<T>(
  k: SimdKernel,
  lengths: readonly number[],
  fn: (views: Float64Array[]) => T,
): T {
  let bytes = 0;
  const offsets = lengths.map((len) => {
    const o = bytes;
    bytes += Math.ceil((len * 8) / 16) * 16;
    return o;
  });
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  const buffer = k.memory.buffer;
  return fn(lengths.map((len, i) => new Float64Array(buffer, offsets[i], len)));
}
