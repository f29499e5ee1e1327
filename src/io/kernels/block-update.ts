/**
 * The block update shared by the LU factorisation and the triangular solves, in TypeScript loops
 * and with the WebAssembly SIMD kernel.
 *
 * @internal
 */

import { addRowCombination } from './matrix.js';
import { GEMM_COLUMNS, GEMM_ROWS, PACK_DEPTH, packArea, type SimdKernel, simdKernel } from './simd.js';
import { gemmRows, parallelGemm } from './threads.js';

/** Columns per chunk of the block updates: 512 doubles (4 KiB) of a target row stay in L1 cache. */
const CHUNK = 512;

/** Columns per chunk of `gemm` (a multiple of GEMM_COLUMNS): 256 columns of 64 packed rows of U (128 KiB) stay in L2 cache. */
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
    for (let i = r0; i < r1; i++) addRowCombination(x, i * xs, c, i * cs, -1, x, xs, p0, p1, j0, jEnd);
  }
}

/** Fewer rows than this are updated row by row (`update`): packing would cost more than it saves. */
const GEMM_MIN_ROWS = 8;

/**
 * {@link blockUpdate} with the SIMD kernel. Where a packing area is set (the LU and solves set one)
 * and there are at least GEMM_MIN_ROWS rows, the rows in whole pairs and the columns in whole
 * register blocks go through `gemm` on packed copies of U and C, PACK_DEPTH rows p at a time (the
 * update is a sum over p); the remaining rows and columns, and everything of small updates, go row
 * by row through `update`, with an odd last column here.
 */
function simdBlockUpdate(k: SimdKernel, ...update: Parameters<typeof blockUpdate>): void {
  const [x, xs, c, cs, r0, r1, p0, p1, c0, c1] = update;
  if (p1 <= p0 || r1 <= r0 || c1 <= c0) return;
  const xo = x.byteOffset;
  const co = c.byteOffset;
  const area = packArea();
  const wide = Math.floor((c1 - c0) / GEMM_COLUMNS) * GEMM_COLUMNS;
  const paired = Math.floor((r1 - r0) / GEMM_ROWS) * GEMM_ROWS;
  const useGemm =
    area !== null && r1 - r0 >= GEMM_MIN_ROWS && wide > 0 && wide <= area.dim && paired <= area.dim;
  const rEnd = useGemm ? r0 + paired : r0;
  const from = useGemm ? wide : 0;
  for (let q0 = p0; q0 < p1; q0 += PACK_DEPTH) {
    const q1 = Math.min(p1, q0 + PACK_DEPTH);
    const np = q1 - q0;
    // Columns of the rows in `gemm` pairs that `gemm` does not reach, and all columns of the others.
    const leftovers = () => {
      for (let i = r0; i < r1; i++) {
        const j0 = c0 + (i < rEnd ? from : 0);
        if (j0 >= c1) continue;
        const even = (c1 - j0) & ~1;
        if (even > 0)
          k.update(
            xo + (i * xs + j0) * 8,
            xo + (q0 * xs + j0) * 8,
            xs * 8,
            co + (i * cs + q0) * 8,
            np,
            even * 8,
          );
        if (even < c1 - j0) {
          const j = j0 + even;
          let t = x[i * xs + j]!;
          for (let p = q0; p < q1; p++) t -= c[i * cs + p]! * x[p * xs + j]!;
          x[i * xs + j] = t;
        }
      }
    };
    if (!useGemm || area === null) {
      leftovers();
      continue;
    }
    k.packU(xo + (q0 * xs + c0) * 8, xs * 8, area.u, np, wide * 8);
    k.packC(co + (r0 * cs + q0) * 8, cs * 8, area.c, np, paired / GEMM_ROWS);
    const q = [xo, xs, area.c, area.u, np, c0, c0 + wide] as const;
    if (paired * wide * np >= PARALLEL_WORK && paired >= 4 * GEMM_ROWS)
      parallelGemm(k, q, r0, rEnd, SIMD_CHUNK, GEMM_ROWS, leftovers);
    else {
      gemmRows(k.gemm, [...q, r0, rEnd, SIMD_CHUNK, GEMM_ROWS, paired], null);
      leftovers();
    }
  }
}
