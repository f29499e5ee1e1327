/**
 * A WebAssembly SIMD kernel for the block update at the heart of LU factorisation and triangular
 * solves, X_i −= Σ_p C(i, p)·X_p over a run of columns, two doubles per instruction (f64x2): `gemm`
 * updates blocks of 2 rows × 8 columns held in registers while p runs (each element of X loaded
 * and stored once, each vector of X_p loaded once per 2 rows), `update` one row at a time for the
 * leftovers. The module is tiny, so it is assembled here, from the listing below (`wasm-asm.ts`
 * has the encodings), into bytes at first use: no compiler, no build step, nothing downloaded.
 * Where the runtime validates relaxed SIMD (Node ≥ 22) `gemm` uses fused multiply–add; where
 * WebAssembly SIMD is unavailable (`WebAssembly.validate` fails) the TypeScript loops are used.
 * The module's memory grows to the largest problem solved (two n×n arrays) and is kept for reuse.
 *
 * @internal
 */
import {
  ADD,
  assemble,
  BLOCK,
  BR,
  BR_IF,
  END,
  F64_LOAD,
  F64X2_MUL,
  F64X2_RELAXED_NMADD,
  F64X2_SPLAT,
  F64X2_SUB,
  forLoop,
  GE_U,
  GET,
  GT_U,
  I32,
  I32_TYPE,
  LOOP,
  LT_U,
  MAX_PAGES,
  MUL,
  SET,
  SHL,
  TEE,
  V128_LOAD,
  V128_LOAD64_SPLAT,
  V128_STORE,
  V128_TYPE,
  type WasmFunction,
} from './wasm-asm.js';

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
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (limits: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** The assembled kernel: its memory and the row-update function. */
export interface SimdKernel {
  /** The compiled module (to instantiate in worker threads when the memory is shared). */
  readonly module: object;
  /** Whether the memory is shared (a SharedArrayBuffer), so that worker threads can use it. */
  readonly shared: boolean;
  /** The module's linear memory; operands must live in it. */
  readonly memory: WasmMemory;
  /**
   * X_i[0..len) −= Σ_{p < np} c[p]·U_p[0..len) with byte addresses: `xi` of X_i, `u` of U_0,
   * `xs` the byte stride between rows U_p, `cp` of c[0], `np` rows, `nb` bytes (a multiple of 16).
   */
  readonly update: (xi: number, u: number, xs: number, cp: number, np: number, nb: number) => void;
  /**
   * X_i[0..len) −= Σ_{p < np} C(i, p)·U_p[0..len) for GEMM_ROWS rows i at once: `x` the byte
   * address of X_0, `xs` the byte stride of the rows of X and of U, `c` of C(0, 0), `cs` the byte
   * stride of the rows of C, `u` of U_0, `np` ≥ 1 rows, `nb` bytes (a multiple of 8·GEMM_COLUMNS).
   */
  readonly gemm: (x: number, xs: number, c: number, cs: number, u: number, np: number, nb: number) => void;
  /** Whether `gemm` uses relaxed SIMD fused multiply–add. */
  readonly fma: boolean;
}

// Parameters and locals of `update`.
const [XI, U, XS, CP, NP, NB, P, J, U0, U1, U2, U3, L0, L1, L2, L3] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
];
const US = [U0, U1, U2, U3];
const LS = [L0, L1, L2, L3];

/** Inner loop of `update` over j in steps of 16 bytes: X_i[j] −= Σ_k l_k·U_k[j] for the given k. */
function columns(ks: readonly number[]): number[] {
  const body = [...GET(XI), ...GET(J), ...ADD, ...GET(XI), ...GET(J), ...ADD, ...V128_LOAD()];
  for (const k of ks)
    body.push(...GET(LS[k]!), ...GET(US[k]!), ...GET(J), ...ADD, ...V128_LOAD(), ...F64X2_MUL, ...F64X2_SUB);
  return forLoop(J, NB, 16, [...body, ...V128_STORE()]);
}

/** `update(xi, u, xs, cp, np, nb)`: one row X_i, four rows p per pass over it. */
function updateFunction(): WasmFunction {
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
  ];
  // Locals: 6 i32 (p, j, u0..u3), 4 v128 (l0..l3).
  return {
    name: 'update',
    params: 6,
    locals: [
      [6, I32_TYPE],
      [4, V128_TYPE],
    ],
    code,
  };
}

/**
 * Rows of X and pairs of columns (f64x2 vectors) per register block of `gemm`: 2 rows × 8 columns
 * did 15–40 % more multiply–adds per second under V8 (Node 20) than 4 × 4, 4 × 6 or 3 × 4 in large
 * block updates (one cache line of U per p).
 */
export const GEMM_ROWS = 2;
const GEMM_VECTORS = 4;
/** Columns per register block of `gemm`. */
export const GEMM_COLUMNS = 2 * GEMM_VECTORS;

/**
 * `gemm(x, xs, c, cs, u, np, nb)`: the register-blocked update of GEMM_ROWS rows of X at once.
 * For each block of GEMM_COLUMNS columns, the GEMM_ROWS × GEMM_VECTORS accumulators stay in
 * locals (registers) while p runs over all np rows of U, so that each vector of U is loaded once
 * per GEMM_ROWS rows of X and each element of X once per call. With `fma`, the multiply and
 * subtract are one relaxed SIMD instruction (f64x2.relaxed_nmadd).
 */
function gemmFunction(fma: boolean, rows = GEMM_ROWS, vectors = GEMM_VECTORS): WasmFunction {
  const [X, XSTRIDE, C, CSTRIDE, UB, NPS, NBS, JJ, Q, UP, QE] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const xr = [X, ...Array.from({ length: rows - 1 }, (_, r) => 11 + r)];
  const cr = [C, ...Array.from({ length: rows - 1 }, (_, r) => 10 + rows + r)];
  const v0 = 9 + 2 * rows;
  const acc = (r: number, v: number) => v0 + r * vectors + v;
  const b = (v: number) => v0 + rows * vectors + v;
  const s = v0 + rows * vectors + vectors;
  const code: number[] = [];
  for (let r = 1; r < rows; r++) {
    code.push(...GET(xr[r - 1]!), ...GET(XSTRIDE), ...ADD, ...SET(xr[r]!));
    code.push(...GET(cr[r - 1]!), ...GET(CSTRIDE), ...ADD, ...SET(cr[r]!));
  }
  code.push(...GET(NPS), ...I32(3), ...SHL, ...SET(QE));
  const body: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let v = 0; v < vectors; v++)
      body.push(...GET(xr[r]!), ...GET(JJ), ...ADD, ...V128_LOAD(16 * v), ...SET(acc(r, v)));
  body.push(...GET(UB), ...GET(JJ), ...ADD, ...SET(UP), ...I32(0), ...SET(Q), ...LOOP);
  for (let v = 0; v < vectors; v++) body.push(...GET(UP), ...V128_LOAD(16 * v), ...SET(b(v)));
  for (let r = 0; r < rows; r++) {
    body.push(...GET(cr[r]!), ...GET(Q), ...ADD, ...V128_LOAD64_SPLAT(), ...SET(s));
    for (let v = 0; v < vectors; v++) {
      if (fma)
        body.push(...GET(s), ...GET(b(v)), ...GET(acc(r, v)), ...F64X2_RELAXED_NMADD, ...SET(acc(r, v)));
      else
        body.push(...GET(acc(r, v)), ...GET(s), ...GET(b(v)), ...F64X2_MUL, ...F64X2_SUB, ...SET(acc(r, v)));
    }
  }
  body.push(...GET(UP), ...GET(XSTRIDE), ...ADD, ...SET(UP));
  body.push(...GET(Q), ...I32(8), ...ADD, ...TEE(Q), ...GET(QE), ...LT_U, ...BR_IF(0), ...END);
  for (let r = 0; r < rows; r++)
    for (let v = 0; v < vectors; v++)
      body.push(...GET(xr[r]!), ...GET(JJ), ...ADD, ...GET(acc(r, v)), ...V128_STORE(16 * v));
  code.push(...forLoop(JJ, NBS, 16 * vectors, body));
  return {
    name: 'gemm',
    params: 7,
    locals: [
      [4 + 2 * (rows - 1), I32_TYPE],
      [rows * vectors + vectors + 1, V128_TYPE],
    ],
    code,
  };
}

/**
 * The module's bytes: an imported memory (`env.memory`, shared or not) and the exported functions
 * `update(i32 × 6)` and `gemm(i32 × 7)`; with `fma`, `gemm` uses relaxed SIMD (not valid where that
 * is unsupported).
 */
export function simdModuleBytes(fma = false, shared = false): Uint8Array {
  return assemble([updateFunction(), gemmFunction(fma)], shared);
}

let kernel: SimdKernel | null | undefined;
let enabled = true;
let useFma = true;

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
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    // Relaxed SIMD (Node ≥ 22, or V8's --experimental-wasm-relaxed-simd) where valid, else plain
    // SIMD; shared memory (for worker threads) where the runtime has it, else a private memory.
    for (const fma of useFma ? [true, false] : [false]) {
      for (const shared of [true, false]) {
        try {
          const bytes = simdModuleBytes(fma, shared);
          if (!wasm?.validate(bytes)) continue;
          const memory = new wasm.Memory(
            shared ? { initial: 1, maximum: MAX_PAGES, shared } : { initial: 1 },
          );
          const module = new wasm.Module(bytes);
          const ex = new wasm.Instance(module, { env: { memory } }).exports as Pick<
            SimdKernel,
            'update' | 'gemm'
          >;
          kernel = { module, shared, memory, update: ex.update, gemm: ex.gemm, fma };
          return kernel;
        } catch {
          // Try the next variant.
        }
      }
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
 * Allows or forbids the relaxed SIMD (fused multiply–add) variant of the kernel, for tests and
 * benchmarks; the kernel is assembled again at next use. Returns the previous setting.
 *
 * @internal
 */
export function useRelaxedSimd(on: boolean): boolean {
  const was = useFma;
  if (on !== useFma) kernel = undefined;
  useFma = on;
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
