/**
 * Blocked triangular solves with many right-hand sides, L·X = B (unit lower L) and U·X = B (upper
 * U), on the packed factors of an LU factorisation (Golub & Van Loan 2013, §3.1 and §3.2.11): block
 * by block of BLOCK rows, each block solved, then subtracted from the rows beyond it by one matrix
 * product. With the SIMD kernel each step is one {@link substituteBlock}, its chunks of columns
 * shared with the helper thread; the same step also serves the LU's update of U12 and A22.
 *
 * @internal
 */
import { blockUpdate } from './block-update.js';
import { PACK_DEPTH, type PackArea, packArea, type SimdKernel, simdKernel } from './simd.js';
import { substituteBlock } from './substitute.js';
import { parallelSubstitute } from './threads.js';

/**
 * Rows per block of the solves and columns per panel of the LU, as many as the packing area holds
 * (64): the packed rows of U for a chunk of 256 columns (128 KiB) stay in L2 cache.
 *
 * @internal
 */
export const BLOCK = PACK_DEPTH;

/**
 * Solves L·X = X in place (unit lower triangular L packed in `lu`), in blocks of rows: each block is
 * solved, then subtracted from all rows below it by one block update. With `identity`, X starts as
 * the identity, so row p of the result is zero beyond column p and those columns are skipped.
 *
 * @internal
 */
export function forwardSubstitute(
  lu: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  identity: boolean,
): void {
  if (simdSubstitute(lu, n, x, m, true, identity)) return;
  for (let k0 = 0; k0 < n; k0 += BLOCK) {
    const kEnd = Math.min(n, k0 + BLOCK);
    const cols = identity ? Math.min(m, kEnd) : m;
    for (let i = k0 + 1; i < kEnd; i++) blockUpdate(x, m, lu, n, i, i + 1, k0, i, 0, cols);
    blockUpdate(x, m, lu, n, kEnd, n, k0, kEnd, 0, cols);
  }
}

/**
 * Solves U·X = X in place (upper triangular U packed in `lu`), in blocks of rows from the bottom.
 * `done(r0, r1)`, if given, is called once for each run of rows [r0, r1) of X that is final, so
 * that the caller can copy them out: with the SIMD kernel block by block, during the next block
 * step (on this thread while the helper goes on with that step), which writes only rows above
 * them; on the TypeScript path once, for all rows, at the end.
 *
 * @internal
 */
export function backSubstitute(
  lu: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  done?: (r0: number, r1: number) => void,
): void {
  if (simdSubstitute(lu, n, x, m, false, false, done)) return;
  for (let kEnd = n; kEnd > 0; kEnd -= BLOCK) {
    const k0 = Math.max(0, kEnd - BLOCK);
    for (let i = kEnd - 1; i >= k0; i--) {
      blockUpdate(x, m, lu, n, i, i + 1, i + 1, kEnd, 0, m);
      const d = 1 / lu[i * n + i]!;
      const xi = i * m;
      for (let j = 0; j < m; j++) x[xi + j] = x[xi + j]! * d;
    }
    blockUpdate(x, m, lu, n, 0, k0, k0, kEnd, 0, m);
  }
  done?.(0, n);
}

/**
 * Solves Aᵀ·X = X in place with the SIMD kernel, given T = (the packed LU factors of A)ᵀ in the
 * kernel's memory (as X is, with a packing area set): T's lower triangle with the diagonal is Uᵀ
 * and its strict upper triangle Lᵀ (unit diagonal), so that Uᵀ·Z = X is a forward substitution
 * dividing by the diagonal and Lᵀ·W = Z a back substitution without: the same block steps as
 * {@link forwardSubstitute} and {@link backSubstitute}, on rows of T rather than columns of the
 * factors. The row permutation is the caller's. Returns false, doing nothing, when the operands are
 * not in the kernel's memory.
 *
 * @internal
 */
export function transposedSubstitute(t: Float64Array, n: number, x: Float64Array, m: number): boolean {
  if (!simdSubstitute(t, n, x, m, true, false, undefined, true)) return false;
  simdSubstitute(t, n, x, m, false, false, undefined, true);
  return true;
}

/** Multiply–adds of a block step from which its columns are shared with the helper thread. */
const SPLIT_WORK = 1 << 20;

/** Columns of the first chunk of a shared block step, done by the calling thread (a multiple of 8). */
const STEP_CHUNK = 256;

/**
 * The narrowest chunk of columns of a shared block step (a multiple of 8): the threads end a step
 * within one such chunk of each other. At 2,464 rows, 32 was 3–6 % faster than 128 (inverses
 * alternated in one process), and narrower than 32 no faster.
 */
const MIN_CHUNK = 32;

/**
 * One block step with the SIMD kernel ({@link substituteBlock}) on the columns [c0, c1) of X (n×m,
 * in the kernel's memory like `lu`): the coefficients of the rows [r0, r1) are packed once, then
 * large steps are shared by chunks of columns with the helper thread. `first`, if given, runs on
 * this thread as soon as the first chunk of columns is done, while the helper goes on with the
 * others (the LU factorises its next panel there). With `flip`, the lower triangle is divided by
 * the diagonal and the upper one has a unit diagonal ({@link transposedSubstitute}).
 *
 * @internal
 */
export function blockStep(
  k: SimdKernel,
  area: PackArea,
  lu: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  lower: boolean,
  k0: number,
  kEnd: number,
  r0: number,
  r1: number,
  c0: number,
  c1: number,
  first?: () => void,
  flip = false,
): void {
  const np = kEnd - k0;
  const pairs = Math.floor((r1 - r0) / 2);
  const pack = () => {
    if (pairs > 0) k.packC(lu.byteOffset + (r0 * n + k0) * 8, n * 8, area.c, np, pairs);
  };
  const head = [lower ? 1 : 0, lu.byteOffset, x.byteOffset, n, m, k0, kEnd];
  const tail = [r0, r1, area.c, area.u, MIN_CHUNK, flip ? 1 : 0];
  if (np * (c1 - c0) * (r1 - r0 + np / 2) >= SPLIT_WORK) {
    const split = Math.min(c1, c0 + STEP_CHUNK);
    parallelSubstitute(k, pack, [...head, c0, split, ...tail], [...head, split, c1, ...tail], first);
  } else {
    pack();
    substituteBlock(
      k,
      new Float64Array(k.memory.buffer),
      [...head, c0, c1, r0, r1, area.c, area.u, c1 - c0, flip ? 1 : 0],
      null,
    );
    first?.();
  }
}

/**
 * The SIMD kernel and its packing area when `arrays` all live in its memory, else `null`.
 *
 * @internal
 */
export function simdOperands(...arrays: Float64Array[]): { k: SimdKernel; area: PackArea } | null {
  const k = simdKernel();
  const area = packArea();
  if (!k || !area || arrays.some((a) => a.buffer !== k.memory.buffer)) return null;
  return { k, area };
}

/**
 * The forward (`lower`) or back substitution with the SIMD kernel, when both arrays live in its
 * memory and a packing area is set: block by block, each step split by columns between this thread
 * and the helper ({@link blockStep}); `done` as in {@link backSubstitute}. Returns false, doing
 * nothing, otherwise.
 */
function simdSubstitute(
  lu: Float64Array,
  n: number,
  x: Float64Array,
  m: number,
  lower: boolean,
  identity: boolean,
  done?: (r0: number, r1: number) => void,
  flip = false,
): boolean {
  const s = simdOperands(lu, x);
  if (!s || n > s.area.dim || m > s.area.dim) return false;
  if (lower) {
    for (let k0 = 0; k0 < n; k0 += BLOCK) {
      const kEnd = Math.min(n, k0 + BLOCK);
      const c1 = identity ? Math.min(m, kEnd) : m;
      blockStep(s.k, s.area, lu, n, x, m, true, k0, kEnd, kEnd, n, 0, c1, undefined, flip);
    }
  } else {
    // Rows [kEnd, finished) were completed by the previous step.
    let finished = n;
    for (let kEnd = n; kEnd > 0; kEnd -= BLOCK) {
      const k0 = Math.max(0, kEnd - BLOCK);
      const r1 = finished;
      blockStep(
        s.k,
        s.area,
        lu,
        n,
        x,
        m,
        false,
        k0,
        kEnd,
        0,
        k0,
        0,
        m,
        done && r1 > kEnd ? () => done(kEnd, r1) : undefined,
        flip,
      );
      finished = kEnd;
    }
    if (done && finished > 0) done(0, finished);
  }
  return true;
}
