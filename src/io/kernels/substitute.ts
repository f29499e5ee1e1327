/**
 * One block step of the blocked triangular solves with the SIMD kernel, by chunks of columns of the
 * right-hand sides. Columns of X are independent in L·X = B and U·X = B, so each chunk is done
 * whole (the solve inside the block and the update of the rows outside it) by whichever thread takes
 * it: the calling thread and the helper thread take chunks in turn from a shared counter, which
 * keeps both busy to the end of the step however fast each runs.
 *
 * `substituteBlock` is also run by the helper thread (kernel-worker.ts, bundled into its own module
 * file), so it imports nothing at run time: its constants are written in, and its operands come as
 * byte addresses.
 *
 * @internal
 */
import type { SimdKernel } from './simd.js';

/** The kernel functions a block step uses (the module's exports, in either thread). */
export type StepKernel = Pick<SimdKernel, 'update' | 'gemm' | 'packU'>;

/**
 * The parameters of one block step, in this order (all numbers, so that they pass through a shared
 * Float64Array): `lower` (1: L·X = X with unit lower L; 0: U·X = X with upper U), `lu` and `x` the
 * byte addresses of the packed factors (n×n) and of X (n×m), `n`, `m`, the block's rows [k0, kEnd),
 * the columns [c0, c1), the rows [r0, r1) updated outside the block, the byte addresses of the
 * packed coefficients `cp` (rows r0.. in pairs, from `packC`) and of the packing area of U `up` (at
 * least (kEnd − k0)·c1 doubles; each chunk writes only its own part), the narrowest chunk (a
 * multiple of 8), and `flip` (1: the other diagonal, a lower triangle divided by its diagonal and
 * an upper one with a unit diagonal, as the transposed factors need; 0: as above).
 *
 * @internal
 */
export type StepParams = readonly [
  lower: number,
  lu: number,
  x: number,
  n: number,
  m: number,
  k0: number,
  kEnd: number,
  c0: number,
  c1: number,
  r0: number,
  r1: number,
  cp: number,
  up: number,
  chunk: number,
  flip: number,
];

/**
 * One block step on the columns [c0, c1), chunk by chunk: solves the block's rows (forward:
 * X_i −= Σ_{k0 ≤ p < i} L(i, p)·X_p; back, from the bottom: X_i −= Σ_{i < p < kEnd} U(i, p)·X_p and
 * X_i /= U(i, i); with `flip`, the division moves to the forward solve), then updates the rows
 * [r0, r1) by X_r −= Σ_{k0 ≤ p < kEnd} C(r, p)·X_p: pairs of
 * rows and blocks of 8 columns in `gemm` on packed operands, the rest row by row in `update`, an odd
 * last column in plain loops on `heap` (a Float64Array over the kernel's memory). With `next`,
 * chunks are taken from the shared counter `next[3]`, and the packed coefficients are used once
 * `next[5]` says they are ready; without, all chunks are done here.
 *
 * @internal
 */
export function substituteBlock(
  k: StepKernel,
  heap: Float64Array,
  q: ArrayLike<number>,
  next: Int32Array | null,
): void {
  const [lower, lu, x, n, m, k0, kEnd, c0, c1, r0, r1, cp, up, chunk, flip] = Array.from(
    q,
  ) as unknown as StepParams;
  // Rows of the block are divided by the diagonal: U's by default, the transposed L's never.
  const divide = (lower === 1) === (flip === 1);
  const lu8 = lu / 8;
  const x8 = x / 8;
  const np = kEnd - k0;
  // Register blocks are 2 rows (GEMM_ROWS) × 8 columns (GEMM_COLUMNS).
  const paired = Math.floor((r1 - r0) / 2) * 2;
  for (let taken = 0; ; taken++) {
    const t = next ? Atomics.add(next, 3, 1) : taken;
    // Guided chunks: chunk t is a quarter of the columns left after chunks 0..t−1 (a multiple of
    // 8, at least `chunk`), so that the threads start on wide chunks, which run fastest, and end the
    // step within a narrow one of each other.
    let ja = c0;
    let width = 0;
    for (let u = 0; u <= t && ja < c1; u++) {
      ja += width;
      width = Math.max(chunk, Math.ceil((c1 - ja) / 32) * 8);
    }
    if (ja >= c1) return;
    const jb = Math.min(c1, ja + width);
    const wide = Math.floor((jb - ja) / 8) * 8;
    const packed = wide > 0 && paired > 0;
    // Rows i of the block first (in order: forward down, back up), then the rows [r0, r1); row i
    // is X_i[j0, jb) −= Σ_{p ∈ [p0, p1)} C(i, p)·X_p[j0, jb) with C in the factors.
    for (let s = 0; s < np + (r1 - r0); s++) {
      let i: number;
      let p0: number;
      let p1: number;
      let j0 = ja;
      if (s < np) {
        i = lower === 1 ? k0 + s : kEnd - 1 - s;
        p0 = lower === 1 ? k0 : i + 1;
        p1 = lower === 1 ? i : kEnd;
      } else {
        if (s === np && packed) {
          // In the helper, wait for the calling thread to finish packing the coefficients
          // (word 5 of the control words), which it does while this thread solves its first block.
          if (next !== null) while (Atomics.load(next, 5) === 0);
          // The block's rows are solved: pack them and update the pairs of rows in `gemm`, by
          // blocks of 16 rows (their packed coefficients, 8 KiB, in L1 cache beside the block of
          // U in use; 16 rather than 32 rows did 3–7 % more multiply–adds per second, fewer rows
          // of X being read at once) and 256 columns (their packed rows of U, 128 KiB, in L2
          // cache).
          k.packU(x + (k0 * m + ja) * 8, m * 8, up + ja * np * 8, np, wide * 8);
          for (let i0 = r0; i0 < r0 + paired; i0 += 16) {
            const i1 = Math.min(r0 + paired, i0 + 16);
            for (let jc = ja; jc < ja + wide; jc += 256) {
              const width = Math.min(ja + wide, jc + 256) - jc;
              const u = up + jc * np * 8;
              k.gemm(
                x + (i0 * m + jc) * 8,
                m * 8,
                cp + ((i0 - r0) / 2) * np * 16,
                u,
                np * 16,
                width * 8,
                (i1 - i0) / 2,
              );
            }
          }
        }
        i = r0 + s - np;
        p0 = k0;
        p1 = kEnd;
        // What `gemm` did not reach of its rows: the columns beyond its blocks.
        if (packed && i < r0 + paired) j0 = ja + wide;
      }
      if (p1 > p0 && j0 < jb) {
        const even = (jb - j0) & ~1;
        if (even > 0)
          k.update(
            x + (i * m + j0) * 8,
            x + (p0 * m + j0) * 8,
            m * 8,
            lu + (i * n + p0) * 8,
            p1 - p0,
            even * 8,
          );
        if (even < jb - j0) {
          const j = j0 + even;
          let v = heap[x8 + i * m + j]!;
          for (let p = p0; p < p1; p++) v -= heap[lu8 + i * n + p]! * heap[x8 + p * m + j]!;
          heap[x8 + i * m + j] = v;
        }
      }
      if (s < np && divide) {
        const d = 1 / heap[lu8 + i * n + i]!;
        const o = x8 + i * m;
        for (let j = ja; j < jb; j++) heap[o + j] = heap[o + j]! * d;
      }
    }
  }
}
