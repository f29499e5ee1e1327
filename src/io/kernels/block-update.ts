/**
 * The block update shared by the LU factorisation and the triangular solves, in TypeScript loops
 * and with the WebAssembly SIMD kernel.
 *
 * @internal
 */
import { GEMM_COLUMNS, GEMM_ROWS, type SimdKernel, simdKernel } from './simd.js';
import { gemmRows, parallelGemm } from './threads.js';

/** Columns per chunk of the block updates: 512 doubles (4 KiB) of a target row stay in L1 cache. */
const CHUNK = 512;

/** Columns per chunk of the SIMD block updates (a multiple of GEMM_COLUMNS): 64 rows of U in L2 cache. */
const SIMD_CHUNK = 256;

/** Multiply–adds from which a block update is shared with the helper thread (about a millisecond). */
const PARALLEL_WORK = 1 << 21;

/**
 * Block update X_i −= Σ_{p ∈ [p0, p1)} C(i, p) · X_p for rows i in [r0, r1) and columns [c0, c1)
 * of X (row stride `xs`), with coefficients C(i, p) = c[i·cs + p]. X and C may be the same array
 * (the trailing update of LU) as long as the rows read are not the rows written. The SIMD kernel is
 * used when both arrays live in its memory.
 *
 * @internal
 */
export function blockUpdate(
  x: Float64Array,
  xs: number,
  c: Float64Array,
  cs: number,
  r0: number,
  r1: number,
  p0: number,
  p1: number,
  c0: number,
  c1: number,
): void {
  const k = simdKernel();
  if (k && x.buffer === k.memory.buffer && c.buffer === k.memory.buffer) {
    simdBlockUpdate(k, x, xs, c, cs, r0, r1, p0, p1, c0, c1);
    return;
  }
  for (let j0 = c0; j0 < c1; j0 += CHUNK) {
    const jEnd = Math.min(c1, j0 + CHUNK);
    for (let i = r0; i < r1; i++) {
      const xi = i * xs;
      const ci = i * cs;
      let p = p0;
      for (; p + 3 < p1; p += 4) {
        const l0 = c[ci + p]!;
        const l1 = c[ci + p + 1]!;
        const l2 = c[ci + p + 2]!;
        const l3 = c[ci + p + 3]!;
        if (l0 === 0 && l1 === 0 && l2 === 0 && l3 === 0) continue;
        const u0 = p * xs;
        const u1 = u0 + xs;
        const u2 = u1 + xs;
        const u3 = u2 + xs;
        for (let j = j0; j < jEnd; j++) {
          x[xi + j] = x[xi + j]! - l0 * x[u0 + j]! - l1 * x[u1 + j]! - l2 * x[u2 + j]! - l3 * x[u3 + j]!;
        }
      }
      for (; p < p1; p++) {
        const l = c[ci + p]!;
        if (l === 0) continue;
        const up = p * xs;
        for (let j = j0; j < jEnd; j++) x[xi + j] = x[xi + j]! - l * x[up + j]!;
      }
    }
  }
}

/**
 * {@link blockUpdate} with the SIMD kernel: blocks of GEMM_ROWS rows × GEMM_COLUMNS columns in the
 * register-blocked `gemm`, the remaining rows and pairs of columns in `update`, an odd last column here.
 */
function simdBlockUpdate(
  k: SimdKernel,
  x: Float64Array,
  xs: number,
  c: Float64Array,
  cs: number,
  r0: number,
  r1: number,
  p0: number,
  p1: number,
  c0: number,
  c1: number,
): void {
  if (p1 <= p0) return;
  const xo = x.byteOffset;
  const co = c.byteOffset;
  const np = p1 - p0;
  const rEnd = r0 + Math.floor((r1 - r0) / GEMM_ROWS) * GEMM_ROWS;
  // Leftover columns of the rows in `gemm` blocks, and all columns of the leftover rows.
  const leftovers = () => {
    for (let j0 = c0; j0 < c1; j0 += SIMD_CHUNK) {
      const jEnd = Math.min(c1, j0 + SIMD_CHUNK);
      const wide = Math.floor((jEnd - j0) / GEMM_COLUMNS) * GEMM_COLUMNS;
      const even = (jEnd - j0) & ~1;
      const u = xo + (p0 * xs + j0) * 8;
      for (let i = r0; i < r1; i++) {
        const from = i < rEnd ? wide : 0;
        if (even > from)
          k.update(
            xo + (i * xs + j0 + from) * 8,
            u + from * 8,
            xs * 8,
            co + (i * cs + p0) * 8,
            np,
            (even - from) * 8,
          );
        if (even < jEnd - j0) {
          const j = j0 + even;
          let t = x[i * xs + j]!;
          for (let p = p0; p < p1; p++) t -= c[i * cs + p]! * x[p * xs + j]!;
          x[i * xs + j] = t;
        }
      }
    }
  };
  const q = [xo, xs, co, cs, p0, np, c0, c1] as const;
  if ((rEnd - r0) * (c1 - c0) * np >= PARALLEL_WORK && rEnd - r0 >= 4 * GEMM_ROWS)
    parallelGemm(k, q, r0, rEnd, SIMD_CHUNK, GEMM_ROWS, GEMM_COLUMNS, leftovers);
  else {
    gemmRows(k.gemm, [...q, r0, rEnd, SIMD_CHUNK, GEMM_ROWS, GEMM_COLUMNS, rEnd - r0], null);
    leftovers();
  }
}
