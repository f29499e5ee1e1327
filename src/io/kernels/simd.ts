/**
 * A WebAssembly SIMD kernel for the block update at the heart of LU factorisation and triangular
 * solves, X_i −= Σ_p C(i, p)·X_p over a run of columns, two doubles per instruction (f64x2): `gemm`
 * updates blocks of 2 rows × 8 columns held in registers while p runs, from operands copied first
 * into the order it reads them (`packU`, `packC`), `update` one row at a time for the leftovers,
 * `maxAbs` finds pivots. The kernels are written in AssemblyScript (`assembly/simd.ts`, which
 * explains the blocking and the packed layouts) and compiled by `npm run build:kernels`
 * (`scripts/build-kernels.ts`) into four variants embedded, base64-encoded, in
 * `simd-binaries.generated.ts`: nothing is compiled, looked up or fetched at run time.
 * Where the runtime validates relaxed SIMD (Node ≥ 22) `gemm` uses fused multiply–add; where
 * WebAssembly SIMD is unavailable (`WebAssembly.validate` fails) the TypeScript loops are used.
 * The module's memory grows to the largest problem solved (two n×n arrays, a panel and the packing
 * areas); `kernel-memory.ts` places operands in it, keeps factors there between solves and gives
 * large memory back.
 *
 * @internal
 */
import { quote } from '../../core/boundary.js';
import { GvcError } from '../../core/errors.js';
import { SIMD_BINARIES } from './simd-binaries.generated.js';

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

/** The instantiated kernel: its module, its memory and its functions. */
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

/**
 * Rows of X per register block of `gemm`: 2 rows × 8 columns did 15–40 % more multiply–adds per
 * second under V8 (Node 20) than 4 × 4, 4 × 6 or 3 × 4 in large block updates; more accumulators
 * than that spill out of the 16 vector registers of x86-64 (`assembly/simd.ts` has the loops).
 */
export const GEMM_ROWS = 2;
/** Columns per register block of `gemm`: four f64x2 vectors. */
export const GEMM_COLUMNS = 8;

/** Pages of 64 KiB in the shared memory's maximum (4 GiB, all of wasm32's address space), as compiled. */
const MAX_PAGES = 65536;

/**
 * The bytes of one kernel variant, or `null` where it has none.
 *
 * @internal
 */
export type KernelBinaries = (fma: boolean, shared: boolean) => Uint8Array | null;

/**
 * The module's bytes, decoded from `simd-binaries.generated.ts`: an imported memory (`env.memory`,
 * shared with at most MAX_PAGES pages, or private) and the exported functions `update(i32 × 6)`,
 * `gemm(i32 × 7)`, `packU(i32 × 5)`, `packC(i32 × 5)` and `maxAbs(i32 × 3)`; with `fma`, `gemm`
 * uses relaxed SIMD (not valid where that is unsupported).
 *
 * @internal
 */
export function simdModuleBytes(fma = false, shared = false): Uint8Array {
  const base64 = SIMD_BINARIES[fma ? 'fma' : 'plain'][shared ? 'shared' : 'private'];
  return Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
}

let binaries: KernelBinaries = simdModuleBytes;
let kernel: SimdKernel | null | undefined;
let enabled = true;
let useFma = true;

/**
 * Replaces the kernel's bytes (`null`: the built-in ones), for tests and for benchmarks that
 * compare two builds of the kernels; the kernel is instantiated again at next use. Returns the
 * previous source.
 *
 * @internal
 */
export function useKernelBinaries(source: KernelBinaries | null): KernelBinaries {
  const was = binaries;
  binaries = source ?? simdModuleBytes;
  kernel = undefined;
  return was;
}

/**
 * The SIMD kernel, decoded and instantiated on first call; `null` when WebAssembly SIMD is not
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
          const bytes = binaries(fma, shared);
          if (!bytes || !wasm?.validate(bytes)) continue;
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
 * benchmarks; the kernel is instantiated again at next use. Returns the previous setting.
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
 * The kernel if it is instantiated now, else `null` (without instantiating it).
 *
 * @internal
 */
export function currentKernel(): SimdKernel | null {
  return kernel ?? null;
}

/**
 * Forgets the kernel (module, memory and packing area), so that the next use instantiates it
 * afresh; kernel-memory.ts does this to give the memory back.
 *
 * @internal
 */
export function dropKernel(): void {
  kernel = undefined;
  pack = null;
}

let placing: (() => void) | undefined;
let ended: ((k: SimdKernel) => void) | undefined;

/**
 * Sets what runs when {@link withSimdMemory} places operands from the start of the memory, and
 * after the outermost call into the kernel's memory ends (kernel-memory.ts: the resident factors
 * are forgotten; the release of large memory is scheduled).
 *
 * @internal
 */
export function setMemoryHooks(onPlacing: () => void, onEnded: (k: SimdKernel) => void): void {
  placing = onPlacing;
  ended = onEnded;
}

/** Bytes of n doubles rounded up to 16. */
const aligned = (len: number) => Math.ceil((len * 8) / 16) * 16;

/**
 * Runs `fn` with Float64Array views of `lengths` doubles each, placed in the kernel's memory
 * (grown as needed, 16-byte aligned), and, with `packDim` > 0, a packing area for `gemm` of up to
 * `packDim` columns or rows behind them, with its spare. Views are only valid during `fn`: copy results out.
 * The factors kept there by kernel-memory.ts's `withResidentFactors` are overwritten (and forgotten).
 *
 * @internal
 */
export function withSimdMemory<T>(
  k: SimdKernel,
  lengths: readonly number[],
  fn: (views: Float64Array[]) => T,
  packDim = 0,
): T {
  placing?.();
  return placeAt(k, 0, lengths, fn, packDim);
}

/**
 * {@link withSimdMemory} with the views from byte `base` of the kernel's memory (the bytes before
 * it are left alone).
 *
 * @internal
 */
export function placeAt<T>(
  k: SimdKernel,
  base: number,
  lengths: readonly number[],
  fn: (views: Float64Array[]) => T,
  packDim: number,
): T {
  let bytes = base;
  const offsets = lengths.map((len) => {
    const o = bytes;
    bytes += aligned(len);
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
  const outermost = packArea() === null;
  try {
    return withPacking(area, () => fn(lengths.map((len, i) => new Float64Array(buffer, offsets[i], len))));
  } finally {
    if (outermost) ended?.(k);
  }
}
