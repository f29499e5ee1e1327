/**
 * A WebAssembly SIMD kernel for the block update at the heart of LU factorisation and triangular
 * solves, X_i −= Σ_p C(i, p)·X_p over a run of columns, two doubles per instruction (f64x2): `gemm`
 * updates blocks of 2 rows × 8 columns held in registers while p runs, from operands copied first
 * into the order it reads them (`packU`, `packC`), `update` one row at a time for the leftovers. The module is tiny, so it is assembled here, from the listing below (`wasm-asm.ts`
 * has the encodings), into bytes at first use: no compiler, no build step, nothing downloaded.
 * Where the runtime validates relaxed SIMD (Node ≥ 22) `gemm` uses fused multiply–add; where
 * WebAssembly SIMD is unavailable (`WebAssembly.validate` fails) the TypeScript loops are used.
 * The module's memory grows to the largest problem solved (two n×n arrays, a panel and the packing
 * areas) and is kept for reuse.
 *
 * @internal
 */
import { quote } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import {
  ADD,
  assemble,
  BLOCK,
  BR,
  BR_IF,
  END,
  F64_LOAD,
  F64_STORE,
  F64X2_ABS,
  F64X2_MAX,
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
   * X_i[0..len) −= Σ_{p < np} C(i, p)·U_p[0..len) for `pairs` pairs of rows i (GEMM_ROWS at a
   * time), from packed operands: `x` the byte address of X_0, `xs` the byte stride of the rows of
   * X, `c` the pairs of rows of C packed by `packC`, `u` the columns of U packed by `packU`,
   * `npb` = 16·np bytes (np ≥ 1), `nb` bytes of columns (a multiple of 8·GEMM_COLUMNS).
   */
  readonly gemm: (
    x: number,
    xs: number,
    c: number,
    u: number,
    npb: number,
    nb: number,
    pairs: number,
  ) => void;
  /** Packs np rows of U (stride `us` bytes) over `nb` bytes of columns for `gemm`, at `dst`. */
  readonly packU: (u: number, us: number, dst: number, np: number, nb: number) => void;
  /** Packs `pairs` pairs of rows of C (np coefficients each, stride `cs` bytes) for `gemm`, at `dst`. */
  readonly packC: (c: number, cs: number, dst: number, np: number, pairs: number) => void;
  /**
   * Stores at `out` the two lanes of the largest |a_k| over `nb` bytes at `a` (a multiple of 16,
   * at least 16), lane by lane; NaN in a lane that met a NaN. The largest entry is the larger lane.
   */
  readonly maxAbs: (a: number, nb: number, out: number) => void;
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
 * block updates; more accumulators than that spill out of the 16 vector registers of x86-64.
 */
export const GEMM_ROWS = 2;
const GEMM_VECTORS = 4;
/** Columns per register block of `gemm`. */
export const GEMM_COLUMNS = 2 * GEMM_VECTORS;

/**
 * `gemm(x, xs, c, u, npb, nb, pairs)`: the register-blocked update of `pairs` pairs of rows of X
 * (byte address `x`, row stride `xs` bytes) over `nb` bytes of columns, from operands packed by
 * `packC` and `packU` (Goto & van de Geijn 2008): C(i, p) for each pair of rows interleaved at `c`
 * ([pair][p][row], `npb` = 16·np bytes per pair), and U in blocks of GEMM_COLUMNS columns at `u`
 * ([block][p][column], each block 4·npb bytes after the previous). As in Goto's macro-kernel,
 * the outer loop runs over the blocks of U and the inner one over the pairs of rows, so that the
 * block of U (4 KiB at np = 64) stays in the L1 cache while the pairs of C stream past it. Both
 * operands are read in order, from one pointer each with constant offsets, so the innermost loop is
 * the multiply–adds, six loads and one compare; the GEMM_ROWS × GEMM_VECTORS accumulators stay in
 * registers while p runs. With `fma`, the multiply and subtract are one relaxed SIMD instruction
 * (f64x2.relaxed_nmadd).
 */
function gemmFunction(fma: boolean): WasmFunction {
  const [X, XSTRIDE, C, UB, NPB, NBS, PAIRS, JJ, PR, X0, X1, CP, UP, CE, UBLOCK] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
  ];
  const rows = GEMM_ROWS;
  const vectors = GEMM_VECTORS;
  const xr = [X0, X1];
  const acc = (r: number, v: number) => 15 + r * vectors + v;
  const b = (v: number) => 15 + rows * vectors + v;
  const s = 15 + rows * vectors + vectors;
  // One register block: rows X0 and X1 of the block of columns starting there, p over C at CP.
  const block: number[] = [];
  for (let r = 0; r < rows; r++)
    for (let v = 0; v < vectors; v++) block.push(...GET(xr[r]!), ...V128_LOAD(16 * v), ...SET(acc(r, v)));
  block.push(...GET(UBLOCK), ...SET(UP), ...GET(CP), ...GET(NPB), ...ADD, ...SET(CE), ...LOOP);
  for (let v = 0; v < vectors; v++) block.push(...GET(UP), ...V128_LOAD(16 * v), ...SET(b(v)));
  for (let r = 0; r < rows; r++) {
    block.push(...GET(CP), ...V128_LOAD64_SPLAT(8 * r), ...SET(s));
    for (let v = 0; v < vectors; v++) {
      if (fma)
        block.push(...GET(s), ...GET(b(v)), ...GET(acc(r, v)), ...F64X2_RELAXED_NMADD, ...SET(acc(r, v)));
      else
        block.push(...GET(acc(r, v)), ...GET(s), ...GET(b(v)), ...F64X2_MUL, ...F64X2_SUB, ...SET(acc(r, v)));
    }
  }
  block.push(...GET(UP), ...I32(16 * vectors), ...ADD, ...SET(UP));
  block.push(...GET(CP), ...I32(16), ...ADD, ...TEE(CP), ...GET(CE), ...LT_U, ...BR_IF(0), ...END);
  for (let r = 0; r < rows; r++)
    for (let v = 0; v < vectors; v++) block.push(...GET(xr[r]!), ...GET(acc(r, v)), ...V128_STORE(16 * v));
  // CP has reached the next packed pair; X0 moves two rows down.
  const pair = [
    ...GET(X0),
    ...GET(XSTRIDE),
    ...ADD,
    ...SET(X1),
    ...block,
    ...GET(X1),
    ...GET(XSTRIDE),
    ...ADD,
    ...SET(X0),
  ];
  // Each block of columns: all the pairs, from the first row of X and the first pair of C; then
  // the next block of U (4·npb bytes on).
  const column = [
    ...GET(X),
    ...GET(JJ),
    ...ADD,
    ...SET(X0),
    ...GET(C),
    ...SET(CP),
    ...forLoop(PR, PAIRS, 1, pair),
    ...GET(UBLOCK),
    ...GET(NPB),
    ...I32(2),
    ...SHL,
    ...ADD,
    ...SET(UBLOCK),
  ];
  return {
    name: 'gemm',
    params: 7,
    locals: [
      [8, I32_TYPE],
      [rows * vectors + vectors + 1, V128_TYPE],
    ],
    code: [...GET(UB), ...SET(UBLOCK), ...forLoop(JJ, NBS, 16 * vectors, column)],
  };
}

/**
 * `packU(u, us, dst, np, nb)`: copies np rows of U (byte address `u`, row stride `us` bytes) over
 * `nb` bytes of columns (a multiple of 8·GEMM_COLUMNS) to `dst` in the layout `gemm` reads:
 * blocks of GEMM_COLUMNS columns, each np rows of GEMM_COLUMNS consecutive doubles.
 */
function packUFunction(): WasmFunction {
  const [U, US, D, NP, NB, JB, P, SRC] = [0, 1, 2, 3, 4, 5, 6, 7];
  const copy: number[] = [];
  for (let v = 0; v < GEMM_VECTORS; v++)
    copy.push(...GET(D), ...GET(SRC), ...V128_LOAD(16 * v), ...V128_STORE(16 * v));
  const rowsOfBlock = [
    ...GET(U),
    ...GET(JB),
    ...ADD,
    ...SET(SRC),
    ...forLoop(P, NP, 1, [
      ...copy,
      ...GET(D),
      ...I32(16 * GEMM_VECTORS),
      ...ADD,
      ...SET(D),
      ...GET(SRC),
      ...GET(US),
      ...ADD,
      ...SET(SRC),
    ]),
  ];
  return {
    name: 'packU',
    params: 5,
    locals: [[3, I32_TYPE]],
    code: forLoop(JB, NB, 16 * GEMM_VECTORS, rowsOfBlock),
  };
}

/**
 * `packC(c, cs, dst, np, pairs)`: copies C(i, 0..np) for `pairs` pairs of rows (byte address `c`,
 * row stride `cs` bytes) to `dst` with the two rows of each pair interleaved, [pair][p][row].
 */
function packCFunction(): WasmFunction {
  const [C, CS, D, NP, PAIRS, K, P, S0] = [0, 1, 2, 3, 4, 5, 6, 7];
  const pair = [
    ...forLoop(P, NP, 8, [
      ...GET(D),
      ...GET(S0),
      ...GET(P),
      ...ADD,
      ...F64_LOAD(0),
      ...F64_STORE(0),
      ...GET(D),
      ...GET(S0),
      ...GET(CS),
      ...ADD,
      ...GET(P),
      ...ADD,
      ...F64_LOAD(0),
      ...F64_STORE(8),
      ...GET(D),
      ...I32(16),
      ...ADD,
      ...SET(D),
    ]),
    ...GET(S0),
    ...GET(CS),
    ...I32(1),
    ...SHL,
    ...ADD,
    ...SET(S0),
  ];
  // NP is turned into bytes first so that P runs over byte offsets.
  const code = [
    ...GET(NP),
    ...I32(3),
    ...SHL,
    ...SET(NP),
    ...GET(C),
    ...SET(S0),
    ...forLoop(K, PAIRS, 1, pair),
  ];
  return { name: 'packC', params: 5, locals: [[3, I32_TYPE]], code };
}

/**
 * `maxAbs(a, nb, out)`: the lane-wise maximum of |a_k| over `nb` bytes at `a`, stored at `out`
 * (f64x2.max keeps a NaN, as Math.max does).
 */
function maxAbsFunction(): WasmFunction {
  const [A, NB, OUT, J, M] = [0, 1, 2, 3, 4];
  return {
    name: 'maxAbs',
    params: 3,
    locals: [
      [1, I32_TYPE],
      [1, V128_TYPE],
    ],
    code: [
      ...GET(A),
      ...V128_LOAD(),
      ...F64X2_ABS,
      ...SET(M),
      ...forLoop(J, NB, 16, [
        ...GET(M),
        ...GET(A),
        ...GET(J),
        ...ADD,
        ...V128_LOAD(),
        ...F64X2_ABS,
        ...F64X2_MAX,
        ...SET(M),
      ]),
      ...GET(OUT),
      ...GET(M),
      ...V128_STORE(),
    ],
  };
}

/**
 * The module's bytes: an imported memory (`env.memory`, shared or not) and the exported functions
 * `update(i32 × 6)`, `gemm(i32 × 7)`, `packU(i32 × 5)`, `packC(i32 × 5)` and `maxAbs(i32 × 3)`;
 * with `fma`, `gemm` uses relaxed SIMD (not valid where that is unsupported).
 */
export function simdModuleBytes(fma = false, shared = false): Uint8Array {
  return assemble(
    [updateFunction(), gemmFunction(fma), packUFunction(), packCFunction(), maxAbsFunction()],
    shared,
  );
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
            'update' | 'gemm' | 'packU' | 'packC' | 'maxAbs'
          >;
          kernel = {
            module,
            shared,
            memory,
            update: ex.update,
            gemm: ex.gemm,
            packU: ex.packU,
            packC: ex.packC,
            maxAbs: ex.maxAbs,
            fma,
          };
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

/** Rows p of U (and coefficients of C) packed at a time for `gemm`: a 64-row panel of the LU. */
export const PACK_DEPTH = 64;

/** Where `gemm`'s packed operands go while {@link withSimdMemory} runs with a packing area. */
export interface PackArea {
  /** Byte address of the packed U (PACK_DEPTH × `dim` doubles). */
  readonly u: number;
  /** Byte address of the packed C (PACK_DEPTH × `dim` doubles). */
  readonly c: number;
  /** The largest number of columns of U, or of rows of C, that fits. */
  readonly dim: number;
  /**
   * A second, separate area for the block updates of an LU panel factorised while a step that
   * uses this one is in progress (look-ahead).
   */
  readonly spare?: PackArea;
}

let pack: PackArea | null = null;

/**
 * The packing area of the {@link withSimdMemory} call running now, or `null` (then block updates
 * do not use `gemm`).
 *
 * @internal
 */
export function packArea(): PackArea | null {
  return pack;
}

/**
 * Runs `fn` with `area` as the packing area (`null`: none, block updates go row by row through
 * `update`), so that its block updates leave the packed operands of a step in progress alone.
 *
 * @internal
 */
export function withPacking<T>(area: PackArea | null, fn: () => T): T {
  const outer = pack;
  pack = area;
  try {
    return fn();
  } finally {
    pack = outer;
  }
}

/**
 * Runs `fn` with Float64Array views of `lengths` doubles each, placed in the kernel's memory
 * (grown as needed, 16-byte aligned), and, with `packDim` > 0, a packing area for `gemm` of up to
 * `packDim` columns or rows behind them, with its spare. Views are only valid during `fn`: copy results out.
 *
 * @internal
 */
export function withSimdMemory<T>(
  k: SimdKernel,
  lengths: readonly number[],
  fn: (views: Float64Array[]) => T,
  packDim = 0,
): T {
  let bytes = 0;
  const offsets = lengths.map((len) => {
    const o = bytes;
    bytes += Math.ceil((len * 8) / 16) * 16;
    return o;
  });
  // The packing area (U and C, PACK_DEPTH × packDim doubles each) and its spare.
  let area: PackArea | null = null;
  if (packDim > 0) {
    const size = PACK_DEPTH * packDim * 8;
    const spare = { u: bytes + 2 * size, c: bytes + 3 * size, dim: packDim };
    area = { u: bytes, c: bytes + size, dim: packDim, spare };
    bytes += 4 * size;
  }
  const have = k.memory.buffer.byteLength;
  if (bytes > have) {
    try {
      k.memory.grow(Math.ceil((bytes - have) / 65536));
    } catch (e) {
      // The runtime refuses to grow past its limit (4 GiB) or the machine's memory: a RangeError.
      throw new GvcError('UNSUPPORTED', 'not enough memory for the WebAssembly kernel', [
        {
          path: '',
          message: `expected ${(bytes / 1e9).toFixed(2)} GB of WebAssembly memory, found that it cannot grow (${e instanceof Error ? quote(e.message) : 'refused'})`,
        },
      ]);
    }
  }
  const buffer = k.memory.buffer;
  const outer = pack;
  pack = area;
  try {
    return fn(lengths.map((len, i) => new Float64Array(buffer, offsets[i], len)));
  } finally {
    pack = outer;
  }
}
